import type { Meta, StoryObj } from '@storybook/react-vite';
import { HttpResponse, http } from 'msw';
import { ProfileEditor } from 'profilekit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { appearanceControls, described } from './meta';
import { german, page } from './play';

const meta = {
  title: 'Components/ProfileEditor',
  component: ProfileEditor,
  args: { onSuccess: fn(), onError: fn() },
  argTypes: {
    ...appearanceControls,
    warnBeforeLeaving: { control: 'boolean' },
  },
  parameters: {
    persona: 'signedInWithProfile',
    ...described(
      "Edits the signed-in person's background, saves only what changed with If-Match, and explains a conflict.",
    ),
  },
} satisfies Meta<typeof ProfileEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A stored profile loaded into the form. */
export const Prefilled: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByLabelText('Language 1')).toHaveValue('Python');
    await expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  },
};

/** A signed-in person without a profile yet: an empty form that creates one. */
export const Empty: Story = {
  parameters: { persona: 'signedInWithoutProfile' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByLabelText('Language 1')).toHaveValue('');
    await expect(screen.getByRole('button', { name: 'Save background' })).toBeEnabled();
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

/** Unsaved changes are shown, and can be undone. */
export const Dirty: Story = {
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Vue' }));
    await expect(screen.getByText('You have unsaved changes.')).toBeVisible();
  },
};

export const Saved: Story = {
  play: async ({ canvasElement, args }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Vue' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Your changes are saved.'));
    await expect(args.onSuccess).toHaveBeenCalled();
  },
};

/** Free answers for years allowed, and a malformed one typed: the error is named at the field. */
export const ValidationError: Story = {
  args: { questionnaire: { fields: { experienceYears: { allowOther: true } } } },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    const years = await screen.findByLabelText('Years of programming experience');
    await userEvent.clear(years);
    await userEvent.type(years, 'forever');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(years).toHaveFocus());
    await expect(years).toHaveAccessibleDescription('Use a number of years or a range like 3-5.');
  },
};

/** Someone else saved first: the editor says so and offers to reload, keeping or discarding the changes. */
export const Conflict: Story = {
  parameters: { persona: 'versionConflict' },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Vue' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await expect(await screen.findByRole('alert')).toHaveTextContent('was changed somewhere else');
    await expect(screen.getByRole('button', { name: 'Load the latest and keep my changes' })).toBeVisible();
  },
};

/** The save cannot reach the server: the changes stay. */
export const SaveFailed: Story = {
  beforeEach: ({ msw }) => {
    msw?.use(http.patch('*/api/profile', () => HttpResponse.error()));
  },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Flask' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    await expect(screen.getByRole('checkbox', { name: 'Flask' })).toBeChecked();
  },
};

/** The profile cannot be read. */
export const ServerError: Story = {
  parameters: { persona: 'serverError' },
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByRole('alert')).toHaveTextContent(
      'Your profile could not be loaded.',
    );
  },
};

export const SignedOut: Story = {
  parameters: { persona: 'signedOut' },
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByText('Sign in to edit your background.')).toBeVisible();
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await page(canvasElement).findByLabelText('Language 1');
    await expect(canvasElement.querySelector('.pk-root')).toHaveAttribute('data-pk-theme', 'dark');
  },
};

export const Unstyled: Story = {
  args: { unstyled: true },
  play: async ({ canvasElement }) => {
    await page(canvasElement).findByLabelText('Language 1');
    await expect(canvasElement.querySelector('[class*="pk-"]')).toBeNull();
  },
};

export const Translated: Story = {
  args: { localization: german },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await expect(await screen.findByRole('heading', { name: 'Ihr Hintergrund' })).toBeVisible();
    await expect(screen.getByLabelText('Sprache 1')).toHaveValue('Python');
  },
};

export const Mobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvasElement }) => {
    await expect(await page(canvasElement).findByLabelText('Language 1')).toHaveValue('Python');
  },
};
