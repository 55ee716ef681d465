// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoUser } from '../../src/msw/index';
import {
  AuthGate,
  defineQuestionnaire,
  type Localization,
  ProfileEditor,
  SignIn,
  SignUpWithBackground,
} from '../../src/react/index';
import { backend, expectNoAxeViolations, renderWithKit, usePersona } from './helpers';

const questionnaire = defineQuestionnaire({
  order: ['backgroundPreference', 'devices', 'languages'],
  fields: {
    devices: {
      label: 'Boards on your desk',
      required: true,
      step: 'software',
      options: (d) => [...d, 'BBC micro:bit'],
    },
    frameworks: { hidden: true },
    architectureFamiliarity: { hidden: true },
    experienceYears: { required: false, allowOther: false },
    languages: { description: 'The ones you would use at work.' },
  },
});

describe('given one questionnaire definition', () => {
  it('orders, hides, relabels and extends the sign-up questions', async () => {
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground />, { questionnaire });
    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada2@example.com');
    await user.type(screen.getByLabelText('Password'), 'analytical-engine');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Software background' });

    const form = screen.getByRole('form');
    const legends = within(form)
      .getAllByRole('group')
      .map((g) => g.querySelector('legend')?.textContent);
    expect(legends).toEqual([
      'Boards on your desk',
      'Programming languages',
      'Years of programming experience (optional)',
    ]);
    expect(screen.queryByText(/Frameworks/)).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'BBC micro:bit' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Programming languages' })).toHaveAccessibleDescription(
      'The ones you would use at work.',
    );
    // Optional now, and a list without free text.
    expect(
      within(screen.getByRole('group', { name: 'Years of programming experience (optional)' })).getAllByRole(
        'radio',
      ),
    ).toHaveLength(5);

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('checkbox', { name: 'Raspberry Pi' })).toHaveAccessibleDescription(
      'Add at least one.',
    );
    await user.click(screen.getByRole('checkbox', { name: 'BBC micro:bit' }));
    await user.type(screen.getByLabelText('Language 1'), 'Python');
    await user.selectOptions(screen.getByLabelText('Level for language 1'), 'beginner');
    await user.selectOptions(screen.getByLabelText('Overall software experience'), 'beginner');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByRole('heading', { name: 'Hardware background' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Which content do you prefer?' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Hardware' }));
    await user.selectOptions(screen.getByLabelText('Overall hardware experience'), 'advanced');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(backend.profile?.devices).toEqual(['BBC micro:bit']));
    expect(backend.profile).toMatchObject({
      frameworks: [],
      architectureFamiliarity: null,
      experienceYears: null,
    });
  });

  it('drives the editor the same way, and never touches a hidden answer', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<ProfileEditor />, { questionnaire });
    const legends = (await screen.findAllByRole('group')).map((g) => g.querySelector('legend')?.textContent);
    expect(legends).toEqual([
      'Which content do you prefer?',
      'Boards on your desk',
      'Programming languages',
      'Years of programming experience (optional)',
    ]);
    await user.click(screen.getByRole('radio', { name: 'Software' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(backend.profile?.backgroundPreference).toBe('software'));
    expect(backend.profile?.frameworks).toEqual(['Django', 'React']);
    expect(backend.profile?.architectureFamiliarity).toEqual(['ARM', 'x86_64']);
  });

  it('refuses a definition naming a question that does not exist', () => {
    expect(() => defineQuestionnaire({ order: ['languages', 'favouriteColour' as 'languages'] })).toThrow(
      'profilekit: unknown questionnaire field "favouriteColour"',
    );
    expect(() => defineQuestionnaire({ fields: { devices: { options: [1 as unknown as string] } } })).toThrow(
      'options of field "devices" must be a list of strings',
    );
  });
});

const german: Localization = {
  'signIn.title': 'Anmelden',
  'signIn.description': 'Willkommen zurück.',
  'signIn.email': 'E-Mail',
  'signIn.password': 'Passwort',
  'signIn.submit': 'Anmelden',
  'signIn.noAccount': 'Neu hier?',
  'signIn.toSignUp': 'Konto erstellen',
  'error.INVALID_EMAIL_OR_PASSWORD': 'E-Mail oder Passwort stimmt nicht.',
  'issue.required': 'Pflichtfeld.',
};

describe('given a translated localization', () => {
  it('shows every string and every error in that language', async () => {
    const user = userEvent.setup();
    await renderWithKit(<AuthGate>Inhalt</AuthGate>, { localization: german });
    await user.click(await screen.findByRole('button', { name: 'Anmelden' }));
    expect(screen.getByLabelText('E-Mail')).toHaveAccessibleDescription('Pflichtfeld.');
    await user.type(screen.getByLabelText('E-Mail'), demoUser.email);
    await user.type(screen.getByLabelText('Passwort'), 'falsch-falsch');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('E-Mail oder Passwort stimmt nicht.');
    expect(screen.getByRole('button', { name: 'Konto erstellen' })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/Sign in|Email|Password/);
  });

  it('lets a component override the provider, with placeholders filled in', async () => {
    const user = userEvent.setup();
    await renderWithKit(
      <SignUpWithBackground localization={{ 'signUp.progress': 'Schritt {current} von {total} – {step}' }} />,
      { localization: { 'signUp.step.account': 'Konto' } },
    );
    expect(screen.getByText('Schritt 1 von 4 – Konto')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
  });
});

describe('given appearance settings', () => {
  it('styles with pk- classes by default and adds the host classes to named parts', async () => {
    await renderWithKit(<SignIn classNames={{ button: 'host-button', input: 'host-input' }} />);
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toHaveClass('pk-button', 'host-button');
    expect(screen.getByLabelText('Email')).toHaveClass('pk-input', 'host-input');
  });

  it('leaves out every pk- class when unstyled, keeping the host classes', async () => {
    const { container } = await renderWithKit(<SignIn unstyled classNames={{ button: 'host-button' }} />);
    expect(container.querySelector('[class*="pk-"]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveClass('host-button');
    await expectNoAxeViolations();
  });

  it('marks the chosen theme for the stylesheet', async () => {
    const { container } = await renderWithKit(<SignIn theme="dark" />);
    expect(container.querySelector('.pk-root')).toHaveAttribute('data-pk-theme', 'dark');
  });
});

describe('given the stylesheet', () => {
  const css = readFileSync(resolve(process.cwd(), 'src/styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

  it('puts every rule inside @layer profilekit', () => {
    const top = css.trim();
    expect(top.startsWith('@layer profilekit {')).toBe(true);
    // The layer block closes at the very end: nothing outside it.
    let depth = 0;
    let closedAt = -1;
    for (let i = 0; i < top.length; i++) {
      if (top[i] === '{') depth++;
      if (top[i] === '}' && --depth === 0) {
        closedAt = i;
        break;
      }
    }
    expect(closedAt).toBe(top.length - 1);
  });

  it('uses only pk- classes in selectors, and only --pk- custom properties', () => {
    const selectors = [...css.matchAll(/([^{};]+)\{/g)]
      .map((m) => m[1]?.trim() ?? '')
      .filter((s) => s && !s.startsWith('@'));
    expect(selectors.length).toBeGreaterThan(20);
    for (const list of selectors) {
      for (const selector of list.split(',').map((s) => s.trim())) {
        expect(selector, selector).toMatch(/^\.pk-[A-Za-z]/);
      }
    }
    const properties = [...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]);
    expect(properties.length).toBeGreaterThan(10);
    expect(properties.filter((p) => !p?.startsWith('--pk-'))).toEqual([]);
  });

  it('has a dark theme by setting and by system preference', () => {
    // Every colour token has a light and a dark value; the system picks unless data-pk-theme fixes it.
    const colours = [...css.matchAll(/(--pk-color-[\w-]+):\s*([^;]+);/g)];
    expect(colours.length).toBeGreaterThan(5);
    for (const [, name, value] of colours) expect(value, name).toMatch(/^light-dark\(#\w+, #\w+\)$/);
    expect(css).toMatch(/\.pk-root,\s*\.pk-trigger\s*\{\s*color-scheme: light dark;/);
    expect(css).toMatch(
      /\.pk-root\[data-pk-theme="dark"\],\s*\.pk-trigger\[data-pk-theme="dark"\]\s*\{\s*color-scheme: dark;/,
    );
    expect(css).toMatch(
      /\.pk-root\[data-pk-theme="light"\],\s*\.pk-trigger\[data-pk-theme="light"\]\s*\{\s*color-scheme: light;/,
    );
  });
});
