// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { configure as configureQueries, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, EmbedError, mount, signOut, validateOptions } from '../../src/embed/index';
import { createMockBackend, demoUser } from '../../src/msw/index';
import { expectNoAxeViolations } from '../a11y';
import { unmountAndSettle } from '../unmount';

// The first widget loads its chunks on demand; in CI the tests share two cores with the browser suites, so
// findBy waits up to 5 s (as the stories' play functions do). A widget that never renders still fails.
configureQueries({ asyncUtilTimeout: 5000 });

// The embed keeps one pair of clients per server for the whole page, as a page should; each test talks to
// a server origin of its own, so none inherits another's session. The mock answers any origin.
const backend = createMockBackend();
let origin = '';
let tests = 0;
const server = setupServer(...backend.handlers);
const requests: string[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
  });
});
beforeEach(() => {
  origin = `http://server-${++tests}.example`;
  configure({ baseURL: origin, authMode: 'cookie' });
});
afterEach(async () => {
  document.body.replaceChildren();
  document.head.querySelector('style[data-profilekit]')?.remove();
  backend.reset('signedOut');
  requests.length = 0;
  localStorage.clear();
  sessionStorage.clear();
  vi.restoreAllMocks();
});
afterAll(async () => {
  await unmountAndSettle();
  server.close();
});

function place(html: string) {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}

describe('ProfileKit.mount', () => {
  it('renders a widget into an element and removes it again', async () => {
    const element = place('<div id="join"></div>').querySelector('#join') as HTMLElement;
    const unmount = mount(element, 'sign-in', { theme: 'dark' });
    expect(await within(element).findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(element.querySelector('.pk-root')).toHaveAttribute('data-pk-theme', 'dark');
    expect(document.head.querySelector('style[data-profilekit]')?.textContent).toContain('@layer profilekit');
    await expectNoAxeViolations(element);
    unmount();
    expect(element).toBeEmptyDOMElement();
  });

  it.each([
    [null, 'sign-in', {}, 'mount needs an element of the page'],
    [
      'el',
      'sign-out',
      {},
      'unknown widget "sign-out"; use one of sign-up, profile-editor, auth-gate, sign-in',
    ],
    ['el', 'sign-up', { mod: 'dialog' }, 'unknown option "mod" for sign-up'],
    ['el', 'auth-gate', { onSuccess: () => {} }, 'unknown option "onSuccess" for auth-gate'],
    ['el', 'sign-up', { mode: 'popup' }, '"mode" must be one of "inline", "dialog"; got "popup"'],
    ['el', 'sign-in', { baseURL: 'auth.example.com' }, '"baseURL" must be an http(s) URL'],
    ['el', 'sign-in', { baseURL: 'javascript:alert(1)' }, '"baseURL" must be an http(s) URL'],
    ['el', 'sign-in', { authMode: 'token' }, '"authMode" must be one of "cookie", "bearer"'],
    ['el', 'auth-gate', { requireProfile: 'yes' }, '"requireProfile" must be a boolean; got string'],
    ['el', 'sign-up', { minPasswordLength: 0 }, '"minPasswordLength" must be a positive number'],
    ['el', 'sign-up', { resendCooldown: -1 }, '"resendCooldown" must be a number of seconds'],
    ['el', 'sign-up', 'dialog', 'the options of sign-up must be an object'],
    ['el', 'sign-in', { socialProviders: 'github' }, '"socialProviders" must be an array; got "github"'],
    [
      'el',
      'sign-in',
      { socialProviders: ['github', 'java script:'] },
      '"socialProviders" takes provider ids (letters, digits, ".", "_", "-") or { id, name }; got "java script:"',
    ],
    ['el', 'sign-up', { socialProviders: [{ name: 'SSO' }] }, 'got {"name":"SSO"}'],
  ])('refuses %s %s %j with a clear error', (target, name, options, message) => {
    const element = target ? document.createElement('div') : null;
    expect(() => mount(element as HTMLElement, name as 'sign-in', options as object)).toThrow(message);
    expect(() => mount(element as HTMLElement, name as 'sign-in', options as object)).toThrow(EmbedError);
  });

  it('accepts every documented option', () => {
    expect(() =>
      validateOptions('sign-up', {
        baseURL: 'https://auth.example.com',
        authMode: 'bearer',
        shadow: true,
        theme: 'auto',
        unstyled: false,
        classNames: { button: 'x' },
        localization: { 'signUp.title': 'Join' },
        questionnaire: { fields: { devices: { hidden: true } } },
        mode: 'dialog',
        persistDraft: false,
        minPasswordLength: 10,
        resendCooldown: 30,
        title: 'Join',
        socialProviders: ['github', { id: 'company-sso', name: 'Company SSO' }],
        onSuccess: () => {},
        onError: () => {},
      }),
    ).not.toThrow();
  });
});

describe('the custom elements', () => {
  it('<profilekit-auth-gate> hides its own content from a signed-out visitor and shows it after sign-in', async () => {
    const user = userEvent.setup();
    const page = place('<profilekit-auth-gate><p id="secret">Lesson one</p></profilekit-auth-gate>');
    const gate = page.querySelector('profilekit-auth-gate') as HTMLElement;
    expect(await within(gate).findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(document.getElementById('secret')).toBeNull();
    await user.type(within(gate).getByLabelText('Email'), demoUser.email);
    await user.type(within(gate).getByLabelText('Password'), demoUser.password);
    await user.click(within(gate).getByRole('button', { name: 'Sign in' }));
    expect(await within(gate).findByText('Lesson one')).toBeInTheDocument();
    gate.remove();
    expect(gate.querySelector('#secret')).not.toBeNull();
  });

  it('<profilekit-for> shows its content while the background meets its condition, chosen again after a save', async () => {
    backend.reset('signedInWithProfile'); // Python, advanced
    const user = userEvent.setup();
    const advanced = JSON.stringify({ languages: { Python: { atLeast: 'advanced' } } });
    const page = place(
      `<profilekit-for when='${advanced}'><p id="advanced">Advanced track</p></profilekit-for>` +
        `<profilekit-for when='{"not":${advanced}}'><p id="basics">Basics track</p></profilekit-for>` +
        '<profilekit-profile-editor></profilekit-profile-editor>',
    );
    expect(await within(page).findByText('Advanced track')).toBeInTheDocument();
    expect(document.getElementById('basics')).toBeNull();
    const editor = page.querySelector('profilekit-profile-editor') as HTMLElement;
    await user.selectOptions(await within(editor).findByLabelText('Level for language 1'), 'beginner');
    await user.click(within(editor).getByRole('button', { name: 'Save changes' }));
    expect(await within(page).findByText('Basics track')).toBeInTheDocument();
    expect(document.getElementById('advanced')).toBeNull();
  });

  it('<profilekit-for> refuses a malformed or missing condition in place, and keeps its content hidden', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    backend.reset('signedInWithProfile');
    const page = place(
      `<profilekit-for when='{"softwareExperience":"guru"}'><p id="one">One</p></profilekit-for>` +
        '<profilekit-for><p id="two">Two</p></profilekit-for>' +
        `<profilekit-for when='{"languages":'><p id="three">Three</p></profilekit-for>`,
    );
    const [bad, missing, broken] = Array.from(page.querySelectorAll('profilekit-for')) as HTMLElement[];
    expect(await within(bad as HTMLElement).findByRole('alert')).toHaveTextContent(
      'condition "softwareExperience": must be one of none, beginner',
    );
    expect(within(missing as HTMLElement).getByRole('alert')).toHaveTextContent('needs a condition');
    expect(within(broken as HTMLElement).getByRole('alert')).toHaveTextContent(
      '"when" attribute must be JSON',
    );
    for (const id of ['one', 'two', 'three']) expect(document.getElementById(id)).toBeNull();
  });

  it('renders into a shadow root when asked, with its own styles there, and slots the gate content', async () => {
    backend.reset('signedInWithProfile');
    const page = place(
      '<profilekit-auth-gate shadow><p id="secret">Lesson one</p></profilekit-auth-gate><profilekit-profile-editor shadow></profilekit-profile-editor>',
    );
    const gate = page.querySelector('profilekit-auth-gate') as HTMLElement;
    const editor = page.querySelector('profilekit-profile-editor') as HTMLElement;
    await waitFor(() => expect(gate.shadowRoot?.querySelector('slot')).not.toBeNull());
    expect(gate.shadowRoot?.querySelector('style[data-profilekit]')?.textContent).toContain(
      '@layer profilekit',
    );
    expect(document.head.querySelector('style[data-profilekit]')).toBeNull();
    const shadow = within(editor.shadowRoot as unknown as HTMLElement);
    expect(await shadow.findByLabelText('Language 1')).toHaveValue('Python');
    // Two widgets, one session request and one profile request.
    expect(requests.filter((r) => r.endsWith('/get-session'))).toHaveLength(1);
    expect(requests.filter((r) => r === 'GET /api/profile')).toHaveLength(1);
  });

  it('reads its options from attributes and tells the page about success with an event', async () => {
    backend.reset('signedInWithoutProfile');
    const user = userEvent.setup();
    const page = place(
      '<profilekit-profile-editor title="Your robotics background"></profilekit-profile-editor>',
    );
    const editor = page.querySelector('profilekit-profile-editor') as HTMLElement;
    const saved = vi.fn();
    editor.addEventListener('profilekit-success', (event) => saved((event as CustomEvent).detail));
    expect(await screen.findByRole('heading', { name: 'Your robotics background' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Language 1'), 'Go');
    await user.selectOptions(screen.getByLabelText('Level for language 1'), 'beginner');
    await user.click(screen.getByRole('radio', { name: '1-3' }));
    await user.selectOptions(screen.getByLabelText('Overall software experience'), 'beginner');
    await user.selectOptions(screen.getByLabelText('Overall hardware experience'), 'beginner');
    await user.click(screen.getByRole('radio', { name: 'Both' }));
    await user.click(screen.getByRole('button', { name: 'Save background' }));
    await waitFor(() =>
      expect(saved).toHaveBeenCalledWith(expect.objectContaining({ experienceYears: '1-3' })),
    );
  });

  it('<profilekit-sign-up> renders nothing for a person with a background, or the editor with when-profile-exists="edit"', async () => {
    backend.reset('signedInWithProfile');
    const before = backend.profile;
    const page = place(
      '<profilekit-sign-up id="a"></profilekit-sign-up><profilekit-sign-up id="b" when-profile-exists="edit" heading-level="3"></profilekit-sign-up>',
    );
    const editing = page.querySelector('#b') as HTMLElement;
    expect(
      await within(editing).findByRole('heading', { level: 3, name: 'Your background' }),
    ).toBeInTheDocument();
    expect(within(editing).getByLabelText('Language 1')).toHaveValue('Python');
    await waitFor(() => expect(page.querySelector('#a')?.textContent).toBe(''));
    expect(backend.profile).toEqual(before);
  });

  it('offers the social providers of a `social-providers` attribute in the sign-in and the sign-up', async () => {
    const page = place(
      '<profilekit-sign-in id="in" social-providers="github, company-sso"></profilekit-sign-in><profilekit-sign-up id="up" social-providers="google"></profilekit-sign-up><profilekit-sign-in id="plain"></profilekit-sign-in>',
    );
    const signIn = within(page.querySelector('#in') as HTMLElement);
    expect(await signIn.findByRole('button', { name: 'Continue with GitHub' })).toBeInTheDocument();
    expect(signIn.getByRole('button', { name: 'Continue with company-sso' })).toBeInTheDocument();
    const signUp = within(page.querySelector('#up') as HTMLElement);
    expect(await signUp.findByRole('button', { name: 'Continue with Google' })).toBeInTheDocument();
    expect(signUp.getByLabelText('Name')).toBeInTheDocument();
    const plain = within(page.querySelector('#plain') as HTMLElement);
    await plain.findByLabelText('Email');
    expect(plain.queryByRole('button', { name: /Continue with/ })).toBeNull();
    await expectNoAxeViolations(page.querySelector('#up') as HTMLElement);
  });

  it('shows a clear error instead of a blank box for a bad attribute, and a gate keeps its content hidden', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = place(
      '<profilekit-sign-up mode="popup"></profilekit-sign-up><profilekit-auth-gate localization="{not json"><p id="secret">Lesson one</p></profilekit-auth-gate>',
    );
    const signUp = page.querySelector('profilekit-sign-up') as HTMLElement;
    const gate = page.querySelector('profilekit-auth-gate') as HTMLElement;
    expect(within(signUp).getByRole('alert')).toHaveTextContent(
      'profilekit: "mode" must be one of "inline", "dialog"; got "popup"',
    );
    expect(within(gate).getByRole('alert')).toHaveTextContent('the "localization" attribute must be JSON');
    expect(document.getElementById('secret')).toBeNull();
    expect(consoleError).toHaveBeenCalledWith(expect.any(EmbedError));

    // Fixing the attribute brings the widget, and the gate still guards its content.
    gate.removeAttribute('localization');
    gate.setAttribute('theme', 'light');
    expect(await within(gate).findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(document.getElementById('secret')).toBeNull();
  });
});

describe('bearer mode', () => {
  it('keeps the token from sign-in, sends it as Authorization, and forgets it on sign-out', async () => {
    const authorization: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname === '/api/profile')
        authorization.push(request.headers.get('authorization'));
    });
    backend.reset('signedOut');
    configure({ authMode: 'bearer' });
    const user = userEvent.setup();
    const page = place('<profilekit-auth-gate require-profile><p>Lesson one</p></profilekit-auth-gate>');
    const gate = page.querySelector('profilekit-auth-gate') as HTMLElement;
    await user.type(await within(gate).findByLabelText('Email'), demoUser.email);
    await user.type(within(gate).getByLabelText('Password'), demoUser.password);
    await user.click(within(gate).getByRole('button', { name: 'Sign in' }));
    await within(gate).findByRole('heading', { name: 'Tell us about your background' });
    const token = localStorage.getItem(`profilekit:token:${origin}`);
    expect(token).toMatch(/^\w{16,}$/);
    expect(authorization).toContain(`Bearer ${token}`);
    await signOut();
    expect(localStorage.getItem(`profilekit:token:${origin}`)).toBeNull();
  });
});

describe('<profilekit-user-menu>', () => {
  it('shows who is signed in in a shadow root, opens by keyboard and signs out', async () => {
    backend.reset('signedInWithProfile');
    const user = userEvent.setup();
    const host = place('<profilekit-user-menu shadow show-delete="false"></profilekit-user-menu>');
    const element = host.querySelector('profilekit-user-menu') as HTMLElement;
    await waitFor(() => expect(element.shadowRoot?.querySelector('button')).toBeTruthy());
    const inside = within(element.shadowRoot as unknown as HTMLElement);
    const trigger = await inside.findByRole('button', { name: `${demoUser.name}, account menu` });
    trigger.focus();
    await user.keyboard('{ArrowDown}');
    const items = await inside.findAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Manage account',
      'Edit background',
      'Download my data',
      'Sign out',
    ]);
    await user.click(inside.getByRole('menuitem', { name: 'Sign out' }));
    expect(await inside.findByRole('button', { name: 'Sign up' })).toBeInTheDocument();
    expect(backend.currentUser).toBeNull();
  });

  it('refuses an option it does not have, naming it', () => {
    expect(() => validateOptions('user-menu', { mode: 'dialog' })).toThrow(
      /unknown option "mode" for user-menu/,
    );
    expect(() => validateOptions('user-menu', { showDelete: 'no' })).toThrow(
      /"showDelete" must be a boolean/,
    );
  });
});
