import type { Meta, StoryObj } from '@storybook/react-vite';
import { SignIn, SignUpWithBackground, SocialButtons } from 'profilekit';
import { expect, fn } from 'storybook/test';
import { appearanceControls, described } from './meta';
import { page } from './play';

const meta = {
  title: 'Components/SocialButtons',
  component: SocialButtons,
  args: { providers: ['github', 'google', { id: 'company-sso', name: 'Company SSO' }], onError: fn() },
  argTypes: appearanceControls,
  parameters: {
    persona: 'socialFirstVisit',
    ...described(
      '"Continue with …" buttons for the social and OpenID providers configured in better-auth. They explain a sign-in the provider refused when the browser comes back with `?error=`.',
    ),
  },
} satisfies Meta<typeof SocialButtons>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Puts better-auth's `?error=` on the page's address, as a failed sign-in comes back, and takes it off after. */
const comeBackWith = (code: string) => () => {
  const before = window.location.href;
  const url = new URL(before);
  url.searchParams.set('error', code);
  window.history.replaceState(window.history.state, '', url.href);
  return () => window.history.replaceState(window.history.state, '', before);
};

export const Providers: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByRole('button', { name: 'Continue with GitHub' })).toBeVisible();
    await expect(screen.getByRole('button', { name: 'Continue with Company SSO' })).toBeVisible();
  },
};

export const InSignIn: Story = {
  render: (args) => <SignIn socialProviders={args.providers} />,
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByRole('button', { name: 'Continue with Google' })).toBeVisible();
    await expect(screen.getByLabelText('Email')).toBeVisible();
  },
};

/** On the sign-up's account step, above the account fields; the questionnaire steps have none. */
export const InSignUp: Story = {
  render: (args) => <SignUpWithBackground socialProviders={args.providers} />,
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByRole('button', { name: 'Continue with GitHub' })).toBeVisible();
    await expect(screen.getByLabelText('Name')).toBeVisible();
  },
};

export const RefusedConsent: Story = {
  beforeEach: comeBackWith('access_denied'),
  play: async ({ canvasElement, args }) => {
    await expect(await page(canvasElement).findByRole('alert')).toHaveTextContent(
      'The sign-in was cancelled at the provider. Nothing was changed.',
    );
    await expect(args.onError).toHaveBeenCalledWith('access_denied');
  },
};

export const StateMismatch: Story = {
  beforeEach: comeBackWith('state_mismatch'),
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByRole('alert')).toHaveTextContent(
      'The sign-in could not be verified. Start again from this page.',
    );
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(
      await page(canvasElement).findByRole('button', { name: 'Continue with GitHub' }),
    ).toBeVisible();
  },
};
