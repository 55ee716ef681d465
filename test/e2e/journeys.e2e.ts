import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { continueAfterSignUp, fullJourney, newEmail, signUpWithPointer } from './journey';
import {
  type ApiServer,
  embedRoutes,
  freePort,
  hostPageHtml,
  launchBrowser,
  openPage,
  ROOT,
  type StaticServer,
  startApiServer,
  startStaticServer,
} from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('given the reference server and both example pages on one origin', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api?.close());

  it('the React app: sign up with a full background, reload, edit, reload, sign out', async () => {
    const { page, errors, context } = await openPage(browser);
    await fullJourney(page, {
      url: `${api.origin}/react-app/`,
      content: 'Your lessons are tuned to the background below.',
      by: 'pointer',
      signOut: () => page.getByRole('button', { name: 'Sign out' }).click(),
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the React app: the track its background chooses shows right after sign-up and follows an edit, in place', async () => {
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    // A mark on the page's window: a reload would drop it.
    await page.evaluate(() => Object.assign(window, { samePage: true }));
    await signUpWithPointer(page, newEmail()); // Python, advanced
    await continueAfterSignUp(page);
    await page.getByText('Your track: advanced Python for robots.').waitFor();
    expect(await page.getByText('Your track: Python foundations.').count()).toBe(0);
    await page.getByLabel('Level for language 1', { exact: true }).selectOption('beginner');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your track: Python foundations.').waitFor();
    expect(await page.getByText('Your track: advanced Python for robots.').count()).toBe(0);
    expect(await page.evaluate(() => (window as { samePage?: boolean }).samePage)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the React app built with React 18.3: the same journey', async () => {
    // examples/react-app built a second time with React 18 (PROFILEKIT_EXAMPLE_REACT=18), served on the
    // reference server's origin so its cookies and API are the same as for the React 19 build.
    const dist = join(ROOT, 'examples/react-app/dist-react18');
    const assets = await readdir(join(dist, 'assets'));
    const code = (await Promise.all(assets.map((f) => readFile(join(dist, 'assets', f), 'utf8')))).join('\n');
    expect(code).toContain('18.3.1');
    expect(code).not.toMatch(/19\.\d+\.\d+/);
    const { page, errors, context } = await openPage(browser);
    await context.route(`${api.origin}/react-app-18/**`, async (route) => {
      const path = new URL(route.request().url()).pathname.slice('/react-app-18/'.length) || 'index.html';
      await route.fulfill({ path: join(dist, path) });
    });
    await fullJourney(page, {
      url: `${api.origin}/react-app-18/`,
      content: 'Your lessons are tuned to the background below.',
      by: 'pointer',
      signOut: () => page.getByRole('button', { name: 'Sign out' }).click(),
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the React app, by keyboard alone', async () => {
    const { page, errors, context } = await openPage(browser);
    await fullJourney(page, {
      url: `${api.origin}/react-app/`,
      content: 'Your lessons are tuned to the background below.',
      by: 'keyboard',
      signOut: async () => {
        await page.getByRole('button', { name: 'Sign out' }).focus();
        await page.keyboard.press('Enter');
      },
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  // #14: a signed-in person with a saved background used "Sign up" and replaced it with an empty form.
  it('no sign-up entry point replaces a saved background once the person is signed in', async () => {
    const { page, errors, context } = await openPage(browser);
    const writes: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/profile' && request.method() !== 'GET')
        writes.push(`${request.method()} ${request.headers()['if-none-match'] ?? ''}`);
    });
    await page.goto(`${api.origin}/react-app/`);
    await signUpWithPointer(page, newEmail());
    await continueAfterSignUp(page);
    await page.getByText('Your lessons are tuned to the background below.').waitFor();
    // The one write of the sign-up: create only.
    expect(writes).toEqual(['PUT *']);
    const read = async () => {
      const response = await page.request.get(`${api.origin}/api/profile`);
      expect(response.status()).toBe(200);
      return { etag: response.headers().etag, body: await response.text() };
    };
    const saved = await read();
    expect(JSON.parse(saved.body)).toMatchObject({ frameworks: ['React', 'Svelte'] });

    for (const url of [`${api.origin}/react-app/`, `${api.origin}/host-page/`]) {
      await page.goto(url);
      // The gate shows the member content, so session and profile have loaded...
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.getByRole('heading', { name: 'Your background' }).waitFor();
      // ...and neither the header's dialog trigger nor any inline sign-up offers the questionnaire.
      expect(await page.getByRole('button', { name: 'Sign up' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Tell us about your background' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Create your account' }).count()).toBe(0);
    }
    expect(writes).toEqual(['PUT *']);
    expect(await read()).toEqual(saved);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the plain HTML host page (script-tag embed in shadow roots)', async () => {
    const { page, errors, context } = await openPage(browser);
    await fullJourney(page, {
      url: `${api.origin}/host-page/`,
      content: 'Lesson 1: Blinking an LED',
      by: 'pointer',
      signOut: () => page.getByRole('button', { name: 'Sign out' }).click(),
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.each([
  ['cookie', true],
  ['bearer', false],
] as const)(
  'given the host page on another origin than the API, in %s mode',
  (authMode, crossSiteCookies) => {
    let api: ApiServer;
    let host: StaticServer;
    const requests: { url: string; cookie: boolean; bearer: boolean }[] = [];
    beforeAll(async () => {
      // The host page on 127.0.0.1, the API on localhost: another origin and another site.
      const hostPort = await freePort();
      const hostOrigin = `http://127.0.0.1:${hostPort}`;
      api = await startApiServer({ hostname: 'localhost', crossSiteCookies, trustedOrigins: [hostOrigin] });
      host = await startStaticServer(
        null,
        {
          '/': async () => ({
            type: 'text/html; charset=utf-8',
            body: await hostPageHtml({ baseURL: api.origin, authMode }),
          }),
          ...(await embedRoutes()),
        },
        hostPort,
      );
    });
    afterAll(async () => {
      await host?.close();
      await api?.close();
    });

    it('runs the whole journey', async () => {
      const { page, errors, context } = await openPage(browser);
      page.on('request', (request) => {
        if (!request.url().startsWith(api.origin)) return;
        const headers = request.headers();
        requests.push({
          url: request.url(),
          cookie: 'cookie' in headers,
          bearer: /^Bearer /.test(headers.authorization ?? ''),
        });
      });
      expect(host.origin).not.toBe(api.origin);
      await fullJourney(page, {
        url: `${host.origin}/`,
        content: 'Lesson 1: Blinking an LED',
        by: 'pointer',
        signOut: () => page.getByRole('button', { name: 'Sign out' }).click(),
      });
      expect(errors).toEqual([]);
      const profileCalls = requests.filter((r) => r.url.endsWith('/api/profile'));
      expect(profileCalls.length).toBeGreaterThan(0);
      if (authMode === 'bearer') {
        expect(profileCalls.every((r) => r.bearer)).toBe(true);
      } else {
        expect(profileCalls.some((r) => r.bearer)).toBe(false);
        const cookies = await context.cookies(api.origin);
        // Signed out now; what the server set on the way was a cross-site cookie.
        expect(cookies.every((c) => c.sameSite === 'None' && c.secure)).toBe(true);
      }
      await context.close();
    });
  },
);
