// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { AuthGate } from '../../src/react/index';
import { BASE_URL, renderWithKit, requests, server } from './helpers';

// A server with no mail sender answers a reset request with RESET_PASSWORD_DISABLED: offering "Forgot your
// password?" there was a dead end (issue 21). The gate's sign-in asks the server first.

describe("given a signed-out visitor at the gate's sign-in", () => {
  it('offers "Forgot your password?" when the server says it can mail a link', async () => {
    await renderWithKit(<AuthGate>members</AuthGate>);
    expect(await screen.findByRole('button', { name: 'Forgot your password?' })).toBeInTheDocument();
    expect(requests).toContain('GET /api/profile/config');
  });

  it('does not offer it when the server has no sender', async () => {
    let answered = () => {};
    const answer = new Promise<void>((resolve) => {
      answered = resolve;
    });
    server.use(
      http.get(`${BASE_URL}/api/profile/config`, () => {
        answered();
        return HttpResponse.json({ passwordReset: false, emailVerification: false });
      }),
    );
    await renderWithKit(<AuthGate>members</AuthGate>);
    await screen.findByRole('button', { name: 'Sign in' });
    await answer;
    // Let the answer reach the component and render.
    for (let i = 0; i < 5; i++) await act(async () => {});
    expect(screen.queryByRole('button', { name: 'Forgot your password?' })).toBeNull();
  });

  it('offers it, as before, to a server that has no capabilities route', async () => {
    server.use(
      http.get(`${BASE_URL}/api/profile/config`, () =>
        HttpResponse.json({ code: 'NOT_FOUND', message: 'Not found' }, { status: 404 }),
      ),
    );
    await renderWithKit(<AuthGate>members</AuthGate>);
    expect(await screen.findByRole('button', { name: 'Forgot your password?' })).toBeInTheDocument();
  });
});
