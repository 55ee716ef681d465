// One validation of a profile write against a questionnaire: the built-in fields by the schemas, the host
// answers by their questions, `required` and `visibleWhen` on the profile as it will be after the write.
// The server runs it on every write; the profile client, the forms and the mock run the same code.
import { checkAnswer, isAnswered } from './answer-rules';
import { ErrorCodes, ProfileKitError, type ValidationIssue } from './errors';
import type { HostQuestion, VisibleWhen } from './host-questions';
import type { QuestionnaireDefinition } from './questionnaire';
import { resolveQuestionnaire } from './questions';
import type { NormalizedProfileInput, NormalizedProfilePatch } from './schema';
import { parseProfileInput, parseProfilePatch } from './validate';

/** What is stored before a write: the built-in fields (camelCase) and the host answers. */
export interface StoredProfile {
  fields: Record<string, unknown>;
  answers: Record<string, unknown>;
}

export interface ProfileWriteOptions {
  /** `put` replaces the profile, `patch` changes the keys given. */
  mode: 'put' | 'patch';
  /** The profile as stored now (none yet: undefined). */
  stored?: StoredProfile | undefined;
  /**
   * Check `required` and `visibleWhen` on the profile after the write. Default true; the profile client
   * turns it off for a patch, whose stored profile it may not know (the server checks it).
   */
  whole?: boolean;
}

export interface ProfileWrite<T> {
  /** The built-in fields, validated and normalised as without a questionnaire. */
  profile: T;
  /**
   * Every host answer to store after the write: the given ones, normalised, and every stored answer that
   * the write does not replace (those of removed, hidden and not-shown questions are kept).
   */
  answers: Record<string, unknown>;
  /** The answers the body gave, normalised (`null` for one it clears): what a client sends on. */
  given: Record<string, unknown>;
}

type Result<T> = { success: true; data: ProfileWrite<T> } | { success: false; error: ProfileKitError };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `visibleWhen` holds on a profile's values (built-in fields and answers together). */
export function isShown(when: VisibleWhen | undefined, values: (id: string) => unknown): boolean {
  if (when === undefined) return true;
  const wanted: readonly unknown[] = Array.isArray(when.equals) ? when.equals : [when.equals];
  const value = values(when.question);
  if (Array.isArray(value)) return value.some((item) => wanted.includes(item));
  return wanted.includes(value);
}

/**
 * The host questions shown on a profile: not hidden, and each `visibleWhen` holding (a question shown only
 * after a question that is not shown is not shown either).
 */
export function shownQuestions(
  questions: readonly HostQuestion[],
  values: (id: string) => unknown,
): Set<string> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const memo = new Map<string, boolean>();
  const shown = (question: HostQuestion, depth: number): boolean => {
    const known = memo.get(question.id);
    if (known !== undefined) return known;
    let result = !question.hidden && depth < 32 && isShown(question.visibleWhen, values);
    const parent = question.visibleWhen ? byId.get(question.visibleWhen.question) : undefined;
    if (result && parent) result = shown(parent, depth + 1);
    memo.set(question.id, result);
    return result;
  };
  return new Set(questions.filter((q) => shown(q, 0)).map((q) => q.id));
}

/**
 * A built-in question whose free answers are off (`allowOther: false`, and `experienceYears` by default)
 * takes only its options, as the form offers them: checked on the values the write gives.
 */
function builtInOptionIssues(
  definition: QuestionnaireDefinition,
  data: NormalizedProfileInput | NormalizedProfilePatch,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const given = data as Record<string, unknown>;
  for (const question of resolveQuestionnaire(definition)) {
    if (question.allowOther || question.options.length === 0) continue;
    const value = given[question.name];
    if (value === undefined || value === null) continue;
    const allowed = new Set(question.options.map((o) => o.toLowerCase()));
    const entries: unknown[] = Array.isArray(value) ? value : [value];
    entries.forEach((entry, index) => {
      const name =
        typeof entry === 'object' && entry !== null ? (entry as { language: string }).language : entry;
      if (typeof name === 'string' && !allowed.has(name.toLowerCase()))
        issues.push({
          path: Array.isArray(value) ? `${question.name}.${index}` : question.name,
          code: 'invalid_value',
          message: `Expected one of: ${question.options.join(', ')}`,
        });
    });
  }
  return issues;
}

function failure(issues: ValidationIssue[], what: string): ProfileKitError {
  return new ProfileKitError(
    ErrorCodes.VALIDATION_FAILED,
    `${what} is invalid: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
    { issues },
  );
}

/**
 * Validates a profile write (`PUT` or `PATCH` body) by a questionnaire: the built-in fields as without one,
 * plus `answers` keyed by question id (unknown ids, answers to hidden or not-shown questions refused), and
 * `required` on the profile as it will be. Never throws. Every issue has a path (`answers.gpu`,
 * `answers.tools.1.level`, `languages`).
 */
export function parseProfileWrite(
  definition: QuestionnaireDefinition,
  body: unknown,
  options: { mode: 'put'; stored?: StoredProfile | undefined; whole?: boolean },
): Result<NormalizedProfileInput>;
export function parseProfileWrite(
  definition: QuestionnaireDefinition,
  body: unknown,
  options: { mode: 'patch'; stored?: StoredProfile | undefined; whole?: boolean },
): Result<NormalizedProfilePatch>;
export function parseProfileWrite(
  definition: QuestionnaireDefinition,
  body: unknown,
  options: ProfileWriteOptions,
): Result<NormalizedProfileInput | NormalizedProfilePatch> {
  const what = options.mode === 'put' ? 'Profile' : 'Profile patch';
  if (!isObject(body)) {
    return {
      success: false,
      error: failure([{ path: '', code: 'invalid_type', message: 'Expected an object' }], what),
    };
  }
  const { answers: given, ...rest } = body;
  const issues: ValidationIssue[] = [];
  const base = options.mode === 'put' ? parseProfileInput(rest) : parseProfilePatch(rest);
  if (!base.success) issues.push(...(base.error.issues ?? []));
  if (given !== undefined && !isObject(given))
    issues.push({ path: 'answers', code: 'invalid_type', message: 'Expected an object' });
  const sent = isObject(given) ? given : {};
  const stored = options.stored;
  const questions = definition.questions ?? [];
  const byId = new Map(questions.map((q) => [q.id, q]));

  // The profile as it will be, for visibleWhen and required.
  const fields: Record<string, unknown> =
    options.mode === 'put' ? { ...(base.success ? base.data : rest) } : { ...stored?.fields, ...rest };
  if (base.success && options.mode === 'patch') Object.assign(fields, base.data);
  const normalised: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(sent)) {
    const question = byId.get(id);
    if (!question) {
      issues.push({ path: `answers.${id}`, code: 'unknown_key', message: `Unknown question ${id}` });
      continue;
    }
    if (question.hidden) {
      issues.push({ path: `answers.${id}`, code: 'hidden', message: 'This question is not asked' });
      continue;
    }
    if (value === null || value === undefined) {
      normalised[id] = null;
      continue;
    }
    const checked = checkAnswer(question, value, issues);
    if (checked.ok) normalised[id] = checked.value;
  }
  // Answers the write gives replace the stored ones; a put with answers replaces every shown question's.
  const after: Record<string, unknown> = { ...stored?.answers };
  const values = (id: string) =>
    byId.has(id) ? (id in normalised ? normalised[id] : after[id]) : fields[id];
  // A put without `answers` (a form that asks no host question) replaces the built-in fields only.
  if (options.mode === 'put' && given !== undefined) {
    const visibleNow = shownQuestions(questions, (id) =>
      byId.has(id) ? (byId.get(id)?.hidden ? after[id] : normalised[id]) : fields[id],
    );
    for (const id of visibleNow) delete after[id];
  }
  for (const [id, value] of Object.entries(normalised)) {
    if (value === null) delete after[id];
    else after[id] = value;
  }
  if (options.whole !== false) {
    const shown = shownQuestions(questions, values);
    for (const question of questions) {
      const here = `answers.${question.id}`;
      if (!shown.has(question.id)) {
        if (!question.hidden && isAnswered(sent[question.id]))
          issues.push({
            path: here,
            code: 'not_shown',
            message: 'This question is not shown for these answers',
          });
        continue;
      }
      if (
        question.required &&
        !isAnswered(after[question.id]) &&
        !issues.some((i) => i.path === here || i.path.startsWith(`${here}.`))
      )
        issues.push({ path: here, code: 'required', message: 'Required' });
    }
    for (const question of resolveQuestionnaire(definition)) {
      if (
        question.required &&
        !isAnswered(fields[question.name]) &&
        !issues.some((i) => i.path === question.name)
      )
        issues.push({ path: question.name, code: 'required', message: 'Required' });
    }
  }
  if (base.success) issues.push(...builtInOptionIssues(definition, base.data));
  if (issues.length > 0 || !base.success) return { success: false, error: failure(issues, what) };
  return { success: true, data: { profile: base.data, answers: after, given: normalised } };
}
