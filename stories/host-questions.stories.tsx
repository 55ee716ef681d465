import type { Meta, StoryObj } from '@storybook/react-vite';
import { ProfileEditor } from 'profilekit';
import { defineQuestionnaire, type HostQuestion } from 'profilekit/client';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { appearanceControls, described } from './meta';
import { page } from './play';

const meta = {
  title: 'Questionnaire/Host questions',
  component: ProfileEditor,
  args: { onSuccess: fn(), onError: fn() },
  argTypes: { ...appearanceControls },
  parameters: {
    persona: 'signedInWithoutProfile',
    ...described(
      'A host question of each kind in ProfileEditor (the sign-up shows the same fields on their steps): empty, filled, and refused with the message under the field.',
    ),
  },
} satisfies Meta<typeof ProfileEditor>;

export default meta;
type Story = StoryObj<typeof meta>;
type Page = ReturnType<typeof page>;

interface Kind {
  question: HostQuestion;
  /** Answers it as a person would. */
  fill: (screen: Page) => Promise<void>;
  /** The control that holds the answer and the error. */
  control: (screen: Page) => HTMLElement;
  /** What the filled question shows. */
  filled: (screen: Page) => Promise<void>;
}

const typed = (label: string, text: string) => async (s: Page) =>
  expect(s.getByLabelText(label)).toHaveValue(text);
const checked = (role: 'radio' | 'checkbox', name: string) => async (s: Page) =>
  expect(s.getByRole(role, { name })).toBeChecked();

const kinds: Record<string, Kind> = {
  text: {
    question: {
      id: 'site',
      kind: 'text',
      label: 'Website',
      description: 'A link to your work.',
      required: true,
    },
    fill: (s) => userEvent.type(s.getByLabelText('Website'), 'https://grace.example'),
    control: (s) => s.getByLabelText('Website'),
    filled: typed('Website', 'https://grace.example'),
  },
  number: {
    question: {
      id: 'hours',
      kind: 'number',
      label: 'Hours a week',
      min: 0,
      max: 60,
      unit: 'hours',
      required: true,
    },
    fill: (s) => userEvent.type(s.getByLabelText('Hours a week (hours)'), '12'),
    control: (s) => s.getByLabelText('Hours a week (hours)'),
    filled: async (s) => expect(s.getByLabelText('Hours a week (hours)')).toHaveValue(12),
  },
  boolean: {
    question: { id: 'mentor', kind: 'boolean', label: 'Would you mentor?', required: true },
    fill: (s) => userEvent.click(s.getByRole('radio', { name: 'Yes' })),
    control: (s) => s.getByRole('radio', { name: 'Yes' }),
    filled: checked('radio', 'Yes'),
  },
  date: {
    question: { id: 'since', kind: 'date', label: 'Coding since', required: true },
    fill: (s) => userEvent.type(s.getByLabelText('Coding since'), '2020-01-02'),
    control: (s) => s.getByLabelText('Coding since'),
    filled: typed('Coding since', '2020-01-02'),
  },
  single: {
    question: {
      id: 'gpu',
      kind: 'single',
      label: 'Your GPU',
      options: ['RTX 4090', 'M3 Max'],
      required: true,
    },
    fill: (s) => userEvent.click(s.getByRole('radio', { name: 'M3 Max' })),
    control: (s) => s.getByRole('radio', { name: 'M3 Max' }),
    filled: checked('radio', 'M3 Max'),
  },
  multi: {
    question: {
      id: 'courses',
      kind: 'multi',
      label: 'Courses taken',
      options: ['CS50', 'Nand2Tetris'],
      allowOther: true,
      required: true,
    },
    fill: (s) => userEvent.click(s.getByRole('checkbox', { name: 'CS50' })),
    control: (s) => s.getByRole('checkbox', { name: 'CS50' }),
    filled: checked('checkbox', 'CS50'),
  },
  scale: {
    question: {
      id: 'soldering',
      kind: 'scale',
      label: 'Soldering',
      levels: [
        { value: 'never', label: 'Never' },
        { value: 'some', label: 'Some' },
        { value: 'confident', label: 'Confident' },
      ],
      required: true,
    },
    fill: (s) => userEvent.click(s.getByRole('radio', { name: 'Confident' })),
    control: (s) => s.getByRole('radio', { name: 'Never' }),
    filled: checked('radio', 'Confident'),
  },
  group: {
    question: {
      id: 'tools',
      kind: 'group',
      label: 'Tools',
      key: 'tool',
      required: true,
      fields: [
        { id: 'tool', kind: 'text', label: 'Tool', required: true },
        { id: 'level', kind: 'scale', label: 'Level', levels: [{ value: 'learning' }, { value: 'daily' }] },
      ],
    },
    fill: async (s) => {
      await userEvent.click(s.getByRole('button', { name: 'Add a row to Tools' }));
      await userEvent.type(s.getByLabelText('Tool'), 'Vim');
    },
    control: (s) => s.getByRole('button', { name: 'Add a row to Tools' }),
    filled: typed('Tool', 'Vim'),
  },
};

/** The question's code loads on first use: wait for it. */
const shown = (screen: Page, kind: string) =>
  waitFor(() => expect(kinds[kind]!.control(screen)).toBeInTheDocument(), { timeout: 5000 });

const questionnaireOf = (kind: string) => defineQuestionnaire({ questions: [kinds[kind]!.question] });

/** The question, unanswered. */
const empty = (kind: string): Story => ({
  args: { questionnaire: questionnaireOf(kind) },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await shown(screen, kind);
    await expect(kinds[kind]!.control(screen)).not.toHaveAttribute('aria-invalid');
  },
});

/** The question answered. */
const filled = (kind: string): Story => ({
  args: { questionnaire: questionnaireOf(kind) },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await shown(screen, kind);
    await kinds[kind]!.fill(screen);
    await kinds[kind]!.filled(screen);
  },
});

/** Saved without its required answer: refused, the message under the field. */
const refused = (kind: string): Story => ({
  args: { questionnaire: questionnaireOf(kind) },
  play: async ({ canvasElement }) => {
    const screen = page(canvasElement);
    await shown(screen, kind);
    await userEvent.click(screen.getByRole('button', { name: 'Save background' }));
    await waitFor(() => expect(kinds[kind]!.control(screen)).toHaveAttribute('aria-invalid', 'true'));
    await expect(kinds[kind]!.control(screen)).toHaveAccessibleDescription(
      expect.stringMatching(/This is required\.|Add at least one\./),
    );
  },
});

export const TextEmpty = empty('text');
export const TextFilled = filled('text');
export const TextRefused = refused('text');
export const NumberEmpty = empty('number');
export const NumberFilled = filled('number');
export const NumberRefused = refused('number');
export const BooleanEmpty = empty('boolean');
export const BooleanFilled = filled('boolean');
export const BooleanRefused = refused('boolean');
export const DateEmpty = empty('date');
export const DateFilled = filled('date');
export const DateRefused = refused('date');
export const SingleEmpty = empty('single');
export const SingleFilled = filled('single');
export const SingleRefused = refused('single');
export const MultiEmpty = empty('multi');
export const MultiFilled = filled('multi');
export const MultiRefused = refused('multi');
export const ScaleEmpty = empty('scale');
export const ScaleFilled = filled('scale');
export const ScaleRefused = refused('scale');
export const GroupEmpty = empty('group');
export const GroupFilled = filled('group');
export const GroupRefused = refused('group');
