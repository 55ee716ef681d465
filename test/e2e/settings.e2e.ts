import pg from 'pg';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEmail, PASSWORD } from './journey';
import { type ApiServer, launchBrowser, openPage, startApiServer } from './support';

// The account settings in the React example ("Manage account" in the user menu) against the reference server
// on PostgreSQL: each change through the page, each refusal visible and changing nothing in SQL.
let browser: Browser;
let api: ApiServer;
let sql: pg.Client | null = null;
beforeAll(async () => {
  browser = await launchBrowser();
  api = await startApiServer();
  if (api.databaseUrl) {
    sql = new pg.Client({ connectionString: api.databaseUrl });
    await sql.connect();
  }
});
afterAll(async () => {
  await sql?.end();
  await browser?.close();
  await api?.close();
});

const PROFILE = {
  languages: [{ language: 'Rust', level: 'advanced' }],
  frameworks: ['Axum'],
  experienceYears: '3-5',
  devices: ['ESP32'],
  architectureFamiliarity: ['RISC-V'],
  softwareExperience: 'advanced',
  hardwareExperience: 'intermediate',
  backgroundPreference: 'both',
};
const headers = () => ({ origin: api.origin });

async function signUp(request: APIRequestContext, email = newEmail()) {
  const answer = await request.post(`${api.origin}/api/auth/sign-up/email`, {
    headers: headers(),
    data: { email, password: PASSWORD, name: 'Katherine Johnson' },
  });
  expect(answer.status()).toBe(200);
  const { user } = (await answer.json()) as { user: { id: string } };
  expect(
    (await request.put(`${api.origin}/api/profile`, { headers: headers(), data: PROFILE })).status(),
  ).toBe(201);
  return { id: user.id, email };
}

async function signIn(request: APIRequestContext, email: string, password = PASSWORD) {
  return request.post(`${api.origin}/api/auth/sign-in/email`, {
    headers: headers(),
    data: { email, password },
  });
}

/** Rows of a table about a person, as text, to compare before and after a refusal. */
async function rows(table: 'users' | 'accounts', userId: string): Promise<string> {
  if (!sql) return '';
  const column = table === 'users' ? 'id' : 'user_id';
  const { rows: found } = await sql.query(`SELECT * FROM ${table} WHERE ${column} = $1 ORDER BY id`, [
    userId,
  ]);
  return JSON.stringify(found);
}

/** Opens "Manage account" from the user menu and returns the section named `name` in its dialog. */
async function openSection(page: Page, name: string): Promise<Locator> {
  await page.goto(`${api.origin}/react-app/`);
  await page.getByRole('button', { name: 'Katherine Johnson, account menu' }).click();
  await page.getByRole('menuitem', { name: 'Manage account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Account settings' });
  const section = dialog.getByRole('region', { name });
  await section.waitFor();
  return section;
}

async function otherDevice(email: string): Promise<BrowserContext> {
  const { context } = await openPage(browser);
  expect((await signIn(context.request, email)).status()).toBe(200);
  expect((await context.request.get(`${api.origin}/api/profile`)).status()).toBe(200);
  return context;
}

async function outbox(to: string, kind: string) {
  for (let i = 0; i < 50; i++) {
    const { messages } = (await (await fetch(`${api.origin}/dev/outbox.json`)).json()) as {
      messages: { to: string; kind: string; url: string }[];
    };
    const found = messages.find((m) => m.to === to && m.kind === kind);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

describe('given a signed-in person in the React example', () => {
  it('changes the password with the other devices signed out, after refusing a wrong one', async () => {
    const { page, context, errors } = await openPage(browser);
    const person = await signUp(context.request);
    const other = await otherDevice(person.email);
    const section = await openSection(page, 'Password');
    const before = await rows('accounts', person.id);

    await section.getByLabel('Current password').fill('not the password');
    await section.getByLabel('New password', { exact: true }).fill('a much newer password');
    await section.getByLabel('New password, again').fill('a much newer password');
    expect(await section.getByRole('checkbox', { name: 'Sign out of every other device' }).isChecked()).toBe(
      true,
    );
    await section.getByRole('button', { name: 'Change password' }).click();
    await section.getByText('The current password is not right.').waitFor();
    expect(await rows('accounts', person.id)).toBe(before);
    expect((await other.request.get(`${api.origin}/api/profile`)).status()).toBe(200);

    await section.getByLabel('Current password').fill(PASSWORD);
    await section.getByRole('button', { name: 'Change password' }).click();
    await section.getByText('Your password is changed, and every other device is signed out.').waitFor();
    expect((await other.request.get(`${api.origin}/api/profile`)).status()).toBe(401);
    expect((await context.request.get(`${api.origin}/api/profile`)).status()).toBe(200);
    expect((await signIn(other.request, person.email, 'a much newer password')).status()).toBe(200);
    expect(errors).toEqual([]);
    await other.close();
    await context.close();
  });

  it('ends the session of another browser from the devices list', async () => {
    const { page, context } = await openPage(browser);
    const person = await signUp(context.request);
    const other = await otherDevice(person.email);
    const section = await openSection(page, 'Devices');
    await section.getByText('This device').waitFor();
    await section.getByRole('button', { name: /^Sign out .*, last active/ }).click();
    await section.getByText(/is signed out\.$/).waitFor();
    expect((await other.request.get(`${api.origin}/api/profile`)).status()).toBe(401);
    expect((await context.request.get(`${api.origin}/api/profile`)).status()).toBe(200);
    // The page never held a session token.
    const html = await page.content();
    const cookies = await other.cookies();
    for (const cookie of cookies) expect(html).not.toContain(decodeURIComponent(cookie.value).split('.')[0]);
    await other.close();
    await context.close();
  });

  it('changes the email through the link mailed to the new address; the old one no longer signs in', async () => {
    const { page, context } = await openPage(browser);
    const person = await signUp(context.request);
    const moved = newEmail();
    const section = await openSection(page, 'Email address');
    await section.getByLabel('New email address').fill(moved);
    await section.getByLabel('Current password').fill(PASSWORD);
    await section.getByRole('button', { name: 'Change email' }).click();
    await section.getByText(/a link is on its way there/).waitFor();
    expect(JSON.parse(await rows('users', person.id))[0]?.email ?? person.email).toBe(person.email);

    const link = await outbox(moved, 'verify-email');
    expect(link?.url).toContain('/api/auth/verify-email?token=');
    await page.goto(link?.url ?? '');
    await page.waitForURL(/react-app/);
    expect((await signIn(context.request, person.email)).status()).toBe(401);
    const { context: fresh } = await openPage(browser);
    expect((await signIn(fresh.request, moved)).status()).toBe(200);
    const profile = await fresh.request.get(`${api.origin}/api/profile`);
    expect(await profile.json()).toMatchObject(PROFILE);
    await fresh.close();
    await context.close();
  });

  it('answers a taken address like a free one, tells only its mailbox, and changes nothing', async () => {
    const { page, context } = await openPage(browser);
    const person = await signUp(context.request);
    const { context: ownerContext } = await openPage(browser);
    const owner = await signUp(ownerContext.request);
    const before = await rows('users', person.id);
    const section = await openSection(page, 'Email address');
    await section.getByLabel('New email address').fill(owner.email);
    await section.getByLabel('Current password').fill(PASSWORD);
    await section.getByRole('button', { name: 'Change email' }).click();
    await section.getByText(/a link is on its way there/).waitFor();
    expect((await outbox(owner.email, 'email-in-use'))?.to).toBe(owner.email);
    expect(await rows('users', person.id)).toBe(before);
    await ownerContext.close();
    await context.close();
  });

  it('refuses to remove the last way in, visibly, with nothing changed', async () => {
    const { page, context } = await openPage(browser);
    const person = await signUp(context.request);
    const before = await rows('accounts', person.id);
    const section = await openSection(page, 'Sign-in methods');
    await section.getByRole('button', { name: 'Disconnect Email and password' }).click();
    await section.getByRole('alert').getByText('This is your only way to sign in').waitFor();
    expect(await rows('accounts', person.id)).toBe(before);
    expect((await signIn(context.request, person.email)).status()).toBe(200);
    await context.close();
  });
});
