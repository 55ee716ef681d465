// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoUser, sampleProfile } from '../../src/msw/index';
import { AuthGate, DeleteAccount, UserMenu } from '../../src/react/index';
import { backend, expectNoAxeViolations, renderWithKit, requests, usePersona } from './helpers';

// jsdom has no object URLs; the download hands the browser a Blob, which the test reads back.
const downloads: { name: string; text: Promise<string> }[] = [];
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
beforeEach(() => {
  downloads.length = 0;
  const blobs = new Map<string, Blob>();
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: (url: string) => blobs.delete(url),
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) downloads.push({ name: this.download, text: readBlob(blob) });
  });
});
afterEach(() => vi.restoreAllMocks());

describe('given DeleteAccount for a person with a password', () => {
  it('opens a confirmation, refuses a wrong email and a wrong password, and deletes with both right', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    const onDeleted = vi.fn();
    const onError = vi.fn();
    await renderWithKit(<DeleteAccount onDeleted={onDeleted} onError={onError} />);
    await user.click(await screen.findByRole('button', { name: 'Delete account…' }));
    expect(screen.getByRole('heading', { name: 'Delete your account' })).toHaveFocus();
    const email = screen.getByLabelText(`Type your email address (${demoUser.email}) to confirm`);
    const password = await screen.findByLabelText('Your password');
    await expectNoAxeViolations();

    await user.type(email, 'someone@else.test');
    await user.click(screen.getByRole('button', { name: 'Delete my account permanently' }));
    expect(email).toHaveAccessibleDescription('This is not the email address of your account.');
    expect(email).toHaveFocus();
    expect(requests).not.toContain('POST /api/auth/delete-user');

    await user.clear(email);
    await user.type(email, demoUser.email.toUpperCase());
    await user.click(screen.getByRole('button', { name: 'Delete my account permanently' }));
    expect(password).toHaveAccessibleDescription('This is required.');

    await user.type(password, 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Delete my account permanently' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription('The password is not right.'));
    expect(onError).toHaveBeenCalledWith('INVALID_PASSWORD');
    expect(backend.users).toHaveLength(1);
    expect(backend.profile).not.toBeNull();

    await user.clear(password);
    await user.type(password, demoUser.password);
    await user.click(screen.getByRole('button', { name: 'Delete my account permanently' }));
    expect(await screen.findByText('Your account and all its data are deleted.')).toBeInTheDocument();
    expect(onDeleted).toHaveBeenCalledTimes(1);
    expect(backend.users).toHaveLength(0);
    expect(backend.currentUser).toBeNull();
  });

  it('Cancel closes the confirmation and gives focus back to the button that opened it', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<DeleteAccount />);
    await user.click(await screen.findByRole('button', { name: 'Delete account…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete account…' })).toHaveFocus());
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('a password persona with a stale session still has to give the password', async () => {
    usePersona('staleSession');
    const user = userEvent.setup();
    await renderWithKit(<DeleteAccount defaultOpen />);
    await user.type(await screen.findByLabelText(/Type your email address/), demoUser.email);
    await user.click(screen.getByRole('button', { name: 'Delete my account permanently' }));
    expect(await screen.findByLabelText('Your password')).toHaveAccessibleDescription('This is required.');
    expect(backend.users).toHaveLength(1);
  });

  it('downloads the account and profile as JSON before anything is deleted', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<DeleteAccount />);
    await user.click(await screen.findByRole('button', { name: 'Download my data' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.name).toBe('profilekit-my-data.json');
    const data = JSON.parse((await downloads[0]?.text) ?? '');
    expect(data).toMatchObject({ user: { email: demoUser.email }, profile: sampleProfile });
    expect(
      await screen.findByText('Your data was downloaded as profilekit-my-data.json.'),
    ).toBeInTheDocument();
  });
});

describe('given DeleteAccount for a person who signed in with GitHub', () => {
  it('explains SESSION_EXPIRED when the sign-in is too old, and deletes nothing', async () => {
    backend.reset({ signedIn: true, profile: sampleProfile, provider: 'github', staleSession: true });
    const user = userEvent.setup();
    const onError = vi.fn();
    await renderWithKit(<DeleteAccount defaultOpen onError={onError} />);
    await screen.findByText('You signed in with a provider, so no password is needed.');
    await user.type(screen.getByLabelText(/Type your email address/), demoUser.email);
    await user.click(screen.getByRole('button', { name: 'Delete my account permanently' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'For your safety, sign in again before deleting your account.',
    );
    expect(onError).toHaveBeenCalledWith('SESSION_EXPIRED');
    expect(backend.users).toHaveLength(1);
    expect(backend.profile).not.toBeNull();
  });

  it('asks for no password and deletes with a fresh session', async () => {
    usePersona('socialReturning');
    const user = userEvent.setup();
    await renderWithKit(<DeleteAccount defaultOpen />);
    expect(
      await screen.findByText('You signed in with a provider, so no password is needed.'),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText(/password/i)).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/Type your email address/), demoUser.email);
    await user.click(screen.getByRole('button', { name: 'Delete my account permanently' }));
    expect(await screen.findByText('Your account and all its data are deleted.')).toBeInTheDocument();
    expect(backend.users).toHaveLength(0);
  });
});

describe('given the UserMenu', () => {
  it('shows the sign-up button to a signed-out visitor, never a menu', async () => {
    await renderWithKit(<UserMenu />);
    expect(await screen.findByRole('button', { name: 'Sign up' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /account menu/ })).not.toBeInTheDocument();
  });

  it('offers a returning person the sign-in from its sign-up dialog; once signed in, the menu takes focus', async () => {
    const user = userEvent.setup();
    await renderWithKit(<UserMenu />);
    await user.click(await screen.findByRole('button', { name: 'Sign up' }));
    const signUp = await screen.findByRole('dialog', { name: 'Create your account' });
    await user.click(within(signUp).getByRole('button', { name: 'Already have an account? Sign in' }));
    const signIn = await screen.findByRole('dialog', { name: 'Sign in' });
    expect(screen.queryByRole('dialog', { name: 'Create your account' })).toBeNull();
    await expectNoAxeViolations();
    // And back again, then to the sign-in for good.
    await user.click(within(signIn).getByRole('button', { name: 'Create an account' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Create your account' })).getByRole('button', {
        name: 'Already have an account? Sign in',
      }),
    );
    const again = await screen.findByRole('dialog', { name: 'Sign in' });
    await user.type(within(again).getByLabelText('Email'), demoUser.email);
    await user.type(within(again).getByLabelText('Password'), 'not-the-password');
    await user.click(within(again).getByRole('button', { name: 'Sign in' }));
    expect(await within(again).findByRole('alert')).toHaveTextContent('The email or password is not right.');
    await user.clear(within(again).getByLabelText('Password'));
    await user.type(within(again).getByLabelText('Password'), demoUser.password);
    await user.click(within(again).getByRole('button', { name: 'Sign in' }));
    const menuButton = await screen.findByRole('button', { name: /account menu/ });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(menuButton).toHaveFocus());
  });

  it('keeps a sign-up made from it on screen, with its result, until the person closes it; then the menu takes focus', async () => {
    const user = userEvent.setup();
    await renderWithKit(<UserMenu />);
    await user.click(await screen.findByRole('button', { name: 'Sign up' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create your account' });
    await user.type(within(dialog).getByLabelText('Name'), 'Alan Turing');
    await user.type(within(dialog).getByLabelText('Email'), 'alan@example.com');
    await user.type(within(dialog).getByLabelText('Password'), 'enigma-machine');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.type(await within(dialog).findByLabelText('Language 1'), 'Rust');
    await user.selectOptions(within(dialog).getByLabelText('Level for language 1'), 'expert');
    await user.click(within(dialog).getByRole('radio', { name: '10+' }));
    await user.selectOptions(within(dialog).getByLabelText('Overall software experience'), 'expert');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.selectOptions(await within(dialog).findByLabelText('Overall hardware experience'), 'none');
    await user.click(within(dialog).getByRole('radio', { name: 'Software' }));
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Create account' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('heading', { name: 'Welcome aboard' })).toHaveFocus(),
    );
    expect(backend.currentUser?.email).toBe('alan@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    const menuButton = await screen.findByRole('button', { name: /account menu/ });
    await waitFor(() => expect(menuButton).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Sign up' })).toBeNull();
  });

  it('by keyboard: ArrowDown opens on the first item, arrows wrap, Escape closes and returns focus', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<UserMenu />);
    const trigger = await screen.findByRole('button', { name: `${demoUser.name}, account menu` });
    expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    trigger.focus();
    await user.keyboard('{ArrowDown}');
    const menu = await screen.findByRole('menu');
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(menu).toHaveAccessibleName(`${demoUser.name}, account menu`);
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Manage account',
      'Edit background',
      'Download my data',
      'Delete account',
      'Sign out',
    ]);
    await waitFor(() => expect(items[0]).toHaveFocus());
    expect(screen.getByText(demoUser.email)).toBeInTheDocument();
    await expectNoAxeViolations();
    await user.keyboard('{ArrowUp}');
    expect(items[4]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{End}');
    expect(items[4]).toHaveFocus();
    await user.keyboard('{Home}d');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
    // Enter opens it too, and ArrowUp opens on the last item.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(screen.getByRole('menu')).getAllByRole('menuitem')[0]).toHaveFocus());
    await user.keyboard('{Escape}{ArrowUp}');
    await waitFor(() => expect(within(screen.getByRole('menu')).getAllByRole('menuitem')[4]).toHaveFocus());
  });

  it('signs out from the menu, and then offers the sign-up instead', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    const onSignedOut = vi.fn();
    await renderWithKit(<UserMenu onSignedOut={onSignedOut} />);
    await user.click(await screen.findByRole('button', { name: /account menu/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign up' })).toBeInTheDocument();
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(backend.currentUser).toBeNull();
  });

  it('a click outside closes the menu', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(
      <>
        <UserMenu />
        <p>Elsewhere</p>
      </>,
    );
    await user.click(await screen.findByRole('button', { name: /account menu/ }));
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.click(screen.getByText('Elsewhere'));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('opens the profile editor in a dialog, or calls onEditProfile', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    const { unmount } = await renderWithKit(<UserMenu />);
    await user.click(await screen.findByRole('button', { name: /account menu/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Edit background' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit background' });
    expect(await within(dialog).findByLabelText('Language 1')).toHaveValue('Python');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /account menu/ })).toHaveFocus());
    unmount();

    const onEditProfile = vi.fn();
    await renderWithKit(<UserMenu onEditProfile={onEditProfile} />);
    await user.click(await screen.findByRole('button', { name: /account menu/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Edit background' }));
    expect(onEditProfile).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens the account settings from "Manage account", or goes to the host’s page', async () => {
    usePersona('signedInWithProfile');
    await import('../../src/react/account/account-settings');
    const user = userEvent.setup();
    const { unmount } = await renderWithKit(
      <UserMenu accountSettings={{ sections: ['password', 'sessions'] }} />,
    );
    await user.click(await screen.findByRole('button', { name: /account menu/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Manage account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Account settings' });
    expect(await within(dialog).findByRole('heading', { level: 3, name: 'Password' })).toBeInTheDocument();
    expect(await within(dialog).findByRole('heading', { level: 3, name: 'Devices' })).toBeInTheDocument();
    await expectNoAxeViolations();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('button', { name: /account menu/ })).toHaveFocus());
    unmount();

    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign });
    await renderWithKit(<UserMenu accountHref="/account" />);
    await user.click(await screen.findByRole('button', { name: /account menu/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Manage account' }));
    expect(assign).toHaveBeenCalledWith('/account');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('deletes the account from the menu; a gate around the content then shows the sign-in', async () => {
    usePersona('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(
      <>
        <UserMenu />
        <AuthGate>
          <p>Members only</p>
        </AuthGate>
      </>,
    );
    expect(await screen.findByText('Members only')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /account menu/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete account' }));
    // One title, the dialog's name, and a close button in its corner.
    const dialog = await screen.findByRole('dialog', { name: 'Delete your account' });
    expect(within(dialog).getAllByRole('heading')).toHaveLength(1);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
    await user.type(await within(dialog).findByLabelText(/Type your email address/), demoUser.email);
    await user.type(await within(dialog).findByLabelText('Your password'), demoUser.password);
    await user.click(within(dialog).getByRole('button', { name: 'Delete my account permanently' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    // The person is told, and focus is placed (on the gate's sign-in, which appears last), never on <body>.
    expect(screen.getByText('Your account is deleted.')).toBeVisible();
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    expect(screen.queryByText('Members only')).not.toBeInTheDocument();
    expect(backend.users).toHaveLength(0);
  });
});
