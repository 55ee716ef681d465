import type { ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import pg from 'pg';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, freePort, launchBrowser, openPage, startApiServer } from './support';

// The sign-in methods and "set a password" of the account settings against a real OpenID Connect provider
// (oidc-provider on 127.0.0.1, as in social.e2e.ts) and the reference server on PostgreSQL.
const PROVIDER_ID = 'local-oidc';

let browser: Browser;
let api: ApiServer;
let issuer: string;
let closeProvider = async () => {};

beforeAll(async () => {
  browser = await launchBrowser();
  const [oidcPort, apiPort] = [await freePort(), await freePort()];
  issuer = `http://127.0.0.1:${oidcPort}`;
  const callback = `http://localhost:${apiPort}/api/auth/callback/${PROVIDER_ID}`;
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: 'profilekit-e2e',
        client_secret: 'profilekit-e2e-client-secret',
        redirect_uris: [callback],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // Whoever types a login is that person, with an email derived from it.
    async findAccount(_context, sub) {
      return {
        accountId: sub,
        async claims() {
          return { sub, email: `${sub}@oidc.example.test`, email_verified: true, name: `OIDC ${sub}` };
        },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['profilekit-e2e-cookie-key'] },
  });
  const handle = oidc.callback();
  const { createServer } = await import('node:http');
  const server = createServer((request, response: ServerResponse) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(oidcPort, '127.0.0.1', resolve));
  closeProvider = () => new Promise((resolve) => server.close(() => resolve()));
  // better-auth reads the provider's discovery document when it starts: the provider runs first.
  api = await startApiServer({
    port: apiPort,
    env: {
      OIDC_DISCOVERY_URL: `${issuer}/.well-known/openid-configuration`,
      OIDC_CLIENT_ID: 'profilekit-e2e',
      OIDC_CLIENT_SECRET: 'profilekit-e2e-client-secret',
      OIDC_PROVIDER_ID: PROVIDER_ID,
      OIDC_NAME: 'Local OIDC',
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await closeProvider();
});

/**
 * Leaves for the provider through `button`, logs in there as `login` and answers its consent page, as far
 * as the provider asks (someone who logged in and consented before goes straight back).
 */
async function continueWithProvider(page: Page, login: string, button: string) {
  const left = page.waitForRequest((request) => request.url().startsWith(issuer));
  // Back means a page of the app loaded after leaving, not the page the click came from.
  let arrivals = 0;
  const onNavigated = (frame: Frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).origin === api.origin) arrivals++;
  };
  page.on('framenavigated', onNavigated);
  await page.getByRole('button', { name: button }).click();
  await left;
  const loginField = page.locator('input[name="login"]');
  const consentButton = page.getByRole('button', { name: 'Continue' });
  const back = () => {
    const url = new URL(page.url());
    return arrivals > 0 && url.origin === api.origin && !url.pathname.startsWith('/api/auth/');
  };
  const settled = async () => back() || (await loginField.isVisible()) || (await consentButton.isVisible());
  await expect.poll(settled, { timeout: 15_000 }).toBe(true);
  if (!back() && (await loginField.isVisible())) {
    await loginField.fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await expect
      .poll(async () => back() || (await consentButton.isVisible()), { timeout: 15_000 })
      .toBe(true);
  }
  if (!back()) await consentButton.click();
  await expect.poll(back, { timeout: 15_000 }).toBe(true);
  page.off('framenavigated', onNavigated);
}

async function rows(sql: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: api.databaseUrl as string });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function openSettings(page: Page, name: string) {
  await page.goto(`${api.origin}/react-app/`);
  await page.getByRole('button', { name: /, account menu$/ }).click();
  await page.getByRole('menuitem', { name: 'Manage account' }).click();
  const section = page.getByRole('dialog', { name: 'Account settings' }).getByRole('region', { name });
  await section.waitFor();
  return section;
}

describe('given the React example with an OpenID Connect provider', () => {
  it('links the provider to a password account from the settings, then unlinks it', async () => {
    expect(api.databaseUrl, 'this journey counts rows in PostgreSQL: set TEST_DATABASE_URL').toBeTruthy();
    const { page, context } = await openPage(browser);
    const email = 'linker@oidc.example.test';
    const signUp = await context.request.post(`${api.origin}/api/auth/sign-up/email`, {
      headers: { origin: api.origin },
      data: { email, password: 'cobol-forever-1959', name: 'Link Er' },
    });
    expect(signUp.status()).toBe(200);
    const { user } = (await signUp.json()) as { user: { id: string } };
    const section = await openSettings(page, 'Sign-in methods');
    await section.getByText('Email and password').waitFor();
    await page.getByRole('button', { name: 'Connect Local OIDC' }).waitFor();
    await continueWithProvider(page, 'linker', 'Connect Local OIDC');
    const linked = await rows('SELECT provider_id FROM accounts WHERE user_id = $1 ORDER BY provider_id', [
      user.id,
    ]);
    expect(linked.map((r) => r.provider_id)).toEqual(['credential', PROVIDER_ID]);

    const again = await openSettings(page, 'Sign-in methods');
    await again.getByRole('button', { name: 'Disconnect Local OIDC' }).click();
    await again.getByText('Local OIDC is disconnected.').waitFor();
    const left = await rows('SELECT provider_id FROM accounts WHERE user_id = $1', [user.id]);
    expect(left.map((r) => r.provider_id)).toEqual(['credential']);
    await context.close();
  });

  it('sets a password on an account that signed in through the provider only', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await continueWithProvider(page, 'socialite', 'Continue with Local OIDC');
    const section = await openSettings(page, 'Password');
    await section.getByText('You sign in with a provider and have no password yet.').waitFor();
    await section.getByRole('button', { name: 'Email me a link to set a password' }).click();
    await section.getByText(/A link to set your password is on its way/).waitFor();
    let url = '';
    await expect
      .poll(async () => {
        const { messages } = (await (await fetch(`${api.origin}/dev/outbox.json`)).json()) as {
          messages: { to: string; kind: string; url: string }[];
        };
        url =
          messages.find((m) => m.to === 'socialite@oidc.example.test' && m.kind === 'reset-password')?.url ??
          '';
        return url;
      })
      .not.toBe('');
    // Followed from the mail app's browser, where nobody is signed in: the reset form sets the password.
    const { page: mailPage, context: mailContext } = await openPage(browser);
    await mailPage.goto(url);
    await mailPage.getByLabel('New password', { exact: true }).fill('a password of my own');
    await mailPage.getByRole('button', { name: 'Save the new password' }).click();
    await mailPage.getByRole('heading', { name: 'Your password is changed' }).waitFor();
    await mailContext.close();
    const signIn = await fetch(`${api.origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { origin: api.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'socialite@oidc.example.test', password: 'a password of my own' }),
    });
    expect(signIn.status).toBe(200);
    await context.close();
  });
});
