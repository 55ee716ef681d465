import { betterAuth } from 'better-auth';
import { expect } from 'vitest';
import {
  type AccountEmail,
  createAuthHandler,
  type ProfileKitAuthOverrides,
  profileKitAuthOptions,
} from '../../../src/server';
import type { TestDatabase } from '../db';
import { BASE } from '../harness';

/** A better-auth instance on profilekit's options whose senders keep every mail, oldest first. */
export function mailingAuth(database: TestDatabase, overrides: ProfileKitAuthOverrides = {}) {
  const mail: (AccountEmail & { kind: 'reset' | 'verify' })[] = [];
  const auth = betterAuth({
    ...profileKitAuthOptions({
      sendResetPassword: (message) => {
        mail.push({ ...message, kind: 'reset' });
      },
      sendVerificationEmail: (message) => {
        mail.push({ ...message, kind: 'verify' });
      },
      ...overrides,
    }),
    secret: 'lifecycle-test-secret-that-is-long-enough',
    baseURL: BASE,
    database: { db: database.db, type: 'postgres' },
    logger: { disabled: true },
  });
  return { auth, mail };
}

export type MailingAuth = ReturnType<typeof mailingAuth>['auth'];

/** One request as a browser sends it, and what it answered, cookies as a `Cookie` header. */
export async function call(
  auth: MailingAuth,
  method: string,
  path: string,
  body?: unknown,
  cookie = '',
  headers: Record<string, string> = {},
  /** The client's address, as the TCP connection gives it to createAuthHandler. */
  remote?: string,
) {
  const handle = remote === undefined ? auth.handler : createAuthHandler(auth);
  const response = await handle(
    new Request(`${BASE}/api/auth${path}`, {
      method,
      headers: {
        origin: BASE,
        cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    remote,
  );
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {}
  return {
    status: response.status,
    body: json,
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .filter((c) => !c?.endsWith('='))
      .join('; '),
    setCookies: response.headers.getSetCookie(),
    location: response.headers.get('location'),
  };
}

/** Waits for the sender, which runs after the answer, until `count` mails are in. */
export async function mailCount(mail: unknown[], count: number, wait = 2_000) {
  for (let waited = 0; waited < wait && mail.length < count; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(mail).toHaveLength(count);
}

/** Waits long enough for senders that would have run to have run: a quiet interval after the last mail. */
export async function settle(mail: unknown[], atLeast = 0) {
  // The mail goes after the answer: on a busy machine the first can take longer than one quiet period.
  for (let i = 0; i < 300 && mail.length < atLeast; i++) await new Promise((r) => setTimeout(r, 50));
  let seen = -1;
  while (seen !== mail.length) {
    seen = mail.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export const address = (tag = 'person') => `${tag}-${Math.random().toString(36).slice(2)}@example.test`;
export const PASSWORD = 'old-password-1';
