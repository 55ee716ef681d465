// The rules of one host answer, by kind: shared by the forms, the profile client, the mock and the server,
// so every side refuses the same values with the same codes.
import type { ValidationIssue } from './errors';
import {
  type ChoiceOption,
  HOST_LIMITS,
  type HostQuestion,
  isDate,
  optionValue,
  type RowField,
  type ScaleLevel,
} from './host-questions';
import { textProblem } from './text';

type Issues = ValidationIssue[];
/** A checked answer: its normalised value, or `undefined` with the issues pushed. */
type Checked = { ok: true; value: unknown } | { ok: false };

const bad = (issues: Issues, path: string, code: string, message: string): Checked => {
  issues.push({ path, code, message });
  return { ok: false };
};

/**
 * @internal The stored value a choice or a level answer stands for: its own, or the current one of a former
 * value.
 */
export function choiceOf(list: readonly (ChoiceOption | ScaleLevel)[], value: string): string | undefined {
  for (const option of list) {
    if (optionValue(option) === value) return value;
    if (typeof option !== 'string' && option.formerly?.includes(value)) return option.value;
  }
  return undefined;
}

function text(value: unknown, path: string, max: number, issues: Issues): string | undefined {
  if (typeof value !== 'string') {
    bad(issues, path, 'invalid_type', 'Expected text');
    return undefined;
  }
  const out = value.trim().normalize('NFC');
  if (textProblem(out)) {
    bad(issues, path, 'invalid_characters', 'Invalid characters');
    return undefined;
  }
  if (out.length > max) {
    bad(issues, path, 'too_long', `At most ${max} characters`);
    return undefined;
  }
  return out;
}

/** Whether an answer counts as given: not absent, not empty text, not an empty list. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function choice(
  question: { options: readonly ChoiceOption[]; allowOther?: boolean },
  value: unknown,
  path: string,
  issues: Issues,
): Checked {
  const given = text(value, path, HOST_LIMITS.textLength, issues);
  if (given === undefined) return { ok: false };
  if (given === '') return bad(issues, path, 'required', 'Required');
  const known = choiceOf(question.options, given);
  if (known !== undefined) return { ok: true, value: known };
  if (question.allowOther) return { ok: true, value: given };
  return bad(
    issues,
    path,
    'invalid_value',
    `Expected one of: ${question.options.map(optionValue).join(', ')}`,
  );
}

function scalar(question: RowField | HostQuestion, value: unknown, path: string, issues: Issues): Checked {
  switch (question.kind) {
    case 'text': {
      const out = text(value, path, question.maxLength ?? HOST_LIMITS.textLength, issues);
      if (out === undefined) return { ok: false };
      if (
        question.pattern !== undefined &&
        out !== '' &&
        !new RegExp(`^(?:${question.pattern})$`, 'u').test(out)
      )
        return bad(issues, path, 'invalid_format', 'Does not match the expected format');
      return { ok: true, value: out };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return bad(issues, path, 'invalid_type', 'Expected a number');
      if (question.min !== undefined && value < question.min)
        return bad(issues, path, 'too_small', `At least ${question.min}`);
      if (question.max !== undefined && value > question.max)
        return bad(issues, path, 'too_big', `At most ${question.max}`);
      if (question.increment !== undefined) {
        const steps = (value - (question.min ?? 0)) / question.increment;
        if (Math.abs(steps - Math.round(steps)) > 1e-9)
          return bad(issues, path, 'not_multiple', `In steps of ${question.increment}`);
      }
      return { ok: true, value };
    }
    case 'boolean':
      return typeof value === 'boolean'
        ? { ok: true, value }
        : bad(issues, path, 'invalid_type', 'Expected true or false');
    case 'date':
      if (typeof value !== 'string' || !isDate(value))
        return bad(issues, path, 'invalid_format', 'Expected a date written YYYY-MM-DD');
      if (question.min !== undefined && value < question.min)
        return bad(issues, path, 'too_small', `On or after ${question.min}`);
      if (question.max !== undefined && value > question.max)
        return bad(issues, path, 'too_big', `On or before ${question.max}`);
      return { ok: true, value };
    case 'single':
      return choice(question, value, path, issues);
    case 'scale': {
      const known = typeof value === 'string' ? choiceOf(question.levels, value) : undefined;
      return known !== undefined
        ? { ok: true, value: known }
        : bad(
            issues,
            path,
            'invalid_value',
            `Expected one of: ${question.levels.map((l) => l.value).join(', ')}`,
          );
    }
    default:
      return bad(issues, path, 'invalid_type', 'Unexpected answer');
  }
}

function list(
  value: unknown,
  path: string,
  issues: Issues,
  min: number,
  max: number,
  each: (item: unknown, path: string) => Checked,
  keyOf: (item: unknown) => string | undefined,
): Checked {
  if (!Array.isArray(value)) return bad(issues, path, 'invalid_type', 'Expected a list');
  if (value.length > max) return bad(issues, path, 'too_many', `At most ${max} entries`);
  if (value.length < min) return bad(issues, path, 'too_few', `At least ${min} entries`);
  const out: unknown[] = [];
  const seen = new Set<string>();
  let ok = true;
  value.forEach((item, index) => {
    const checked = each(item, `${path}.${index}`);
    if (!checked.ok) {
      ok = false;
      return;
    }
    const key = keyOf(checked.value)?.toLowerCase();
    if (key !== undefined && seen.has(key)) {
      ok = false;
      bad(issues, `${path}.${index}`, 'duplicate', 'Duplicate entry');
    }
    if (key !== undefined) seen.add(key);
    out.push(checked.value);
  });
  return ok ? { ok: true, value: out } : { ok: false };
}

function row(fields: readonly RowField[], value: unknown, path: string, issues: Issues): Checked {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad(issues, path, 'invalid_type', 'Expected an object');
  const entry = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const key of Object.keys(entry)) {
    if (!fields.some((f) => f.id === key)) {
      ok = false;
      bad(issues, `${path}.${key}`, 'unknown_key', `Unknown field ${key}`);
    }
  }
  for (const field of fields) {
    const given = entry[field.id];
    if (!isAnswered(given)) {
      if (field.required) {
        ok = false;
        bad(issues, `${path}.${field.id}`, 'required', 'Required');
      }
      continue;
    }
    const checked = scalar(field, given, `${path}.${field.id}`, issues);
    if (checked.ok) out[field.id] = checked.value;
    else ok = false;
  }
  return ok ? { ok: true, value: out } : { ok: false };
}

/**
 * Checks one given answer (not null, not absent) against its question and returns it normalised: text
 * trimmed and NFC, a former option value as its current one. Issues name the path `answers.<id>...`.
 */
export function checkAnswer(question: HostQuestion, value: unknown, issues: Issues): Checked {
  const path = `answers.${question.id}`;
  switch (question.kind) {
    case 'multi':
      return list(
        value,
        path,
        issues,
        question.minCount ?? 0,
        question.maxCount ?? HOST_LIMITS.multiCount,
        (item, at) => choice(question, item, at, issues),
        (item) => item as string,
      );
    case 'group':
      return list(
        value,
        path,
        issues,
        question.minRows ?? 0,
        question.maxRows ?? HOST_LIMITS.groupRows,
        (item, at) => row(question.fields, item, at, issues),
        (item) => {
          const key =
            question.key === undefined ? undefined : (item as Record<string, unknown>)[question.key];
          return key === undefined ? undefined : String(key);
        },
      );
    default:
      return scalar(question, value, path, issues);
  }
}
