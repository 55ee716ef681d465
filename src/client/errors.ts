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

/** The codes of the statuses that imply one. */
const BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  412: 'PROFILE_VERSION_CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** The code a status implies when a response carries no code of its own. */
export function codeForStatus(status: number): ErrorCode {
  return BY_STATUS[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'UNKNOWN_ERROR');
}
