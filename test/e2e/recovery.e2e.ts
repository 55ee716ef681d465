import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEmail } from './journey';
import { type ApiServer, launchBrowser, openPage, startApiServer } from './support';

const OLD_PASSWORD = 'forgotten-password-1';
const NEW_PASSWORD = 'remembered-password-2';
const MEMBERS = 'Your lessons are tuned to the background below.';
const PROFILE = { languages: [{ language: 'C', level: 'advanced' }], frameworks: ['Zephyr'] };

let browser: Browser;
let api: ApiServer;
beforeAll(async () => {
  browser = await launchBrowser();
  api = await startApiServer();
});
afterAll(async () => {
  await api?.close();
  await browser?.close();
});

/** A person with an account and a background, made through the API as any earlier visit would have. */
async function createPerson(email: string) {
  const headers = { 'content-type': 'application/json', origin: api.origin };
  const signUp = await fetch(`${api.origin}/api/auth/sign-up/email`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password: OLD_PASSWORD, name: 'Forgetful Person' }),
  });
  expect(signUp.status).toBe(200);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const put = await fetch(`${api.origin}/api/profile`, {
    method: 'PUT',
    headers: { ...headers, cookie },
    body: JSON.stringify(PROFILE),
  });
  expect(put.status).toBe(201);
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function outboxLinkFor(email: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const { messages } = (await (await fetch(`${api.origin}/dev/outbox.json`)).json()) as {
      messages: { to: string; kind: string; url: string }[];
    };
    const found = messages.find((m) => m.to === email && m.kind === 'reset-password');
    if (found) return found.url;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no reset message for ${email} in the outbox`);
}

describe('given the reference server with its development outbox, and the React app', () => {
  it('forgot → mail in the outbox → reset → signed in with the new password; old password and other sessions end', async () => {
    const email = newEmail();
    await createPerson(email);

    // Another device, signed in before the reset.
    const other = await openPage(browser);
    await other.page.goto(`${api.origin}/react-app/`);
    await signIn(other.page, email, OLD_PASSWORD);
    await other.page.getByText(MEMBERS).waitFor();

    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page
      .getByText(`If an account uses ${email}, a link to reset its password is on its way.`, { exact: false })
      .waitFor();

    const link = await outboxLinkFor(email);
    await page.goto(link);
    // better-auth checked the token and sent the browser back to the app, which opens the reset form.
    expect(new URL(page.url()).searchParams.get('profilekit')).toBe('reset-password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your password is changed', { exact: false }).waitFor();
    expect(new URL(page.url()).search).toBe('');

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await signIn(page, email, OLD_PASSWORD);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The email or password is not right.');
    await signIn(page, email, NEW_PASSWORD);
    await page.getByText(MEMBERS).waitFor();

    // The other device's session ended with the reset.
    const session = await other.page.evaluate(async (origin) => {
      const response = await fetch(`${origin}/api/auth/get-session`, { credentials: 'include' });
      return response.json();
    }, api.origin);
    expect(session).toBeNull();
    const profile = await other.page.evaluate(
      async (origin) => (await fetch(`${origin}/api/profile`, { credentials: 'include' })).status,
      api.origin,
    );
    expect(profile).toBe(401);
    await other.page.reload();
    await other.page.getByRole('button', { name: 'Forgot your password?' }).waitFor();

    // The link works once: following it again leads back with error=INVALID_TOKEN.
    const again = await fetch(link, { redirect: 'manual' });
    expect(again.status).toBe(302);
    expect(new URL(again.headers.get('location') ?? '').searchParams.get('error')).toBe('INVALID_TOKEN');

    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await context.close();
    await other.context.close();
  });
});
