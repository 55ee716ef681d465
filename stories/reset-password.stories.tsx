import type { Meta, StoryObj } from '@storybook/react-vite';
import { ResetPassword } from 'profilekit';
import { resetTokens } from 'profilekit/msw';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { appearanceControls, described } from './meta';
import { page } from './play';

const meta = {
  title: 'Components/ResetPassword',
  component: ResetPassword,
  args: {
    token: resetTokens.valid,
    onSuccess: fn(),
    onError: fn(),
    onSwitchToSignIn: fn(),
    onRequestNewLink: fn(),
  },
  argTypes: appearanceControls,
  parameters: {
    ...described(
      'Sets a new password with the token of a reset link (by default the `token` of the page URL). The mock backend knows a working, an expired and a used token.',
    ),
  },
} satisfies Meta<typeof ResetPassword>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const password = await page(canvasElement).findByLabelText('New password');
    await expect(password).toHaveAccessibleDescription('At least 8 characters.');
  },
};

export const TooShort: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('New password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
    await waitFor(() => expect(screen.getByLabelText('New password')).toHaveFocus());
    await expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      'At least 8 characters. Use at least 8 characters.',
    );
  },
};

export const PasswordChanged: Story = {
  play: async ({ canvasElement, args }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('New password'), 'a-brand-new-password');
    await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
    await expect(await screen.findByText(/Your password is changed/)).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await expect(args.onSwitchToSignIn).toHaveBeenCalled();
  },
};

async function deadLink(canvasElement: HTMLElement) {
  const screen = page(canvasElement);
  await userEvent.type(await screen.findByLabelText('New password'), 'a-brand-new-password');
  await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
  await expect(await screen.findByRole('alert')).toHaveTextContent('This link has expired, was already used');
  await waitFor(() =>
    expect(screen.getByRole('heading', { name: 'This link cannot be used' })).toHaveFocus(),
  );
}

export const ExpiredLink: Story = {
  args: { token: resetTokens.expired },
  play: async ({ canvasElement, args }) => {
    await deadLink(canvasElement);
    await userEvent.click(page(canvasElement).getByRole('button', { name: 'Send me a new link' }));
    await expect(args.onRequestNewLink).toHaveBeenCalled();
  },
};

export const UsedLink: Story = {
  args: { token: resetTokens.used },
  play: async ({ canvasElement, args }) => {
    await deadLink(canvasElement);
    await expect(args.onError).toHaveBeenCalledWith('INVALID_TOKEN');
  },
};

export const MalformedLink: Story = {
  args: { token: 'cut-sho' },
  play: async ({ canvasElement }) => deadLink(canvasElement),
};

export const NoToken: Story = {
  args: { token: '' },
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByRole('alert')).toHaveTextContent(
      'This page needs the link from your email.',
    );
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector('.pk-root')).toHaveAttribute('data-pk-theme', 'dark'),
    );
  },
};
