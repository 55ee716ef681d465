/**
 * Stable error codes. They never change meaning between versions and are the keys that
 * `localization` maps to text, so branch on `error.code`, never on `error.message`.
 */
const CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PROFILE_NOT_FOUND',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'PROFILE_VERSION_CONFLICT',
  'ETAG_UNAVAILABLE',
  'RATE_LIMITED',
  'NETWORK_ERROR',
  'TIMEOUT',
  'ABORTED',
  'SERVER_ERROR',
  'INVALID_RESPONSE',
  'UNKNOWN_ERROR',
] as const;

export const ErrorCodes = /* @__PURE__ */ Object.fromEntries(CODES.map((code) => [code, code])) as {
  readonly [K in (typeof CODES)[number]]: K;
};

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** One problem with one field. `path` uses dots with numeric indexes: `languages.0.level`. */
export interface ValidationIssue {
  path: string;
  code: string;
  message: string;
}

/** The JSON body of every error response from the profile API. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ValidationIssue[];
}

export interface ProfileKitErrorOptions {
  status?: number;
  issues?: ValidationIssue[];
  cause?: unknown;
}

const BRAND = Symbol.for('profilekit.error');

/** Every failure from profilekit carries a stable `code`, the HTTP `status` when there was one, and field `issues`. */
export class ProfileKitError extends Error {
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly issues: ValidationIssue[];
  declare readonly [BRAND]: true;

  constructor(code: ErrorCode, message: string, options: ProfileKitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProfileKitError';
    this.code = code;
    this.status = options.status;
    this.issues = options.issues ?? [];
    // Set here rather than as a class field, so bundlers can drop the class when it is unused.
    this[BRAND] = true;
  }

  toJSON(): ErrorBody {
    return this.issues.length > 0
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

/**
 * True for errors thrown by any copy of profilekit (works across bundles, unlike `instanceof`).
 * Pass a code to test for one kind of failure.
 */
export function isProfileKitError(error: unknown, code?: ErrorCode): error is ProfileKitError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[BRAND] === true &&
    (code === undefined || (error as ProfileKitError).code === code)
  );
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ErrorCodes, value);
}

/** The code a status implies when a response carries no code of its own. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return ErrorCodes.VALIDATION_FAILED;
    case 401:
      return ErrorCodes.UNAUTHENTICATED;
    case 403:
      return ErrorCodes.FORBIDDEN;
    case 404:
      return ErrorCodes.NOT_FOUND;
    case 405:
      return ErrorCodes.METHOD_NOT_ALLOWED;
    case 412:
      return ErrorCodes.PROFILE_VERSION_CONFLICT;
    case 413:
      return ErrorCodes.PAYLOAD_TOO_LARGE;
    case 415:
      return ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
    case 429:
      return ErrorCodes.RATE_LIMITED;
    default:
      return status >= 500 ? ErrorCodes.SERVER_ERROR : ErrorCodes.UNKNOWN_ERROR;
  }
}
