import type { Meta, StoryObj } from '@storybook/react-vite';
import { DeleteAccount } from 'profilekit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { appearanceControls, described } from './meta';
import { page } from './play';

const meta = {
  title: 'Components/DeleteAccount',
  component: DeleteAccount,
  args: { onDeleted: fn(), onError: fn() },
  argTypes: appearanceControls,
  parameters: {
    persona: 'signedInWithProfile',
    ...described(
      'Deletes the account after the person types their email (and password, when they have one); offers "Download my data" first.',
    ),
  },
} satisfies Meta<typeof DeleteAccount>;

export default meta;
type Story = StoryObj<typeof meta>;

const confirmLabel = /Type your email address/;

export const Closed: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByRole('button', { name: 'Delete account…' })).toBeVisible();
    await expect(screen.getByRole('button', { name: 'Download my data' })).toBeVisible();
  },
};

export const Confirming: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete account…' }));
    await expect(await screen.findByLabelText('Your password')).toBeVisible();
    await expect(screen.getByLabelText(confirmLabel)).toBeVisible();
  },
};

export const EmailMismatch: Story = {
  args: { defaultOpen: true },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText(confirmLabel), 'someone@else.test');
    await userEvent.click(screen.getByRole('button', { name: 'Delete my account permanently' }));
    await waitFor(() => expect(screen.getByLabelText(confirmLabel)).toHaveFocus());
    await expect(screen.getByLabelText(confirmLabel)).toHaveAccessibleDescription(
      'This is not the email address of your account.',
    );
  },
};

export const WrongPassword: Story = {
  args: { defaultOpen: true },
  play: async ({ canvasElement, args }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText(confirmLabel), 'ada@example.com');
    await userEvent.type(await screen.findByLabelText('Your password'), 'not-it');
    await userEvent.click(screen.getByRole('button', { name: 'Delete my account permanently' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Your password')).toHaveAccessibleDescription(
        'The password is not right.',
      ),
    );
    await expect(args.onError).toHaveBeenCalledWith('INVALID_PASSWORD');
  },
};

export const SocialAccount: Story = {
  args: { defaultOpen: true },
  parameters: { persona: 'socialReturning' },
  play: async ({ canvasElement }) => {
    await expect(
      await page(canvasElement).findByText('You signed in with a provider, so no password is needed.'),
    ).toBeVisible();
  },
};

export const Deleted: Story = {
  args: { defaultOpen: true },
  play: async ({ canvasElement, args }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText(confirmLabel), 'ada@example.com');
    await userEvent.type(await screen.findByLabelText('Your password'), 'correct-horse-battery');
    await userEvent.click(screen.getByRole('button', { name: 'Delete my account permanently' }));
    await expect(await screen.findByText('Your account and all its data are deleted.')).toBeVisible();
    await expect(args.onDeleted).toHaveBeenCalled();
  },
};

export const ServerError: Story = {
  args: { defaultOpen: true },
  parameters: { persona: 'serverError' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.type(await screen.findByLabelText(confirmLabel), 'ada@example.com');
    await userEvent.type(await screen.findByLabelText(/Your password/), 'correct-horse-battery');
    await userEvent.click(screen.getByRole('button', { name: 'Delete my account permanently' }));
    await expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
  },
};
