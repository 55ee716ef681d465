import { type FieldErrors, get, type Resolver, set } from 'react-hook-form';
import type { ValidationIssue } from '../../client/errors';
import type { BackgroundFieldName, Question, QuestionnaireDefinition } from '../../client/questionnaire';
import { PROFILE_LIMITS, type Profile, type ProfileInput, type ProfilePatch } from '../../client/schema';
import { textProblem } from '../../client/text';
import { parseProfileInput } from '../../client/validate';
import { EMAIL_PATTERN } from '../context/auth-call';
import { textOr } from '../localization/translate';
import type { BackgroundValues, MultiField, SignUpValues } from '../types/form-values';
import type { Translate } from '../types/message-keys';

export const MAX_PASSWORD_LENGTH = 128;

export function emptyBackground(): BackgroundValues {
  return {
    languages: [{ language: '', level: '' }],
    frameworks: [],
    devices: [],
    architectureFamiliarity: [],
    other: { frameworks: '', devices: '', architectureFamiliarity: '' },
    experienceYears: '',
    softwareExperience: '',
    hardwareExperience: '',
    backgroundPreference: '',
    answers: {},
  };
}

/** The entries of a comma-separated text ("other" answers), trimmed, without empty ones. */
/** Commas that separate entries: Latin, Arabic (U+060C), ideographic (U+3001) and full-width (U+FF0C). */
export const SEPARATORS = /[,\u060C\u3001\uFF0C]/;

export const splitList = (text: string) =>
  text
    .split(SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);

/** The list questions, whose form state is ticked boxes plus an "other" text. */
const MULTI = new Set<string>(['frameworks', 'devices', 'architectureFamiliarity']);
const isMulti = (name: string): name is MultiField => MULTI.has(name);

/** A stored profile as form state: known options ticked, the rest in "other". No profile: empty answers. */
export function profileToValues(profile: Profile | null, questions: readonly Question[]): BackgroundValues {
  const values = emptyBackground();
  if (!profile) return values;
  values.languages = profile.languages.length
    ? profile.languages.map((l) => ({ language: l.language, level: l.level }))
    : values.languages;
  for (const name of MULTI as Set<MultiField>) {
    const options = questions.find((q) => q.name === name)?.options ?? [];
    const stored = profile[name] ?? [];
    const known = new Set(options.map((o) => o.toLowerCase()));
    // Ticked boxes in the order the form lists them, as the checkboxes report them.
    values[name] = options.filter((o) => stored.some((entry) => entry.toLowerCase() === o.toLowerCase()));
    values.other[name] = stored.filter((entry) => !known.has(entry.toLowerCase())).join(', ');
  }
  values.experienceYears = profile.experienceYears ?? '';
  values.softwareExperience = profile.softwareExperience ?? '';
  values.hardwareExperience = profile.hardwareExperience ?? '';
  values.backgroundPreference = profile.backgroundPreference ?? '';
  values.answers = { ...profile.answers };
  return values;
}

/** Rows of the language list that hold anything, with the index of the row they came from. */
function filledLanguageRows(values: BackgroundValues) {
  return values.languages
    .map((row, index) => ({ language: row.language.trim(), level: row.level, index }))
    .filter((row) => row.language !== '' || row.level !== '');
}

/**
 * The answers to the visible questions as a profile body. Hidden questions are left out, so a patch built
 * from it never touches them; for a whole profile, `languages` and `frameworks` default to `[]`.
 */
export function valuesToInput(values: BackgroundValues, questions: readonly Question[]): ProfileInput {
  const input: ProfileInput & Record<string, unknown> = { languages: [], frameworks: [] };
  for (const [key, value] of Object.entries(visibleAnswers(values, questions))) input[key] = value;
  return input;
}

/** The answers to the visible questions only. */
export function visibleAnswers(values: BackgroundValues, questions: readonly Question[]): ProfilePatch {
  const input: ProfilePatch & Record<string, unknown> = {};
  for (const { name } of questions) {
    if (name === 'languages') {
      input.languages = filledLanguageRows(values).map(({ language, level }) => ({ language, level }));
    } else if (isMulti(name)) {
      input[name] = [...values[name], ...splitList(values.other[name])];
    } else {
      // A radio group none of whose options is checked reads as null in react-hook-form (on blur, say).
      const value = String(values[name] ?? '').trim();
      input[name] = value === '' ? null : value;
    }
  }
  return input;
}

/** The keys of a profile body that differ from the stored profile (lists of names compare as sets). */
export function changedKeys(input: ProfilePatch, profile: Profile): BackgroundFieldName[] {
  const comparable = (key: BackgroundFieldName, value: unknown) =>
    JSON.stringify(MULTI.has(key) && Array.isArray(value) ? [...value].sort() : (value ?? null));
  return (Object.keys(input) as BackgroundFieldName[]).filter(
    (key) => comparable(key, input[key]) !== comparable(key, profile[key]),
  );
}

type ErrorTree = Record<string, unknown>;

/** Records the first error of a field; later ones for the same field wait until it is fixed. */
function setError(tree: ErrorTree, path: string, type: string, message: string) {
  if (!get(tree, path)) set(tree, path, { type, message });
}

/** Where a schema issue shows in the form, its code, and its text (`issue.<code>`, else `issue.invalid`). */
function placeIssue(
  issue: ValidationIssue,
  values: BackgroundValues,
  t: Translate,
): [string, string, string] {
  const [field = '', index, key] = issue.path.split('.');
  const row = index === undefined ? undefined : (filledLanguageRows(values)[Number(index)]?.index ?? 0);
  const path =
    field !== 'languages'
      ? field
      : row === undefined
        ? 'languages.root'
        : `languages.${row}.${key ?? 'language'}`;
  // A level left on "Choose…" is a missing answer, not a wrong one.
  const code =
    issue.code === 'invalid_value' && key === 'level' && values.languages[row ?? 0]?.level === ''
      ? 'required'
      : issue.code;
  // The bound of the field itself (a list's length, the years' text), else of one name in it.
  const max =
    key === undefined && index === undefined
      ? (PROFILE_LIMITS as Partial<Record<string, number>>)[
          field === 'experienceYears' ? 'experienceYearsLength' : field
        ]
      : PROFILE_LIMITS.nameLength;
  return [path, code, textOr(t, `issue.${code}`, 'issue.invalid', { max: max ?? '' })];
}

export interface ValidationContext {
  questions: readonly Question[];
  t: Translate;
  /** Validates the account fields of the sign-up too. */
  account?: { minPasswordLength: number };
  /** The questionnaire, when it has host questions. */
  definition?: QuestionnaireDefinition;
  /** Loads the host questions' code (only called when `definition` has host questions). */
  loadHost?: () => Promise<HostCode>;
}

/** What the form needs of the host questions' chunk. */
export interface HostCode {
  hostIssues: (
    definition: QuestionnaireDefinition,
    input: ProfileInput,
    raw: Record<string, unknown>,
    t: Translate,
  ) => [string, string, string][];
  hostWrite: (
    definition: QuestionnaireDefinition,
    values: BackgroundValues,
    questions: readonly Question[],
    stored?: Record<string, unknown>,
  ) => { answers: Record<string, unknown>; changed: Record<string, unknown> };
}

/** Validates form state with the field definition and the profilekit/client schemas. */
export function validateValues(
  values: SignUpValues | BackgroundValues,
  context: ValidationContext,
  host?: HostCode,
) {
  const { questions, t, account, definition } = context;
  const errors: ErrorTree = {};
  if (account && 'email' in values) {
    const name = values.name.trim();
    const max = PROFILE_LIMITS.personNameLength;
    const nameIssue = name === '' ? 'required' : name.length > max ? 'too_long' : textProblem(name);
    if (nameIssue) setError(errors, 'name', nameIssue, t(`issue.${nameIssue}`, { max }));
    if (values.email.trim() === '') setError(errors, 'email', 'required', t('issue.required'));
    else if (!EMAIL_PATTERN.test(values.email.trim()))
      setError(errors, 'email', 'invalid_email', t('issue.invalid_email'));
    if (values.password === '') setError(errors, 'password', 'required', t('issue.required'));
    else if (values.password.length < account.minPasswordLength)
      setError(errors, 'password', 'too_short', t('issue.too_short', { min: account.minPasswordLength }));
    else if (values.password.length > MAX_PASSWORD_LENGTH)
      setError(errors, 'password', 'too_long', t('issue.too_long', { max: MAX_PASSWORD_LENGTH }));
  }
  const input = valuesToInput(values, questions);
  for (const question of questions) {
    if (!question.required) continue;
    const answer = (input as Record<string, unknown>)[question.name];
    if (question.name === 'languages' && filledLanguageRows(values).length === 0) {
      setError(errors, 'languages.0.language', 'required', t('issue.requiredList'));
    } else if (Array.isArray(answer) ? answer.length === 0 : answer == null) {
      setError(
        errors,
        question.name,
        'required',
        t(question.kind === 'multi' ? 'issue.requiredList' : 'issue.required'),
      );
    }
  }
  const parsed = parseProfileInput(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) setError(errors, ...placeIssue(issue, values, t));
  }
  if (host && definition) {
    for (const [path, code, text] of host.hostIssues(definition, input, values.answers ?? {}, t))
      setError(errors, path, code, text);
  }
  return { input, errors: errors as FieldErrors };
}

const SINGLE = [
  'experienceYears',
  'softwareExperience',
  'hardwareExperience',
  'backgroundPreference',
] as const;

/**
 * The form state with every single answer a string. react-hook-form reads a radio group none of whose
 * options is checked as `null` (when one of them loses focus, for example), which the form model never is.
 */
export function withTextAnswers<T extends BackgroundValues>(values: T): T {
  if (SINGLE.every((name) => typeof values[name] === 'string')) return values;
  const copy = { ...values };
  for (const name of SINGLE) if (typeof copy[name] !== 'string') (copy as BackgroundValues)[name] = '';
  return copy;
}

/** A react-hook-form resolver over {@link validateValues}. */
export function createResolver<T extends BackgroundValues>(getContext: () => ValidationContext): Resolver<T> {
  return async (values) => {
    const context = getContext();
    const host = context.definition?.questions?.length ? await context.loadHost?.() : undefined;
    const { errors } = validateValues(withTextAnswers(values), context, host);
    return Object.keys(errors).length
      ? { values: {}, errors: errors as FieldErrors<T> }
      : { values, errors: {} };
  };
}

/** The names of the form fields a question is made of, for validating one step. */
export function formFieldsOf(name: BackgroundFieldName): string[] {
  return isMulti(name) ? [name, `other.${name}`] : [name];
}
