// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineQuestionnaire } from '../../src/client/index';
import { createMockBackend, sampleProfile } from '../../src/msw/index';
import { AccountSettings, ProfileEditor, SignUpWithBackground } from '../../src/react/index';
import { BASE_URL, expectNoAxeViolations, renderWithKit, server } from './helpers';

type User = ReturnType<typeof userEvent.setup>;

const questionnaire = defineQuestionnaire({
  steps: [{ id: 'learning', label: 'Learning' }],
  questions: [
    { id: 'site', kind: 'text', label: 'Website', pattern: 'https?://\\S+' },
    { id: 'hours', kind: 'number', label: 'Hours a week', min: 0, max: 60, unit: 'hours' },
    { id: 'mentor', kind: 'boolean', label: 'Would you mentor?', required: true },
    {
      id: 'since',
      kind: 'date',
      label: 'Mentoring since',
      min: '2000-01-01',
      visibleWhen: { question: 'mentor', equals: true },
      required: true,
    },
    { id: 'gpu', kind: 'single', label: 'Your GPU', options: ['RTX 4090', 'M3 Max'], step: 'hardware' },
    {
      id: 'soldering',
      kind: 'scale',
      label: 'Soldering',
      levels: [
        { value: 'never', label: 'Never' },
        { value: 'confident', label: 'Confident' },
      ],
      step: 'hardware',
    },
    {
      id: 'courses',
      kind: 'multi',
      label: 'Courses taken',
      options: ['CS50', 'Nand2Tetris'],
      maxCount: 1,
      step: 'learning',
    },
    {
      id: 'tools',
      kind: 'group',
      label: 'Tools',
      key: 'tool',
      step: 'learning',
      fields: [
        { id: 'tool', kind: 'text', label: 'Tool', required: true },
        { id: 'level', kind: 'scale', label: 'Level', levels: [{ value: 'learning' }, { value: 'daily' }] },
      ],
    },
  ],
});

const backend = createMockBackend({ baseURL: BASE_URL, questionnaire });

beforeAll(() => import('../../src/react/questionnaire/host-questions'));
beforeEach(() => {
  server.use(...backend.handlers);
  backend.reset('signedOut');
});

async function next(user: User, heading: string) {
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await waitFor(() => expect(screen.getByRole('heading', { name: heading })).toHaveFocus());
}

/** Next refuses the step: the message sits under the field, linked and invalid, and takes focus. */
async function refused(user: User, field: HTMLElement, message: string) {
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
  expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
}

describe('host questions in the sign-up', () => {
  it('asks each kind on its named step, refuses wrong answers under the field, lists them in the review and saves them', async () => {
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground questionnaire={questionnaire} />);
    // The host's own step is in the progress.
    const progress = screen.getByRole('list', { name: /progress/i });
    expect(
      within(progress)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Account', 'Software background', 'Hardware background', 'Learning', 'Review']);
    await user.type(screen.getByLabelText('Name'), 'Grace Hopper');
    await user.type(screen.getByLabelText('Email'), 'grace@example.com');
    await user.type(screen.getByLabelText('Password'), 'cobol-forever-1959');
    await next(user, 'Software background');

    await user.type(screen.getByLabelText('Language 1'), 'Python');
    await user.selectOptions(screen.getByLabelText('Level for language 1'), 'advanced');
    await user.click(screen.getByRole('radio', { name: '3-5' }));
    await user.selectOptions(screen.getByLabelText('Overall software experience'), 'intermediate');

    // text: a pattern
    const site = await screen.findByLabelText(/^Website/);
    await user.type(site, 'not a link');
    // boolean, required
    const yes = screen.getByRole('radio', { name: 'Yes' });
    await refused(user, yes, 'This is required.');
    expect(site).toHaveAttribute('aria-invalid', 'true');
    expect(site).toHaveAccessibleDescription('This answer is not in the expected form.');
    await user.clear(site);
    await user.type(site, 'https://grace.example');
    await waitFor(() => expect(site).not.toHaveAttribute('aria-invalid'));
    // number: a bound, with its unit in the label
    const hours = screen.getByLabelText(/^Hours a week \(hours\)/);
    await user.type(hours, '99');
    // visibleWhen: the date shows (and is required) only once "Yes" is chosen
    expect(screen.queryByLabelText(/^Mentoring since/)).toBeNull();
    await user.click(yes);
    const since = await screen.findByLabelText(/^Mentoring since/);
    await refused(user, hours, 'Enter 60 or less.');
    expect(since).toHaveAttribute('aria-invalid', 'true');
    expect(since).toHaveAccessibleDescription('This is required.');
    await user.clear(hours);
    await user.type(hours, '6');
    await user.type(since, '1999-05-01');
    await refused(user, since, 'Choose a date on or after 2000-01-01.');
    // Un-requiring: "No" hides the date, and the step passes without it.
    await user.click(screen.getByRole('radio', { name: 'No' }));
    expect(screen.queryByLabelText(/^Mentoring since/)).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    const since2 = await screen.findByLabelText(/^Mentoring since/);
    await user.clear(since2);
    await user.type(since2, '2010-03-04');
    await next(user, 'Hardware background');

    await user.selectOptions(screen.getByLabelText('Overall hardware experience'), 'beginner');
    await user.click(screen.getByRole('radio', { name: 'Both' }));
    await user.click(await screen.findByRole('radio', { name: 'M3 Max' }));
    await user.click(screen.getByRole('radio', { name: 'Confident' }));
    await next(user, 'Learning');

    // multi: at most one
    await user.click(screen.getByRole('checkbox', { name: 'CS50' }));
    await user.click(screen.getByRole('checkbox', { name: 'Nand2Tetris' }));
    await refused(user, screen.getByRole('checkbox', { name: 'CS50' }), 'At most 1.');
    await user.click(screen.getByRole('checkbox', { name: 'Nand2Tetris' }));
    // group: a row's required field refused at its own path (answers.tools.0.tool)
    await user.click(screen.getByRole('button', { name: 'Add a row to Tools' }));
    const tool = screen.getByLabelText('Tool');
    expect(tool).toHaveFocus();
    await refused(user, tool, 'This is required.');
    await user.type(tool, 'Vim');
    await user.click(screen.getByRole('radio', { name: 'daily' }));
    await next(user, 'Review');

    await screen.findByText('Tool: Vim, Level: daily');
    const review = [...document.querySelectorAll('dd')].map((dd) => dd.textContent);
    expect(review).toEqual(
      expect.arrayContaining([
        'https://grace.example',
        '6 hours',
        'Yes',
        '2010-03-04',
        'M3 Max',
        'Confident',
        'CS50',
        'Tool: Vim, Level: daily',
      ]),
    );
    expect(screen.getByText('Learning', { selector: 'h3, h4, h5, h6, p' })).toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(backend.profile).not.toBeNull());
    expect(backend.profile?.answers).toEqual({
      site: 'https://grace.example',
      hours: 6,
      mentor: true,
      since: '2010-03-04',
      gpu: 'M3 Max',
      soldering: 'confident',
      courses: ['CS50'],
      tools: [{ tool: 'Vim', level: 'daily' }],
    });
  });
});

describe('host questions in the editor', () => {
  it('adds and removes group rows by keyboard with focus kept', async () => {
    backend.reset({ signedIn: true, profile: { ...sampleProfile, answers: { mentor: false } } });
    const user = userEvent.setup();
    await renderWithKit(<ProfileEditor questionnaire={questionnaire} />);
    const add = await screen.findByRole('button', { name: 'Add a row to Tools' });
    add.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Tool' })).toHaveFocus());
    await user.keyboard('Vim');
    add.focus();
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getAllByRole('textbox', { name: 'Tool' })[1]).toHaveFocus());
    await user.keyboard('Make');
    // Removing the first row moves focus to the next row's first field, now row 1.
    screen.getByRole('button', { name: 'Remove row 1 of Tools' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Tool' })).toHaveFocus());
    expect(screen.getByRole('textbox', { name: 'Tool' })).toHaveValue('Make');
    // Removing the last row moves focus to the add button.
    screen.getByRole('button', { name: 'Remove row 1 of Tools' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(add).toHaveFocus());
    expect(screen.queryByRole('textbox', { name: 'Tool' })).toBeNull();
  });

  it('saves a changed answer and keeps the answer of a question removed from the definition', async () => {
    backend.reset({
      signedIn: true,
      profile: { ...sampleProfile, answers: { mentor: false, gpu: 'RTX 4090', shoeSize: 44 } },
    });
    const user = userEvent.setup();
    await renderWithKit(<ProfileEditor questionnaire={questionnaire} />);
    expect(await screen.findByRole('radio', { name: 'RTX 4090' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'No' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'M3 Max' }));
    await user.type(screen.getByLabelText(/^Hours a week/), '-1');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const hours = screen.getByLabelText(/^Hours a week/);
    await waitFor(() => expect(hours).toHaveAttribute('aria-invalid', 'true'));
    expect(hours).toHaveAccessibleDescription('Enter 0 or more.');
    expect(backend.profile?.answers).toEqual({ mentor: false, gpu: 'RTX 4090', shoeSize: 44 });
    await user.clear(hours);
    await user.type(hours, '5');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Your changes are saved.'));
    // shoeSize is in no question of this definition: the editor never drops it.
    expect(backend.profile?.answers).toEqual({ mentor: false, gpu: 'M3 Max', hours: 5, shoeSize: 44 });
  });
});

describe('host questions in AccountSettings', () => {
  it('asks them in the background section by the provider’s questionnaire, and saves a changed answer', async () => {
    backend.reset({
      signedIn: true,
      profile: { ...sampleProfile, answers: { mentor: true, since: '2012-01-01' } },
    });
    const user = userEvent.setup();
    await renderWithKit(<AccountSettings sections={['background']} />, { questionnaire });
    const since = await screen.findByLabelText(/^Mentoring since/);
    expect(since).toHaveValue('2012-01-01');
    // Refused under its field, nothing saved.
    await user.type(screen.getByLabelText(/^Hours a week/), '61');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const hours = screen.getByLabelText(/^Hours a week/);
    await waitFor(() => expect(hours).toHaveAccessibleDescription('Enter 60 or less.'));
    expect(backend.profile?.answers).toEqual({ mentor: true, since: '2012-01-01' });
    // visibleWhen: "No" hides the date, and its answer is not sent.
    await user.clear(hours);
    await user.type(hours, '4');
    await user.click(screen.getByRole('radio', { name: 'No' }));
    expect(screen.queryByLabelText(/^Mentoring since/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Your changes are saved.'));
    expect(backend.profile?.answers?.hours).toBe(4);
    expect(backend.profile?.answers?.mentor).toBe(false);
    await expectNoAxeViolations();
  });
});
