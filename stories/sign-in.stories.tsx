import type { Meta, StoryObj } from '@storybook/react-vite';
import { SignIn } from 'profilekit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { appearanceControls, described } from './meta';
import { page } from './play';

const meta = {
  title: 'Components/SignIn',
  component: SignIn,
  args: { onSuccess: fn(), onError: fn(), onSwitchToSignUp: fn(), onForgotPassword: fn() },
  argTypes: appearanceControls,
  parameters: {
    ...described("Email and password sign-in; AuthGate's default fallback."),
  },
} satisfies Meta<typeof SignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByRole('button', { name: 'Create an account' })).toBeVisible();
  },
};

export const ForgotPasswordLink: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(await page(canvasElement).findByRole('button', { name: 'Forgot your password?' }));
    await expect(args.onForgotPassword).toHaveBeenCalled();
  },
};

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveFocus());
    await expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('This is required.');
  },
};

export const ServerError: Story = {
  parameters: { persona: 'serverError' },
  play: async ({ canvasElement, args }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'correct-horse-battery');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
    await expect(args.onError).toHaveBeenCalledWith('SERVER_ERROR');
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
