import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, ROOT, type StaticServer, startStaticServer } from './support';

/**
 * The script-tag embed (dist/embed.global.js, `npm run build` first) asked for a language: the locale file
 * beside the script loads when a widget needs it, and only that one.
 */
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Embed locales</title></head><body>
<main>
  <profilekit-sign-in id="arabic" data-locale="ar"></profilekit-sign-in>
  <profilekit-sign-in id="swiss" lang="de-CH"></profilekit-sign-in>
  <profilekit-sign-in id="portuguese" lang="pt-BR"></profilekit-sign-in>
</main>
<script src="/dist/embed.global.js" data-base-url=""></script>
</body></html>`;

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  browser = await launchBrowser();
  // The repository as the web root, so the script and the locales sit where a CDN would serve them.
  server = await startStaticServer(ROOT, {
    '/': async () => ({ type: 'text/html', body: page }),
    // No auth server here: the sign-in form needs none to show.
    '/api/auth/get-session': async () => ({ type: 'application/json', body: 'null' }),
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('given widgets that ask for a language', () => {
  it('shows each in its language, with lang and dir, loading only the locales asked for', async () => {
    const { page: tab, context, errors } = await openPage(browser);
    const requested: string[] = [];
    tab.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await tab.goto(`${server.origin}/`);
    const arabic = tab.locator('#arabic');
    await expect
      .poll(() => arabic.getByRole('heading', { name: 'تسجيل الدخول' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await arabic.locator('.pk-root').getAttribute('dir')).toBe('rtl');
    expect(await arabic.locator('.pk-root').getAttribute('lang')).toBe('ar');
    const swiss = tab.locator('#swiss');
    await expect.poll(() => swiss.getByRole('heading', { name: 'Anmelden' }).count()).toBe(1);
    // A language without a shipped locale keeps English.
    await expect
      .poll(() => tab.locator('#portuguese').getByRole('heading', { name: 'Sign in' }).count())
      .toBe(1);
    const locales = requested.filter((path) => path.includes('/locales/')).sort();
    expect(locales).toEqual(['/dist/locales/ar.js', '/dist/locales/de.js']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps every locale out of the embed script itself', async () => {
    const script = await readFile(join(ROOT, 'dist/embed.global.js'), 'utf8');
    const ja = await readFile(join(ROOT, 'src/locales/ja.ts'), 'utf8');
    expect(ja).toContain('パスワードをお忘れですか');
    expect(script).not.toContain('パスワードをお忘れですか');
    expect(script).not.toContain('Passwort vergessen');
  });
});
