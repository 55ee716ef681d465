// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoUser } from '../../src/msw/index';
import { AuthGate, SignUpWithBackground } from '../../src/react/index';
import { BASE_URL, expectNoAxeViolations, renderWithKit, server } from './helpers';

type User = ReturnType<typeof userEvent.setup>;

/** Renders the sign-up, fills its account step with `name` and presses Next. */
async function submitAccountStep(name: string): Promise<User> {
  const user = userEvent.setup();
  await renderWithKit(<SignUpWithBackground />);
  await user.type(screen.getByLabelText('Name'), name);
  await user.type(screen.getByLabelText('Email'), 'grace@example.com');
  await user.type(screen.getByLabelText('Password'), 'cobol-forever-1959');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  return user;
}

/** Signs in with the demo account through AuthGate's default sign-in, while the server answers 429. */
async function signInRateLimited(answer: Response) {
  server.use(http.post(`${BASE_URL}/api/auth/sign-in/email`, () => answer));
  const user = userEvent.setup();
  await renderWithKit(<AuthGate>members</AuthGate>);
  await user.type(await screen.findByLabelText('Email'), demoUser.email);
  await user.type(screen.getByLabelText('Password'), demoUser.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return screen.findByRole('alert');
}

describe('given text the server would refuse', () => {
  it('shows invalid characters in the name on the name field before anything is sent', async () => {
    await submitAccountStep('\u202eevil');
    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAccessibleDescription('Remove control or invisible characters.');
    await expectNoAxeViolations();
  });

  it('shows a language name of invisible characters on that field', async () => {
    const user = await submitAccountStep('Grace Hopper');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Software background' })).toHaveFocus());
    await user.type(screen.getByLabelText('Language 1'), '\u200b\u2060');
    await user.selectOptions(screen.getByLabelText('Level for language 1'), 'advanced');
    await user.selectOptions(screen.getByLabelText('Overall software experience'), 'intermediate');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const language = screen.getByLabelText('Language 1');
    await waitFor(() =>
      expect(language).toHaveAccessibleDescription('Remove control or invisible characters.'),
    );
  });
});

describe('given the server refuses the sign-in for too many attempts', () => {
  it('says how long to wait', async () => {
    const alert = await signInRateLimited(
      HttpResponse.json(
        { code: 'RATE_LIMITED', message: 'Too many failed sign-ins', retryAfter: 540 },
        { status: 429, headers: { 'retry-after': '540' } },
      ),
    );
    expect(alert).toHaveTextContent('Too many attempts. Try again in 540 s.');
  });

  it('falls back to the general text when the server gives no wait', async () => {
    const alert = await signInRateLimited(
      HttpResponse.json({ message: 'Too many requests. Please try again later.' }, { status: 429 }),
    );
    expect(alert).toHaveTextContent('Too many attempts. Wait a moment and try again.');
  });
});

describe('given the server refuses the name at sign-up', () => {
  it('puts its code on the name field, translated', async () => {
    server.use(
      http.post(`${BASE_URL}/api/auth/sign-up/email`, () =>
        HttpResponse.json({ code: 'NAME_TOO_LONG', message: 'Name is too long' }, { status: 400 }),
      ),
    );
    const user = await submitAccountStep('Grace Hopper');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Software background' })).toHaveFocus());
    await user.type(screen.getByLabelText('Language 1'), 'Python');
    await user.selectOptions(screen.getByLabelText('Level for language 1'), 'advanced');
    await user.click(screen.getByRole('radio', { name: '3-5' }));
    await user.selectOptions(screen.getByLabelText('Overall software experience'), 'intermediate');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Hardware background' })).toHaveFocus());
    await user.selectOptions(screen.getByLabelText('Overall hardware experience'), 'beginner');
    await user.click(screen.getByRole('radio', { name: 'Both' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Review' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const name = await screen.findByLabelText('Name');
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAccessibleDescription('Too long: at most 100 characters.');
  });
});
