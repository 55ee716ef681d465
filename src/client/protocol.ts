import { type ErrorCode, ErrorCodes } from './errors';

/**
 * Wire details of the profile API shared by the real handler (profilekit/server) and the mock backend
 * (profilekit/msw), so the two cannot drift apart.
 */

/** The ETag of a profile at a version. */
export function etagForVersion(version: number): string {
  return `"v${version}"`;
}

export type Precondition = { kind: 'none' } | { kind: 'any' } | { kind: 'versions'; versions: number[] };

/** Parses an If-Match header. Tags the API never issued can never match, so they yield an empty list. */
export function parseIfMatch(header: string | null): Precondition {
  if (header === null) return { kind: 'none' };
  if (header.trim() === '*') return { kind: 'any' };
  const versions: number[] = [];
  for (const part of header.split(',')) {
    const match = /^\s*(?:W\/)?"v(\d{1,9})"\s*$/.exec(part);
    if (match) versions.push(Number(match[1]));
  }
  return { kind: 'versions', versions };
}

/** True when a precondition allows writing over the given stored version. */
export function preconditionHolds(precondition: Precondition, version: number | undefined): boolean {
  if (precondition.kind === 'none') return true;
  if (version === undefined) return false;
  return precondition.kind === 'any' || precondition.versions.includes(version);
}

/**
 * True when a write's If-None-Match allows writing over the stored version (undefined: no profile yet).
 * `*` means "create only": it holds only while there is no profile. A tag list holds unless the stored
 * version is one of them.
 */
export function absenceHolds(precondition: Precondition, version: number | undefined): boolean {
  if (precondition.kind === 'none' || version === undefined) return true;
  return precondition.kind === 'versions' && !precondition.versions.includes(version);
}

/** True when If-None-Match names the given ETag. */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  return header?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag) ?? false;
}

/** application/json, or any +json type, with optional parameters. */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const type = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

export const PROFILE_METHODS = ['GET', 'HEAD', 'PUT', 'PATCH'] as const;
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; code: ErrorCode; message: string };

/**
 * Reads a JSON request body: 415 unless it is JSON, 413 past `limit` bytes (declared or streamed),
 * 400 for bytes that are not UTF-8 JSON. Never throws for bad input.
 */
export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return {
      ok: false,
      status: 415,
      code: ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
      message: 'Send the profile as application/json',
    };
  }
  const tooLarge = {
    ok: false,
    status: 413,
    code: ErrorCodes.PAYLOAD_TOO_LARGE,
    message: `The body is larger than ${limit} bytes`,
  } as const;
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Not awaited: cancelling one branch of a tee()d body (as mock layers clone requests) waits for the other.
        reader.cancel().catch(() => {});
        return tooLarge;
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, code: ErrorCodes.INVALID_JSON, message: 'The body is not valid UTF-8' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, code: ErrorCodes.INVALID_JSON, message: 'The body is not valid JSON' };
  }
}

/** Days "trust this device" skips the second factor when the host does not say (better-auth's default too). */
export const TRUST_DEVICE_DAYS = 30;

/**
 * `GET <profile path>/config`: what the server can do, so the components offer only what works. Needs no
 * session. A server without the route (before 0.2) is taken to offer everything.
 */
export interface ServerCapabilities {
  /** better-auth has a `sendResetPassword`: "Forgot your password?" leads somewhere. */
  passwordReset: boolean;
  /** better-auth has a `sendVerificationEmail`. */
  emailVerification: boolean;
  /**
   * Two-factor sign-in is on (`twoFactor` in `profileKitAuthOptions`): a person can add an authenticator
   * app, and "trust this device" lasts this many days. Absent: off, or a server from before 0.2.
   */
  twoFactor?: { trustDeviceDays: number };
}
