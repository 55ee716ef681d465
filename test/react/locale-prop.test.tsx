// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { de } from '../../src/locales/de';
import { en } from '../../src/locales/en';
import {
  ProfileEditor,
  type ProfileKitLocale,
  SessionsSection,
  SignIn,
  SignUpWithBackground,
} from '../../src/react/index';
import { createTranslate, formatMessage } from '../../src/react/localization/translate';
import { renderWithKit, usePersona } from './helpers';

const plural = '{count, plural, =0 {No answer} one {# answer} two {# answers (two)} other {# answers}}';

describe('formatMessage', () => {
  it('fills named values in the order the message puts them', () => {
    expect(formatMessage('{total} steps, this is {current}', { current: 2, total: 4 })).toBe(
      '4 steps, this is 2',
    );
  });

  it('leaves a placeholder without a value as written', () => {
    expect(formatMessage('Hello {name}, {other}', { name: 'Ada' })).toBe('Hello Ada, {other}');
  });

  it("picks the plural branch by the language's rules, exact branches first", () => {
    expect(formatMessage(plural, { count: 0 })).toBe('No answer');
    expect(formatMessage(plural, { count: 1 })).toBe('1 answer');
    // English has no "two": it falls to "other".
    expect(formatMessage(plural, { count: 2 })).toBe('2 answers');
    // Arabic has a dual.
    expect(formatMessage(plural, { count: 2 }, { languageTag: 'ar' })).toBe('2 answers (two)');
  });

  it('writes numbers in the language’s digits and grouping', () => {
    expect(
      formatMessage('{n} / {count, plural, other {#}}', { n: 1234, count: 1234 }, { languageTag: 'de' }),
    ).toBe('1.234 / 1.234');
  });

  it('fills values and nested placeholders inside a plural branch', () => {
    expect(
      formatMessage('{count, plural, one {# link to {email}} other {# links to {email}}}', {
        count: 3,
        email: 'ada@example.com',
      }),
    ).toBe('3 links to ada@example.com');
  });

  it('isolates each value for right-to-left text', () => {
    expect(formatMessage('أرسلنا رابطًا إلى {email}.', { email: 'ada@example.com' }, { isolate: true })).toBe(
      'أرسلنا رابطًا إلى \u2068ada@example.com\u2069.',
    );
  });

  it('looks a key up in the first source that has it', () => {
    const t = createTranslate(
      { 'signIn.title': 'Anmelden' },
      { 'signIn.title': 'Sign in', loading: 'Loading…' },
    );
    expect(t('signIn.title')).toBe('Anmelden');
    expect(t('loading')).toBe('Loading…');
  });
});

const pirate: ProfileKitLocale = {
  languageTag: 'en-x-pirate',
  dir: 'rtl',
  messages: {
    ...en.messages,
    'signIn.title': 'Come aboard',
    'signIn.email': 'Yer email',
    'signUp.fixErrors': '{count, plural, one {# answer be wrong.} other {# answers be wrong.}}',
  },
};

describe('given a locale on the provider', () => {
  it("shows the locale's text and sets lang and dir on the component's root", async () => {
    const { container } = await renderWithKit(<SignIn />, { locale: pirate });
    expect(await screen.findByRole('heading', { name: 'Come aboard' })).toBeInTheDocument();
    expect(screen.getByLabelText('Yer email')).toBeInTheDocument();
    const root = container.querySelector('.pk-root');
    expect(root).toHaveAttribute('lang', 'en-x-pirate');
    expect(root).toHaveAttribute('dir', 'rtl');
  });

  it("lets the host's localization override single keys over the locale", async () => {
    await renderWithKit(<SignIn localization={{ 'signIn.email': 'Mail' }} />, {
      locale: pirate,
      localization: { 'signIn.title': 'Welcome back' },
    });
    expect(await screen.findByRole('heading', { name: 'Welcome back' })).toBeInTheDocument();
    expect(screen.getByLabelText('Mail')).toBeInTheDocument();
  });

  it('sets no lang or dir without a locale, so the page’s own apply', async () => {
    const { container } = await renderWithKit(<SignIn />);
    await screen.findByRole('heading', { name: 'Sign in' });
    const root = container.querySelector('.pk-root');
    expect(root).not.toHaveAttribute('lang');
    expect(root).not.toHaveAttribute('dir');
  });

  it('gives a dialog and its trigger the locale’s lang and dir, though it renders outside', async () => {
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground mode="dialog" />, { locale: { ...en, languageTag: 'en-GB' } });
    const trigger = screen.getByRole('button', { name: 'Sign up' });
    expect(trigger).toHaveAttribute('lang', 'en-GB');
    await user.click(trigger);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAttribute('lang', 'en-GB');
    expect(dialog).toHaveAttribute('dir', 'ltr');
  });

  it('counts with plurals: one answer, then several', async () => {
    usePersona('signedInWithoutProfile');
    const user = userEvent.setup();
    await renderWithKit(<ProfileEditor />, { locale: { ...pirate, dir: 'ltr' } });
    const save = await screen.findByRole('button', { name: 'Save background' });
    await user.click(save);
    const status = await screen.findByText(/be wrong\./);
    expect(status.textContent).toMatch(/^\d+ answers? be wrong\.$/);
    const count = Number.parseInt(status.textContent ?? '', 10);
    expect(status).toHaveTextContent(count === 1 ? '1 answer be wrong.' : `${count} answers be wrong.`);
    expect(within(document.body).queryByText(/answers need attention/)).toBeNull();
  });
  it("writes a device's last activity as the locale writes dates", async () => {
    usePersona('severalSessions');
    await import('../../src/react/account/sessions-section');
    await renderWithKit(<SessionsSection />, { locale: de });
    const items = await screen.findAllByRole('listitem');
    expect(items[0]).toHaveTextContent('· Dieses Gerät');
    // German medium date and short time: 07.12.2026, 01:44, never "Dec 7, 2026".
    expect(items[1]).toHaveTextContent(/Lyon, France · Zuletzt aktiv: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
  });
});
