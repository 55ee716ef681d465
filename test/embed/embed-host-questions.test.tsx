// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineQuestionnaire } from '../../src/client/index';
import { configure, mount } from '../../src/embed/index';
import { configureFromScript } from '../../src/embed/script-tag';
import { createMockBackend, sampleProfile } from '../../src/msw/index';
import { expectNoAxeViolations } from '../a11y';
import { unmountAndSettle } from '../unmount';

// The embed takes host questions as JSON: through the script tag's data-questionnaire or configure(). The
// mock backend validates by the same definition, as createProfileHandler({ questionnaire }) does.
const questionnaire = defineQuestionnaire({
  steps: [{ id: 'learning', label: 'Learning' }],
  questions: [
    { id: 'hours', kind: 'number', label: 'Hours a week', min: 0, max: 60, unit: 'hours' },
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
/** What a page writes: the definition as JSON text. */
const json = JSON.stringify(questionnaire);

const backend = createMockBackend({ questionnaire });
const server = setupServer(...backend.handlers);
let tests = 0;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  // The code a page loads on demand, loaded (and transformed) once here, so no test waits on it.
  await Promise.all([
    import('../../src/embed/chunks/sign-up'),
    import('../../src/embed/chunks/profile-editor'),
    import('../../src/react/questionnaire/host-questions'),
  ]);
});
beforeEach(() => {
  // Each test talks to a server origin of its own, so none inherits another's session.
  configure({ baseURL: `http://questions-${++tests}.example`, authMode: 'cookie' });
});
afterEach(() => {
  document.body.replaceChildren();
  backend.reset('signedOut');
  sessionStorage.clear();
});
afterAll(async () => {
  await unmountAndSettle();
  server.close();
});

function element() {
  const target = document.createElement('div');
  document.body.append(target);
  return target;
}

describe('host questions in the embed', () => {
  it('a data-questionnaire on the script tag asks them in the sign-up, refuses a wrong answer and saves them', async () => {
    const script = document.createElement('script');
    script.src = 'https://cdn.example/profilekit/profilekit.js';
    script.dataset.questionnaire = json;
    configureFromScript(script);
    const user = userEvent.setup();
    const target = element();
    mount(target, 'sign-up');
    const page = within(target);
    await user.type(await page.findByLabelText('Name'), 'Grace Hopper');
    await user.type(page.getByLabelText('Email'), 'grace-embed@example.com');
    await user.type(page.getByLabelText('Password'), 'cobol-forever-1959');
    await user.click(page.getByRole('button', { name: 'Next' }));
    await page.findByRole('heading', { name: 'Software background' });
    await user.type(page.getByLabelText('Language 1'), 'Python');
    await user.selectOptions(page.getByLabelText('Level for language 1'), 'advanced');
    await user.click(page.getByRole('radio', { name: '3-5' }));
    await user.selectOptions(page.getByLabelText('Overall software experience'), 'intermediate');
    const hours = await page.findByLabelText(/^Hours a week \(hours\)/);
    await user.type(hours, '99');
    await user.click(page.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(hours).toHaveAttribute('aria-invalid', 'true'));
    expect(hours).toHaveAccessibleDescription('Enter 60 or less.');
    await user.clear(hours);
    await user.type(hours, '6');
    await user.click(page.getByRole('button', { name: 'Next' }));
    await page.findByRole('heading', { name: 'Hardware background' });
    await user.selectOptions(page.getByLabelText('Overall hardware experience'), 'beginner');
    await user.click(page.getByRole('radio', { name: 'Both' }));
    await user.click(page.getByRole('button', { name: 'Next' }));
    // The host's own step, with a group whose rows the keyboard adds.
    await page.findByRole('heading', { name: 'Learning' });
    page.getByRole('button', { name: 'Add a row to Tools' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(page.getByRole('textbox', { name: 'Tool' })).toHaveFocus());
    await user.keyboard('Vim');
    await user.click(page.getByRole('radio', { name: 'daily' }));
    await user.click(page.getByRole('button', { name: 'Next' }));
    await page.findByText('Tool: Vim, Level: daily');
    expect(page.getByText('6 hours')).toBeInTheDocument();
    await expectNoAxeViolations(target);
    await user.click(page.getByRole('button', { name: 'Create account' }));
    await waitFor(() =>
      expect(backend.profile?.answers).toEqual({ hours: 6, tools: [{ tool: 'Vim', level: 'daily' }] }),
    );
  });

  it('configure({ questionnaire }) with the parsed JSON asks them in the editor and saves a change', async () => {
    backend.reset({ signedIn: true, profile: { ...sampleProfile, answers: { hours: 3, retired: 'kept' } } });
    configure({ questionnaire: JSON.parse(json) });
    const user = userEvent.setup();
    const target = element();
    mount(target, 'profile-editor');
    const page = within(target);
    const hours = await page.findByLabelText(/^Hours a week/);
    expect(hours).toHaveValue(3);
    await user.clear(hours);
    await user.type(hours, '8');
    await user.click(page.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(page.getByRole('status')).toHaveTextContent('Your changes are saved.'));
    // An answer to a question this definition does not have is kept.
    expect(backend.profile?.answers).toEqual({ hours: 8, retired: 'kept' });
  });
});
