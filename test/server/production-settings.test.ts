import { betterAuth } from 'better-auth';
import { createEmailVerificationToken } from 'better-auth/api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../examples/server/app';
import { migrate, profileKitAuthOptions } from '../../src/server';
import { PUBLIC_SECRETS } from '../../src/server/production';
import { createTestDatabase, type TestDatabase } from './db';
import { BASE } from './harness';

// Production refuses to start with a secret anyone could sign with, or without a base URL; and a token of a
// kind the configuration turned off (change-email) is refused, whoever signed it.
const STRONG = 'Zq4v8N1x-kR7pT2m_Wc9bY5e+Hs3Lj6u';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('given NODE_ENV=production', () => {
  const inProduction = (env: Record<string, string | undefined> = {}) => {
    vi.stubEnv('NODE_ENV', 'production');
    for (const name of ['BETTER_AUTH_SECRET', 'AUTH_SECRET', 'BETTER_AUTH_URL']) {
      vi.stubEnv(name, env[name] ?? '');
    }
  };

  it('refuses to start without a secret, naming the variable to set', () => {
    inProduction({ BETTER_AUTH_URL: 'https://example.com' });
    expect(() => profileKitAuthOptions()).toThrow(/no secret is set.*BETTER_AUTH_SECRET/);
  });

  it('refuses a secret shorter than 32 characters, and one made of a few repeated characters', () => {
    inProduction({ BETTER_AUTH_URL: 'https://example.com' });
    expect(() => profileKitAuthOptions({ secret: STRONG.slice(0, 31) })).toThrow(/shorter than 32/);
    expect(() => profileKitAuthOptions({ secret: 'ab'.repeat(20) })).toThrow(/too few characters/);
  });

  it('refuses every publicly known secret: the reference server’s fallback, better-auth’s defaults, documented examples', () => {
    inProduction({ BETTER_AUTH_URL: 'https://example.com' });
    expect(PUBLIC_SECRETS).toContain('profilekit-demo-secret-change-me-in-production');
    expect(PUBLIC_SECRETS).toContain('better-auth-secret-12345678901234567890');
    for (const secret of PUBLIC_SECRETS) {
      expect(() => profileKitAuthOptions({ secret }), secret).toThrow(/publicly known|shorter than/);
    }
    // From the environment too, which better-auth reads when no `secret` is passed.
    vi.stubEnv('BETTER_AUTH_SECRET', 'profilekit-demo-secret-change-me-in-production');
    expect(() => profileKitAuthOptions()).toThrow(/publicly known/);
  });

  it('refuses to start without a base URL', () => {
    inProduction({ BETTER_AUTH_SECRET: STRONG });
    expect(() => profileKitAuthOptions()).toThrow(/without a base URL.*BETTER_AUTH_URL/);
    expect(() => profileKitAuthOptions({ baseURL: 'example.com' })).toThrow(/without a base URL/);
  });

  it('starts with a strong secret and a base URL, from the options or the environment', () => {
    inProduction({ BETTER_AUTH_SECRET: STRONG, BETTER_AUTH_URL: 'https://example.com' });
    expect(() => profileKitAuthOptions()).not.toThrow();
    vi.stubEnv('BETTER_AUTH_SECRET', '');
    vi.stubEnv('BETTER_AUTH_URL', '');
    expect(profileKitAuthOptions({ secret: STRONG, baseURL: 'https://example.com' })).toMatchObject({
      secret: STRONG,
      baseURL: 'https://example.com',
    });
  });

  it('the reference server refuses its own development secret and an empty one', async () => {
    inProduction();
    const database = { db: {} as never };
    expect(() =>
      createApp({
        ...database,
        baseURL: 'https://example.com',
        secret: 'profilekit-demo-secret-change-me-in-production',
      }),
    ).toThrow(/publicly known/);
    expect(() => createApp({ ...database, baseURL: 'https://example.com', secret: '' })).toThrow(/no secret/);
    expect(() => createApp({ ...database, baseURL: '', secret: STRONG })).toThrow(/base URL/);
  });

  it('outside production checks nothing (the demo runs with its development secret)', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(() => profileKitAuthOptions({ secret: 'short' })).not.toThrow();
  });
});

describe('given change-email turned off (the default)', () => {
  const SECRET = 'production-settings-test-secret-long-enough';
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrate(database.db);
  });
  afterAll(() => database.close());

  const auth = () =>
    betterAuth({
      ...profileKitAuthOptions(),
      secret: SECRET,
      baseURL: BASE,
      database: { db: database.db, type: 'postgres' },
      logger: { disabled: true },
    });

  it('refuses a validly signed change-email token in each of its forms, and the email stays', async () => {
    const server = auth();
    const email = `owner-${Date.now()}@example.test`;
    const signUp = await server.handler(
      new Request(`${BASE}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE },
        body: JSON.stringify({ email, password: 'correct horse battery', name: 'Owner' }),
      }),
    );
    const { user } = (await signUp.json()) as { user: { id: string } };
    for (const requestType of ['change-email-verification', 'change-email-confirmation', undefined]) {
      const token = await createEmailVerificationToken(SECRET, email, 'attacker@example.test', 3600, {
        userId: user.id,
        ...(requestType ? { requestType } : {}),
      });
      const answer = await server.handler(new Request(`${BASE}/api/auth/verify-email?token=${token}`));
      expect(answer.status, String(requestType)).toBe(401);
      expect(await answer.json()).toMatchObject({ code: 'INVALID_TOKEN' });
      const redirected = await server.handler(
        new Request(
          `${BASE}/api/auth/verify-email?token=${token}&callbackURL=${encodeURIComponent('/done')}`,
        ),
      );
      expect(redirected.status).toBe(302);
      expect(redirected.headers.get('location')).toBe('/done?error=INVALID_TOKEN');
    }
    const row = await database.db
      .selectFrom('users')
      .select(['email', 'email_verified'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ email, email_verified: false });
  });

  it.each([
    ['in profileKitAuthOptions', true],
    ['in its own user options', false],
  ])(
    'still honours a change-email token when the host turned change-email on %s',
    async (_where, inOptions) => {
      const base = profileKitAuthOptions(inOptions ? { user: { changeEmail: { enabled: true } } } : {});
      const server = betterAuth({
        ...base,
        ...(inOptions ? {} : { user: { ...base.user, changeEmail: { enabled: true } } }),
        secret: SECRET,
        baseURL: BASE,
        database: { db: database.db, type: 'postgres' },
        logger: { disabled: true },
      });
      const email = `changer-${Date.now()}@example.test`;
      const signUp = await server.handler(
        new Request(`${BASE}/api/auth/sign-up/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: BASE },
          body: JSON.stringify({ email, password: 'correct horse battery', name: 'Changer' }),
        }),
      );
      const { user } = (await signUp.json()) as { user: { id: string } };
      const updateTo = `changed-${Date.now()}@example.test`;
      const token = await createEmailVerificationToken(SECRET, email, updateTo, 3600, {
        userId: user.id,
        requestType: 'change-email-verification',
      });
      const answer = await server.handler(new Request(`${BASE}/api/auth/verify-email?token=${token}`));
      expect(answer.status).toBe(200);
      const row = await database.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.email).toBe(updateTo);
    },
  );
});
