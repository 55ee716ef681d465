import type { Meta, StoryObj } from '@storybook/react-vite';
import { UserMenu } from 'profilekit';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { appearanceControls, described } from './meta';
import { page } from './play';

const meta = {
  title: 'Components/UserMenu',
  component: UserMenu,
  args: { onSignedOut: fn(), onDeleted: fn() },
  // At the end of a header, where hosts put it: the menu opens under it, aligned to its right edge.
  decorators: [
    (Story) => (
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Story />
      </div>
    ),
  ],
  argTypes: appearanceControls,
  parameters: {
    persona: 'signedInWithProfile',
    ...described(
      'Who is signed in, with a menu to edit the background, download one’s data, delete the account and sign out. A "Sign up" button while nobody is signed in.',
    ),
  },
} satisfies Meta<typeof UserMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {
  parameters: { persona: 'signedOut' },
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByRole('button', { name: 'Sign up' })).toBeVisible();
  },
};

/** The header's sign-up dialog leads a returning person to the sign-in, in a dialog of its own. */
export const SignInFromHeader: Story = {
  parameters: { persona: 'signedOut' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign up' }));
    const signUp = await screen.findByRole('dialog', { name: 'Create your account' });
    await userEvent.click(within(signUp).getByRole('button', { name: 'Already have an account? Sign in' }));
    const signIn = await screen.findByRole('dialog', { name: 'Sign in' });
    await waitFor(() => expect(within(signIn).getByLabelText('Email')).toHaveFocus());
    await expect(within(signIn).getByRole('button', { name: 'Create an account' })).toBeVisible();
  },
};

export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    const trigger = await page(canvasElement).findByRole('button', { name: 'Ada Lovelace, account menu' });
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  },
};

export const Open: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    const trigger = await screen.findByRole('button', { name: /account menu/ });
    trigger.focus();
    await userEvent.keyboard('{ArrowDown}');
    const menu = await screen.findByRole('menu');
    await waitFor(() => expect(within(menu).getByRole('menuitem', { name: 'Manage account' })).toHaveFocus());
    await expect(screen.getByText('ada@example.com')).toBeVisible();
  },
};

export const EditBackground: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: /account menu/ }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Edit background' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit background' });
    await expect(await within(dialog).findByLabelText('Language 1')).toHaveValue('Python');
  },
};

export const SignOut: Story = {
  play: async ({ canvasElement, args }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: /account menu/ }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    await expect(await screen.findByRole('button', { name: 'Sign up' })).toBeVisible();
    await expect(args.onSignedOut).toHaveBeenCalled();
  },
};

export const SocialAccount: Story = {
  parameters: { persona: 'socialReturning' },
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByRole('button', { name: /account menu/ })).toBeVisible();
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: /account menu/ }));
    await expect(await screen.findByRole('menu')).toBeVisible();
  },
};
