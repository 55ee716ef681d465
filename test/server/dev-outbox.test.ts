import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../examples/server/app';
import { createDevOutbox, type OutboxMessage, outboxFromEnvironment } from '../../examples/server/outbox';
import { migrate } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';

const ORIGIN = 'http://localhost:3000';
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
});
afterAll(() => database.close());
afterEach(() => {
  vi.unstubAllEnvs();
});

function app(options: Partial<Parameters<typeof createApp>[0]> = {}) {
  return createApp({
    db: database.db,
    baseURL: ORIGIN,
    secret: 'dev-outbox-test-secret-long-enough',
    ...options,
  }).app;
}

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: ORIGIN },
  body: JSON.stringify(body),
});

async function messages(server: ReturnType<typeof app>): Promise<OutboxMessage[]> {
  for (let i = 0; i < 100; i++) {
    const { messages } = (await (await server.request('/dev/outbox.json')).json()) as {
      messages: OutboxMessage[];
    };
    if (messages.length > 0) return messages;
    await new Promise((r) => setTimeout(r, 10));
  }
  return [];
}

describe('given the reference server with the development outbox', () => {
  it('prints a reset message and lists it on the outbox page and in JSON', async () => {
    const lines: string[] = [];
    const server = app({ outbox: createDevOutbox((line) => lines.push(line)) });
    const email = 'outbox@example.test';
    expect(
      (await server.request('/api/auth/sign-up/email', post({ email, password: 'password123', name: 'O' })))
        .status,
    ).toBe(200);
    const answer = await server.request(
      '/api/auth/request-password-reset',
      post({ email, redirectTo: `${ORIGIN}/react-app/` }),
    );
    expect(answer.status).toBe(200);
    const [message] = await messages(server);
    expect(message).toMatchObject({ kind: 'reset-password', to: email, subject: 'Reset your password' });
    expect(message?.url).toMatch(/^http:\/\/localhost:3000\/api\/auth\/reset-password\/\w+\?callbackURL=/);
    expect(lines).toEqual([expect.stringContaining(message?.url ?? 'missing')]);
    const page = await server.request('/dev/outbox');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain(`to ${email}`);
  });

  it('escapes what people typed before it reaches the page', async () => {
    const outbox = createDevOutbox(() => {});
    const server = app({ outbox });
    await outbox.sendResetPassword({
      user: {
        id: '1',
        email: '<img src=x onerror=alert(1)>@example.test',
        name: '</li><script>alert(1)</script>',
      },
      url: 'http://localhost:3000/?a="><script>alert(2)</script>',
      token: 't',
    });
    const html = await (await server.request('/dev/outbox')).text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;@example.test');
    expect(html).toContain('href="http://localhost:3000/?a=&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"');
  });

  it('with verification required, mails a link at sign-up and signs nobody in until it is followed', async () => {
    const outbox = createDevOutbox(() => {});
    const server = app({ outbox, requireEmailVerification: true });
    const email = 'verify-me@example.test';
    const signUp = await server.request(
      '/api/auth/sign-up/email',
      post({ email, password: 'password123', name: 'V' }),
    );
    expect(await signUp.json()).toMatchObject({ token: null, user: { email, emailVerified: false } });
    const [message] = await messages(server);
    expect(message).toMatchObject({ kind: 'verify-email', to: email, subject: 'Verify your email address' });
    const signIn = await server.request('/api/auth/sign-in/email', post({ email, password: 'password123' }));
    expect(signIn.status).toBe(403);
  });
});

describe('given NODE_ENV=production', () => {
  it('has no outbox: none is made, none can be made, and a server handed one serves none', async () => {
    const outbox = createDevOutbox(() => {});
    vi.stubEnv('NODE_ENV', 'production');
    expect(outboxFromEnvironment()).toBeNull();
    expect(() => createDevOutbox()).toThrow(/never runs in production/);
    const server = app({ outbox });
    expect((await server.request('/dev/outbox')).status).toBe(404);
    expect((await server.request('/dev/outbox.json')).status).toBe(404);
    // Without a sender of the host's own, better-auth refuses to start a reset rather than lose the link.
    const answer = await server.request(
      '/api/auth/request-password-reset',
      post({ email: 'a@example.test' }),
    );
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'RESET_PASSWORD_DISABLED' });
    expect(outbox.messages).toEqual([]);
  });
});
