import type { Meta, StoryObj } from '@storybook/react-vite';
import { HttpResponse, http } from 'msw';
import { SignUpWithBackground } from 'profilekit';
import { demoUser } from 'profilekit/msw';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { appearanceControls, described } from './meta';
import { expectStep, fillAccount, fillHardware, fillSoftware, german, page } from './play';

const meta = {
  title: 'Components/SignUpWithBackground',
  component: SignUpWithBackground,
  args: { onSuccess: fn(), onError: fn() },
  argTypes: {
    mode: { control: 'inline-radio', options: ['inline', 'dialog'] },
    ...appearanceControls,
    persistDraft: { control: 'boolean' },
    minPasswordLength: { control: { type: 'number', min: 1 } },
  },
  parameters: {
    ...described(
      'Email and password sign-up followed by the software and hardware background questionnaire. Every state below runs against the mock backend of `profilekit/msw`.',
    ),
  },
} satisfies Meta<typeof SignUpWithBackground>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The first step, empty. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByRole('heading', { name: 'Create your account' })).toBeVisible();
    // Named in the progress text (shown on phones; wide screens show the step list).
    await expect(screen.getByText('Step 1 of 4: Account')).toBeInTheDocument();
  },
};

/** Answers kept from an earlier visit (sessionStorage draft) fill the form; the password never is. */
export const Prefilled: Story = {
  parameters: {
    draft: {
      step: 'software',
      values: {
        name: 'Grace Hopper',
        email: 'grace@example.com',
        languages: [
          { language: 'Python', level: 'advanced' },
          { language: 'C', level: 'beginner' },
        ],
        frameworks: ['React'],
        devices: [],
        architectureFamiliarity: [],
        other: { frameworks: 'Svelte', devices: '', architectureFamiliarity: '' },
        experienceYears: '3-5',
        softwareExperience: 'intermediate',
        hardwareExperience: '',
        backgroundPreference: '',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await waitFor(() => expect(screen.getByLabelText('Language 2')).toHaveValue('C'));
    await expect(screen.getByRole('checkbox', { name: 'React' })).toBeChecked();
  },
};

export const SoftwareStep: Story = {
  play: async ({ canvasElement }) => {
    await fillAccount(page(canvasElement));
  },
};

export const HardwareStep: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await fillAccount(screen);
    await fillSoftware(screen);
  },
};

export const ReviewStep: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await fillAccount(screen);
    await fillSoftware(screen);
    await fillHardware(screen);
    // The list of answers loads with the step.
    await expect(await screen.findByText('Python (Advanced)')).toBeVisible();
  },
};

/** Next on an empty step: every field to fix is named and linked, and focus moves to the first. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveFocus());
    await expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('This is required.');
  },
};

/** The email belongs to an existing account: the error lands on the email field. */
export const EmailTaken: Story = {
  parameters: { persona: 'emailTaken' },
  play: async ({ canvasElement, args }) => {
    const screen = page(canvasElement);
    await fillAccount(screen, demoUser.email);
    await fillSoftware(screen);
    await fillHardware(screen);
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveFocus());
    await expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      'An account with this email already exists.',
    );
    await expect(args.onError).toHaveBeenCalledWith({
      code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL',
      step: 'account',
    });
  },
};

/** The auth server fails: an error in the component's own words, and the form is kept. */
export const ServerError: Story = {
  beforeEach: ({ msw }) => {
    msw?.use(
      http.post('*/api/auth/sign-up/email', () =>
        HttpResponse.json(
          { code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' },
          { status: 500 },
        ),
      ),
    );
  },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await fillAccount(screen);
    await fillSoftware(screen);
    await fillHardware(screen);
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
  },
};

/** The account is made but the background is not saved: the person is signed in and can save again. */
export const SaveFailedAfterSignUp: Story = {
  beforeEach: ({ msw }) => {
    msw?.use(http.put('*/api/profile', () => HttpResponse.error()));
  },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await fillAccount(screen);
    await fillSoftware(screen);
    await fillHardware(screen);
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await expect(await screen.findByRole('alert')).toHaveTextContent('your background was not saved yet');
    await expect(screen.getByRole('button', { name: 'Try saving again' })).toBeVisible();
  },
};

/**
 * The server is slow to answer: while the account is being created the button says so and cannot be pressed
 * twice. The mock backend holds its answer to the sign-up here, so the state stays.
 */
export const SlowNetwork: Story = {
  beforeEach: ({ msw }) => {
    msw?.use(http.post('*/sign-up/email', () => new Promise<never>(() => {})));
  },
  // Pictured as its play leaves it: the account still being created.
  tags: ['in-flight'],
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await fillAccount(screen);
    await fillSoftware(screen);
    await fillHardware(screen);
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await expect(await screen.findByRole('button', { name: 'Creating your account…' })).toBeDisabled();
  },
};

/**
 * The server requires a verified email (better-auth's `requireEmailVerification`): the sign-up signs nobody
 * in, so the form says where the link went and keeps the answers until the person is back. The link can be
 * sent again once the countdown from the first one is over.
 */
export const CheckInbox: Story = {
  parameters: { persona: 'emailNotVerified' },
  play: async ({ canvasElement, args }) => {
    const screen = page(canvasElement);
    await fillAccount(screen);
    await fillSoftware(screen);
    await fillHardware(screen);
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await expectStep(screen, 'Check your inbox');
    await expect(
      screen.getByText('We sent a link to grace@example.com.', { exact: false, ignore: '[role=status]' }),
    ).toBeVisible();
    const resend = screen.getByRole('button', { name: 'Send the link again' });
    await expect(resend).toHaveAttribute('aria-disabled', 'true');
    await expect(resend).toHaveAccessibleDescription(/^You can send it again in \d+ s\.$/);
    await expect(screen.getByRole('button', { name: 'Use a different email' })).toBeVisible();
    // Nothing is saved yet: nobody is signed in until the link is followed.
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

/**
 * Back on the inbox screen (the draft remembers the address) after the first link's wait: a new link goes
 * out, and the button waits again, with the countdown as its description.
 */
export const ResendCooldown: Story = {
  args: { resendCooldown: 45 },
  parameters: {
    persona: 'emailNotVerified',
    draft: {
      step: 'review',
      values: { name: demoUser.name, email: demoUser.email, languages: [{ language: 'C', level: 'expert' }] },
      inbox: { email: demoUser.email, sentAt: 0 },
    },
  },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    const resend = await screen.findByRole('button', { name: 'Send the link again' });
    await expect(resend).not.toHaveAttribute('aria-disabled');
    await userEvent.click(resend);
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        `A new link is on its way to ${demoUser.email}. You can send it again in 45 s.`,
      ),
    );
    await expect(resend).toHaveAttribute('aria-disabled', 'true');
    await expect(resend).toHaveAccessibleDescription(/^You can send it again in \d+ s\.$/);
  },
};

/** A signed-in person without a profile only answers the questionnaire. */
export const CompleteProfile: Story = {
  parameters: { persona: 'signedInWithoutProfile' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByRole('heading', { name: 'Tell us about your background' })).toBeVisible();
    await expect(screen.getByText('Step 1 of 3: Software background')).toBeInTheDocument();
  },
};

/** Opened from a trigger into a modal dialog. */
export const Dialog: Story = {
  args: { mode: 'dialog' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign up' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create your account' });
    await waitFor(() =>
      expect(dialog).toContainElement(canvasElement.ownerDocument.activeElement as HTMLElement),
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

/** No pk- classes: the host's own CSS (here, none) decides the look. */
export const Unstyled: Story = {
  args: { unstyled: true },
  play: async ({ canvasElement }) => {
    await page(canvasElement).findByLabelText('Name');
    await expect(canvasElement.querySelector('[class*="pk-"]')).toBeNull();
  },
};

export const Translated: Story = {
  args: { localization: german },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByText('Schritt 1 von 4: Konto')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Weiter' }));
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Pflichtfeld.'));
  },
};

export const Mobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await fillAccount(screen);
    await expectStep(screen, 'Software background');
  },
};
