// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ProfileEditor } from '../../src/react/index';
import { backend, renderWithKit } from './helpers';

/** The "other" chips of one question, by the text of their remove buttons. */
const chips = () =>
  screen.queryAllByRole('button', { name: /^Remove (?!language)/ }).map((b) => b.getAttribute('aria-label'));

async function otherFrameworks() {
  backend.reset('signedInWithoutProfile');
  await renderWithKit(<ProfileEditor />);
  return (await screen.findByLabelText(/Other frameworks/)) as HTMLInputElement;
}

describe('given the "other" answers of a list question', () => {
  it('adds an entry at an Arabic, an ideographic or a full-width comma, as at a Latin one', async () => {
    const user = userEvent.setup();
    const input = await otherFrameworks();
    await user.type(input, 'Svelte، Qt、Solid，Lit, Ember');
    expect(chips()).toEqual(['Remove Svelte', 'Remove Qt', 'Remove Solid', 'Remove Lit']);
    expect(input).toHaveValue('Ember');
  });

  it('adds nothing while an input method is composing, at a comma or at Enter; the typed text stays', async () => {
    const input = await otherFrameworks();
    // An IME shows the reading with its own punctuation until the person confirms the word.
    fireEvent.input(input, { target: { value: 'すべると、' }, isComposing: true });
    expect(chips()).toEqual([]);
    expect(input).toHaveValue('すべると、');
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    expect(chips()).toEqual([]);
    expect(input).toHaveValue('すべると、');
    // Once composition ends, the next change and Enter add as usual.
    fireEvent.input(input, { target: { value: 'スベルト、' } });
    expect(chips()).toEqual(['Remove スベルト']);
    fireEvent.input(input, { target: { value: 'Qt' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chips()).toEqual(['Remove スベルト', 'Remove Qt']);
    expect(within(input.parentElement as HTMLElement).getByText('Qt').tagName).toBe('BDI');
  });
});
