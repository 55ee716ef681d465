import { type ReactNode, useCallback } from 'react';
import type { AnswersOf } from '../../client/answers';
import { type BackgroundCondition, matches as meets } from '../../client/match';
import type { QuestionnaireDefinition } from '../../client/questionnaire';
import { useProfileKit } from '../context/provider';
import type { UseBackgroundResult } from '../types/profile-props';
import { useProfile } from './use-profile';

/**
 * The signed-in person's background (their profile, its answers typed by the questionnaire) and `matches`,
 * which says whether it meets a condition, as the server's `createProfileQueries` would. Follows every save
 * under the provider: a sign-up or an edit shows at once, without a reload.
 *
 * @example
 * const { status, matches } = useBackground(questionnaire);
 * if (status === 'ready' && matches({ languages: { Python: 'beginner' } })) return <PythonBasics />;
 */
export function useBackground<T extends QuestionnaireDefinition = QuestionnaireDefinition>(
  questionnaire?: T,
): UseBackgroundResult<T> {
  const context = useProfileKit('useBackground');
  const definition = questionnaire ?? context.questionnaire;
  const { status, profile } = useProfile<AnswersOf<T>>();
  // `meets` checks the condition even without a profile, so a malformed one fails on every render.
  const matches = useCallback(
    (condition: BackgroundCondition<T>) => meets(profile, condition, definition),
    [profile, definition],
  );
  return { status, profile, matches };
}

export interface ForBackgroundProps<T extends QuestionnaireDefinition = QuestionnaireDefinition> {
  /** The condition (`BackgroundCondition<typeof questionnaire>`; docs/personalization.md). */
  when: BackgroundCondition<T>;
  /** The questionnaire the condition's host answers are read by; defaults to the provider's. */
  questionnaire?: T;
  /** Shown when the person's background meets `when`. */
  children?: ReactNode;
  /** Shown otherwise: a background that does not meet it, no profile yet, nobody signed in. Default nothing. */
  fallback?: ReactNode;
  /** Shown while the session or the profile loads, so neither variant flashes. Default nothing. */
  loading?: ReactNode;
}

/**
 * Content chosen by the signed-in person's background, in the browser. A malformed `when` throws a
 * `ProfileKitError` (`VALIDATION_FAILED`, its path in `issues`) to the nearest error boundary. For content
 * chosen on the server, with no flash and the other variant never sent, use `ServerForBackground` from
 * `profilekit/rsc`.
 *
 * @example
 * <ForBackground when={{ languages: { Python: { atLeast: 'advanced' } } }} fallback={<PythonBasics />}>
 *   <AdvancedTrack />
 * </ForBackground>
 */
export function ForBackground<T extends QuestionnaireDefinition = QuestionnaireDefinition>(
  props: ForBackgroundProps<T>,
): ReactNode {
  const { status, matches } = useBackground(props.questionnaire);
  const meets = matches(props.when);
  if (status === 'loading') return props.loading ?? null;
  return meets ? (props.children ?? null) : (props.fallback ?? null);
}
