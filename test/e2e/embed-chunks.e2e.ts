import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedFiles } from '../../scripts/embed-files.mjs';
import { continueAfterSignUp, newEmail, signUpWithPointer } from './journey';
import {
  type ApiServer,
  embedRoutes,
  freePort,
  launchBrowser,
  openPage,
  type StaticServer,
  startApiServer,
  startStaticServer,
} from './support';

// The embed in pieces: the script tag's loader defines the elements, and each element's code is fetched the
// first time one is on the page, from hashed chunk files beside the loader (or under data-assets-url). Here
// the loader and its chunks live on a CDN origin, the page on another and the API on a third.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const CORS = { 'access-control-allow-origin': '*' };
const base = (path: string) => path.replace(/^.*\//, '');
const name = (url: string) => base(new URL(url).pathname);
/** The files of the embed build a page with these elements and on-demand chunks fetches (.size-limit.js). */
const files = (page: Parameters<typeof embedFiles>[0]) => embedFiles(page).map(base);

/** The names of the JavaScript files the page asked `origin` for, in order, once each. */
function scriptsFrom(page: Page, origin: string) {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(origin) && url.endsWith('.js') && !seen.includes(name(url))) seen.push(name(url));
  });
  return seen;
}

function hostPage(script: string) {
  return async () => ({
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title></head>
<body><main><h1>Course</h1></main>${script}</body></html>`,
  });
}

describe.each([
  ['bearer', false],
  ['cookie', true],
] as const)(
  'given the loader and its chunks on a CDN, the page and the API elsewhere, in %s mode',
  (authMode, crossSiteCookies) => {
    let api: ApiServer;
    let cdn: StaticServer;
    let host: StaticServer;
    beforeAll(async () => {
      const hostPort = await freePort();
      const hostOrigin = `http://127.0.0.1:${hostPort}`;
      api = await startApiServer({ hostname: 'localhost', crossSiteCookies, trustedOrigins: [hostOrigin] });
      cdn = await startStaticServer(null, await embedRoutes('/profilekit/1.0.0/', CORS));
      host = await startStaticServer(
        null,
        {
          '/': hostPage(
            `<script src="${cdn.origin}/profilekit/1.0.0/profilekit.js" data-base-url="${api.origin}" data-auth-mode="${authMode}"></script>`,
          ),
        },
        hostPort,
      );
    });
    afterAll(async () => {
      await host?.close();
      await cdn?.close();
      await api?.close();
    });

    it('fetches no element code before an element is on the page, then only what it shows', async () => {
      const { page, errors, context } = await openPage(browser);
      const fromCdn = scriptsFrom(page, cdn.origin);
      const fromHost = scriptsFrom(page, host.origin);
      await page.goto(`${host.origin}/`);
      await page.waitForFunction(() => typeof (window as { ProfileKit?: unknown }).ProfileKit === 'object');
      expect(fromCdn).toEqual(['profilekit.js']);

      await page.evaluate(() => {
        document
          .querySelector('main')
          ?.insertAdjacentHTML(
            'beforeend',
            '<profilekit-sign-up mode="dialog"></profilekit-sign-up><profilekit-auth-gate><p id="secret">Lesson one</p></profilekit-auth-gate>',
          );
      });
      // The gate's content never shows to a signed-out visitor, not even while its code loads.
      expect(await page.locator('#secret').count()).toBe(0);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      const signUp = page.getByRole('button', { name: 'Sign up', exact: true });
      await signUp.waitFor();
      expect(await page.locator('#secret').count()).toBe(0);
      // Exactly the files the size-limit line for this page counts; the dialog is not among them.
      const shown = files({
        elements: ['sign-up', 'auth-gate'],
        load: /^(default-fallback|sign-in|sign-up-with-background)$/,
      });
      expect([...fromCdn].sort()).toEqual([...shown].sort());
      expect(fromCdn.some((file) => file.startsWith('dialog-frame-'))).toBe(false);
      // Nor the sign-up's form: the trigger is all a page shows until it is reached for.
      expect(fromCdn.some((file) => file.startsWith('sign-up-form-'))).toBe(false);
      expect(fromCdn.some((file) => file.startsWith('element-profile-editor-'))).toBe(false);

      await signUp.click();
      await page.getByRole('dialog').waitFor();
      // Then the dialog and the form, exactly the files of the size-limit line for the open dialog.
      const opened = files({
        elements: ['sign-up', 'auth-gate'],
        load: /^(default-fallback|sign-in|sign-up-with-background|dialog-frame|sign-up-form)$/,
      });
      expect(fromCdn.filter((file) => !shown.includes(file)).sort()).toEqual(
        opened.filter((file) => !shown.includes(file)).sort(),
      );
      expect(fromCdn.some((file) => file.startsWith('sign-up-form-'))).toBe(true);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // The widgets so loaded talk to the API on its own origin: sign up through the gate, see its content.
      await signUpWithPointer(page, newEmail());
      await continueAfterSignUp(page);
      await page.getByText('Lesson one').waitFor();
      expect(fromHost).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);

describe('given data-assets-url: the loader on the page’s origin, its chunks on a CDN', () => {
  let api: ApiServer;
  let cdn: StaticServer;
  let bare: StaticServer;
  let host: StaticServer;
  beforeAll(async () => {
    const hostPort = await freePort();
    api = await startApiServer({ hostname: 'localhost', trustedOrigins: [`http://127.0.0.1:${hostPort}`] });
    cdn = await startStaticServer(null, await embedRoutes('/assets/', CORS));
    // A CDN that forgot its CORS header: browsers refuse its modules.
    bare = await startStaticServer(null, await embedRoutes('/assets/'));
    const tag = (assets: string) =>
      `<profilekit-auth-gate><p id="secret">Lesson one</p></profilekit-auth-gate><script src="/js/profilekit.js" data-base-url="${api.origin}" data-auth-mode="bearer" data-assets-url="${assets}"></script>`;
    host = await startStaticServer(
      null,
      {
        // The whole folder here too, for the page-relative assets URL.
        ...(await embedRoutes('/js/')),
        '/': hostPage(tag(`${cdn.origin}/assets/`)),
        '/relative/': hostPage(tag('/js/')),
        '/no-cors/': hostPage(tag(`${bare.origin}/assets`)),
      },
      hostPort,
    );
  });
  afterAll(async () => {
    await host?.close();
    await cdn?.close();
    await bare?.close();
    await api?.close();
  });

  it('loads the loader from the page and every chunk from the assets URL', async () => {
    const { page, errors, context } = await openPage(browser);
    const fromCdn = scriptsFrom(page, cdn.origin);
    const fromHost = scriptsFrom(page, host.origin);
    await page.goto(`${host.origin}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(fromHost).toEqual(['profilekit.js']);
    expect([...fromCdn].sort()).toEqual(
      files({ elements: ['auth-gate'], load: /^(default-fallback|sign-in)$/ })
        .filter((file) => file !== 'profilekit.js')
        .sort(),
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a URL relative to the page', async () => {
    const { page, errors, context } = await openPage(browser);
    const fromHost = scriptsFrom(page, host.origin);
    await page.goto(`${host.origin}/relative/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(fromHost).toContain('profilekit.js');
    expect(fromHost.some((file) => file.startsWith('element-auth-gate-'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so in place of the widget when its chunks cannot load, and the gate keeps its content hidden', async () => {
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${host.origin}/no-cors/`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'the code of <profilekit-auth-gate> did not load' })
      .waitFor();
    expect(await page.locator('#secret').count()).toBe(0);
    expect(errors.some((error) => error.includes('did not load'))).toBe(true);
    await context.close();
  });
});
