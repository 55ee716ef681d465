// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { demoUser } from '../../src/msw/index';
import { SignUpWithBackground } from '../../src/react/index';
import { BASE_URL, backend, expectNoAxeViolations, renderWithKit, requests, server } from './helpers';

type User = ReturnType<typeof userEvent.setup>;

/** Moving to a step validates first (asynchronously), then focuses the step's heading. */
async function expectStepFocused(name: string) {
  await waitFor(() => expect(screen.getByRole('heading', { name })).toHaveFocus());
}

async function fillAccount(user: User, email = 'grace@example.com') {
  await user.type(screen.getByLabelText('Name'), 'Grace Hopper');
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), 'cobol-forever-1959');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await expectStepFocused('Software background');
}

async function fillSoftware(user: User) {
  await user.type(screen.getByLabelText('Language 1'), 'Python');
  await user.selectOptions(screen.getByLabelText('Level for language 1'), 'advanced');
  await user.click(screen.getByRole('radio', { name: '3-5' }));
  await user.selectOptions(screen.getByLabelText('Overall software experience'), 'intermediate');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await expectStepFocused('Hardware background');
}

async function fillHardware(user: User) {
  await user.selectOptions(screen.getByLabelText('Overall hardware experience'), 'beginner');
  await user.click(screen.getByRole('radio', { name: 'Both' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await expectStepFocused('Review');
}

const signUps = () => requests.filter((r) => r.endsWith('/sign-up/email'));

describe('given a signed-out person on the sign-up', () => {
  it('walks every step with a progress indicator, creates the account and saves the background', async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    await renderWithKit(<SignUpWithBackground onSuccess={onSuccess} />);
    expect(screen.getByRole('heading', { name: 'Create your account' })).toBeInTheDocument();
    const progress = screen.getByRole('list', { name: 'Sign-up progress' });
    expect(
      within(progress)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Account', 'Software background', 'Hardware background', 'Review']);
    expect(within(progress).getByText('Account')).toHaveAttribute('aria-current', 'step');
    await expectNoAxeViolations();
    await fillAccount(user);

    await expectStepFocused('Software background');
    expect(screen.getByRole('status')).toHaveTextContent('Step 2 of 4: Software background');
    await user.type(screen.getByLabelText('Language 1'), 'Python');
    await user.selectOptions(screen.getByLabelText('Level for language 1'), 'advanced');
    await user.click(screen.getByRole('button', { name: 'Add a language' }));
    expect(screen.getByLabelText('Language 2')).toHaveFocus();
    await user.type(screen.getByLabelText('Language 2'), 'C');
    await user.selectOptions(screen.getByLabelText('Level for language 2'), 'beginner');
    await user.click(screen.getByRole('checkbox', { name: 'React' }));
    // "Other" answers become chips: a comma adds one, and leaving the box adds the rest.
    await user.type(screen.getByLabelText(/Other frameworks/), 'Svelte, Qt');
    expect(screen.getByRole('button', { name: 'Remove Svelte' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Other frameworks/)).toHaveValue('Qt');
    await user.click(screen.getByRole('radio', { name: '3-5' }));
    expect(screen.getByRole('button', { name: 'Remove Qt' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Overall software experience'), 'intermediate');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await expectStepFocused('Hardware background');
    await user.click(screen.getByRole('checkbox', { name: 'Raspberry Pi' }));
    await user.click(screen.getByRole('checkbox', { name: 'ARM' }));
    await user.selectOptions(screen.getByLabelText('Overall hardware experience'), 'beginner');
    await user.click(screen.getByRole('radio', { name: 'Both' }));
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await expectStepFocused('Review');
    // Every answer, the account's name included (#14). The list loads with the step.
    expect((await screen.findByText('Grace Hopper')).previousElementSibling).toHaveTextContent('Name');
    expect(screen.getByText('grace@example.com').previousElementSibling).toHaveTextContent('Email');
    expect(screen.getByText('Python (Advanced), C (Beginner)')).toBeInTheDocument();
    expect(screen.getByText('React, Svelte, Qt')).toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    // The success screen has a title of its own and says what happened.
    expect(await screen.findByRole('heading', { name: 'Welcome aboard' })).toHaveFocus();
    expect(screen.queryByRole('heading', { name: 'Create your account' })).not.toBeInTheDocument();
    expect(
      screen.getByText('Your account is created and your background is saved.', { ignore: '[role=status]' }),
    ).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your account is created and your background is saved.',
    );
    expect(backend.currentUser?.email).toBe('grace@example.com');
    expect(backend.profile).toMatchObject({
      languages: [
        { language: 'Python', level: 'advanced' },
        { language: 'C', level: 'beginner' },
      ],
      frameworks: ['React', 'Svelte', 'Qt'],
      experienceYears: '3-5',
      softwareExperience: 'intermediate',
      devices: ['Raspberry Pi'],
      architectureFamiliarity: ['ARM'],
      hardwareExperience: 'beginner',
      backgroundPreference: 'both',
    });
    expect(onSuccess).toHaveBeenCalledWith({
      user: expect.objectContaining({ email: 'grace@example.com' }),
      profile: expect.objectContaining({ experienceYears: '3-5' }),
    });
    expect(sessionStorage.getItem('profilekit:sign-up')).toBeNull();
  });

  it('can go back a step without losing answers, and edit from the review', async () => {
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground />);
    await fillAccount(user);
    await fillSoftware(user);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('Language 1')).toHaveValue('Python');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('Email')).toHaveValue('grace@example.com');
    expect(screen.getByLabelText('Password')).toHaveValue('cobol-forever-1959');
  });

  describe('validation on each step', () => {
    it('Account: names every empty field, links the errors and focuses the first', async () => {
      const user = userEvent.setup();
      await renderWithKit(<SignUpWithBackground />);
      await user.click(screen.getByRole('button', { name: 'Next' }));
      const name = screen.getByLabelText('Name');
      await waitFor(() => expect(name).toHaveFocus());
      expect(name).toHaveAttribute('aria-invalid', 'true');
      expect(name).toHaveAccessibleDescription('This is required.');
      expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('This is required.');
      expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
        'At least 8 characters. This is required.',
      );
      expect(screen.getByRole('status')).toHaveTextContent('3 answers need attention.');
      expect(screen.getByRole('heading', { name: 'Account' })).toBeInTheDocument();
      await expectNoAxeViolations();
    });

    it('Account: refuses a malformed email and a short password', async () => {
      const user = userEvent.setup();
      await renderWithKit(<SignUpWithBackground />);
      await user.type(screen.getByLabelText('Name'), 'Grace');
      await user.type(screen.getByLabelText('Email'), 'grace@');
      await user.type(screen.getByLabelText('Password'), 'short');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await waitFor(() => expect(screen.getByLabelText('Email')).toHaveFocus());
      expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address.');
      expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
        'At least 8 characters. Too short: at least 8 characters.',
      );
      // Fixing the email clears its error as the person types.
      await user.type(screen.getByLabelText('Email'), 'example.com');
      expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
    });

    it('Software: needs a language, a level for each language, no duplicates and a valid range', async () => {
      const user = userEvent.setup();
      // Free answers for years, so a malformed one can be typed.
      await renderWithKit(
        <SignUpWithBackground questionnaire={{ fields: { experienceYears: { allowOther: true } } }} />,
      );
      await fillAccount(user);
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await waitFor(() => expect(screen.getByLabelText('Language 1')).toHaveFocus());
      expect(screen.getByLabelText('Language 1')).toHaveAccessibleDescription('Add at least one.');
      expect(screen.getByLabelText('Years of programming experience')).toHaveAccessibleDescription(
        'This is required.',
      );

      await user.type(screen.getByLabelText('Language 1'), 'Go');
      await user.click(screen.getByRole('button', { name: 'Add a language' }));
      await user.type(screen.getByLabelText('Language 2'), 'go');
      await user.selectOptions(screen.getByLabelText('Level for language 2'), 'expert');
      await user.type(screen.getByLabelText('Years of programming experience'), 'a decade');
      await user.selectOptions(screen.getByLabelText('Overall software experience'), 'advanced');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await waitFor(() => expect(screen.getByLabelText('Level for language 1')).toHaveFocus());
      expect(screen.getByLabelText('Level for language 1')).toHaveAccessibleDescription('This is required.');
      expect(screen.getByLabelText('Years of programming experience')).toHaveAccessibleDescription(
        'Use a number of years or a range like 3-5.',
      );

      // With every row complete, the same language twice is named on the second row.
      await user.selectOptions(screen.getByLabelText('Level for language 1'), 'beginner');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await waitFor(() =>
        expect(screen.getByLabelText('Language 2')).toHaveAccessibleDescription('This is listed twice.'),
      );
      await expectNoAxeViolations();
      expect(screen.getByRole('heading', { name: 'Software background' })).toBeInTheDocument();
    });

    it('Hardware: needs the overall level and the preference', async () => {
      const user = userEvent.setup();
      await renderWithKit(<SignUpWithBackground />);
      await fillAccount(user);
      await fillSoftware(user);
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await waitFor(() => expect(screen.getByLabelText('Overall hardware experience')).toHaveFocus());
      expect(screen.getByLabelText('Overall hardware experience')).toHaveAccessibleDescription(
        'This is required.',
      );
      expect(screen.getByRole('radio', { name: 'Hardware' })).toHaveAccessibleDescription(
        'This is required.',
      );
      await expectNoAxeViolations();
    });

    it('Hardware: refuses too many devices', async () => {
      const user = userEvent.setup();
      await renderWithKit(<SignUpWithBackground />);
      await fillAccount(user);
      await fillSoftware(user);
      const many = Array.from({ length: 31 }, (_, i) => `Board ${i}`).join(', ');
      await user.click(screen.getByLabelText(/Other devices/));
      await user.paste(many);
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Raspberry Pi' })).toHaveFocus());
      expect(screen.getByLabelText(/Other devices/)).toHaveAccessibleDescription(
        /Too many entries: at most 30\./,
      );
    });
  });

  it('sends an email already taken back to the email field, with text of its own', async () => {
    const user = userEvent.setup();
    const onError = vi.fn();
    await renderWithKit(<SignUpWithBackground onError={onError} />);
    await fillAccount(user, demoUser.email);
    await fillSoftware(user);
    await fillHardware(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const email = await screen.findByLabelText('Email');
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAccessibleDescription('An account with this email already exists.');
    expect(screen.getByRole('heading', { name: 'Account' })).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith({ code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL', step: 'account' });
    await expectNoAxeViolations();

    await user.clear(email);
    await user.type(email, 'grace@example.com');
    for (const step of ['Software background', 'Hardware background', 'Review']) {
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await expectStepFocused(step);
    }
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(backend.profile?.experienceYears).toBe('3-5'));
    expect(backend.currentUser?.email).toBe('grace@example.com');
  });

  it('keeps the form when sign-up cannot reach the server, and succeeds on a second try', async () => {
    server.use(http.post(`${BASE_URL}/api/auth/sign-up/email`, () => HttpResponse.error(), { once: true }));
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground />);
    await fillAccount(user);
    await fillSoftware(user);
    await fillHardware(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    expect(screen.getByText('grace@example.com')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(backend.profile).not.toBeNull());
    expect(signUps()).toHaveLength(2);
  });

  it('reports a failing auth server as a server error, not its own English', async () => {
    server.use(
      http.post(`${BASE_URL}/api/auth/sign-up/email`, () =>
        HttpResponse.json({ code: 'INTERNAL', message: 'pg: relation does not exist' }, { status: 500 }),
      ),
    );
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground />);
    await fillAccount(user);
    await fillSoftware(user);
    await fillHardware(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on our side.');
    expect(alert).not.toHaveTextContent('relation');
  });

  it('loses nothing when the background fails to save after sign-up: still signed in, answers kept, retried', async () => {
    let failures = 2;
    server.use(
      http.put(`${BASE_URL}/api/profile`, () => {
        if (failures-- > 0) return HttpResponse.error();
      }),
    );
    const user = userEvent.setup();
    const onError = vi.fn();
    const onSuccess = vi.fn();
    await renderWithKit(<SignUpWithBackground onError={onError} onSuccess={onSuccess} />);
    await fillAccount(user);
    await fillSoftware(user);
    await fillHardware(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your account is ready and you are signed in, but your background was not saved yet. Your answers are kept. We could not reach the server.',
    );
    expect(onError).toHaveBeenCalledWith({ code: 'NETWORK_ERROR', step: 'review' });
    expect(backend.currentUser?.email).toBe('grace@example.com');
    expect(backend.profile).toBeNull();
    expect(screen.getByText('Python (Advanced)')).toBeInTheDocument();
    expect(sessionStorage.getItem('profilekit:sign-up')).toContain('Python');

    await user.click(screen.getByRole('button', { name: 'Try saving again' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try saving again' }));
    await waitFor(() =>
      expect(backend.profile?.languages).toEqual([{ language: 'Python', level: 'advanced' }]),
    );
    expect(signUps()).toHaveLength(1);
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('sends one sign-up however often the button is pressed', async () => {
    backend.setLatency(150);
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground />);
    await fillAccount(user);
    await fillSoftware(user);
    await fillHardware(user);
    const button = screen.getByRole('button', { name: 'Create account' });
    await user.click(button);
    await user.click(button);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('button', { name: 'Creating your account…' })).toBeDisabled();
    await waitFor(() => expect(backend.profile).not.toBeNull(), { timeout: 10_000 });
    expect(signUps()).toHaveLength(1);
    expect(requests.filter((r) => r === 'PUT /api/profile')).toHaveLength(1);
  });

  it('keeps a draft across reloads, without the password', async () => {
    const user = userEvent.setup();
    const first = await renderWithKit(<SignUpWithBackground />);
    await fillAccount(user);
    await user.type(screen.getByLabelText('Language 1'), 'Haskell');
    const draft = sessionStorage.getItem('profilekit:sign-up') ?? '';
    expect(draft).toContain('Haskell');
    expect(draft).toContain('grace@example.com');
    expect(draft).not.toContain('cobol-forever-1959');
    first.unmount();

    await renderWithKit(<SignUpWithBackground />);
    expect(await screen.findByLabelText('Language 1')).toHaveValue('Haskell');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('Email')).toHaveValue('grace@example.com');
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('keeps no draft when asked not to', async () => {
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground persistDraft={false} />);
    await user.type(screen.getByLabelText('Name'), 'Grace');
    expect(sessionStorage.length).toBe(0);
  });

  it('can be completed with the keyboard alone', async () => {
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground />);
    await user.tab();
    expect(screen.getByLabelText('Name')).toHaveFocus();
    await user.keyboard('Grace Hopper');
    await user.tab();
    await user.keyboard('grace@example.com');
    await user.tab();
    await user.keyboard('cobol-forever-1959{Enter}');

    await expectStepFocused('Software background');
    await user.tab();
    expect(screen.getByLabelText('Language 1')).toHaveFocus();
    await user.keyboard('Python');
    await user.tab();
    expect(screen.getByLabelText('Level for language 1')).toHaveFocus();
    await user.selectOptions(document.activeElement as HTMLSelectElement, 'advanced');
    await user.tab(); // Add a language
    await user.tab(); // React
    expect(screen.getByRole('checkbox', { name: 'React' })).toHaveFocus();
    await user.keyboard(' ');
    while (document.activeElement !== screen.getByRole('radio', { name: '0-1' })) await user.tab();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('radio', { name: '10+' })).toBeChecked();
    await user.tab();
    await user.selectOptions(document.activeElement as HTMLSelectElement, 'expert');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Back' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Next' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await expectStepFocused('Hardware background');
    while (document.activeElement !== screen.getByLabelText('Overall hardware experience')) await user.tab();
    await user.selectOptions(document.activeElement as HTMLSelectElement, 'advanced');
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Software' })).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Both' })).toBeChecked();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Next' })).toHaveFocus();
    await user.keyboard(' ');

    await expectStepFocused('Review');
    while (document.activeElement !== screen.getByRole('button', { name: 'Create account' }))
      await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(backend.profile?.frameworks).toEqual(['React']));
    expect(backend.profile?.backgroundPreference).toBe('both');
  });
});

describe('given dialog mode', () => {
  it('opens from its trigger, traps focus, closes on Escape and returns focus to the trigger', async () => {
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground mode="dialog" />);
    const trigger = screen.getByRole('button', { name: 'Sign up' });
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'Create your account' });
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
    await expectNoAxeViolations();
    for (let i = 0; i < 12; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
  });

  it('signs a person up inside the dialog with a trigger of the host’s own', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    await renderWithKit(
      <SignUpWithBackground
        mode="dialog"
        onOpenChange={onOpenChange}
        trigger={
          <button type="button" className="host-button">
            Join the course
          </button>
        }
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Join the course' }));
    expect(onOpenChange).toHaveBeenCalledWith(true);
    await screen.findByRole('dialog');
    await fillAccount(user);
    await fillSoftware(user);
    await fillHardware(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(backend.profile).not.toBeNull());
    expect(await screen.findByRole('heading', { name: 'Welcome aboard' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    // Signed in with a background now: the sign-up's entry point is gone (whenProfileExists="hide").
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Join the course' })).toBeNull());
  });
});

describe('given a person who is already signed in', () => {
  it('asks only for the background and saves it without a new account', async () => {
    backend.reset('signedInWithoutProfile');
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground />);
    expect(await screen.findByRole('heading', { name: 'Tell us about your background' })).toBeInTheDocument();
    await fillSoftware(user);
    await fillHardware(user);
    await user.click(screen.getByRole('button', { name: 'Save background' }));
    await waitFor(() => expect(backend.profile?.softwareExperience).toBe('intermediate'));
    expect(signUps()).toEqual([]);
    expect(await screen.findByRole('heading', { name: 'Background saved' })).toBeInTheDocument();
    expect(screen.getByText('Your background is saved.', { ignore: '[role=status]' })).toBeVisible();
    expect(screen.queryByText(/account is created/)).toBeNull();
  });
});

/** Headers of the profile writes the components sent in this test. */
function profileWrites() {
  const writes: { method: string; ifMatch: string | null; ifNoneMatch: string | null }[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname === '/api/profile' && request.method !== 'GET')
      writes.push({
        method: request.method,
        ifMatch: request.headers.get('if-match'),
        ifNoneMatch: request.headers.get('if-none-match'),
      });
  };
  server.events.on('request:start', listener);
  return writes;
}

/** Saves a profile as another tab of the same person would: straight to the API. */
async function saveInAnotherTab(body: Record<string, unknown>) {
  const response = await fetch(`${BASE_URL}/api/profile`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

// Regression tests for #14: a saved background is never replaced by an empty questionnaire.
describe('given a signed-in person who already has a background', () => {
  it('renders nothing by default, inline and in dialog mode, and writes nothing', async () => {
    backend.reset('signedInWithProfile');
    const before = backend.profile;
    const { container } = await renderWithKit(
      <>
        <SignUpWithBackground />
        <SignUpWithBackground mode="dialog" />
      </>,
    );
    await waitFor(() => expect(requests).toContain('GET /api/profile'));
    await waitFor(() => expect(container.querySelector('.pk-root, button')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Sign up' })).toBeNull();
    expect(requests.filter((r) => !r.startsWith('GET'))).toEqual([]);
    expect(backend.profile).toEqual(before);
  });

  it('with whenProfileExists="edit", shows the editor prefilled inline and saves with If-Match', async () => {
    backend.reset('signedInWithProfile');
    const writes = profileWrites();
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground whenProfileExists="edit" />);
    expect(await screen.findByRole('heading', { name: 'Your background' })).toBeInTheDocument();
    expect(screen.getByLabelText('Language 1')).toHaveValue('Python');
    expect(screen.queryByRole('heading', { name: 'Tell us about your background' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Overall hardware experience'), 'expert');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(backend.profile?.hardwareExperience).toBe('expert'));
    expect(backend.profile?.languages).toEqual([
      { language: 'Python', level: 'advanced' },
      { language: 'C', level: 'intermediate' },
    ]);
    expect(writes).toEqual([{ method: 'PATCH', ifMatch: '"v1"', ifNoneMatch: null }]);
  });

  it('with whenProfileExists="edit" in dialog mode, the trigger opens the editor prefilled', async () => {
    backend.reset('signedInWithProfile');
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground mode="dialog" whenProfileExists="edit" />);
    await user.click(await screen.findByRole('button', { name: 'Edit your background' }));
    const dialog = await screen.findByRole('dialog', { name: 'Your background' });
    expect(within(dialog).getByLabelText('Language 1')).toHaveValue('Python');
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.filter((r) => !r.startsWith('GET'))).toEqual([]);
  });
});

describe('given a signed-in person whose background is saved in another tab meanwhile', () => {
  it('creates only: the other tab’s background stays, and the form says so', async () => {
    backend.reset('signedInWithoutProfile');
    const writes = profileWrites();
    const onError = vi.fn();
    const user = userEvent.setup();
    await renderWithKit(<SignUpWithBackground onError={onError} />);
    await screen.findByRole('heading', { name: 'Tell us about your background' });
    await fillSoftware(user);
    await fillHardware(user);
    await saveInAnotherTab({ languages: [{ language: 'Rust', level: 'expert' }], frameworks: ['Axum'] });
    const saved = backend.profile;
    writes.length = 0;
    await user.click(screen.getByRole('button', { name: 'Save background' }));
    expect(
      await screen.findByRole('heading', { name: 'Your background is already saved' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/it was kept as it is/, { ignore: '[role=status]' })).toBeVisible();
    expect(backend.profile).toEqual(saved);
    expect(writes).toEqual([{ method: 'PUT', ifMatch: null, ifNoneMatch: '*' }]);
    expect(onError).toHaveBeenCalledWith({ code: 'PROFILE_VERSION_CONFLICT', step: 'review' });
  });
});

describe('given headingLevel', () => {
  it('titles the sign-up at that level and its steps one below', async () => {
    await renderWithKit(<SignUpWithBackground />, { headingLevel: 3 });
    expect(screen.getByRole('heading', { level: 3, name: 'Create your account' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Account' })).toBeInTheDocument();
  });

  it('defaults to h2 and h3', async () => {
    await renderWithKit(<SignUpWithBackground />);
    expect(screen.getByRole('heading', { level: 2, name: 'Create your account' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Account' })).toBeInTheDocument();
  });
});
