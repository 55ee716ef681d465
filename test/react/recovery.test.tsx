// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoUser, resetTokens } from '../../src/msw/index';
import { AuthGate, DeleteAccount, ForgotPassword, ResetPassword, useSession } from '../../src/react/index';
import { backend, expectNoAxeViolations, renderWithKit } from './helpers';

beforeAll(async () => {
  await Promise.all([
    import('../../src/react/recovery/forgot-password'),
    import('../../src/react/recovery/reset-password'),
  ]);
});
function SignOut() {
  const { signOut } = useSession();
  return (
    <button type="button" onClick={() => void signOut()}>
      Sign out
    </button>
  );
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('given a signed-out visitor at the gate who forgot their password', () => {
  it('switches to the reset request in place, and answers without saying whether the account exists', async () => {
    const user = userEvent.setup();
    await renderWithKit(<AuthGate>members</AuthGate>);
    await user.click(await screen.findByRole('button', { name: 'Forgot your password?' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Reset your password' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('This is required.');
    await user.type(screen.getByLabelText('Email'), demoUser.email);
    await user.click(screen.getByRole('button', { name: 'Send the link' }));
    const sent = `If an account uses ${demoUser.email}, a link to reset its password is on its way.`;
    await waitFor(() => expect(screen.getByText(sent, { exact: false })).toHaveFocus());
    expect(backend.outbox).toEqual([expect.objectContaining({ kind: 'reset-password', to: demoUser.email })]);
    expect(decodeURIComponent(backend.outbox[0]?.url ?? '')).toContain('profilekit=reset-password');
    await expectNoAxeViolations();

    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'nobody@example.test');
    await user.click(screen.getByRole('button', { name: 'Send another link' }));
    await screen.findByText('If an account uses nobody@example.test', { exact: false });
    expect(backend.outbox).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toHaveFocus();
  });

  it('opens the reset form from the link, sets the new password, cleans the address and leads to sign-in', async () => {
    window.history.replaceState(null, '', `/course?profilekit=reset-password&token=${resetTokens.valid}`);
    const user = userEvent.setup();
    await renderWithKit(<AuthGate>Members only</AuthGate>);
    const password = await screen.findByLabelText('New password');
    expect(password).toHaveAccessibleDescription('At least 8 characters.');
    // A (hidden) username field, so password managers can attach the new password.
    expect(password.closest('form')?.querySelector('input[autocomplete="username"]')).not.toBeNull();
    await user.type(password, 'short');
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(password).toHaveAccessibleDescription('At least 8 characters. Use at least 8 characters.');
    expect(password).toHaveFocus();
    await user.clear(password);
    await user.type(password, 'a-brand-new-password');
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));
    // The title says what happened, and the text that this browser is signed out too.
    expect(await screen.findByRole('heading', { name: 'Your password is changed' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Every device, this one included, is signed out.');
    expect(window.location.search).toBe('');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Email'), demoUser.email);
    await user.type(screen.getByLabelText('Password'), 'a-brand-new-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Members only')).toBeInTheDocument();
  });
});

describe('given a gate opened from a used reset link', () => {
  it('forgets the link: no error on the sign-in, and the sign-in again after signing in and out', async () => {
    window.history.replaceState(null, '', '/course?profilekit=reset-password&error=INVALID_TOKEN');
    const user = userEvent.setup();
    await renderWithKit(
      <AuthGate>
        <SignOut />
      </AuthGate>,
      { socialProviders: ['github'] },
    );
    expect(await screen.findByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
    // The address no longer carries the marker nor the error.
    expect(window.location.pathname + window.location.search).toBe('/course');
    await user.click(screen.getByRole('button', { name: 'Send me a new link' }));
    await user.click(await screen.findByRole('button', { name: 'Back to sign in' }));
    expect(await screen.findByRole('button', { name: /GitHub/ })).toBeVisible();
    // Nothing was tried yet: nothing is said to have gone wrong.
    expect(screen.queryByRole('alert')).toBeNull();
    await user.type(screen.getByLabelText('Email'), demoUser.email);
    await user.type(screen.getByLabelText('Password'), demoUser.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'This link cannot be used' })).toBeNull();
  });
});

describe('given ResetPassword with a link that cannot be used', () => {
  it.each([
    ['an expired token', resetTokens.expired],
    ['a used token', resetTokens.used],
    ['a malformed token', 'not%20a token'],
  ])('says so for %s and offers a new link', async (_name, token) => {
    const user = userEvent.setup();
    const onRequestNewLink = vi.fn();
    const onError = vi.fn();
    await renderWithKit(
      <ResetPassword token={token} onRequestNewLink={onRequestNewLink} onError={onError} />,
    );
    await user.type(await screen.findByLabelText('New password'), 'a-brand-new-password');
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This link has expired, was already used, or was cut short.',
    );
    expect(screen.getByRole('heading', { name: 'This link cannot be used' })).toHaveFocus();
    expect(onError).toHaveBeenCalledWith('INVALID_TOKEN');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Send me a new link' }));
    expect(onRequestNewLink).toHaveBeenCalledOnce();
  });

  it('reads a dead link from the address (better-auth sends error=INVALID_TOKEN) without asking the server', async () => {
    window.history.replaceState(null, '', '/reset?error=INVALID_TOKEN');
    await renderWithKit(<ResetPassword forgotPasswordHref="/forgot" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This link has expired');
    expect(screen.getByRole('link', { name: 'Send me a new link' })).toHaveAttribute('href', '/forgot');
  });

  it('explains a page opened without a token', async () => {
    await renderWithKit(<ResetPassword />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This page needs the link from your email.');
  });

  it('translates every text through localization', async () => {
    await renderWithKit(<ForgotPassword localization={{ 'forgot.title': 'Passwort vergessen' }} />);
    expect(await screen.findByRole('heading', { name: 'Passwort vergessen' })).toBeInTheDocument();
  });
});

describe('given a host section with its own h2', () => {
  it('puts the reset forms’ and the deletion’s titles at the headingLevel asked for', async () => {
    const { unmount } = await renderWithKit(
      <>
        <ForgotPassword />
        <ResetPassword />
      </>,
      { headingLevel: 3 },
    );
    expect(await screen.findByRole('heading', { level: 3, name: 'Reset your password' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(2);
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();
    unmount();
    backend.reset('signedInWithProfile');
    await renderWithKit(<DeleteAccount headingLevel={4} />);
    expect(await screen.findByRole('heading', { level: 4, name: 'Delete your account' })).toBeInTheDocument();
  });
});
