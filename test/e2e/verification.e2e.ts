import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { continueAfterSignUp, newEmail, signUpWithPointer } from './journey';
import { type ApiServer, hasFocus, launchBrowser, openPage, startApiServer } from './support';

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

async function rows(sql: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: api.databaseUrl as string });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const profileOf = (email: string) =>
  rows(
    `SELECT p.languages, p.frameworks, p.experience_years, p.devices, p.architecture_familiarity,
            p.software_experience, p.hardware_experience, p.background_preference
       FROM user_profiles p JOIN users u ON u.id = p.user_id WHERE u.email = $1`,
    [email],
  );

/** What signUpWithPointer answers, as the profile row holds it. */
const ANSWERS = {
  languages: [
    { language: 'Python', level: 'advanced' },
    { language: 'C', level: 'beginner' },
  ],
  frameworks: ['React', 'Svelte'],
  experience_years: '3-5',
  devices: ['Raspberry Pi', 'Teensy 4.1'],
  architecture_familiarity: ['ARM'],
  software_experience: 'intermediate',
  hardware_experience: 'beginner',
  background_preference: 'both',
};

/** The verification links the reference server's development outbox holds for `email`, newest first. */
async function verificationLinksFor(email: string): Promise<string[]> {
  const { messages } = (await (await fetch(`${api.origin}/dev/outbox.json`)).json()) as {
    messages: { to: string; kind: string; url: string }[];
  };
  return messages.filter((m) => m.to === email && m.kind === 'verify-email').map((m) => m.url);
}

/** The newest verification link for `email`, once the outbox holds `count` of them. */
async function verificationLinkFor(email: string, count = 1): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const links = await verificationLinksFor(email);
    if (links.length >= count && links[0]) return links[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no verification message number ${count} for ${email} in the outbox`);
}

async function expectInbox(page: Page, email: string) {
  const heading = page.getByRole('heading', { name: 'Check your inbox' });
  await heading.waitFor();
  await expect.poll(() => hasFocus(heading)).toBe(true);
  await page.getByText(`We sent a link to ${email}.`, { exact: false }).first().waitFor();
  const resend = page.getByRole('button', { name: 'Send the link again' });
  expect(await resend.getAttribute('aria-disabled')).toBe('true');
  expect(await page.getByText(/^You can send it again in \d+ s\.$/).count()).toBe(1);
}

describe('given the reference server requiring a verified email, and the React app', () => {
  it('sign-up → check your inbox → the link from the outbox → background saved → the gated content', async () => {
    expect(api.databaseUrl, 'this journey reads the profile row: set TEST_DATABASE_URL').toBeTruthy();
    const email = newEmail();
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await signUpWithPointer(page, email);
    await expectInbox(page, email);
    // Nobody is signed in and nothing is saved until the link is followed.
    expect(await profileOf(email)).toEqual([]);
    const draft = await page.evaluate(() => sessionStorage.getItem('profilekit:sign-up') ?? '');
    expect(draft).toContain('"inbox"');
    expect(draft).not.toContain('cobol-forever-1959');

    const link = await verificationLinkFor(email);
    expect(new URL(link).searchParams.get('callbackURL')).toBe(
      `${api.origin}/react-app/?profilekit=verify-email`,
    );
    await page.goto(link);
    // better-auth verified the address, signed the person in and sent them back; the answers were saved.
    await page.getByText(MEMBERS).waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await profileOf(email)).toEqual([ANSWERS]);
    expect(await page.evaluate(() => sessionStorage.getItem('profilekit:sign-up'))).toBeNull();
    await page.getByRole('heading', { name: /^Welcome, Grace Hopper$/ }).waitFor();

    // Followed again, the link only leads back; a damaged one leads back with the reason.
    const again = await fetch(link, { redirect: 'manual' });
    expect(again.headers.get('location')).toBe(`${api.origin}/react-app/?profilekit=verify-email`);
    const damaged = new URL(link);
    damaged.searchParams.set('token', `${damaged.searchParams.get('token')}x`);
    const dead = await fetch(damaged, { redirect: 'manual' });
    expect(new URL(dead.headers.get('location') ?? '').searchParams.get('error')).toBe('INVALID_TOKEN');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signing in before following the link: a wrong password mails nothing, the right one a fresh link that signs in', async () => {
    const email = newEmail();
    const first = await openPage(browser);
    await first.page.goto(`${api.origin}/react-app/`);
    await signUpWithPointer(first.page, email, 'Dorothy Vaughan');
    await expectInbox(first.page, email);
    await verificationLinkFor(email);
    await first.context.close();

    // Later, elsewhere: the first mail is lost, and the person tries to sign in.
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await page.getByLabel('Email', exact).fill(email);
    await page.getByLabel('Password', exact).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or password is not right.' }).waitFor();
    expect(await verificationLinksFor(email)).toHaveLength(1);
    await page.getByLabel('Password', exact).fill('cobol-forever-1959');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Verify your email address first: we sent you a new link.' })
      .waitFor();
    const fresh = await verificationLinkFor(email, 2);
    expect(await verificationLinksFor(email)).toHaveLength(2);

    // The fresh link verifies and signs in; the app then asks for the background this browser never had.
    await page.goto(fresh);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goto(`${api.origin}/react-app/`);
    await page.getByRole('heading', { name: 'Tell us about your background' }).waitFor();
    const session = await (await context.request.get(`${api.origin}/api/auth/get-session`)).json();
    expect(session?.user).toMatchObject({ email, emailVerified: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the link opened in another tab: the tab that waited saves the answers when it is shown again', async () => {
    const email = newEmail();
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    await signUpWithPointer(page, email, 'Katherine Johnson');
    await expectInbox(page, email);

    // A mail app opens the link in a new tab: signed in there, but without this tab's draft.
    const other = await context.newPage();
    await other.goto(await verificationLinkFor(email));
    await other.getByRole('heading', { name: 'Tell us about your background' }).waitFor();
    expect(await other.getByLabel('Language 1', exact).inputValue()).toBe('');

    // Back to the first tab, which better-auth's client reads the session for when it is shown again.
    await page.bringToFront();
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    // The saved answers' result first, then the content.
    await continueAfterSignUp(page);
    await page.getByText(MEMBERS).waitFor();
    expect(await profileOf(email)).toEqual([ANSWERS]);

    // The other tab's questionnaire cannot replace it: the save is create-only.
    await other.getByLabel('Language 1', exact).fill('Fortran');
    await other.getByLabel('Level for language 1', exact).selectOption('expert');
    await other.getByRole('radio', { name: '10+' }).check();
    await other.getByLabel('Overall software experience', exact).selectOption('expert');
    await other.getByRole('button', { name: 'Next' }).click();
    await other.getByLabel('Overall hardware experience', exact).selectOption('none');
    await other.getByRole('radio', { name: 'Software', exact: true }).check();
    await other.getByRole('button', { name: 'Next' }).click();
    await other.getByRole('button', { name: 'Save background' }).click();
    await other.getByText(MEMBERS).waitFor();
    expect(await profileOf(email)).toEqual([ANSWERS]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
