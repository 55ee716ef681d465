// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { resolveQuestionnaire } from '../../src/client/questions';
import { en } from '../../src/locales/en';
import { demoUser, sampleDevices, sampleProfile } from '../../src/msw/index';
import {
  AccountSettings,
  AuthGate,
  DeleteAccount,
  ForgotPassword,
  ProfileEditor,
  type ProfileKitLocale,
  type ProfileKitMessages,
  ResetPassword,
  SignIn,
  SignUpWithBackground,
  SocialButtons,
  UserMenu,
} from '../../src/react/index';
import { renderWithKit, usePersona } from './helpers';

// A pseudo-locale: every message in brackets. Text on the page outside brackets came from somewhere else.
const pseudo: ProfileKitLocale = {
  languageTag: 'en-XA',
  messages: Object.fromEntries(
    Object.entries(en.messages).map(([key, text]) => [key, `⟦${text}⟧`]),
  ) as ProfileKitMessages,
};
const m = (key: keyof ProfileKitMessages, values: Record<string, string | number> = {}) =>
  pseudo.messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

/** Data, not text: the questionnaire's suggested answers, the persona's own entries and names. */
const data = new Set<string>([
  ...resolveQuestionnaire().flatMap((q) => q.options),
  ...Object.values(sampleProfile).flatMap((v) =>
    Array.isArray(v) ? v.map((e) => (typeof e === 'string' ? e : e.language)) : [String(v)],
  ),
  demoUser.name,
  demoUser.email,
  ...sampleDevices.flatMap((d) => (d.place ? d.place.split(/,\s*/) : [])),
  'GitHub',
  'Google',
  'AL',
]);

/** Every visible text and every accessible label on the page that is neither a message nor data. */
function untranslated(): string[] {
  const found: string[] = [];
  const check = (raw: string | null) => {
    if (!raw) return;
    let rest = raw;
    // Values sit inside messages; strip the innermost brackets until none are left.
    for (let before = ''; before !== rest; ) {
      before = rest;
      rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
    }
    for (const part of rest.split(/\s{2,}|[,]\s*/)) {
      const text = part.trim();
      if (text && !data.has(text) && !/^[\d\s\-+–]*$/.test(text)) found.push(`${text}  (in "${raw}")`);
    }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!node.parentElement?.closest('script, style')) check(node.textContent);
      continue;
    }
    const element = node as Element;
    for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-valuetext']) {
      check(element.getAttribute(name));
    }
  }
  return found;
}

describe('given a pseudo-locale in which every message is marked', () => {
  it('the check itself reports text that is not marked', async () => {
    await renderWithKit(<SignIn />);
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(untranslated()).toEqual(expect.arrayContaining([expect.stringMatching(/^Email /)]));
  });

  it('the sign-in, submitted empty, shows only messages', async () => {
    const user = userEvent.setup();
    await renderWithKit(<SignIn />, { locale: pseudo });
    await user.click(await screen.findByRole('button', { name: m('signIn.submit') }));
    await screen.findAllByText(m('issue.required'));
    expect(untranslated()).toEqual([]);
  });

  it('the gate for a signed-out visitor, with social sign-in, shows only messages', async () => {
    await renderWithKit(
      <AuthGate>
        <p>{m('loading')}</p>
      </AuthGate>,
      { locale: pseudo, socialProviders: ['github', 'google'] },
    );
    await screen.findByRole('button', { name: m('social.continueWith', { provider: 'GitHub' }) });
    expect(untranslated()).toEqual([]);
  });

  it('every step of the sign-up, with errors and a review, shows only messages', async () => {
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground />, { locale: pseudo });
    await user.click(await screen.findByRole('button', { name: m('signUp.next') }));
    await waitFor(() => expect(screen.getAllByText(m('issue.required')).length).toBeGreaterThan(0));
    expect(untranslated()).toEqual([]);
    await user.type(screen.getByLabelText(m('account.name')), 'Grace Hopper');
    await user.type(screen.getByLabelText(m('account.email')), 'grace@example.com');
    await user.type(screen.getByLabelText(m('account.password')), 'cobol-forever-1959');
    await user.click(screen.getByRole('button', { name: m('signUp.next') }));
    await screen.findByRole('heading', { name: m('signUp.step.software') });
    await user.click(screen.getByRole('button', { name: m('signUp.next') }));
    await waitFor(() => expect(screen.getAllByText(m('issue.required')).length).toBeGreaterThan(0));
    data.add('Grace Hopper').add('grace@example.com');
    expect(untranslated()).toEqual([]);
    await user.type(screen.getByLabelText(m('field.languages.language', { n: 1 })), 'Python');
    await user.selectOptions(screen.getByLabelText(m('field.languages.level', { n: 1 })), 'advanced');
    await user.click(screen.getByRole('radio', { name: '3-5' }));
    await user.selectOptions(screen.getByLabelText(m('field.softwareExperience.label')), 'intermediate');
    await user.click(screen.getByRole('button', { name: m('signUp.next') }));
    await screen.findByRole('heading', { name: m('signUp.step.hardware') });
    expect(untranslated()).toEqual([]);
    await user.selectOptions(screen.getByLabelText(m('field.hardwareExperience.label')), 'beginner');
    await user.click(screen.getByRole('radio', { name: m('preference.both') }));
    await user.click(screen.getByRole('button', { name: m('signUp.next') }));
    await screen.findByRole('heading', { name: m('signUp.step.review') });
    expect(untranslated()).toEqual([]);
    await user.click(screen.getByRole('button', { name: m('signUp.submit') }));
    await screen.findByRole('heading', { name: m('signUp.doneTitle') });
    expect(untranslated()).toEqual([]);
  });

  it('the "Check your inbox" screen shows only messages', async () => {
    usePersona('emailNotVerified');
    const user = userEvent.setup();
    await import('../../src/react/sign-up/check-inbox');
    await renderWithKit(<SignUpWithBackground />, { locale: pseudo });
    await user.type(await screen.findByLabelText(m('account.name')), 'Grace Hopper');
    await user.type(screen.getByLabelText(m('account.email')), 'grace@example.com');
    await user.type(screen.getByLabelText(m('account.password')), 'cobol-forever-1959');
    await user.click(screen.getByRole('button', { name: m('signUp.next') }));
    await screen.findByRole('heading', { name: m('signUp.step.software') });
    await user.type(screen.getByLabelText(m('field.languages.language', { n: 1 })), 'Go');
    await user.selectOptions(screen.getByLabelText(m('field.languages.level', { n: 1 })), 'expert');
    await user.click(screen.getByRole('radio', { name: '10+' }));
    await user.selectOptions(screen.getByLabelText(m('field.softwareExperience.label')), 'expert');
    await user.click(screen.getByRole('button', { name: m('signUp.next') }));
    await screen.findByRole('heading', { name: m('signUp.step.hardware') });
    await user.selectOptions(screen.getByLabelText(m('field.hardwareExperience.label')), 'none');
    await user.click(screen.getByRole('radio', { name: m('preference.software') }));
    await user.click(screen.getByRole('button', { name: m('signUp.next') }));
    await screen.findByRole('heading', { name: m('signUp.step.review') });
    await user.click(screen.getByRole('button', { name: m('signUp.submit') }));
    await screen.findByRole('heading', { name: m('verify.title') });
    data.add('Grace Hopper').add('grace@example.com');
    expect(untranslated()).toEqual([]);
  });

  it('the profile editor with a saved profile and "other" chips shows only messages', async () => {
    usePersona('signedInWithProfile');
    await renderWithKit(<ProfileEditor />, { locale: pseudo });
    await screen.findByRole('button', { name: m('editor.save') });
    expect(untranslated()).toEqual([]);
  });

  it('the user menu, open, shows only messages', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<UserMenu />, { locale: pseudo });
    await user.click(
      await screen.findByRole('button', { name: m('userMenu.trigger', { name: demoUser.name }) }),
    );
    await screen.findByRole('menuitem', { name: m('userMenu.signOut') });
    expect(untranslated()).toEqual([]);
  });

  it('the account deletion, asked to confirm, shows only messages', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(
      <>
        <DeleteAccount />
        <SocialButtons />
      </>,
      { locale: pseudo, socialProviders: ['github'] },
    );
    await user.click(await screen.findByRole('button', { name: m('delete.start') }));
    await screen.findByRole('heading', { name: m('delete.title') });
    await user.click(screen.getByRole('button', { name: m('delete.submit') }));
    expect(untranslated()).toEqual([]);
  });

  it('the password recovery forms show only messages', async () => {
    const user = userEvent.setup();
    await renderWithKit(
      <>
        <ForgotPassword />
        <ResetPassword />
      </>,
      { locale: pseudo },
    );
    await user.click(await screen.findByRole('button', { name: m('forgot.submit') }));
    await screen.findByRole('heading', { name: m('reset.invalidTitle') });
    expect(untranslated()).toEqual([]);
  });
  it('the account settings, every section with other devices and a second provider, show only messages', async () => {
    usePersona('severalSessions');
    await import('../../src/react/account/account-settings');
    await renderWithKit(<AccountSettings />, { locale: pseudo, socialProviders: ['github'] });
    await screen.findByRole('heading', { level: 3, name: m('danger.title') });
    await screen.findByRole('button', { name: m('sessions.signOutOthers') });
    await screen.findByRole('button', { name: m('profile.save') });
    await screen.findByLabelText(m('email.new'));
    await screen.findByText(m('methods.password'));
    expect(untranslated()).toEqual([]);
  });
});
