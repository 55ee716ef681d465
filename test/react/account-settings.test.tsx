// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { demoUser } from '../../src/msw/index';
import {
  AccountSettings,
  EmailSection,
  PasswordSection,
  ProfileSection,
  SessionsSection,
  SignInMethodsSection,
} from '../../src/react/index';
import { backend, expectNoAxeViolations, renderWithKit, requests, usePersona } from './helpers';

// The account settings' sections against profilekit/msw, which answers as profilekit's server does (issue 23).
beforeAll(async () => {
  await Promise.all(
    [
      'account-settings',
      'profile-section',
      'background-section',
      'email-section',
      'password-section',
      'sessions-section',
      'sign-in-methods-section',
      'danger-zone-section',
    ].map((file) => import(`../../src/react/account/${file}.tsx`)),
  );
});

describe('given PasswordSection for a person with a password signed in on other devices', () => {
  it('refuses a wrong current password on its field, then changes it and signs the others out', async () => {
    usePersona('severalSessions');
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    const onError = vi.fn();
    await renderWithKit(<PasswordSection onSuccess={onSuccess} onError={onError} />);
    const current = await screen.findByLabelText('Current password');
    const signOutOthers = screen.getByRole('checkbox', { name: 'Sign out of every other device' });
    expect(signOutOthers).toBeChecked();
    await expectNoAxeViolations();

    await user.type(current, 'not my password');
    await user.type(screen.getByLabelText('New password'), 'a brand new password');
    await user.type(screen.getByLabelText('New password, again'), 'a brand new password');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(current).toHaveAccessibleDescription('The current password is not right.'));
    expect(current).toHaveFocus();
    expect(onError).toHaveBeenCalledWith('INVALID_PASSWORD');
    // What was typed stays.
    expect(screen.getByLabelText('New password')).toHaveValue('a brand new password');

    await user.clear(current);
    await user.type(current, demoUser.password);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const done = await screen.findByText('Your password is changed, and every other device is signed out.');
    expect(done).toHaveFocus();
    expect(onSuccess).toHaveBeenCalledWith({ section: 'password', action: 'password-changed' });
    expect(backend.users[0]?.password).toBe('a brand new password');
    expect(requests).toContain('POST /api/auth/change-password');
  });

  it('checks the two new passwords agree before asking the server', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<PasswordSection />);
    await user.type(await screen.findByLabelText('Current password'), demoUser.password);
    await user.type(screen.getByLabelText('New password'), 'a brand new password');
    await user.type(screen.getByLabelText('New password, again'), 'a brand new passwort');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('New password, again')).toHaveAccessibleDescription(
      'The two passwords are not the same.',
    );
    expect(requests).not.toContain('POST /api/auth/change-password');
  });

  it('offers a social-only account a mailed link to set a password', async () => {
    usePersona('socialReturning');
    const user = userEvent.setup();
    await renderWithKit(<PasswordSection />);
    expect(await screen.findByText('You sign in with a provider and have no password yet.')).toBeVisible();
    expect(screen.queryByLabelText('Current password')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Email me a link to set a password' }));
    expect(
      await screen.findByText(`A link to set your password is on its way to ${demoUser.email}.`),
    ).toHaveFocus();
    expect(backend.outbox.map((m) => m.kind)).toContain('reset-password');
  });
});

describe('given SessionsSection for a person on three devices', () => {
  it('lists them with this device marked and no session token, and ends one by keyboard', async () => {
    usePersona('severalSessions');
    const user = userEvent.setup();
    await renderWithKit(<SessionsSection />);
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Chrome on macOS · This device');
    expect(within(items[0] as HTMLElement).queryByRole('button')).toBeNull();
    expect(items[1]).toHaveTextContent('Safari on iOS');
    expect(items[1]).toHaveTextContent('Lyon, France');
    await expectNoAxeViolations();

    const safari = screen.getByRole('button', { name: /^Sign out Safari on iOS, last active/ });
    safari.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Safari on iOS is signed out.')).toHaveFocus();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(requests).toContain('POST /api/auth/profilekit/sessions/revoke');

    await user.click(screen.getByRole('button', { name: 'Sign out of all other devices' }));
    expect(await screen.findByText('Every other device is signed out.')).toHaveFocus();
    expect(screen.getByText('You are signed in on this device only.')).toBeVisible();
  });

  it('says what failed and offers to try again when the list cannot load', async () => {
    usePersona('serverError');
    const user = userEvent.setup();
    await renderWithKit(<SessionsSection />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/went wrong/i);
    usePersona('severalSessions');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByRole('listitem')).toHaveLength(3);
  });
});

describe('given SignInMethodsSection for a person with two providers', () => {
  it('disconnects one, then refuses the last way in with a clear message', async () => {
    usePersona('twoProviders');
    const user = userEvent.setup();
    const onError = vi.fn();
    await renderWithKit(<SignInMethodsSection onError={onError} />);
    await user.click(await screen.findByRole('button', { name: 'Disconnect Google' }));
    expect(await screen.findByText('Google is disconnected.')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Disconnect GitHub' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This is your only way to sign in, so it cannot be removed. Add another first.',
    );
    expect(onError).toHaveBeenCalledWith('FAILED_TO_UNLINK_LAST_ACCOUNT');
    expect(screen.getByRole('button', { name: 'Disconnect GitHub' })).toBeVisible();
    await expectNoAxeViolations();
  });

  it('offers to connect the providers the person has not linked', async () => {
    usePersona('signedInWithProfile');
    await renderWithKit(<SignInMethodsSection providers={['github', { id: 'oidc', name: 'Work' }]} />);
    expect(await screen.findByRole('button', { name: 'Connect GitHub' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Connect Work' })).toBeVisible();
    expect(screen.getByText('Email and password')).toBeVisible();
  });
});

describe('given EmailSection for a person with a password', () => {
  it('asks for the current password, refuses a wrong one, and sends the link with the right one', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<EmailSection callbackURL="http://localhost:3000/settings" />);
    const email = await screen.findByLabelText('New email address');
    expect(screen.getByText(`Your email address is ${demoUser.email}.`)).toBeVisible();
    await user.type(email, 'ada@new.example');
    await user.click(screen.getByRole('button', { name: 'Change email' }));
    const password = screen.getByLabelText('Current password');
    expect(password).toHaveAccessibleDescription('This is required.');
    expect(password).toHaveFocus();
    await user.type(password, 'wrong');
    await user.click(screen.getByRole('button', { name: 'Change email' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription('The current password is not right.'));
    expect(backend.outbox).toEqual([]);

    await user.clear(password);
    await user.type(password, demoUser.password);
    await user.click(screen.getByRole('button', { name: 'Change email' }));
    expect(await screen.findByText(/a link is on its way there/)).toHaveFocus();
    expect(backend.outbox.map((m) => [m.kind, m.to])).toEqual([['change-email', 'ada@new.example']]);
    // Nothing changes until the link is followed.
    expect(backend.users[0]?.email).toBe(demoUser.email);
    await expectNoAxeViolations();
  });

  it('tells the rate-limited person how long to wait, keeping what they typed', async () => {
    usePersona('settingsRateLimited');
    const user = userEvent.setup();
    await renderWithKit(<EmailSection />);
    await user.type(await screen.findByLabelText('New email address'), 'ada@new.example');
    await user.type(screen.getByLabelText('Current password'), demoUser.password);
    await user.click(screen.getByRole('button', { name: 'Change email' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 60 s.');
    expect(screen.getByLabelText('New email address')).toHaveValue('ada@new.example');
  });
});

describe('given ProfileSection', () => {
  it('refuses a picture that is not an https address, then saves the name', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<ProfileSection />);
    const name = await screen.findByLabelText('Name');
    const picture = screen.getByLabelText('Picture URL');
    await user.type(picture, 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(picture).toHaveAccessibleDescription(/Give an https:\/\/ address of an image\./);
    expect(requests).not.toContain('POST /api/auth/update-user');
    await user.clear(picture);
    await user.clear(name);
    await user.type(name, 'Augusta Ada King');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Your profile is saved.')).toHaveFocus();
    expect(backend.users[0]?.name).toBe('Augusta Ada King');
  });
});

describe('given AccountSettings', () => {
  it('shows every section under its title, one heading level below', async () => {
    usePersona('signedInWithProfile');
    await renderWithKit(<AccountSettings />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Account settings' })).toBeVisible();
    for (const name of [
      'Profile',
      'Background',
      'Email address',
      'Password',
      'Devices',
      'Sign-in methods',
      'Danger zone',
    ]) {
      expect(await screen.findByRole('heading', { level: 3, name })).toBeVisible();
    }
    await expectNoAxeViolations();
  });

  it('shows only the sections asked for', async () => {
    usePersona('signedInWithProfile');
    await renderWithKit(<AccountSettings sections={['sessions']} title={null} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Devices' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Password' })).toBeNull();
  });
});
