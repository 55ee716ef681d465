// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoUser, sampleProfile, verificationTokens } from '../../src/msw/index';
import { AuthGate, SignUpWithBackground } from '../../src/react/index';
import { BASE_URL, backend, expectNoAxeViolations, renderWithKit, requests, server } from './helpers';

type User = ReturnType<typeof userEvent.setup>;

const EMAIL = 'grace@example.com';
const PASSWORD = 'cobol-forever-1959';
const DRAFT = 'profilekit:sign-up';
const PAGE = '/course/robots?lesson=3';
const members = <p>Members only</p>;

beforeAll(async () => {
  await import('../../src/react/sign-up/check-inbox');
});
afterEach(() => {
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});

async function expectFocused(name: string) {
  await waitFor(() => expect(screen.getByRole('heading', { name })).toHaveFocus());
}

/** The whole sign-up with answers on both steps, ending with "Create account". */
async function signUp(user: User, email = EMAIL) {
  await user.type(await screen.findByLabelText('Name'), 'Grace Hopper');
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await expectFocused('Software background');
  await user.type(screen.getByLabelText('Language 1'), 'COBOL');
  await user.selectOptions(screen.getByLabelText('Level for language 1'), 'expert');
  await user.click(screen.getByRole('radio', { name: '10+' }));
  await user.selectOptions(screen.getByLabelText('Overall software experience'), 'expert');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await expectFocused('Hardware background');
  await user.click(screen.getByRole('checkbox', { name: 'Raspberry Pi' }));
  await user.selectOptions(screen.getByLabelText('Overall hardware experience'), 'beginner');
  await user.click(screen.getByRole('radio', { name: 'Both' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await expectFocused('Review');
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

const answers = {
  languages: [{ language: 'COBOL', level: 'expert' }],
  experienceYears: '10+',
  softwareExperience: 'expert',
  devices: ['Raspberry Pi'],
  hardwareExperience: 'beginner',
  backgroundPreference: 'both',
};

const draft = () => JSON.parse(sessionStorage.getItem(DRAFT) ?? 'null');
const profileRequests = () => requests.filter((r) => r.includes('/api/profile'));
const linkFor = (email: string) => backend.outbox.filter((m) => m.kind === 'verify-email' && m.to === email);

/** Follows a mailed link as the browser would, and returns where it leads back to. */
async function follow(url: string): Promise<URL> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

/** Puts the browser on the page the link led back to, as a page load. */
function land(target: URL) {
  cleanup();
  window.history.replaceState(null, '', `${target.pathname}${target.search}`);
}

async function reachInbox(
  user: User,
  ui = <SignUpWithBackground />,
  email = EMAIL,
  title = 'Check your inbox',
) {
  window.history.replaceState(null, '', PAGE);
  backend.reset('emailNotVerified');
  await renderWithKit(ui);
  // A gate starts with the sign-in.
  if (ui.type === AuthGate)
    await user.click(await screen.findByRole('button', { name: 'Create an account' }));
  await signUp(user, email);
  await expectFocused(title);
}

describe('given a server that requires a verified email', () => {
  it('shows "Check your inbox" after the sign-up, without asking for the profile, and keeps the answers', async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    await reachInbox(user, <SignUpWithBackground onSuccess={onSuccess} />);
    expect(
      screen.getByText(`We sent a link to ${EMAIL}.`, { exact: false, ignore: '[role=status]' }),
    ).toBeVisible();
    // The announcement follows the screen by a render.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`We sent a link to ${EMAIL}.`));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
    // No session: nothing was saved, and the profile API was never asked.
    expect(profileRequests()).toEqual([]);
    expect(backend.currentUser).toBeNull();
    expect(onSuccess).not.toHaveBeenCalled();
    // The answers wait in the draft, at the review step, with the address; never the password.
    expect(sessionStorage.getItem(DRAFT)).not.toContain(PASSWORD);
    expect(draft()).toMatchObject({
      step: 'review',
      values: { name: 'Grace Hopper', email: EMAIL, ...answers },
      inbox: { email: EMAIL, sentAt: expect.any(Number) },
    });
    // The link leads back to this page, marked.
    const [mail] = linkFor(EMAIL);
    const callback = new URL(new URL(mail?.url ?? '').searchParams.get('callbackURL') ?? '');
    expect(`${callback.pathname}${callback.search}`).toBe(`${PAGE}&profilekit=verify-email`);
    await expectNoAxeViolations();
  });

  it('saves the background on the page the link leads back to, once, create-only, and cleans the address', async () => {
    const user = userEvent.setup();
    await reachInbox(user, <AuthGate requireProfile>{members}</AuthGate>);
    const target = await follow(linkFor(EMAIL)[0]?.url ?? '');
    expect(target.searchParams.get('profilekit')).toBe('verify-email');
    land(target);
    const writes: (string | null)[] = [];
    const watch = ({ request }: { request: Request }) => {
      if (request.method === 'PUT') writes.push(request.headers.get('if-none-match'));
    };
    server.events.on('request:start', watch);
    try {
      await renderWithKit(<AuthGate requireProfile>{members}</AuthGate>);
      expect(await screen.findByText('Members only')).toBeInTheDocument();
    } finally {
      server.events.removeListener('request:start', watch);
    }
    expect(backend.currentUser).toMatchObject({ email: EMAIL, emailVerified: true });
    expect(backend.profile).toMatchObject(answers);
    expect(writes).toEqual(['*']);
    expect(sessionStorage.getItem(DRAFT)).toBeNull();
    expect(`${window.location.pathname}${window.location.search}`).toBe(PAGE);
  });

  it('saves in the tab that waited, when the person comes back to it signed in, and says so', async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    await reachInbox(user, <SignUpWithBackground onSuccess={onSuccess} />);
    // The link opened in another tab; this one learns of the session when it is shown again.
    await follow(linkFor(EMAIL)[0]?.url ?? '');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expectFocused('Welcome aboard');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your account is created and your background is saved.',
    );
    expect(backend.profile).toMatchObject(answers);
    expect(onSuccess).toHaveBeenCalledWith({
      user: expect.objectContaining({ email: EMAIL }),
      profile: expect.objectContaining({ experienceYears: '10+' }),
    });
    expect(sessionStorage.getItem(DRAFT)).toBeNull();
    await expectNoAxeViolations();
  });

  it('in a gate: the inbox stays while the tab is shown again, and the content appears once the link is followed', async () => {
    const user = userEvent.setup();
    await reachInbox(user, <AuthGate requireProfile>{members}</AuthGate>);
    // Coming back to the tab reads the session again: still nobody, and the inbox stays as it was.
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(requests.filter((r) => r.endsWith('/get-session')).length).toBeGreaterThan(1));
    expect(screen.getByRole('heading', { name: 'Check your inbox' })).toBeInTheDocument();
    await follow(linkFor(EMAIL)[0]?.url ?? '');
    // better-auth reads the session on showing the tab at most every 5 s: the person took longer.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 6000);
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // The result is seen first; the content comes when the person continues.
    expect(await screen.findByRole('heading', { name: 'Welcome aboard' })).toBeVisible();
    expect(backend.profile).toMatchObject(answers);
    expect(screen.queryByText('Members only')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Members only')).toBeInTheDocument();
  });

  it('in a gate that does not ask for a profile: the waiting answers are saved before the content shows', async () => {
    const user = userEvent.setup();
    await reachInbox(user, <AuthGate>{members}</AuthGate>);
    await follow(linkFor(EMAIL)[0]?.url ?? '');
    // The gate would show its content to anyone signed in; the inbox screen holds it until the save.
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // The result is seen first; the content comes when the person continues.
    expect(await screen.findByRole('heading', { name: 'Welcome aboard' })).toBeVisible();
    expect(backend.profile).toMatchObject(answers);
    expect(screen.queryByText('Members only')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Members only')).toBeInTheDocument();
  });

  it('never replaces a background saved meanwhile (elsewhere): it says one is saved and keeps it', async () => {
    const user = userEvent.setup();
    await reachInbox(user);
    await follow(linkFor(EMAIL)[0]?.url ?? '');
    const other = await fetch(`${BASE_URL}/api/profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ languages: sampleProfile.languages, frameworks: ['Qt'] }),
    });
    expect(other.status).toBe(201);
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expectFocused('Your background is already saved');
    expect(backend.profile?.frameworks).toEqual(['Qt']);
    expect(backend.profile?.languages).toEqual(sampleProfile.languages);
  });

  it('counts down before the link can be sent again, announces the start and the end, then sends it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const user = userEvent.setup();
    await reachInbox(user, <SignUpWithBackground resendCooldown={30} />);
    const resend = screen.getByRole('button', { name: 'Send the link again' });
    // The sign-up itself just sent one: the wait starts from there.
    expect(resend).toHaveAttribute('aria-disabled', 'true');
    expect(resend).toHaveAccessibleDescription('You can send it again in 30 s.');
    await user.click(resend);
    expect(linkFor(EMAIL)).toHaveLength(1);
    act(() => {
      vi.advanceTimersByTime(29_000);
    });
    expect(screen.getByText('You can send it again in 1 s.')).toBeVisible();
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(screen.getByRole('status')).toHaveTextContent('You can send the link again now.');
    expect(resend).not.toHaveAttribute('aria-disabled');
    expect(screen.queryByText(/You can send it again in/)).not.toBeInTheDocument();
    await user.click(resend);
    await waitFor(() => expect(linkFor(EMAIL)).toHaveLength(2));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        `A new link is on its way to ${EMAIL}. You can send it again in 30 s.`,
      ),
    );
    expect(resend).toHaveAttribute('aria-disabled', 'true');
    expect(resend).toHaveFocus();
    // The second link leads back to the same page, and the wait survives a reload (it is in the draft).
    expect(draft().inbox.sentAt).toBe(Date.now());
    await expectNoAxeViolations();
  });

  it('resend spam: past the server limit it says how long to wait, and waits that long', async () => {
    const user = userEvent.setup();
    await reachInbox(user, <SignUpWithBackground resendCooldown={0} />);
    const resend = screen.getByRole('button', { name: 'Send the link again' });
    for (let sent = 2; sent <= 4; sent++) {
      await user.click(resend);
      await waitFor(() => expect(linkFor(EMAIL)).toHaveLength(sent));
      await waitFor(() => expect(resend).toHaveTextContent('Send the link again'));
    }
    await user.click(resend);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^Too many attempts\. Try again in (59|60) s\.$/,
    );
    expect(linkFor(EMAIL)).toHaveLength(4);
    expect(resend).toHaveAttribute('aria-disabled', 'true');
    expect(resend).toHaveAccessibleDescription(/^You can send it again in (59|60) s\.$/);
    await user.click(resend);
    expect(requests.filter((r) => r.endsWith('/send-verification-email'))).toHaveLength(4);
  });

  it('says when the server cannot be reached, and lets the person try again at once', async () => {
    const user = userEvent.setup();
    await reachInbox(user, <SignUpWithBackground resendCooldown={0} />);
    server.use(http.post(`${BASE_URL}/api/auth/send-verification-email`, () => HttpResponse.error()));
    await user.click(screen.getByRole('button', { name: 'Send the link again' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We could not reach the server. Check your connection and try again.',
    );
    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Send the link again' }));
    await waitFor(() => expect(linkFor(EMAIL)).toHaveLength(2));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('"Use a different email" goes back to the account step with every answer, and the new address gets the link', async () => {
    const user = userEvent.setup();
    await reachInbox(user, <SignUpWithBackground />, 'grace@exmaple.com');
    await user.click(screen.getByRole('button', { name: 'Use a different email' }));
    await expectFocused('Account');
    expect(draft().inbox).toBeUndefined();
    const email = screen.getByLabelText('Email');
    expect(email).toHaveValue('grace@exmaple.com');
    await user.clear(email);
    await user.type(email, EMAIL);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await expectFocused('Software background');
    expect(screen.getByLabelText('Language 1')).toHaveValue('COBOL');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await expectFocused('Review');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await expectFocused('Check your inbox');
    expect(
      screen.getByText(`We sent a link to ${EMAIL}.`, { exact: false, ignore: '[role=status]' }),
    ).toBeVisible();
    expect(draft().inbox.email).toBe(EMAIL);
    expect(linkFor(EMAIL)).toHaveLength(1);
  });

  it('answers a taken address like a new one: the same screen, and no link to the existing account', async () => {
    const user = userEvent.setup();
    await reachInbox(user, <SignUpWithBackground />, demoUser.email);
    expect(
      screen.getByText(`We sent a link to ${demoUser.email}.`, { exact: false, ignore: '[role=status]' }),
    ).toBeVisible();
    expect(screen.getByText(/If this address already has an account, sign in instead/)).toBeVisible();
    expect(linkFor(demoUser.email)).toEqual([]);
  });

  it('an expired link leads back to the inbox with the reason, and a new link can be sent', async () => {
    backend.reset('emailNotVerified');
    sessionStorage.setItem(
      DRAFT,
      JSON.stringify({
        step: 'review',
        values: { languages: [] },
        inbox: { email: demoUser.email, sentAt: 0 },
      }),
    );
    const target = await follow(
      `${BASE_URL}/api/auth/verify-email?token=${verificationTokens.expired}&callbackURL=${encodeURIComponent(`${BASE_URL}${PAGE}&profilekit=verify-email`)}`,
    );
    expect(target.searchParams.get('error')).toBe('TOKEN_EXPIRED');
    land(target);
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This link has expired. Send yourself a new one.',
    );
    expect(screen.getByRole('heading', { name: 'Check your inbox' })).toBeInTheDocument();
    expect(`${window.location.pathname}${window.location.search}`).toBe(PAGE);
    expect(backend.currentUser).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send the link again' }));
    await waitFor(() => expect(linkFor(demoUser.email)).toHaveLength(1));
    // The new link is on its way: the old one's reason goes.
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    await expectNoAxeViolations();
    // The new link works.
    land(await follow(linkFor(demoUser.email)[0]?.url ?? ''));
    expect(backend.currentUser?.email).toBe(demoUser.email);
  });

  it('a link cut short says it cannot be used', async () => {
    backend.reset('emailNotVerified');
    sessionStorage.setItem(
      DRAFT,
      JSON.stringify({ step: 'review', values: {}, inbox: { email: EMAIL, sentAt: 0 } }),
    );
    land(
      await follow(
        `${BASE_URL}/api/auth/verify-email?token=abc&callbackURL=${encodeURIComponent(`${PAGE}&profilekit=verify-email`)}`,
      ),
    );
    await renderWithKit(<SignUpWithBackground />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This link cannot be used');
    // Signing up again with another address: its inbox has nothing to say about the old link.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Use a different email' }));
    await expectFocused('Account');
    await signUp(user, 'grace.hopper@example.com');
    await expectFocused('Check your inbox');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a link followed again after signing out: the address is confirmed, sign in, and the background is saved', async () => {
    const user = userEvent.setup();
    await reachInbox(user, <AuthGate requireProfile>{members}</AuthGate>);
    const url = linkFor(EMAIL)[0]?.url ?? '';
    await follow(url);
    await fetch(`${BASE_URL}/api/auth/sign-out`, { method: 'POST' });
    // Still valid until it expires, but the address is verified: it only leads back, signing nobody in.
    const again = await follow(url);
    expect(again.searchParams.get('error')).toBeNull();
    expect(backend.currentUser).toBeNull();
    land(again);
    await renderWithKit(<AuthGate requireProfile>{members}</AuthGate>);
    await user.click(await screen.findByRole('button', { name: 'Create an account' }));
    expect(await screen.findByText(/Your address is confirmed/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Send the link again' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Email'), EMAIL);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Members only')).toBeInTheDocument();
    expect(backend.profile).toMatchObject(answers);
  });

  it('signing in before following the link: says a fresh link is on its way, and the right password sent one', async () => {
    const user = userEvent.setup();
    await reachInbox(user, <AuthGate requireProfile>{members}</AuthGate>);
    cleanup();
    await renderWithKit(<AuthGate requireProfile>{members}</AuthGate>);
    await user.type(await screen.findByLabelText('Email'), EMAIL);
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is not right.');
    expect(linkFor(EMAIL)).toHaveLength(1);
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Verify your email address first: we sent you a new link.',
      ),
    );
    expect(linkFor(EMAIL)).toHaveLength(2);
    expect(screen.queryByText('Members only')).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('someone else signed in: the answers wait on the review step, and nothing is saved for them unasked', async () => {
    backend.reset('signedInWithoutProfile');
    sessionStorage.setItem(
      DRAFT,
      JSON.stringify({
        step: 'review',
        values: {
          name: 'Grace Hopper',
          email: EMAIL,
          ...answers,
          frameworks: [],
          architectureFamiliarity: [],
        },
        inbox: { email: EMAIL, sentAt: Date.now() },
      }),
    );
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground />);
    const save = await screen.findByRole('button', { name: 'Save background' });
    expect(screen.getByText('COBOL (Expert)')).toBeInTheDocument();
    expect(requests.filter((r) => r.startsWith('PUT'))).toEqual([]);
    expect(draft().inbox).toBeUndefined();
    await user.click(save);
    await expectFocused('Background saved');
    expect(backend.currentUser?.email).toBe(demoUser.email);
    expect(backend.profile).toMatchObject(answers);
  });

  it('in a dialog: the inbox has a title of its own, at the dialog level, and takes focus', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', PAGE);
    backend.reset('emailNotVerified');
    await renderWithKit(<SignUpWithBackground mode="dialog" />);
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    await screen.findByRole('dialog', { name: 'Create your account' });
    await signUp(user);
    const dialog = await screen.findByRole('dialog', { name: 'Check your inbox' });
    expect(screen.getByRole('heading', { name: 'Check your inbox', level: 2 })).toHaveFocus();
    expect(dialog).toContainElement(screen.getByRole('button', { name: 'Close' }));
    await expectNoAxeViolations();
  });

  it('respects headingLevel, and every string can be replaced', async () => {
    const user = userEvent.setup();
    await reachInbox(
      user,
      <SignUpWithBackground
        headingLevel={4}
        localization={{
          'verify.title': 'Posteingang prüfen',
          'verify.sent': 'Wir haben einen Link an {email} geschickt.',
          'verify.resend': 'Link erneut senden',
          'verify.wait': 'Erneut senden in {seconds} s.',
          'verify.changeEmail': 'Andere E-Mail verwenden',
        }}
      />,
      EMAIL,
      'Posteingang prüfen',
    );
    expect(screen.getByRole('heading', { name: 'Posteingang prüfen', level: 4 })).toHaveFocus();
    expect(
      screen.getByText(`Wir haben einen Link an ${EMAIL} geschickt.`, { ignore: '[role=status]' }),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Link erneut senden' })).toHaveAccessibleDescription(
      'Erneut senden in 60 s.',
    );
    expect(screen.getByRole('button', { name: 'Andere E-Mail verwenden' })).toBeVisible();
  });
});
