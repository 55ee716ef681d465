import type * as z from 'zod/mini';
import { ErrorCodes, ProfileKitError, type ValidationIssue } from './errors';
import {
  type NormalizedProfileInput,
  type NormalizedProfilePatch,
  profileInputSchema,
  profilePatchSchema,
  READ_ONLY_KEYS,
} from './schema';

const READ_ONLY = new Set<string>(READ_ONLY_KEYS);

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function describe(issue: z.core.$ZodIssue): Pick<ValidationIssue, 'code' | 'message'> {
  switch (issue.code) {
    case 'invalid_type':
      return { code: 'invalid_type', message: `Expected ${issue.expected}` };
    case 'invalid_value':
      return {
        code: 'invalid_value',
        message: `Expected one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'too_big':
      return issue.origin === 'array'
        ? { code: 'too_many', message: `At most ${issue.maximum} entries` }
        : { code: 'too_long', message: `At most ${issue.maximum} characters` };
    case 'too_small':
      // The only lower bound is a name's one character.
      return { code: 'required', message: 'Required' };
    case 'invalid_format':
      return { code: 'invalid_format', message: 'Expected a number of years or a range like 3-5' };
    case 'custom':
      // Our own checks name their code in `params.reason` (duplicate, invalid_characters).
      return { code: issue.params?.reason ?? 'invalid', message: issue.message };
    default:
      return { code: 'invalid', message: 'Invalid value' };
  }
}

/** Turns zod issues into the flat `{ path, code, message }` list the API and components use. */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = joinPath([...issue.path, key]);
        out.push(
          issue.path.length === 0 && READ_ONLY.has(key)
            ? { path, code: 'read_only', message: `${key} is set by the server and cannot be sent` }
            : { path, code: 'unknown_key', message: `Unknown field ${key}` },
        );
      }
      continue;
    }
    out.push({ path: joinPath(issue.path), ...describe(issue) });
  }
  return out;
}

type Result<T> = { success: true; data: T } | { success: false; error: ProfileKitError };

function run<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): Result<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      success: false,
      error: new ProfileKitError(ErrorCodes.VALIDATION_FAILED, `${what} must be a JSON object`, {
        issues: [{ path: '', code: 'invalid_type', message: 'Expected an object' }],
      }),
    };
  }
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  const issues = toValidationIssues(result.error.issues);
  return {
    success: false,
    error: new ProfileKitError(
      ErrorCodes.VALIDATION_FAILED,
      `${what} is invalid: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
      { issues },
    ),
  };
}

/** Validates and normalises a create/replace body. Never throws. */
export function parseProfileInput(value: unknown): Result<NormalizedProfileInput> {
  return run(profileInputSchema, value, 'Profile');
}

/** Validates and normalises a patch body. Never throws. */
export function parseProfilePatch(value: unknown): Result<NormalizedProfilePatch> {
  return run(profilePatchSchema, value, 'Profile patch');
}
