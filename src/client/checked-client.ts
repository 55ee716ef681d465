import type { AnswersOf } from './answers';
import {
  createProfileClient as createClient,
  type ProfileClient,
  type ProfileClientOptions,
  type WriteCheck,
} from './profile-client';
import { parseProfileWrite } from './profile-write';
import type { QuestionnaireDefinition } from './questionnaire';

const withoutNulls = (answers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== null));

/**
 * Creates a typed client for the profile API. It has no React dependency and runs in browsers,
 * Node and workers. Every failure is a {@link ProfileKitError}. With `questionnaire`, writes are checked by
 * it before they are sent, and the host answers are typed by it.
 *
 * @example
 * const profiles = createProfileClient({ baseURL: 'https://api.example.com', questionnaire });
 * const { profile } = await profiles.get();
 * await profiles.patch({ devices: ['Raspberry Pi'], answers: { gpu: 'rtx-4090' } }, { ifMatch: true });
 */
export function createProfileClient<Q extends QuestionnaireDefinition = QuestionnaireDefinition>(
  options: ProfileClientOptions<Q>,
): ProfileClient<AnswersOf<Q>> {
  const questionnaire = options?.questionnaire;
  if (!questionnaire) return createClient(options);
  const checkWrite: WriteCheck = (mode, input) => {
    const parsed =
      mode === 'put'
        ? parseProfileWrite(questionnaire, input, { mode, whole: false })
        : parseProfileWrite(questionnaire, input, { mode, whole: false });
    if (!parsed.success) return parsed;
    const given = (input as { answers?: unknown } | null)?.answers !== undefined;
    const answers = mode === 'put' ? withoutNulls(parsed.data.given) : parsed.data.given;
    return { success: true, body: given ? { ...parsed.data.profile, answers } : parsed.data.profile };
  };
  return createClient({ ...options, checkWrite } as ProfileClientOptions<Q>) as ProfileClient<AnswersOf<Q>>;
}
