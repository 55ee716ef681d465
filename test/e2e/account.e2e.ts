import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEmail, PASSWORD } from './journey';
import { type ApiServer, hasFocus, launchBrowser, openPage, startApiServer } from './support';

// The account journeys in the React example against the reference server: the user menu by keyboard,
// "Download my data", and account deletion down to the last row in PostgreSQL.
let browser: Browser;
let api: ApiServer;
beforeAll(async () => {
  browser = await launchBrowser();
  api = await startApiServer();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const PROFILE = {
  languages: [{ language: 'Ada', level: 'expert' }],
  frameworks: ['SPARK'],
  experienceYears: '10+',
  devices: ['STM32'],
  architectureFamiliarity: ['ARM'],
  softwareExperience: 'expert',
  hardwareExperience: 'advanced',
  backgroundPreference: 'both',
};

/** A person with a saved profile, signed in in this browser context (the API shares its cookies). */
async function signedInPerson(context: BrowserContext) {
  const email = newEmail();
  const headers = { origin: api.origin };
  const signUp = await context.request.post(`${api.origin}/api/auth/sign-up/email`, {
    headers,
    data: { email, password: PASSWORD, name: 'Margaret Hamilton' },
  });
  expect(signUp.status()).toBe(200);
  const { user } = (await signUp.json()) as { user: { id: string } };
  const put = await context.request.put(`${api.origin}/api/profile`, { headers, data: PROFILE });
  expect(put.status()).toBe(201);
  return { id: user.id, email };
}

async function openMenuByKeyboard(page: Page) {
  const trigger = page.getByRole('button', { name: 'Margaret Hamilton, account menu' });
  await trigger.waitFor();
  await trigger.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => hasFocus(page.getByRole('menuitem', { name: 'Manage account' }))).toBe(true);
  return trigger;
}

describe('given a signed-in person in the React example', () => {
  it('the user menu by keyboard: Escape returns focus, and Sign out ends the session', async () => {
    const { page, errors, context } = await openPage(browser);
    await signedInPerson(context);
    await page.goto(`${api.origin}/react-app/`);
    await page.getByText('Your lessons are tuned to the background below.').waitFor();
    // The stale "Sign up" button is gone from the header for a signed-in person.
    expect(await page.getByRole('button', { name: 'Sign up' }).count()).toBe(0);

    const trigger = await openMenuByKeyboard(page);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await hasFocus(trigger)).toBe(true);

    await openMenuByKeyboard(page);
    await page.keyboard.press('End');
    expect(await hasFocus(page.getByRole('menuitem', { name: 'Sign out' }))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: 'Sign up' }).waitFor();
    expect(await page.getByText('Your lessons are tuned').count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads the account and profile as a JSON file', async () => {
    const { page, errors, context } = await openPage(browser);
    const person = await signedInPerson(context);
    await page.goto(`${api.origin}/react-app/`);
    await openMenuByKeyboard(page);
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Download my data' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('profilekit-my-data.json');
    const data = JSON.parse(await readFile((await file.path()) as string, 'utf8'));
    expect(data).toMatchObject({
      user: { id: person.id, email: person.email, name: 'Margaret Hamilton' },
      accounts: [{ providerId: 'credential' }],
      profile: { languages: PROFILE.languages, devices: PROFILE.devices },
    });
    expect(JSON.stringify(data)).not.toMatch(/password|token/i);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('deletes the account: a wrong password changes nothing; then no row is left and the old session is refused', async () => {
    expect(api.databaseUrl, 'this journey counts rows in PostgreSQL: set TEST_DATABASE_URL').toBeTruthy();
    const { page, errors, context } = await openPage(browser);
    const person = await signedInPerson(context);
    const db = new pg.Client({ connectionString: api.databaseUrl as string });
    await db.connect();
    /** Rows in every table of the database whose text mentions the person's id or email. */
    async function rowsAboutPerson() {
      const tables = await db.query<{ name: string }>(
        `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name
         FROM information_schema.tables
         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
      );
      const counts: Record<string, number> = {};
      for (const { name } of tables.rows) {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${name} t WHERE t::text LIKE $1 OR t::text ILIKE $2`,
          [`%${person.id}%`, `%${person.email}%`],
        );
        counts[name] = rows[0]?.n ?? -1;
      }
      return counts;
    }
    try {
      const before = await rowsAboutPerson();
      expect(before).toMatchObject({
        'public.users': 1,
        'public.sessions': 1,
        'public.accounts': 1,
        'public.user_profiles': 1,
      });
      const oldCookies = (await context.cookies(api.origin)).map((c) => `${c.name}=${c.value}`).join('; ');

      await page.goto(`${api.origin}/react-app/`);
      await openMenuByKeyboard(page);
      await page.getByRole('menuitem', { name: 'Delete account' }).click();
      // One title names the dialog; a close button sits in its corner.
      const dialog = page.getByRole('dialog', { name: 'Delete your account' });
      await dialog.waitFor();
      expect(await dialog.getByRole('heading').count()).toBe(1);
      await dialog.getByLabel(/Type your email address/).fill(person.email);
      await dialog.getByLabel('Your password').fill('not-my-password');
      await dialog.getByRole('button', { name: 'Delete my account permanently' }).click();
      await dialog.getByText('The password is not right.').waitFor();
      expect(await rowsAboutPerson()).toEqual(before);

      await dialog.getByLabel('Your password').fill(PASSWORD);
      await dialog.getByRole('button', { name: 'Delete my account permanently' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.getByText('Your account is deleted.').waitFor();

      const after = await rowsAboutPerson();
      expect(Object.entries(after).filter(([, n]) => n !== 0)).toEqual([]);
      expect(Object.keys(after).length).toBeGreaterThanOrEqual(5);

      // The session the browser held before is refused at once.
      const profile = await fetch(`${api.origin}/api/profile`, { headers: { cookie: oldCookies } });
      expect(profile.status).toBe(401);
      const session = await fetch(`${api.origin}/api/auth/get-session`, { headers: { cookie: oldCookies } });
      expect(await session.json()).toBeNull();
      // Deleting twice with it is refused too; signing in with the old password finds no one.
      const again = await fetch(`${api.origin}/api/auth/delete-user`, {
        method: 'POST',
        headers: { cookie: oldCookies, origin: api.origin, 'content-type': 'application/json' },
        body: JSON.stringify({ password: PASSWORD }),
      });
      expect(again.status).toBe(401);
      const signIn = await fetch(`${api.origin}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { origin: api.origin, 'content-type': 'application/json' },
        body: JSON.stringify({ email: person.email, password: PASSWORD }),
      });
      expect(signIn.status).toBe(401);
      expect(errors).toEqual([]);
    } finally {
      await db.end();
      await context.close();
    }
  });
});
