import type { ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import pg from 'pg';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, freePort, launchBrowser, openPage, startApiServer } from './support';

// An OpenID provider the attacker controls, on 127.0.0.1, that releases `email_verified: false` for any
// address typed as the login `unverified:<address>`, and `true` for `verified:<address>`. An unverified
// address neither creates an account nor links to one.
const PROVIDER_ID = 'attacker-oidc';

let browser: Browser;
let api: ApiServer;
let issuer: string;
let closeProvider = async () => {};

beforeAll(async () => {
  browser = await launchBrowser();
  const [oidcPort, apiPort] = [await freePort(), await freePort()];
  issuer = `http://127.0.0.1:${oidcPort}`;
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: 'profilekit-trust',
        client_secret: 'profilekit-trust-client-secret',
        redirect_uris: [`http://localhost:${apiPort}/api/auth/callback/${PROVIDER_ID}`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_context, sub) {
      const [kind, email] = sub.split(':');
      return {
        accountId: sub,
        async claims() {
          return { sub, email, email_verified: kind === 'verified', name: `Claimant ${email}` };
        },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['profilekit-trust-cookie-key'] },
  });
  const handle = oidc.callback();
  const server = createServer((request, response: ServerResponse) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(oidcPort, '127.0.0.1', resolve));
  closeProvider = () => new Promise((resolve) => server.close(() => resolve()));
  api = await startApiServer({
    port: apiPort,
    env: {
      OIDC_DISCOVERY_URL: `${issuer}/.well-known/openid-configuration`,
      OIDC_CLIENT_ID: 'profilekit-trust',
      OIDC_CLIENT_SECRET: 'profilekit-trust-client-secret',
      OIDC_PROVIDER_ID: PROVIDER_ID,
      OIDC_NAME: 'Attacker OIDC',
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await closeProvider();
});

async function rows(sql: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: api.databaseUrl as string });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Leaves for the provider from the sign-in, logs in there as `login`, consents, and waits to be back. */
async function continueWithProvider(page: Page, login: string) {
  let arrivals = 0;
  const onNavigated = (frame: Frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).origin === api.origin) arrivals++;
  };
  page.on('framenavigated', onNavigated);
  await page.getByRole('button', { name: 'Continue with Attacker OIDC' }).click();
  const loginField = page.locator('input[name="login"]');
  const consent = page.getByRole('button', { name: 'Continue' });
  const back = () => {
    const url = new URL(page.url());
    return arrivals > 0 && url.origin === api.origin && !url.pathname.startsWith('/api/auth/');
  };
  await expect.poll(async () => back() || (await loginField.isVisible()), { timeout: 15_000 }).toBe(true);
  if (!back()) {
    await loginField.fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await expect.poll(async () => back() || (await consent.isVisible()), { timeout: 15_000 }).toBe(true);
    if (!back()) await consent.click();
  }
  await expect.poll(back, { timeout: 15_000 }).toBe(true);
  page.off('framenavigated', onNavigated);
}

const NOT_VERIFIED = 'The provider has not verified your email address.';

describe('given a provider that releases unverified email addresses', () => {
  it('an unverified address creates no account: the person is told, and signed in as nobody', async () => {
    const email = `victim-${Date.now()}@example.test`;
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await continueWithProvider(page, `unverified:${email}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(NOT_VERIFIED);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await (await context.request.get(`${api.origin}/api/auth/get-session`)).json()).toBeNull();
    expect(await rows('SELECT id FROM users WHERE email = $1', [email])).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an unverified address does not link to the owner’s account, which keeps only its password', async () => {
    const email = `owner-${Date.now()}@example.test`;
    const signUp = await fetch(`${api.origin}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: api.origin },
      body: JSON.stringify({ email, password: 'owner-password-1', name: 'Owner' }),
    });
    expect(signUp.status).toBe(200);
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await continueWithProvider(page, `unverified:${email}`);
    // Refused before anything is linked: the owner is sent to sign in the way they signed up.
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^An account with this email exists/);
    expect(await (await context.request.get(`${api.origin}/api/auth/get-session`)).json()).toBeNull();
    expect(
      await rows('SELECT a.provider_id FROM accounts a JOIN users u ON u.id = a.user_id WHERE u.email = $1', [
        email,
      ]),
    ).toEqual([{ provider_id: 'credential' }]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a verified address still creates its account and signs in', async () => {
    const email = `verified-${Date.now()}@example.test`;
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await continueWithProvider(page, `verified:${email}`);
    await page.getByRole('heading', { name: 'Software background' }).waitFor();
    const session = await (await context.request.get(`${api.origin}/api/auth/get-session`)).json();
    expect(session?.user).toMatchObject({ email, emailVerified: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
