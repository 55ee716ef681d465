import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  AccountSettings,
  DangerZoneSection,
  EmailSection,
  PasswordSection,
  ProfileSection,
  SessionsSection,
  SignInMethodsSection,
} from 'profilekit';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { appearanceControls, described } from './meta';
import { page } from './play';

const meta = {
  title: 'Components/AccountSettings',
  component: AccountSettings,
  args: { onSuccess: fn(), onError: fn() },
  argTypes: appearanceControls,
  parameters: {
    persona: 'signedInWithProfile',
    ...described(
      'Everything a signed-in person manages, as sections that each load on demand and are exported alone: ProfileSection, BackgroundSection, EmailSection, PasswordSection, SessionsSection, SignInMethodsSection, DangerZoneSection.',
    ),
  },
} satisfies Meta<typeof AccountSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

const PASSWORD = 'correct-horse-battery';

/** Nobody signed in: the settings show nothing (a page puts them behind an AuthGate). */
export const SignedOut: Story = {
  parameters: { persona: 'signedOut' },
  play: async ({ canvasElement }) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(page(canvasElement).queryByRole('heading')).toBeNull();
  },
};

export const AllSections: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    // The first story loads the sections' code.
    await expect(
      await screen.findByRole('heading', { level: 2, name: 'Account settings' }, { timeout: 5000 }),
    ).toBeVisible();
    for (const name of [
      'Profile',
      'Email address',
      'Password',
      'Devices',
      'Sign-in methods',
      'Danger zone',
    ]) {
      await expect(await screen.findByRole('heading', { level: 3, name }, { timeout: 5000 })).toBeVisible();
    }
  },
};

export const Dark: Story = {
  args: { theme: 'dark', appearance: 'card', sections: ['profile', 'password', 'sessions'] },
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByRole('heading', { name: 'Devices' })).toBeVisible();
  },
};

export const ProfileSaved: Story = {
  render: (args) => <ProfileSection {...args} />,
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    const name = await screen.findByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Augusta Ada King');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(screen.getByText('Your profile is saved.')).toHaveFocus());
  },
};

export const EmailLinkSent: Story = {
  render: (args) => <EmailSection {...args} />,
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('New email address'), 'ada@new.example');
    await userEvent.type(screen.getByLabelText('Current password'), PASSWORD);
    await userEvent.click(screen.getByRole('button', { name: 'Change email' }));
    await waitFor(() => expect(screen.getByText(/a link is on its way there/)).toHaveFocus());
  },
};

export const EmailWrongPassword: Story = {
  render: (args) => <EmailSection {...args} />,
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('New email address'), 'ada@new.example');
    await userEvent.type(screen.getByLabelText('Current password'), 'not-it');
    await userEvent.click(screen.getByRole('button', { name: 'Change email' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription(
        'The current password is not right.',
      ),
    );
  },
};

export const EmailReauthenticationNeeded: Story = {
  render: (args) => <EmailSection {...args} />,
  parameters: { persona: 'socialStaleSession' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('New email address'), 'ada@new.example');
    await userEvent.click(screen.getByRole('button', { name: 'Change email' }));
    const alert = await screen.findByRole('alert');
    await expect(alert).toHaveTextContent('For your safety, sign in again, then change your email.');
    await expect(within(alert).getByRole('button', { name: 'Sign in again' })).toBeVisible();
  },
};

export const EmailRateLimited: Story = {
  render: (args) => <EmailSection {...args} />,
  parameters: { persona: 'settingsRateLimited' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('New email address'), 'ada@new.example');
    await userEvent.type(screen.getByLabelText('Current password'), PASSWORD);
    await userEvent.click(screen.getByRole('button', { name: 'Change email' }));
    await expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 60 s.');
  },
};

export const PasswordChanged: Story = {
  render: (args) => <PasswordSection {...args} />,
  parameters: { persona: 'severalSessions' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('Current password'), PASSWORD);
    await userEvent.type(screen.getByLabelText('New password'), 'a brand new password');
    await userEvent.type(screen.getByLabelText('New password, again'), 'a brand new password');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() =>
      expect(
        screen.getByText('Your password is changed, and every other device is signed out.'),
      ).toHaveFocus(),
    );
  },
};

export const PasswordMismatch: Story = {
  render: (args) => <PasswordSection {...args} />,
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('Current password'), PASSWORD);
    await userEvent.type(screen.getByLabelText('New password'), 'a brand new password');
    await userEvent.type(screen.getByLabelText('New password, again'), 'another one');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await expect(screen.getByLabelText('New password, again')).toHaveAccessibleDescription(
      'The two passwords are not the same.',
    );
  },
};

export const PasswordSetBySocialAccount: Story = {
  render: (args) => <PasswordSection {...args} />,
  parameters: { persona: 'socialReturning' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Email me a link to set a password' }));
    await waitFor(() => expect(screen.getByText(/A link to set your password is on its way/)).toHaveFocus());
  },
};

export const SessionsLoading: Story = {
  render: (args) => <SessionsSection {...args} />,
  parameters: { latency: Number.POSITIVE_INFINITY },
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByText('Loading…')).toBeVisible();
  },
};

export const SessionsThisDeviceOnly: Story = {
  render: (args) => <SessionsSection {...args} />,
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByText('You are signed in on this device only.')).toBeVisible();
    await expect(screen.getAllByRole('listitem')).toHaveLength(1);
  },
};

export const SessionsSeveral: Story = {
  render: (args) => <SessionsSection {...args} />,
  parameters: { persona: 'severalSessions' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: /^Sign out Safari on iOS/ }));
    await waitFor(() => expect(screen.getByText('Safari on iOS is signed out.')).toHaveFocus());
  },
};

export const SessionsError: Story = {
  render: (args) => <SessionsSection {...args} />,
  parameters: { persona: 'serverError' },
  play: async ({ canvasElement }) => {
    const alert = await page(canvasElement).findByRole('alert');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

export const MethodsTwoProviders: Story = {
  render: (args) => <SignInMethodsSection {...args} />,
  parameters: { persona: 'twoProviders' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Disconnect Google' }));
    await waitFor(() => expect(screen.getByText('Google is disconnected.')).toHaveFocus());
  },
};

export const MethodsLastOneRefused: Story = {
  render: (args) => <SignInMethodsSection {...args} />,
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Disconnect Email and password' }));
    await expect(await screen.findByRole('alert')).toHaveTextContent('This is your only way to sign in');
  },
};

export const DangerZone: Story = {
  render: (args) => <DangerZoneSection {...args} />,
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByRole('heading', { name: 'Danger zone' })).toBeVisible();
    await expect(await screen.findByRole('button', { name: 'Delete account…' })).toBeVisible();
  },
};
