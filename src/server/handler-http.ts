import { type ErrorBody, type ErrorCode, ErrorCodes, type ValidationIssue } from '../client/index';
import {
  type BodyResult,
  PROFILE_METHODS,
  readJsonBody,
  type ServerCapabilities,
  TRUST_DEVICE_DAYS,
} from '../client/protocol';
import { isClientAbort, isDataException } from './guards';
import type { SessionSource } from './handler-options';

// The profile handler's HTTP parts: its error type, JSON answers, body reading and the failures that are the
// client's.

export const ALLOW = PROFILE_METHODS.join(', ');
/**
 * A server-only code: a browser page cannot be its own cause of it, so profilekit's client reads it as
 * `FORBIDDEN` (by its status) and the components need no text of their own for it.
 */
export const ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED' as ErrorCode;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export const fail = (status: number, code: ErrorCode, message: string, issues?: ValidationIssue[]) =>
  new HttpError(status, issues ? { code, message, issues } : { code, message });

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'Cookie, Authorization',
      ...headers,
    },
  });
}

export async function readBody(request: Request, limit: number, preread?: BodyResult): Promise<unknown> {
  const body = preread ?? (await readJsonBody(request, limit));
  if (!body.ok) throw fail(body.status, body.code, body.message);
  return body.value;
}

/** What a better-auth instance's options say it can send. */
export function capabilitiesOf(auth: SessionSource): ServerCapabilities {
  const options = (auth as { options?: Record<string, { [key: string]: unknown } | undefined> }).options;
  const plugins = (options?.plugins ?? []) as unknown as { id?: string; options?: Record<string, unknown> }[];
  const twoFactor = Array.isArray(plugins) ? plugins.find((p) => p?.id === 'two-factor') : undefined;
  // A host that added better-auth's plugin directly gets its default, which is profilekit's too.
  const trustSeconds = Number(twoFactor?.options?.trustDeviceMaxAge ?? TRUST_DEVICE_DAYS * 86_400);
  return {
    passwordReset: typeof options?.emailAndPassword?.sendResetPassword === 'function',
    emailVerification: typeof options?.emailVerification?.sendVerificationEmail === 'function',
    ...(twoFactor ? { twoFactor: { trustDeviceDays: Math.max(1, Math.round(trustSeconds / 86_400)) } } : {}),
  };
}

/**
 * A failure that is the client's, not the server's: a value the database cannot store (SQLSTATE class 22)
 * is a 400 naming no field (the schemas refuse such values first; this is the second line), and a client
 * that went away mid-request is not logged as a server error.
 */
export function clientFailure(error: unknown, request: Request): Response | undefined {
  if (isDataException(error)) {
    return json(400, {
      code: ErrorCodes.VALIDATION_FAILED,
      message: 'The database cannot store a value in this request',
      issues: [{ path: '', code: 'invalid_characters', message: 'A value cannot be stored' }],
    });
  }
  if (isClientAbort(error, request)) {
    return json(400, { code: ErrorCodes.ABORTED, message: 'The client closed the request' });
  }
  return undefined;
}
