import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEmail, signUpWithPointer } from './journey';
import { type ApiServer, launchBrowser, openPage, startApiServer } from './support';

// Login CSRF through the verification link, in real browsers: an attacker's unused link opened by a victim
// (a cross-site navigation) verifies the attacker's account but signs the victim's browser in as nobody,
// and leaves a victim's own session alone. The browser that signed up is still signed in by its link.
const MEMBERS = 'Your lessons are tuned to the background below.';
const exact = { exact: true };

let browser: Browser;
let api: ApiServer;
beforeAll(async () => {
  browser = await launchBrowser();
  api = await startApiServer({ env: { REQUIRE_EMAIL_VERIFICATION: '1' } });
});
afterAll(async () => {
  await api?.close();
  await browser?.close();
});

/** The attacker signs up an address of their own from their own machine, and keeps the link unused. */
async function attackersLink(): Promise<{ email: string; link: string }> {
  const email = newEmail();
  const answer = await fetch(`${api.origin}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: api.origin },
    body: JSON.stringify({
      email,
      password: 'attacker-password-1',
      name: 'Mallory',
      callbackURL: `${api.origin}/react-app/?profilekit=verify-email`,
    }),
  });
  expect(answer.status).toBe(200);
  for (let i = 0; i < 100; i++) {
    const { messages } = (await (await fetch(`${api.origin}/dev/outbox.json`)).json()) as {
      messages: { to: string; kind: string; url: string }[];
    };
    const link = messages.find((m) => m.to === email && m.kind === 'verify-email')?.url;
    if (link) return { email, link };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no verification link in the outbox');
}

describe('given an attacker’s unused verification link', () => {
  it('a victim who opens it sees the address verified and a sign-in form, signed in as nobody', async () => {
    const { link } = await attackersLink();
    const { page, errors, context } = await openPage(browser);
    // Arriving from another site, as a link in a mail or a page would send them.
    await page.goto(link, { referer: 'https://attacker.example/' });
    await page.getByRole('status').filter({ hasText: 'Your email is verified. Sign in.' }).waitFor();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const session = await (await context.request.get(`${api.origin}/api/auth/get-session`)).json();
    expect(session).toBeNull();
    expect((await context.cookies()).map((c) => c.name)).not.toContain('better-auth.session_token');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a victim signed in to their own account stays signed in as themselves, answers and all', async () => {
    const victim = newEmail();
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await signUpWithPointer(page, victim, 'Ada Lovelace');
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    let own = '';
    for (let i = 0; i < 100 && !own; i++) {
      const { messages } = (await (await fetch(`${api.origin}/dev/outbox.json`)).json()) as {
        messages: { to: string; kind: string; url: string }[];
      };
      own = messages.find((m) => m.to === victim && m.kind === 'verify-email')?.url ?? '';
      if (!own) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The victim's own link, in the browser that signed up: signed in, the questionnaire saved.
    await page.goto(own);
    await page.getByText(MEMBERS).waitFor();
    await page.getByRole('heading', { name: /^Welcome, Ada Lovelace$/ }).waitFor();

    const { email: attacker, link } = await attackersLink();
    await page.goto(link, { referer: 'https://attacker.example/' });
    await page.getByText(MEMBERS).waitFor();
    await page.getByRole('heading', { name: /^Welcome, Ada Lovelace$/ }).waitFor();
    const session = await (await context.request.get(`${api.origin}/api/auth/get-session`)).json();
    expect(session?.user).toMatchObject({ email: victim });
    expect(session?.user.email).not.toBe(attacker);
    // What the victim types next lands in their own account.
    const profile = await (await context.request.get(`${api.origin}/api/profile`)).json();
    expect(profile.languages).toEqual(expect.arrayContaining([{ language: 'Python', level: 'advanced' }]));
    expect(await page.getByLabel('Language 1', exact).inputValue()).toBe('Python');
    expect(errors).toEqual([]);
    await context.close();
  });
});
