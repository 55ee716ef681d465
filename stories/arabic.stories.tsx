import type { Meta, StoryObj } from '@storybook/react-vite';
import { ProfileEditor, SignIn, SignUpWithBackground, UserMenu } from 'profilekit';
import { ar } from 'profilekit/locales/ar';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { described } from './meta';
import { page } from './play';

const t = ar.messages;
/**
 * The components in Arabic (`profilekit/locales/ar`), right to left: fields, chips, the progress bar, the
 * menu and the dialog's close button mirror. The Locale toolbar shows every story in any shipped language.
 */
const meta = {
  title: 'Locales/Arabic',
  component: SignUpWithBackground,
  globals: { locale: 'ar' },
  parameters: {
    ...described(
      'The components with `locale={ar}` from `profilekit/locales/ar`: Arabic text, `lang="ar"` and `dir="rtl"`, so the layout mirrors.',
    ),
  },
} satisfies Meta<typeof SignUpWithBackground>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The sign-in, submitted empty: each field says what it needs. */
export const SignInErrors: Story = {
  render: () => <SignIn />,
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: t['signIn.submit'] }));
    await waitFor(() => expect(screen.getAllByText(t['issue.required']).length).toBe(2));
  },
};

/** The sign-up's software step, with "other" frameworks as chips. */
export const SignUpSoftware: Story = {
  parameters: {
    draft: {
      step: 'software',
      values: {
        name: 'ليلى',
        email: 'layla@example.com',
        languages: [
          { language: 'Python', level: 'advanced' },
          { language: 'C', level: 'beginner' },
        ],
        frameworks: ['React'],
        devices: [],
        architectureFamiliarity: [],
        other: { frameworks: 'Svelte, Qt', devices: '', architectureFamiliarity: '' },
        experienceYears: '3-5',
        softwareExperience: 'intermediate',
        hardwareExperience: '',
        backgroundPreference: '',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByRole('heading', { name: t['signUp.step.software'] })).toBeVisible();
    await expect(await screen.findByText('Svelte')).toBeVisible();
  },
};

/** The sign-up in a dialog: the close button sits at the inline end, on the left. */
export const SignUpDialog: Story = {
  args: { mode: 'dialog' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: t['signUp.trigger'] }));
    const dialog = await screen.findByRole('dialog', { name: t['signUp.title'] });
    await expect(dialog).toHaveAttribute('dir', 'rtl');
    await expect(within(dialog).getByRole('button', { name: t['signUp.close'] })).toBeVisible();
  },
};

/** The profile editor with a saved background. */
export const Editor: Story = {
  parameters: { persona: 'signedInWithProfile' },
  render: () => <ProfileEditor />,
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByRole('button', { name: t['editor.save'] })).toBeVisible();
  },
};

/** The user menu, open, at the end of a header: on the left in right-to-left. */
export const Menu: Story = {
  parameters: { persona: 'signedInWithProfile' },
  render: () => (
    <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <UserMenu />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    const trigger = await screen.findByRole('button', { name: /قائمة الحساب/ });
    trigger.focus();
    await userEvent.keyboard('{ArrowDown}');
    const menu = await screen.findByRole('menu');
    await waitFor(() => expect(within(menu).getAllByRole('menuitem')[0]).toHaveFocus());
    expect(within(menu).getAllByRole('menuitem')[0]).toHaveTextContent(t['userMenu.manage']);
    expect(within(menu).getByRole('menuitem', { name: t['userMenu.editProfile'] })).toBeInTheDocument();
  },
};
