import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { continueAfterSignUp, fullJourney, newEmail, PASSWORD, signUpWithPointer } from '../e2e/journey';
import { ARTIFACTS, launchBrowser, openPage } from '../e2e/support';
import { APP_DIR, type NextServer, nextEnv, runNext, scratchDatabase, startNext } from './next-app';

// The Next.js App Router example (examples/nextjs), installed from the packed package, on PostgreSQL:
// `next build` + `next start` for the journeys, then `next dev` for what only development mode shows.

const LESSON = 'Lesson 1: timers and interrupts';
const CONTENT = 'Your lessons are tuned to the background below.';
const ADVANCED = 'Your track: advanced Python for robots.';
const FOUNDATIONS = 'Your track: Python foundations.';

let browser: Browser;
let database: Awaited<ReturnType<typeof scratchDatabase>>;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  database = await scratchDatabase();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await database?.drop();
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, 'nextjs-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log('Next.js example figures:', figures);
});

/** Waits until React has hydrated the element (it then carries React's props on the DOM node). */
async function hydrated(page: Page, locator: ReturnType<Page['getByRole']>) {
  await locator.waitFor();
  await page.waitForFunction(
    (element) => element !== null && Object.keys(element).some((key) => key.startsWith('__reactProps')),
    await locator.elementHandle(),
    { timeout: 60_000 },
  );
}

/** The JavaScript a page loaded (its first load), raw and gzip, read from the build output. */
async function firstLoadJs(page: Page) {
  const scripts: string[] = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/_next/static/') && path.endsWith('.js')),
  );
  let raw = 0;
  let gzip = 0;
  for (const script of new Set(scripts)) {
    const body = await readFile(join(APP_DIR, '.next', script.slice('/_next/'.length)));
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: new Set(scripts).size, rawKB: +(raw / 1024).toFixed(1), gzipKB: +(gzip / 1024).toFixed(1) };
}

/**
 * The docs' questionnaire example (examples/nextjs/lib/questionnaire.ts, with an `options` function), handed
 * from a Server Component (app/join) to the sign-up: the page answers, hydrates without an error, asks the
 * relabelled question with the option the function added, and saves it.
 */
async function joinWithTheDocsQuestionnaire(origin: string) {
  const { page, errors, context } = await openPage(browser);
  const response = await page.goto(`${origin}/join`, { timeout: 180_000 });
  expect(response?.status()).toBe(200);
  // What the Server Component sent: the resolved options, as data.
  const payload = await (await context.request.get(`${origin}/join`, { headers: { RSC: '1' } })).text();
  expect(payload).toContain('BBC micro:bit');
  expect(payload).toContain('Boards on your desk');

  const exact = { exact: true };
  const name = page.getByLabel('Name', exact);
  await hydrated(page, name);
  await name.fill('Grace Hopper');
  const email = newEmail();
  await page.getByLabel('Email', exact).fill(email);
  await page.getByLabel('Password', exact).fill(PASSWORD);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('heading', { name: 'Software background' }).waitFor();
  // `frameworks` is hidden by the definition.
  expect(await page.getByRole('checkbox', { name: 'React' }).count()).toBe(0);
  await page.getByLabel('Language 1', exact).fill('Python');
  await page.getByLabel('Level for language 1', exact).selectOption('advanced');
  await page.getByRole('radio', { name: '3-5' }).check();
  await page.getByLabel('Overall software experience', exact).selectOption('intermediate');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('heading', { name: 'Hardware background' }).waitFor();
  await page.getByRole('checkbox', { name: 'BBC micro:bit' }).check();
  await page.getByRole('radio', { name: 'Both' }).check();
  await page.getByLabel('Overall hardware experience', exact).selectOption('beginner');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('heading', { name: 'Review' }).waitFor();
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Welcome aboard' }).waitFor();
  const saved = (await (await context.request.get(`${origin}/api/profile`)).json()) as { devices: string[] };
  expect(saved.devices).toEqual(['BBC micro:bit']);
  expect(errors).toEqual([]);
  await context.close();
}

describe('next build and next start', () => {
  let app: NextServer;

  beforeAll(async () => {
    const started = Date.now();
    await runNext(['build'], nextEnv(database.url));
    figures.buildSeconds = Math.round((Date.now() - started) / 100) / 10;
    app = await startNext('start', database.url);
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  });

  it('runs the journey: sign up with the questionnaire, reload, edit, reload, sign out', async () => {
    const { page, errors, context } = await openPage(browser);
    await fullJourney(page, {
      url: `${app.origin}/profile`,
      content: CONTENT,
      by: 'pointer',
      signOut: () => page.getByRole('button', { name: 'Sign out' }).click(),
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends the signed-in page complete in its first HTML', async () => {
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${app.origin}/profile`);
    await signUpWithPointer(page, newEmail()); // Python, advanced
    await continueAfterSignUp(page);
    await page.getByText(CONTENT).waitFor();
    await page.getByText(ADVANCED).waitFor();

    // The HTML itself, as the server sends it with the session cookie.
    const html = await (await context.request.get(`${app.origin}/profile`)).text();
    expect(html).toContain(CONTENT);
    // What the browser paints before any script runs: the track the background chooses, and not the
    // other one (which is in the RSC payload as the fallback prop, not in the markup): nothing flashes.
    const painted = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await context.storageState(),
    });
    const before = await painted.newPage();
    await before.goto(`${app.origin}/profile`);
    expect(await before.getByText(ADVANCED).count()).toBe(1);
    expect(await before.getByText(FOUNDATIONS).count()).toBe(0);
    await painted.close();
    expect(html).toMatch(/<input[^>]*value="Python"/);
    expect(html).toContain('Save changes');

    await page.reload();
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
    expect(await page.getByLabel('Language 1', { exact: true }).inputValue()).toBe('Python');
    figures.profilePageFirstLoadJs = await firstLoadJs(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a ServerAuthGate’s children out of a signed-out visitor’s HTML and RSC payload', async () => {
    const { page, errors, context } = await openPage(browser);
    const html = await (await context.request.get(`${app.origin}/members`)).text();
    const payload = await (
      await context.request.get(`${app.origin}/members`, { headers: { RSC: '1' } })
    ).text();
    expect(html).toContain('Members');
    expect(payload).toContain('Members');
    for (const source of [html, payload]) {
      expect(source).not.toContain(LESSON);
      expect(source).not.toContain('members-only lesson');
    }

    // Signing in through the fallback renders the page again on the server, now with the lesson.
    const email = newEmail();
    await page.goto(`${app.origin}/profile`);
    await signUpWithPointer(page, email);
    await continueAfterSignUp(page);
    await page.getByText(CONTENT).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Leaving before the sign-out has answered would cancel it and keep the session.
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ state: 'detached' });
    await page.goto(`${app.origin}/members`);
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('cobol-forever-1959');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: LESSON }).waitFor();
    const signedIn = await (await context.request.get(`${app.origin}/members`)).text();
    expect(signedIn).toContain(LESSON);
    expect(signedIn).toContain(email);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes the docs’ questionnaire from a Server Component, its options function resolved', async () => {
    await joinWithTheDocsQuestionnaire(app.origin);
  });

  it('renders the host’s own trigger from a Server Component and opens the sign-up from it', async () => {
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${app.origin}/`);
    const trigger = page.getByRole('button', { name: 'Join the course' });
    await hydrated(page, trigger);
    await trigger.click();
    await page.getByRole('dialog').getByRole('heading', { name: 'Account', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign up', exact: true }).count()).toBe(0);
    figures.coursePageFirstLoadJs = await firstLoadJs(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('next dev', () => {
  let app: NextServer;

  beforeAll(async () => {
    app = await startNext('dev', database.url);
    // `next dev` compiles a route on its first request, which on a loaded machine outlasts a step's wait:
    // both API routes are compiled here, so the journeys below time what the browser does.
    for (const route of ['/api/auth/get-session', '/api/profile']) {
      await fetch(`${app.origin}${route}`, { signal: AbortSignal.timeout(240_000) });
    }
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  });

  it('takes the docs’ questionnaire from a Server Component, its options function resolved', async () => {
    await joinWithTheDocsQuestionnaire(app.origin);
  }, 300_000);

  it('hydrates the host’s trigger passed from a Server Component, without a mismatch', async () => {
    const { page, errors, context } = await openPage(browser);
    // The first visit compiles the page; the check is on a visit that runs the compiled code.
    await page.goto(`${app.origin}/`, { timeout: 180_000 });
    await page.getByRole('button', { name: 'Join the course' }).waitFor({ timeout: 180_000 });
    errors.length = 0;
    await page.reload();
    const trigger = page.getByRole('button', { name: 'Join the course' });
    await hydrated(page, trigger);
    expect(await trigger.getAttribute('class')).toBe('join');
    expect(await trigger.getAttribute('aria-haspopup')).toBe('dialog');
    await trigger.click();
    await page.getByRole('dialog').getByRole('heading', { name: 'Account', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign up', exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
