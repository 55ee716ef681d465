import type { Meta, StoryObj } from '@storybook/react-vite';
import { AuthGate, useSession } from 'profilekit';
import { demoUser } from 'profilekit/msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { appearanceControls, described } from './meta';
import { fillAccount, fillHardware, fillSoftware, german, page } from './play';

function MembersArea() {
  const { user, signOut } = useSession();
  return (
    <section aria-label="Members area">
      <p>Welcome back, {user?.name}. This is the members-only content.</p>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </section>
  );
}

const meta = {
  title: 'Components/AuthGate',
  component: AuthGate,
  args: { children: <MembersArea /> },
  argTypes: {
    requireProfile: { control: 'boolean' },
    ...appearanceControls,
    children: { control: false },
    fallback: { control: false },
    loading: { control: false },
    profileFallback: { control: false },
  },
  parameters: {
    ...described(
      'Shows its children to signed-in people and a sign-in (with a switch to the sign-up) to everyone else. The password of the demo person is `correct-horse-battery`.',
    ),
  },
} satisfies Meta<typeof AuthGate>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByRole('heading', { name: 'Sign in' })).toBeVisible();
  },
};

export const SignedIn: Story = {
  parameters: { persona: 'signedInWithProfile' },
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByText(/members-only content/)).toBeVisible();
  },
};

/** While the session is on its way: the mock backend never answers here, so the state stays. */
export const Loading: Story = {
  parameters: { persona: 'signedInWithProfile', latency: Number.POSITIVE_INFINITY },
  tags: ['in-flight'],
  play: async ({ canvasElement }) => {
    await expect(page(canvasElement).getByRole('status')).toHaveTextContent('Loading…');
  },
};

export const SignInAndSeeTheContent: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('Email'), demoUser.email);
    await userEvent.type(screen.getByLabelText('Password'), demoUser.password);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await expect(await screen.findByText(/members-only content/)).toBeVisible();
  },
};

export const WrongPassword: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('Email'), demoUser.email);
    await userEvent.type(screen.getByLabelText('Password'), 'not-the-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is not right.');
  },
};

export const SwitchToSignUp: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Create an account' }));
    await expect(await screen.findByRole('heading', { name: 'Create your account' })).toBeVisible();
  },
};

/**
 * A sign-up inside the gate: its result is shown, and focused, until the person continues; then the
 * content, with focus in it.
 */
export const SignUpAndContinue: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Create an account' }));
    await fillAccount(screen);
    await fillSoftware(screen);
    await fillHardware(screen);
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Welcome aboard' })).toHaveFocus());
    await expect(screen.queryByText(/members-only content/)).toBeNull();
    await expect(screen.getByRole('button', { name: 'Continue' })).toBeVisible();
  },
};

/** "Forgot your password?" swaps the sign-in for the reset request in place, and back. */
export const ForgotPassword: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Forgot your password?' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Reset your password' })).toHaveFocus());
    await userEvent.type(screen.getByLabelText('Email'), demoUser.email);
    await userEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    await expect(await screen.findByText(/a link to reset its password is on its way/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Back to sign in' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Sign in' })).toHaveFocus());
  },
};

/** A signed-in person without a profile is asked to complete it first. */
export const WithoutProfile: Story = {
  args: { requireProfile: true },
  parameters: { persona: 'signedInWithoutProfile' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByRole('heading', { name: 'Tell us about your background' })).toBeVisible();
    await expect(screen.queryByText(/members-only content/)).toBeNull();
  },
};

export const CustomFallback: Story = {
  args: { fallback: <p>Please sign in on the home page to read this.</p> },
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByText(/Please sign in on the home page/)).toBeVisible();
  },
};

export const SignOut: Story = {
  parameters: { persona: 'signedInWithProfile' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeVisible();
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await page(canvasElement).findByRole('heading', { name: 'Sign in' });
    await expect(canvasElement.querySelector('.pk-root')).toHaveAttribute('data-pk-theme', 'dark');
  },
};

export const Translated: Story = {
  args: { localization: german },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('E-Mail'), demoUser.email);
    await userEvent.type(screen.getByLabelText('Passwort'), 'falsch-falsch');
    await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    await expect(await screen.findByRole('alert')).toHaveTextContent('E-Mail oder Passwort stimmt nicht.');
  },
};

export const Mobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  args: { requireProfile: true },
  parameters: { persona: 'signedInWithoutProfile' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await waitFor(() => expect(screen.getByLabelText('Language 1')).toBeVisible());
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByLabelText('Language 1')).toHaveFocus());
  },
};
