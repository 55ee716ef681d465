// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { useState } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { demoUser } from '../../src/msw/index';
import { AuthGate, ProfileKitProvider, SignUpWithBackground, useSession } from '../../src/react/index';
import {
  BASE_URL,
  backend,
  clients,
  expectNoAxeViolations,
  renderWithKit,
  requests,
  server,
  usePersona,
} from './helpers';

function SignOutButton() {
  const { signOut } = useSession();
  return (
    <button type="button" onClick={() => void signOut()}>
      Sign out
    </button>
  );
}

const members = (
  <>
    <p>Members only</p>
    <SignOutButton />
  </>
);

async function answerQuestionnaire(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Language 1'), 'Rust');
  await user.selectOptions(screen.getByLabelText('Level for language 1'), 'expert');
  await user.click(screen.getByRole('radio', { name: '10+' }));
  await user.selectOptions(screen.getByLabelText('Overall software experience'), 'expert');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.selectOptions(await screen.findByLabelText('Overall hardware experience'), 'none');
  await user.click(screen.getByRole('radio', { name: 'Software' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Review' })).toHaveFocus());
}

/** From the gate's sign-in to "Create account" pressed, as Alan Turing. */
async function signUpInTheGate(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Create an account' }));
  await user.type(await screen.findByLabelText('Name'), 'Alan Turing');
  await user.type(screen.getByLabelText('Email'), 'alan@example.com');
  await user.type(screen.getByLabelText('Password'), 'enigma-machine');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: 'Software background' });
  await answerQuestionnaire(user);
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('given a signed-out visitor', () => {
  it('shows the sign-in form, and the content once they sign in', async () => {
    const user = userEvent.setup();
    await renderWithKit(<AuthGate>{members}</AuthGate>);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    await user.type(await screen.findByLabelText('Email'), demoUser.email);
    await user.type(screen.getByLabelText('Password'), demoUser.password);
    expect(screen.queryByText('Members only')).not.toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Members only')).toBeInTheDocument();
    // The form that had focus is gone: the content's first control takes it, not <body>.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign out' })).toHaveFocus());
  });

  it('focuses the start of content that has nothing focusable, once the person signs in', async () => {
    const user = userEvent.setup();
    await renderWithKit(
      <AuthGate>
        <p>Only text here</p>
      </AuthGate>,
    );
    await user.type(await screen.findByLabelText('Email'), demoUser.email);
    await user.type(screen.getByLabelText('Password'), demoUser.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const text = await screen.findByText('Only text here');
    await waitFor(() => expect(text).toHaveFocus());
    expect(text).toHaveAttribute('tabindex', '-1');
  });

  it('says the password is wrong, in text of its own, and keeps the email', async () => {
    const user = userEvent.setup();
    await renderWithKit(<AuthGate>{members}</AuthGate>);
    await user.type(await screen.findByLabelText('Email'), demoUser.email);
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is not right.');
    expect(screen.getByLabelText('Email')).toHaveValue(demoUser.email);
    await expectNoAxeViolations();
  });

  it('refuses an empty form without a request, and focuses the first field to fix', async () => {
    const user = userEvent.setup();
    await renderWithKit(<AuthGate>{members}</AuthGate>);
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('This is required.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('This is required.');
    expect(requests.filter((r) => r.includes('sign-in'))).toEqual([]);
    await expectNoAxeViolations();
  });

  it('reports a network failure while signing in and keeps what was typed', async () => {
    server.use(http.post(`${BASE_URL}/api/auth/sign-in/email`, () => HttpResponse.error()));
    const user = userEvent.setup();
    await renderWithKit(<AuthGate>{members}</AuthGate>);
    await user.type(await screen.findByLabelText('Email'), demoUser.email);
    await user.type(screen.getByLabelText('Password'), demoUser.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    expect(screen.getByLabelText('Password')).toHaveValue(demoUser.password);
  });

  it('moves focus to the form a person switches to, so the keyboard path goes on', async () => {
    const user = userEvent.setup();
    await renderWithKit(<AuthGate>{members}</AuthGate>);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).not.toHaveFocus();
    await user.click(await screen.findByRole('button', { name: 'Create an account' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Account' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Already have an account? Sign in' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Sign in' })).toHaveFocus());
  });

  it('switches to the sign-up, and shows the content once the account and background are saved', async () => {
    const user = userEvent.setup();
    await renderWithKit(<AuthGate>{members}</AuthGate>);
    await signUpInTheGate(user);
    // The result is seen, and focused, before the gate shows its content.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Welcome aboard' })).toHaveFocus());
    expect(
      screen.getByText('Your account is created and your background is saved.', {
        selector: '[data-state="saved"]',
      }),
    ).toBeVisible();
    expect(backend.profile?.languages).toEqual([{ language: 'Rust', level: 'expert' }]);
    expect(screen.queryByText('Members only')).not.toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Members only')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign out' })).toHaveFocus());
  });

  it('shows the content once a sign-up that holds it is taken away without continuing', async () => {
    const user = userEvent.setup();
    function Page() {
      const [shown, setShown] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setShown(false)}>
            Hide the sign-up
          </button>
          {shown ? <AuthGate>{members}</AuthGate> : null}
          <AuthGate fallback={<p>Signed out</p>}>
            <h2>Course</h2>
          </AuthGate>
        </>
      );
    }
    await renderWithKit(<Page />);
    await signUpInTheGate(user);
    expect(await screen.findByRole('button', { name: 'Continue' })).toBeVisible();
    // Every gate on the page waits for the person to continue.
    expect(screen.getByText('Signed out')).toBeInTheDocument();
    // The host takes the sign-up's gate away first: its hold ends with it.
    await user.click(screen.getByRole('button', { name: 'Hide the sign-up' }));
    expect(await screen.findByRole('heading', { name: 'Course' })).toBeVisible();
  });

  it('keeps the sign-up on screen when the background fails to save after the account is made, until a retry works', async () => {
    let fail = true;
    server.use(
      http.put(`${BASE_URL}/api/profile`, () =>
        fail ? HttpResponse.json({ code: 'SERVER_ERROR', message: 'down' }, { status: 503 }) : undefined,
      ),
    );
    const user = userEvent.setup();
    await renderWithKit(<AuthGate>{members}</AuthGate>);
    await signUpInTheGate(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('your background was not saved yet');
    // The session has caught up (signed in) but the gate keeps the form and its answers.
    await waitFor(() => expect(requests.filter((r) => r.endsWith('/get-session')).length).toBeGreaterThan(1));
    expect(backend.currentUser?.email).toBe('alan@example.com');
    expect(screen.queryByText('Members only')).not.toBeInTheDocument();
    expect(screen.getByText('Rust (Expert)')).toBeInTheDocument();

    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try saving again' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Members only')).toBeInTheDocument();
    expect(requests.filter((r) => r.endsWith('/sign-up/email'))).toHaveLength(1);
    expect(backend.profile?.backgroundPreference).toBe('software');
  });
});

describe('given a signed-in person', () => {
  it('shows the content, and the fallback again after signing out', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<AuthGate fallback={<p>Please sign in</p>}>{members}</AuthGate>);
    expect(await screen.findByText('Members only')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Please sign in')).toBeInTheDocument();
  });

  it('shows `loading` while the session is on its way', async () => {
    usePersona('signedInWithProfile');
    backend.setLatency(200);
    await renderWithKit(<AuthGate loading={<p>Checking your session…</p>}>{members}</AuthGate>);
    expect(screen.getByText('Checking your session…')).toBeInTheDocument();
    expect(await screen.findByText('Members only')).toBeInTheDocument();
  });

  it('keeps showing its content while the person saves their background elsewhere on the page', async () => {
    usePersona('signedInWithoutProfile');
    const user = userEvent.setup();
    await renderWithKit(
      <>
        <AuthGate>{members}</AuthGate>
        <SignUpWithBackground />
      </>,
    );
    expect(await screen.findByText('Members only')).toBeInTheDocument();
    await screen.findByRole('heading', { name: 'Software background' });
    await answerQuestionnaire(user);
    backend.setLatency(300);
    await user.click(screen.getByRole('button', { name: 'Save background' }));
    expect(await screen.findByRole('button', { name: 'Saving your background…' })).toBeDisabled();
    expect(screen.getByText('Members only')).toBeInTheDocument();
    await waitFor(() => expect(backend.profile).not.toBeNull());
    expect(screen.getByText('Members only')).toBeInTheDocument();
  });

  describe('with requireProfile', () => {
    it('shows the content to a person with a profile', async () => {
      usePersona('signedInWithProfile');
      await renderWithKit(<AuthGate requireProfile>{members}</AuthGate>);
      expect(await screen.findByText('Members only')).toBeInTheDocument();
      expect(requests).toContain('GET /api/profile');
    });

    it('asks a person without a profile to complete it, then shows the content', async () => {
      usePersona('signedInWithoutProfile');
      const user = userEvent.setup();
      await renderWithKit(<AuthGate requireProfile>{members}</AuthGate>);
      expect(
        await screen.findByRole('heading', { name: 'Tell us about your background' }),
      ).toBeInTheDocument();
      expect(screen.getByText('Step 1 of 3: Software background')).toBeInTheDocument();
      expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
      await expectNoAxeViolations();
      await answerQuestionnaire(user);
      await user.click(screen.getByRole('button', { name: 'Save background' }));
      expect(await screen.findByText('Members only')).toBeInTheDocument();
      expect(requests.filter((r) => r.endsWith('/sign-up/email'))).toEqual([]);
      expect(backend.profile?.hardwareExperience).toBe('none');
    });

    it('says so, with a way to retry, when the profile cannot be read', async () => {
      usePersona('serverError');
      const user = userEvent.setup();
      await renderWithKit(<AuthGate requireProfile>{members}</AuthGate>);
      expect(await screen.findByRole('alert')).toHaveTextContent('Your profile could not be loaded.');
      backend.reset('signedInWithProfile');
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('Members only')).toBeInTheDocument();
    });
  });
});

describe('given ten gates on one page', () => {
  it('makes exactly one session request, and one profile request', async () => {
    usePersona('signedInWithProfile');
    await renderWithKit(
      Array.from({ length: 10 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
        <AuthGate key={i} requireProfile>
          <p>Gate {i}</p>
        </AuthGate>
      )),
    );
    expect(await screen.findByText('Gate 9')).toBeInTheDocument();
    expect(screen.getAllByText(/^Gate \d$/)).toHaveLength(10);
    expect(requests.filter((r) => r.endsWith('/get-session'))).toHaveLength(1);
    expect(requests.filter((r) => r === 'GET /api/profile')).toHaveLength(1);
  });
});

describe('given server rendering', () => {
  it('renders `loading` on the server and hydrates without a mismatch', async () => {
    usePersona('signedInWithProfile');
    const page = (authClient: ReturnType<typeof clients>['authClient']) => (
      <ProfileKitProvider authClient={authClient} baseURL={BASE_URL}>
        <AuthGate loading={<p>Loading the page…</p>}>{members}</AuthGate>
      </ProfileKitProvider>
    );
    const html = renderToString(page(clients().authClient));
    expect(html).toContain('Loading the page…');
    expect(html).not.toContain('Members only');
    expect(requests).toEqual([]);

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const recoverable = vi.fn();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await act(async () => {
        hydrateRoot(container, page(clients().authClient), { onRecoverableError: recoverable });
      });
      await waitFor(() => expect(container).toHaveTextContent('Members only'));
      expect(recoverable).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
      container.remove();
    }
  });
});

describe('given no provider', () => {
  it('throws an error that names the missing provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<AuthGate>x</AuthGate>)).toThrow(
      '`AuthGate` must be used within `ProfileKitProvider`',
    );
    vi.restoreAllMocks();
  });
});

describe('given a signed-out visitor in the middle of the fallback', () => {
  it('keeps the sign-up they switched to, and what they typed, while better-auth reads the session again', async () => {
    const user = userEvent.setup();
    await renderWithKit(<AuthGate>{members}</AuthGate>);
    await user.click(await screen.findByRole('button', { name: 'Create an account' }));
    await user.type(await screen.findByLabelText('Email'), 'grace@example.com');
    const sessionReads = () => requests.filter((r) => r === 'GET /api/auth/get-session').length;
    const reads = sessionReads();
    // Coming back to the tab: better-auth reads the session again (refetchOnWindowFocus).
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(sessionReads()).toBeGreaterThan(reads));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.getByRole('heading', { name: 'Create your account' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('grace@example.com');
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });
});
