import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { continueAfterSignUp, newEmail, PASSWORD } from './journey';
import {
  type ApiServer,
  hostPageHtml,
  launchBrowser,
  openPage,
  type StaticServer,
  startApiServer,
  startStaticServer,
} from './support';

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

const exact = { exact: true };

/** The computed styles of the host page's own elements that a leaking stylesheet would change. */
function hostStyles(page: Page) {
  return page.evaluate(() => {
    const properties = [
      'font-family',
      'font-size',
      'font-weight',
      'color',
      'background-color',
      'border-top-style',
      'border-top-width',
      'border-top-color',
      'border-radius',
      'margin-top',
      'padding-top',
      'line-height',
      'text-transform',
      'letter-spacing',
      'display',
      'box-sizing',
    ];
    const selectors = [
      'html',
      'body',
      'header h1',
      '#about',
      '#host-paragraph',
      '#host-button',
      '#host-input',
      'label[for=host-input]',
      '.newsletter',
    ];
    return Object.fromEntries(
      selectors.map((selector) => {
        const element = document.querySelector(selector);
        if (!element) throw new Error(`the host page has no ${selector}`);
        const style = getComputedStyle(element);
        return [selector, Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]))];
      }),
    );
  });
}

describe('given the host page with its aggressive global styles', () => {
  let bare: StaticServer;
  beforeAll(async () => {
    // The same page without the script tag, as it looked before profilekit came.
    bare = await startStaticServer(null, {
      '/': async () => ({ type: 'text/html; charset=utf-8', body: await hostPageHtml(null) }),
    });
  });
  afterAll(() => bare?.close());

  it('keeps every host style as it was, with widgets in shadow roots and in the page itself', async () => {
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${bare.origin}/`);
    const before = await hostStyles(page);

    await page.goto(`${api.origin}/host-page/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await hostStyles(page)).toEqual(before);

    // A widget without a shadow root puts profilekit's stylesheet into the page's <head>.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'light-widget';
      document.querySelector('main')?.append(box);
      (
        window as unknown as { ProfileKit: { mount: (e: Element, n: string, o: object) => void } }
      ).ProfileKit.mount(box, 'sign-in', { title: 'Sign in here too' });
    });
    await page.getByRole('heading', { name: 'Sign in here too' }).waitFor();
    expect(await page.locator('head style[data-profilekit]').count()).toBe(1);
    expect(await hostStyles(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps its own look inside shadow roots, whatever the page says about buttons and inputs', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${api.origin}/host-page/`);
    const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
    await signIn.waitFor();
    const look = await signIn.evaluate((button) => {
      const style = getComputedStyle(button);
      return {
        background: style.backgroundColor,
        transform: style.textTransform,
        border: style.borderTopStyle,
      };
    });
    // The page makes buttons pink, dotted and uppercase; profilekit's are its accent colour.
    expect(look).toEqual({ background: 'rgb(67, 56, 202)', transform: 'none', border: 'solid' });
    const input = await page.getByLabel('Email', exact).evaluate((el) => getComputedStyle(el).borderTopStyle);
    expect(input).toBe('solid');
    await context.close();
  });
});

/** Strings that would run script if the components put text into the page as HTML. None has a comma. */
const INJECTIONS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '"><svg onload=window.__pwned=3>',
  'javascript:window.__pwned=4',
  "{{constructor.constructor('window.__pwned=5')()}}",
  '</textarea><iframe srcdoc="<script>parent.__pwned=6</script>">',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the attack being tried
  "' OR '1'='1' -- ${window.__pwned=7}",
] as const;

describe('given script-injection strings typed into every free-text field', () => {
  it('shows them as text, stores them as text and runs none of them', async () => {
    const { page, errors, dialogs, context } = await openPage(browser);
    const [script, img, svg, js, template, iframe, sql] = INJECTIONS;
    await page.goto(`${api.origin}/react-app/`);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Name', exact).fill(iframe);
    await page.getByLabel('Email', exact).fill(newEmail());
    await page.getByLabel('Password', exact).fill(PASSWORD);
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel('Language 1', exact).fill(script);
    await page.getByLabel('Level for language 1', exact).selectOption('beginner');
    await page.getByRole('button', { name: 'Add a language' }).click();
    await page.getByLabel('Language 2', exact).fill(svg);
    await page.getByLabel('Level for language 2', exact).selectOption('expert');
    await page.getByLabel(/Other frameworks/).fill(template);
    // Leaving the box adds the chip; done here, not by the next click, whose target the new chip would move.
    await page.getByLabel(/Other frameworks/).press('Tab');
    await page.getByRole('radio', { name: '1-3' }).check();
    await page.getByLabel('Overall software experience', exact).selectOption('beginner');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel(/Other devices/).fill(js);
    // Enter adds a chip; a second one is added when the box loses focus.
    await page.getByLabel(/Other processor architectures/).fill(sql);
    await page.getByLabel(/Other processor architectures/).press('Enter');
    await page.getByLabel(/Other processor architectures/).fill(img);
    // Leaving the box adds the chip; done here, not by the next click, whose target the new chip would move.
    await page.getByLabel(/Other processor architectures/).press('Tab');
    await page.getByLabel('Overall hardware experience', exact).selectOption('none');
    await page.getByRole('radio', { name: 'Software' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Review' }).waitFor();
    await page.getByText(`${script} (Beginner), ${svg} (Expert)`).waitFor();
    await page.getByRole('button', { name: 'Create account' }).click();
    await continueAfterSignUp(page);

    // The name lands in the app's own heading, as text.
    await page.getByRole('heading', { name: `Welcome, ${iframe}` }).waitFor();
    await page.reload();
    await page.getByLabel('Language 1', exact).waitFor();
    expect(await page.getByLabel('Language 1', exact).inputValue()).toBe(script);
    expect(await page.getByLabel('Language 2', exact).inputValue()).toBe(svg);
    // "Other" answers come back as chips, each named as text.
    for (const entry of [template, js, sql, img]) {
      expect(await page.getByRole('button', { name: `Remove ${entry}`, exact: true }).count()).toBe(1);
    }

    const profile = await page.evaluate(async () => (await fetch('/api/profile')).json());
    expect(profile).toMatchObject({
      languages: [
        { language: script, level: 'beginner' },
        { language: svg, level: 'expert' },
      ],
      frameworks: [template],
      devices: [js],
      architectureFamiliarity: [sql, img],
    });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img, iframe, svg[onload], script:not([src])').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('given the server stops in the middle of a save', () => {
  it('shows an error, keeps the form, and saves once the server is back', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${api.origin}/react-app/`);
    // A person with a profile, made through the same API the page uses.
    await page.evaluate(
      async ({ email, password }) => {
        const json = { 'content-type': 'application/json' };
        await fetch('/api/auth/sign-up/email', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email, password, name: 'Ada' }),
        });
        await fetch('/api/profile', {
          method: 'PUT',
          headers: json,
          body: JSON.stringify({
            languages: [{ language: 'Ada', level: 'expert' }],
            frameworks: [],
            experienceYears: '10+',
            softwareExperience: 'expert',
            hardwareExperience: 'advanced',
            backgroundPreference: 'both',
          }),
        });
      },
      { email: newEmail(), password: PASSWORD },
    );
    await page.reload();
    const flask = page.getByRole('checkbox', { name: 'Flask' });
    await flask.waitFor();

    await api.stop();
    await flask.check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'We could not reach the server.' }).waitFor();
    expect(await flask.isChecked()).toBe(true);
    await page.getByText('You have unsaved changes.').waitFor();

    await api.start();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Your changes are saved.' }).waitFor();
    await page.reload();
    await page.getByRole('checkbox', { name: 'Flask' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Flask' }).isChecked()).toBe(true);
    await context.close();
  });
});

describe('given the embed is given a wrong option', () => {
  it('says what is wrong in the console and in place of the widget', async () => {
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${api.origin}/host-page/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.evaluate(() => {
      const element = document.createElement('profilekit-sign-up');
      element.setAttribute('mode', 'popup');
      document.querySelector('main')?.append(element);
    });
    await page.getByRole('alert').filter({ hasText: '"mode" must be one of "inline", "dialog"' }).waitFor();
    expect(
      errors.some((e) => e.includes('ProfileKitEmbedError') || e.includes('"mode" must be one of')),
    ).toBe(true);
    await context.close();
  });
});
