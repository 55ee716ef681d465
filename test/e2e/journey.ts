import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { hasFocus, tabTo } from './support';

export const PASSWORD = 'cobol-forever-1959';

let people = 0;
export const newEmail = () => `person${++people}-${Date.now()}@example.test`;

const exact = { exact: true };

/** Waits until the element is visible, then returns it. */
async function visible(locator: ReturnType<Page['getByRole']>) {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

/** Signs up through the gate's "Create an account", answering every question of the background. */
export async function signUpWithPointer(page: Page, email: string, name = 'Grace Hopper') {
  await (await visible(page.getByRole('button', { name: 'Create an account' }))).click();
  await page.getByLabel('Name', exact).fill(name);
  await page.getByLabel('Email', exact).fill(email);
  await page.getByLabel('Password', exact).fill(PASSWORD);
  await page.getByRole('button', { name: 'Next' }).click();

  await visible(page.getByRole('heading', { name: 'Software background' }));
  await page.getByLabel('Language 1', exact).fill('Python');
  await page.getByLabel('Level for language 1', exact).selectOption('advanced');
  await page.getByRole('button', { name: 'Add a language' }).click();
  await page.getByLabel('Language 2', exact).fill('C');
  await page.getByLabel('Level for language 2', exact).selectOption('beginner');
  await page.getByRole('checkbox', { name: 'React' }).check();
  await page.getByLabel(/Other frameworks/).fill('Svelte');
  await page.getByRole('radio', { name: '3-5' }).check();
  await page.getByLabel('Overall software experience', exact).selectOption('intermediate');
  await page.getByRole('button', { name: 'Next' }).click();

  await visible(page.getByRole('heading', { name: 'Hardware background' }));
  await page.getByRole('checkbox', { name: 'Raspberry Pi' }).check();
  await page.getByLabel(/Other devices/).fill('Teensy 4.1');
  await page.getByRole('checkbox', { name: 'ARM' }).check();
  await page.getByLabel('Overall hardware experience', exact).selectOption('beginner');
  await page.getByRole('radio', { name: 'Both' }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  await visible(page.getByRole('heading', { name: 'Review' }));
  await visible(page.getByText('Python (Advanced), C (Beginner)'));
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Waits until the element has focus; fails if it never gets it. */
async function expectFocusOn(locator: ReturnType<Page['getByRole']>) {
  await expect.poll(() => hasFocus(locator), { timeout: 10_000 }).toBe(true);
}

/** The same sign-up with the keyboard alone: Tab, typing, Space, arrows and Enter. */
export async function signUpWithKeyboard(page: Page, email: string) {
  const keys = page.keyboard;
  await tabTo(page, await visible(page.getByRole('button', { name: 'Create an account' })));
  await keys.press('Enter');
  await expectFocusOn(page.getByRole('heading', { name: 'Account', exact: true }));
  await keys.press('Tab');
  await keys.type('Alan Turing');
  await keys.press('Tab');
  await keys.type(email);
  await keys.press('Tab');
  await keys.type(PASSWORD);
  await keys.press('Enter');

  await expectFocusOn(page.getByRole('heading', { name: 'Software background' }));
  await tabTo(page, page.getByLabel('Language 1', exact));
  await keys.type('Rust');
  await keys.press('Tab');
  await keys.type('Expert');
  await tabTo(page, page.getByRole('checkbox', { name: 'React' }));
  await keys.press('Space');
  await tabTo(page, page.getByRole('radio', { name: '0-1' }));
  for (let i = 0; i < 4; i++) await keys.press('ArrowRight');
  await keys.press('Tab');
  await keys.type('Expert');
  // Enter in a select does not submit the form, so go to the button.
  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await keys.press('Enter');

  await expectFocusOn(page.getByRole('heading', { name: 'Hardware background' }));
  await tabTo(page, page.getByRole('checkbox', { name: 'Arduino' }));
  await keys.press('Space');
  await tabTo(page, page.getByLabel('Overall hardware experience', exact));
  await keys.type('Advanced');
  await keys.press('Tab');
  await keys.press('ArrowRight');
  await keys.press('ArrowRight');
  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await keys.press('Enter');

  await expectFocusOn(page.getByRole('heading', { name: 'Review' }));
  await visible(page.getByText('Rust (Expert)'));
  await tabTo(page, page.getByRole('button', { name: 'Create account' }));
  await keys.press('Enter');
}

/**
 * After "Create account" in a gate: the result is shown and focused; the person continues (a click, or Tab
 * and Enter) and the gate shows its content, with focus in it rather than on <body>.
 */
export async function continueAfterSignUp(page: Page, by: 'pointer' | 'keyboard' = 'pointer') {
  await expectFocusOn(page.getByRole('heading', { name: 'Welcome aboard' }));
  const button = page.getByRole('button', { name: 'Continue' });
  if (by === 'pointer') await button.click();
  else {
    await tabTo(page, button);
    await page.keyboard.press('Enter');
  }
  await expect
    .poll(() => page.evaluate(() => document.activeElement !== document.body), { timeout: 10_000 })
    .toBe(true);
}

/** Ticks "Vue" in the profile editor and saves, with the pointer or the keyboard. */
export async function addVue(page: Page, by: 'pointer' | 'keyboard') {
  const vue = await visible(page.getByRole('checkbox', { name: 'Vue' }));
  expect(await vue.isChecked()).toBe(false);
  if (by === 'pointer') {
    await vue.check();
    await page.getByRole('button', { name: 'Save changes' }).click();
  } else {
    await tabTo(page, vue);
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Save changes' }));
    await page.keyboard.press('Enter');
  }
  await visible(page.getByText('You have unsaved changes.')).catch(() => {});
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Your changes are saved.' }).count(), {
      timeout: 10_000,
    })
    .toBe(1);
}

/**
 * The journey of the issue: sign up with a full background, reload and see the content, edit the
 * profile, reload and find the edit, sign out and see the fallback.
 */
export async function fullJourney(
  page: Page,
  options: { url: string; content: string; by: 'pointer' | 'keyboard'; signOut: () => Promise<void> },
) {
  await page.goto(options.url);
  const email = newEmail();
  if (options.by === 'pointer') await signUpWithPointer(page, email);
  else await signUpWithKeyboard(page, email);
  await continueAfterSignUp(page, options.by);
  await visible(page.getByText(options.content));

  await page.reload();
  await visible(page.getByText(options.content));
  await addVue(page, options.by);

  await page.reload();
  const vue = await visible(page.getByRole('checkbox', { name: 'Vue' }));
  expect(await vue.isChecked()).toBe(true);
  const languages = options.by === 'pointer' ? ['Python', 'C'] : ['Rust'];
  expect(await page.getByLabel('Language 1', exact).inputValue()).toBe(languages[0]);

  await options.signOut();
  await visible(page.getByRole('heading', { name: 'Sign in' }));
  expect(await page.getByText(options.content).isVisible()).toBe(false);
  await page.reload();
  await visible(page.getByRole('heading', { name: 'Sign in' }));
  expect(await page.getByText(options.content).isVisible()).toBe(false);
  return email;
}
