import { PAGE_MARKER } from '../context/page-marker';
import type { PasswordResetAuthClient, ProfileKitAuthClient } from '../types/auth-client';

export function passwordResetClient(client: ProfileKitAuthClient): PasswordResetAuthClient {
  const candidate = client as ProfileKitAuthClient & Partial<PasswordResetAuthClient>;
  if (typeof candidate.requestPasswordReset !== 'function' || typeof candidate.resetPassword !== 'function') {
    throw new TypeError(
      'profilekit: password reset needs a better-auth client with `requestPasswordReset` and `resetPassword` (better-auth 1.7+)',
    );
  }
  return candidate as ProfileKitAuthClient & PasswordResetAuthClient;
}

/** The marker of a page opened from a reset link, for `AuthGate`'s default fallback. */
const RESET_QUERY = PAGE_MARKER;
const RESET_QUERY_VALUE = 'reset-password';

/** This page, marked as the target of a reset link and without a previous link's token or error. */
export function resetLinkTarget(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete('token');
  url.searchParams.delete('error');
  url.searchParams.set(RESET_QUERY, RESET_QUERY_VALUE);
  url.hash = '';
  return url.href;
}

/** Whether this page was opened from a reset link made by {@link resetLinkTarget}. */
export function openedFromResetLink(): boolean {
  return (
    typeof window !== 'undefined' &&
    new URL(window.location.href).searchParams.get(RESET_QUERY) === RESET_QUERY_VALUE
  );
}

/** What the reset link brought: better-auth appends `token`, or `error=INVALID_TOKEN` for a dead link. */
export function readResetLink(): { token?: string; error?: string } {
  if (typeof window === 'undefined') return {};
  const params = new URL(window.location.href).searchParams;
  const token = params.get('token') ?? undefined;
  const error = params.get('error') ?? undefined;
  return { ...(token ? { token } : {}), ...(error ? { error } : {}) };
}

/** Takes the token and the marker out of the address bar, so a reload or a shared URL does not carry them. */
export function forgetResetLink() {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  for (const name of ['token', 'error', RESET_QUERY]) url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url.href);
}

/** The sign-up's password rules: at least `min` (better-auth's `minPasswordLength`), at most 128. */
export const MAX_NEW_PASSWORD_LENGTH = 128;
