import { PAGE_MARKER } from '../context/page-marker';

/** The marker a verification link brings back, beside better-auth's `error`. */
const VERIFY = 'verify-email';

/**
 * This page, marked as where a verification link leads (`take` false), or what a link that led here brought
 * back (`take` true): undefined when it was not one, else its `error` (`''` when none), taken off the address.
 */
export function verifyLink(take?: boolean) {
  const url = new URL(window.location.href);
  const params = url.searchParams;
  const marked = params.get(PAGE_MARKER) === VERIFY;
  const error = params.get('error');
  params.delete('error');
  params.set(PAGE_MARKER, VERIFY);
  if (!take) return url.href;
  if (!marked) return undefined;
  params.delete(PAGE_MARKER);
  window.history.replaceState(window.history.state, '', url.href);
  return error ?? '';
}
