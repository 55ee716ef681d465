// The host questions' form state as answers, and their validation by the shared `parseProfileWrite`: the
// same code the server and the mock run. Loaded with the host-question chunk only.
import type { HostQuestion, RowField } from '../../client/host-questions';
import { parseProfileWrite, shownQuestions } from '../../client/profile-write';
import type { Question, QuestionnaireDefinition } from '../../client/questionnaire';
import type { ProfileInput, ProfilePatch } from '../../client/schema';
import { hostMessages } from '../localization/en/host-messages';
import { createTranslate } from '../localization/translate';
import type { BackgroundValues } from '../types/form-values';
import type { MessageKey, Translate } from '../types/message-keys';
import { splitList, visibleAnswers } from './form-model';

/** A translation that falls back to the host questions' own table. */
export function hostTranslate(t: Translate): Translate {
  const own = createTranslate(hostMessages);
  return (key, values) => {
    const text = t(key, values);
    return text === key ? own(key, values) : text;
  };
}

/** One form value as the answer a write sends; undefined when left empty. */
export function toAnswer(question: HostQuestion | RowField, value: unknown): unknown {
  switch (question.kind) {
    case 'number': {
      if (typeof value === 'number') return value;
      const text = typeof value === 'string' ? value.trim() : '';
      if (text === '') return undefined;
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'multi': {
      const list = Array.isArray(value) ? value.filter((v) => typeof v === 'string' && v.trim() !== '') : [];
      return list.length ? list : undefined;
    }
    case 'group': {
      if (!Array.isArray(value) || value.length === 0) return undefined;
      return value.map((row: Record<string, unknown>) => {
        const out: Record<string, unknown> = {};
        for (const field of question.fields) {
          const answer = toAnswer(field, row?.[field.id]);
          if (answer !== undefined) out[field.id] = answer;
        }
        return out;
      });
    }
    default:
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }
}

/** The answers of the shown host questions, and which are shown (visibleWhen read live). */
export function hostAnswers(
  definition: QuestionnaireDefinition,
  raw: Record<string, unknown>,
  builtIn: ProfilePatch,
) {
  const questions = definition.questions ?? [];
  const converted: Record<string, unknown> = {};
  for (const q of questions) converted[q.id] = toAnswer(q, raw[q.id]);
  const ids = new Set(questions.map((q) => q.id));
  const shown = shownQuestions(questions, (id) =>
    ids.has(id) ? converted[id] : (builtIn as Record<string, unknown>)[id],
  );
  const answers: Record<string, unknown> = {};
  for (const id of shown) if (converted[id] !== undefined) answers[id] = converted[id];
  return { answers, shown };
}

/** The question (or row field) an issue path such as `answers.tools.1.level` is about. */
function questionAt(definition: QuestionnaireDefinition, path: string) {
  const [, id, row, field] = path.split('.');
  const question = definition.questions?.find((q) => q.id === id);
  if (question?.kind === 'group' && row !== undefined && field !== undefined)
    return question.fields.find((f) => f.id === field) ?? question;
  return question;
}

/** The message of one issue, with the bounds of its question. */
function issueText(question: HostQuestion | RowField | undefined, code: string, t: Translate): string {
  const q = (question ?? {}) as Record<string, unknown>;
  const date = question?.kind === 'date';
  const group = question?.kind === 'group';
  const values = {
    max: String(q.max ?? q.maxCount ?? q.maxRows ?? q.maxLength ?? ''),
    min: String(q.min ?? q.minCount ?? q.minRows ?? ''),
    increment: String(q.increment ?? 1),
  };
  if (code === 'required')
    return t(question?.kind === 'multi' || group ? 'issue.requiredList' : 'issue.required');
  if (code === 'too_long' || code === 'invalid_characters') return t(`issue.${code}`, values);
  const key = `host.issue.${date && code !== 'duplicate' && code !== 'invalid_value' ? 'date_' : ''}${code}`;
  const text = t(key as MessageKey, values);
  return text === key ? t('issue.invalid') : text;
}

/**
 * The issues of the host answers, by the shared validation of the whole write: each as the form path it
 * shows under (`answers.gpu`, `answers.tools.1.level`), its code and its text.
 */
export function hostIssues(
  definition: QuestionnaireDefinition,
  input: ProfileInput,
  raw: Record<string, unknown>,
  t: Translate,
): [string, string, string][] {
  const { answers } = hostAnswers(definition, raw, input);
  const parsed = parseProfileWrite(definition, { ...input, answers }, { mode: 'put' });
  if (parsed.success) return [];
  const tt = hostTranslate(t);
  return (parsed.error.issues ?? [])
    .filter((issue) => issue.path.startsWith('answers.'))
    .map((issue) => [issue.path, issue.code, issueText(questionAt(definition, issue.path), issue.code, tt)]);
}

/** Comma-separated "other" entries of a multi question, beside its ticked options. */
export function withOther(ticked: readonly string[], other: string): string[] {
  return [...ticked, ...splitList(other)];
}

/**
 * What a write sends of the host answers: `answers`, those of the shown questions (a whole profile), and
 * `changed`, only the shown ones that differ from `stored` (`null` for one cleared: a patch). Answers of
 * removed, hidden and not-shown questions are in neither, so the server keeps them.
 */
export function hostWrite(
  definition: QuestionnaireDefinition,
  values: BackgroundValues,
  questions: readonly Question[],
  stored: Record<string, unknown> = {},
) {
  const { answers, shown } = hostAnswers(definition, values.answers ?? {}, visibleAnswers(values, questions));
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const changed = Object.fromEntries(
    [...shown].filter((id) => !same(answers[id], stored[id])).map((id) => [id, answers[id] ?? null]),
  );
  return { answers, changed };
}
