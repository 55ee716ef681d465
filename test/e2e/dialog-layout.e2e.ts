import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEmail, PASSWORD } from './journey';
import { type ApiServer, launchBrowser, openPage, startApiServer } from './support';

// Measures every dialog of the React example from the page (issue 23): no title within 16 px of the card's
// edge, and no two buttons touching, on desktop and on a phone.
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

interface Measured {
  name: string;
  titleGaps: { top: number; left: number; right: number };
  touching: string[];
}

/** The open dialog's title distances to its card's edges, and the pairs of visible buttons that touch. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
    if (!dialog) throw new Error('no dialog open');
    const box = dialog.getBoundingClientRect();
    const title = document.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
    if (!title) throw new Error('the dialog has no title');
    const t = title.getBoundingClientRect();
    const buttons = [...dialog.querySelectorAll<HTMLElement>('button, a[class*="button"]')]
      .map((b) => ({ b, r: b.getBoundingClientRect() }))
      .filter(({ b, r }) => r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden');
    const touching: string[] = [];
    for (let i = 0; i < buttons.length; i++) {
      for (let j = i + 1; j < buttons.length; j++) {
        const a = buttons[i]!.r;
        const c = buttons[j]!.r;
        const gapX = Math.max(c.left - a.right, a.left - c.right);
        const gapY = Math.max(c.top - a.bottom, a.top - c.bottom);
        if (Math.max(gapX, gapY) < 1) {
          touching.push(
            `${buttons[i]!.b.textContent || buttons[i]!.b.getAttribute('aria-label')} / ${buttons[j]!.b.textContent || buttons[j]!.b.getAttribute('aria-label')}`,
          );
        }
      }
    }
    return {
      name: title.textContent ?? '',
      titleGaps: { top: t.top - box.top, left: t.left - box.left, right: box.right - t.right },
      touching,
    };
  });
}

async function expectWellSpaced(page: Page) {
  await page.getByRole('dialog').waitFor();
  // Let the lazily loaded content settle: its title, and its buttons.
  await page.getByRole('dialog').getByRole('heading').first().waitFor();
  await page.getByRole('dialog').getByRole('button').last().waitFor();
  const measured = await measure(page);
  expect(measured.titleGaps.top, `${measured.name}: title to top edge`).toBeGreaterThanOrEqual(16);
  expect(measured.titleGaps.left, `${measured.name}: title to start edge`).toBeGreaterThanOrEqual(16);
  expect(measured.titleGaps.right, `${measured.name}: title to end edge`).toBeGreaterThanOrEqual(16);
  expect(measured.touching, `${measured.name}: buttons touching`).toEqual([]);
}

describe.each([
  { label: 'desktop', viewport: { width: 1280, height: 900 } },
  { label: 'phone', viewport: { width: 390, height: 844 } },
])('given the React example on $label', ({ viewport }) => {
  it('spaces the title and the buttons of every dialog', async () => {
    const { page, context } = await openPage(browser, { viewport });
    await page.goto(`${api.origin}/react-app/`);
    await page.getByRole('button', { name: 'Sign up' }).first().click();
    await expectWellSpaced(page);
    await page.keyboard.press('Escape');

    const email = newEmail();
    const signUp = await context.request.post(`${api.origin}/api/auth/sign-up/email`, {
      headers: { origin: api.origin },
      data: { email, password: PASSWORD, name: 'Dorothy Vaughan' },
    });
    expect(signUp.status()).toBe(200);
    await page.goto(`${api.origin}/react-app/`);
    for (const item of ['Manage account', 'Edit background', 'Delete account']) {
      await page.getByRole('button', { name: 'Dorothy Vaughan, account menu' }).click();
      await page.getByRole('menuitem', { name: item }).click();
      await expectWellSpaced(page);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    await context.close();
  });
});
