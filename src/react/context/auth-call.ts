import { warnUnreachable } from '../../client/unreachable';
import { errorText } from '../localization/translate';
import type { AuthClientError, AuthClientResult } from '../types/auth-client';
import type { Translate } from '../types/message-keys';

/** What the forms accept as an email address before asking the server. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A failed better-auth call reduced to a code the messages know and the field it belongs to. */
export interface AuthFailure {
  code: string;
  field?: 'email' | 'password' | 'name';
  status?: number;
  /** Seconds to wait before trying again, when the server said (`RATE_LIMITED`). */
  retryAfter?: number;
}

const FIELD: Record<string, 'email' | 'password' | 'name'> = {
  USER_ALREADY_EXISTS: 'email',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'email',
  INVALID_EMAIL: 'email',
  PASSWORD_TOO_SHORT: 'password',
  PASSWORD_TOO_LONG: 'password',
  INVALID_PASSWORD: 'password',
  INVALID_NAME: 'name',
  NAME_TOO_LONG: 'name',
};

function fromError(error: AuthClientError): AuthFailure {
  const { status } = error;
  let code = typeof error.code === 'string' ? error.code : '';
  if (code === 'VALIDATION_ERROR' && /email/i.test(error.message ?? '')) code = 'INVALID_EMAIL';
  // profilekit's servers put the wait in the body of a 429 (the header is not readable from here).
  const wait = Math.ceil(Number((error as { retryAfter?: unknown }).retryAfter));
  if (status === 429) code = 'RATE_LIMITED';
  else if (status >= 500) code = 'SERVER_ERROR';
  else if (!status) code = 'NETWORK_ERROR';
  else if (!code) code = 'UNKNOWN_ERROR';
  const failure: AuthFailure = { code, field: FIELD[code], status };
  if (status === 429 && wait > 0) failure.retryAfter = wait;
  return failure;
}

/** The text for a failed auth call; a rate limit says how long to wait when the server told us. */
export function failureText(t: Translate, failure: AuthFailure): string {
  return failure.retryAfter
    ? t('error.RATE_LIMITED_WAIT', { seconds: failure.retryAfter })
    : errorText(t, failure.code);
}

/**
 * Runs a better-auth client call and never throws: a network failure, a `{ error }` answer and a thrown
 * error all come back as an {@link AuthFailure}, so the form can keep what was typed.
 */
export async function callAuth(
  call: () => Promise<AuthClientResult>,
): Promise<{ ok: true; data: unknown } | { ok: false; failure: AuthFailure }> {
  try {
    const result = await call();
    if (result?.error) {
      const failure = fromError(result.error);
      if (failure.code === 'NETWORK_ERROR') warnUnreachable(undefined);
      return { ok: false, failure };
    }
    return { ok: true, data: result?.data };
  } catch {
    warnUnreachable(undefined);
    return { ok: false, failure: { code: 'NETWORK_ERROR' } };
  }
}
