import type { Meta, StoryObj } from '@storybook/react-vite';
import { ForgotPassword } from 'profilekit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { appearanceControls, described } from './meta';
import { page } from './play';

const meta = {
  title: 'Components/ForgotPassword',
  component: ForgotPassword,
  args: { onSent: fn(), onError: fn(), onSwitchToSignIn: fn(), redirectTo: 'http://localhost:6006/reset' },
  argTypes: appearanceControls,
  parameters: {
    ...described(
      'Asks for the email of an account and has better-auth mail a reset link. The answer is the same whether or not the account exists.',
    ),
  },
} satisfies Meta<typeof ForgotPassword>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByRole('button', { name: 'Send the link' })).toBeVisible();
  },
};

export const InvalidEmail: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('Email'), 'not-an-email');
    await userEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveFocus());
    await expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address.');
  },
};

/** The same answer for an address with an account and one without. */
export const LinkSent: Story = {
  play: async ({ canvasElement, args }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    await expect(await screen.findByText(/a link to reset its password is on its way/)).toBeVisible();
    await expect(screen.getByRole('button', { name: 'Send another link' })).toBeVisible();
    await expect(args.onSent).toHaveBeenCalledWith('ada@example.com');
  },
};

export const ServerError: Story = {
  parameters: { persona: 'serverError' },
  play: async ({ canvasElement, args }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send the link' }));
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
