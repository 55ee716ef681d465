// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { questionnaire } from '../../examples/nextjs/lib/questionnaire';
import { SignUpWithBackground } from '../../src/react/index';
import { expectNoAxeViolations, renderWithKit } from './helpers';

// The docs' own questionnaire example (docs/reference.md shows this file verbatim). With `backgroundPreference`
// ordered first, a refused Next on the hardware step made every later change throw `Cannot read properties
// of null (reading 'trim')` from the resolver, and "This is required." stayed under an answered select
// (issue 21).

type User = ReturnType<typeof userEvent.setup>;

async function expectStepFocused(name: string) {
  await waitFor(() => expect(screen.getByRole('heading', { name })).toHaveFocus());
}

async function toHardware(user: User) {
  await user.type(screen.getByLabelText('Name'), 'Grace Hopper');
  await user.type(screen.getByLabelText('Email'), 'grace-order@example.com');
  await user.type(screen.getByLabelText('Password'), 'cobol-forever-1959');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await expectStepFocused('Software background');
  await user.type(screen.getByLabelText('Language 1'), 'Python');
  await user.selectOptions(screen.getByLabelText('Level for language 1'), 'advanced');
  await user.click(screen.getByRole('radio', { name: '3-5' }));
  await user.selectOptions(screen.getByLabelText('Overall software experience'), 'intermediate');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await expectStepFocused('Hardware background');
}

describe("given the README's questionnaire (backgroundPreference ordered first)", () => {
  it('after a refused Next on the hardware step, answering clears each error and the sign-up goes on', async () => {
    const user = userEvent.setup();
    const errors = vi.spyOn(console, 'error');
    const onSuccess = vi.fn();
    await renderWithKit(<SignUpWithBackground questionnaire={questionnaire} onSuccess={onSuccess} />);
    await toHardware(user);

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Hardware' })).toHaveAccessibleDescription(
        'This is required.',
      ),
    );
    expect(screen.getByLabelText('Overall hardware experience')).toHaveAccessibleDescription(
      'This is required.',
    );

    // Focus sits on the first refused answer, a radio; leaving it unanswered for the select is what broke.
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Software' })).toHaveFocus());
    await user.selectOptions(screen.getByLabelText('Overall hardware experience'), 'beginner');
    await waitFor(() =>
      expect(screen.getByLabelText('Overall hardware experience')).not.toHaveAccessibleDescription(
        'This is required.',
      ),
    );
    expect(screen.getByRole('radio', { name: 'Hardware' })).toHaveAccessibleDescription('This is required.');
    await user.click(screen.getByRole('radio', { name: 'Both' }));
    expect(screen.getByRole('radio', { name: 'Both' })).not.toHaveAccessibleDescription('This is required.');
    await user.click(screen.getByRole('checkbox', { name: 'BBC micro:bit' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await expectStepFocused('Review');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(errors.mock.calls.flat().join(' ')).not.toMatch(/trim/);
    errors.mockRestore();
  });
});
