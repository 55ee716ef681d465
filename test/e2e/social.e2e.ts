import type { ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import pg from 'pg';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, freePort, launchBrowser, openPage, startApiServer } from './support';

// Social sign-in through better-auth's genericOAuth against a real OpenID Connect provider (oidc-provider,
// with its development login and consent pages) on 127.0.0.1, and the React example on the reference server.
const PROVIDER_ID = 'local-oidc';
const exact = { exact: true };

let browser: Browser;
let api: ApiServer;
let issuer: string;
let closeProvider = async () => {};
/** When set, the provider's redirect back to the app carries this state instead of the real one. */
let tamperState: ((state: string) => string) | null = null;

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
  const server = createServer((request, response: ServerResponse) => {
    const setHeader = response.setHeader.bind(response);
    response.setHeader = (name, value) => {
      if (tamperState && name.toLowerCase() === 'location' && String(value).startsWith(callback)) {
        const url = new URL(String(value));
        url.searchParams.set('state', tamperState(url.searchParams.get('state') ?? ''));
        return setHeader(name, url.href);
      }
      return setHeader(name, value);
    };
    handle(request, response);
  });
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

const APP = 'Your lessons are tuned to the background below.';

/**
 * Leaves for the provider from the sign-in, logs in there as `login` and answers its consent page, as far
 * as the provider asks (someone who logged in and consented before goes straight back).
 */
async function continueWithProvider(page: Page, login: string, consent: 'Continue' | '[ Cancel ]') {
  const left = page.waitForRequest((request) => request.url().startsWith(issuer));
  // Back means a page of the app loaded after leaving, not the page the click came from.
  let arrivals = 0;
  const onNavigated = (frame: Frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).origin === api.origin) arrivals++;
  };
  page.on('framenavigated', onNavigated);
  await page.getByRole('button', { name: 'Continue with Local OIDC' }).click();
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
  if (!back()) {
    if (consent === 'Continue') await consentButton.click();
    else await page.getByRole('link', { name: consent }).click();
  }
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

describe('given the React example with an OpenID Connect provider', () => {
  it('offers the provider, which the server lists', async () => {
    const response = await fetch(`${api.origin}/api/social-providers`);
    expect(await response.json()).toEqual([{ id: PROVIDER_ID, name: 'Local OIDC' }]);
  });

  it('first visit creates the account and asks for the background; a return finds the same account and profile', async () => {
    expect(api.databaseUrl, 'this journey counts rows in PostgreSQL: set TEST_DATABASE_URL').toBeTruthy();
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await continueWithProvider(page, 'lin', 'Continue');

    // Signed in, without a profile: the questionnaire follows.
    await page.getByRole('heading', { name: 'Software background' }).waitFor();
    await page.getByLabel('Language 1', exact).fill('Go');
    await page.getByLabel('Level for language 1', exact).selectOption('advanced');
    await page.getByRole('checkbox', { name: 'React' }).check();
    await page.getByRole('radio', { name: '3-5' }).check();
    await page.getByLabel('Overall software experience', exact).selectOption('advanced');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Hardware background' }).waitFor();
    await page.getByRole('checkbox', { name: 'ESP32' }).check();
    await page.getByLabel('Overall hardware experience', exact).selectOption('intermediate');
    await page.getByRole('radio', { name: 'Both' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Review' }).waitFor();
    await page.getByRole('button', { name: 'Save background' }).click();
    await page.getByText(APP).waitFor();
    await page.getByRole('button', { name: 'OIDC lin, account menu' }).waitFor();

    const [user] = await rows('SELECT id, email, name FROM users WHERE email = $1', [
      'lin@oidc.example.test',
    ]);
    expect(user).toMatchObject({ name: 'OIDC lin' });
    const accounts = await rows(
      'SELECT provider_id, account_id, password_hash FROM accounts WHERE user_id = $1',
      [user.id],
    );
    expect(accounts).toEqual([{ provider_id: PROVIDER_ID, account_id: 'lin', password_hash: null }]);

    // Sign out from the user menu, then come back through the provider.
    await page.getByRole('button', { name: 'OIDC lin, account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await continueWithProvider(page, 'lin', 'Continue');
    await page.getByText(APP).waitFor();
    expect(await page.getByLabel('Language 1', exact).inputValue()).toBe('Go');
    expect(await page.getByRole('checkbox', { name: 'ESP32' }).isChecked()).toBe(true);
    expect(await rows('SELECT id FROM users WHERE email = $1', ['lin@oidc.example.test'])).toEqual([
      { id: user.id },
    ]);
    expect(await rows('SELECT count(*)::int AS n FROM accounts WHERE user_id = $1', [user.id])).toEqual([
      { n: 1 },
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('from the sign-up’s account step: answers typed before leaving survive the round trip', async () => {
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Name', exact).fill('Mei');
    await page.getByLabel('Email', exact).fill('mei@example.test');
    await page.getByLabel('Password', exact).fill('a long enough password');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Language 1', exact).fill('Rust');
    await page.getByRole('checkbox', { name: 'Vue' }).check();
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Account', exact: true }).waitFor();
    await continueWithProvider(page, 'mei', 'Continue');

    // Signed in through the provider: no account step, and the answers are still there.
    await page.getByRole('heading', { name: 'Software background' }).waitFor();
    expect(await page.getByLabel('Language 1', exact).inputValue()).toBe('Rust');
    expect(await page.getByRole('checkbox', { name: 'Vue' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Password', exact).count()).toBe(0);
    await page.getByLabel('Level for language 1', exact).selectOption('intermediate');
    await page.getByRole('radio', { name: '1-3' }).check();
    await page.getByLabel('Overall software experience', exact).selectOption('intermediate');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Overall hardware experience', exact).selectOption('none');
    await page.getByRole('radio', { name: 'Both' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Save background' }).click();
    await page.getByText(APP).waitFor();

    const [profile] = await rows(
      'SELECT p.languages, p.frameworks FROM user_profiles p JOIN users u ON u.id = p.user_id WHERE u.email = $1',
      ['mei@oidc.example.test'],
    );
    expect(profile).toEqual({
      languages: [{ language: 'Rust', level: 'intermediate' }],
      frameworks: ['Vue'],
    });
    // The account is the provider's; the address typed on the account step made none.
    expect(await rows('SELECT id FROM users WHERE email = $1', ['mei@example.test'])).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a refused consent brings the person back signed out, with a clear message and no account', async () => {
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await continueWithProvider(page, 'refuser', '[ Cancel ]');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The sign-in was cancelled at the provider. Nothing was changed.');
    expect(new URL(page.url()).searchParams.has('error')).toBe(false);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await rows('SELECT id FROM users WHERE email = $1', ['refuser@oidc.example.test'])).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a tampered state is refused: signed out, a clear message, no account', async () => {
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    tamperState = (state) => `${state.slice(0, -4)}AAAA`;
    try {
      await continueWithProvider(page, 'mallory', 'Continue');
    } finally {
      tamperState = null;
    }
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The sign-in could not be verified. Start again from this page.');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await (await fetch(`${api.origin}/api/auth/get-session`)).json()).toBeNull();
    expect(await rows('SELECT id FROM users WHERE email = $1', ['mallory@oidc.example.test'])).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
