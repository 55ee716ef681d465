import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, ROOT, type StaticServer, startStaticServer } from './support';

/**
 * The script-tag embed (dist/embed/, `npm run build` first) asked for a language: the locale's chunk beside
 * the loader loads when a widget needs it, and only that one.
 */
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Embed locales</title></head><body>
<main>
  <profilekit-sign-in id="arabic" data-locale="ar"></profilekit-sign-in>
  <profilekit-sign-in id="swiss" lang="de-CH"></profilekit-sign-in>
  <profilekit-sign-in id="portuguese" lang="pt-BR"></profilekit-sign-in>
</main>
<script src="/dist/embed/profilekit.js" data-base-url=""></script>
</body></html>`;

/** A shipped locale's chunk of the script-tag build, by its tag. */
const LOCALE_CHUNK = /^\/dist\/embed\/(en|de|fr|es|ja|ar)-[A-Z0-9]{8}\.js$/;

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
    const locales = requested.flatMap((path) => LOCALE_CHUNK.exec(path)?.[1] ?? []).sort();
    expect(locales).toEqual(['ar', 'de']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps every locale out of the loader and the element chunks', async () => {
    const folder = join(ROOT, 'dist/embed');
    const files = (await readdir(folder)).filter(
      (f) => f.endsWith('.js') && !LOCALE_CHUNK.test(`/dist/embed/${f}`),
    );
    expect(files).toContain('profilekit.js');
    const ja = await readFile(join(ROOT, 'src/locales/ja.ts'), 'utf8');
    expect(ja).toContain('パスワードをお忘れですか');
    for (const file of files) {
      const code = await readFile(join(folder, file), 'utf8');
      expect(code, file).not.toContain('パスワードをお忘れですか');
      expect(code, file).not.toContain('Passwort vergessen');
    }
  });
});
