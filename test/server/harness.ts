import { betterAuth } from 'better-auth';
import { bearer } from 'better-auth/plugins';
import { type AccountEmail, createProfileHandler, migrate, profileKitAuthOptions } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';

export const BASE = 'http://localhost:3000';

/** Reset links the test server would have mailed, oldest first. */
export const mailed: AccountEmail[] = [];

export function createAuth(database: TestDatabase) {
  return betterAuth({
    ...profileKitAuthOptions({
      sendResetPassword: (message) => {
        mailed.push(message);
      },
    }),
    secret: 'test-secret-that-is-long-enough-for-better-auth',
    baseURL: BASE,
    database: { db: database.db, type: 'postgres' },
    logger: { disabled: true },
    plugins: [bearer()],
  });
}

export type TestAuth = ReturnType<typeof createAuth>;

export interface Harness {
  database: TestDatabase;
  auth: TestAuth;
  handler: (request: Request) => Promise<Response>;
  close(): Promise<void>;
}

export async function createHarness(): Promise<Harness> {
  const database = await createTestDatabase();
  await migrate(database.db);
  const auth = createAuth(database);
  const handler = createProfileHandler({ auth, db: database.db, onError: () => {} });
  return { database, auth, handler, close: () => database.close() };
}

export interface Person {
  id: string;
  email: string;
  cookie: string;
}

let counter = 0;

/** Signs a new person up through better-auth's HTTP handler and returns their session cookie. */
export async function signUp(
  auth: TestAuth,
  email = `person${++counter}-${Date.now()}@example.test`,
): Promise<Person> {
  const response = await auth.handler(
    new Request(`${BASE}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE },
      body: JSON.stringify({ email, password: 'correct horse battery', name: 'Test Person' }),
    }),
  );
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { id: body.user.id, email, cookie };
}

export function profileRequest(
  person: Person | null,
  method: string,
  body?: unknown,
  init: { headers?: Record<string, string>; raw?: BodyInit; url?: string } = {},
): Request {
  const headers: Record<string, string> = { ...init.headers };
  // A browser sends its page's Origin with every write; cookie writes without a trusted one are refused.
  if (person) {
    headers.cookie = person.cookie;
    if (method !== 'GET' && method !== 'HEAD') headers.origin ??= BASE;
  }
  let payload: BodyInit | undefined = init.raw;
  if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  return new Request(init.url ?? `${BASE}/api/profile`, { method, headers, body: payload });
}

export const fullProfile = {
  languages: [
    { language: 'Python', level: 'intermediate' },
    { language: 'C', level: 'beginner' },
  ],
  frameworks: ['Django', 'React'],
  experienceYears: '3-5',
  devices: ['Raspberry Pi 4'],
  architectureFamiliarity: ['ARM', 'x86_64'],
  softwareExperience: 'advanced',
  hardwareExperience: 'beginner',
  backgroundPreference: 'both',
} as const;
