// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthGate, SignIn, SignUpWithBackground, SocialButtons } from '../../src/react/index';
import { BASE_URL, backend, expectNoAxeViolations, renderWithKit, server, usePersona } from './helpers';

afterEach(() => window.history.replaceState(null, '', '/'));

const providers = ['github', { id: 'local-oidc', name: 'Company SSO' }] as const;

describe('given the sign-up with social providers', () => {
  it('offers them on the account step only, and keeps answers typed before leaving for the provider', async () => {
    const bodies: Record<string, unknown>[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.url.includes('/sign-in/social')) bodies.push(await request.clone().json());
    });
    server.use(
      http.post(`${BASE_URL}/api/auth/sign-in/social`, async () =>
        HttpResponse.json({ url: '#to-provider', redirect: true }),
      ),
    );
    const user = userEvent.setup();
    const { unmount } = await renderWithKit(<SignUpWithBackground />, { socialProviders: ['github'] });
    const github = await screen.findByRole('button', { name: 'Continue with GitHub' });
    // Above the account fields, which a person who leaves for the provider does not need.
    expect(
      github.compareDocumentPosition(screen.getByLabelText('Name')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    await expectNoAxeViolations();
    await user.type(screen.getByLabelText('Name'), 'Lin');
    await user.type(screen.getByLabelText('Email'), 'lin@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(await screen.findByLabelText('Language 1'), 'Go');
    expect(screen.queryByRole('button', { name: /Continue with/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(await screen.findByRole('button', { name: 'Continue with GitHub' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ provider: 'github', callbackURL: 'http://localhost:3000/' });
    unmount();

    // Back from the provider with a session and no background: the questionnaire, with the answers.
    usePersona('signedInWithoutProfile');
    await renderWithKit(<SignUpWithBackground socialProviders={['github']} />);
    expect(await screen.findByLabelText('Language 1')).toHaveValue('Go');
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Continue with/ })).not.toBeInTheDocument();
    server.events.removeAllListeners('request:start');
  });

  it('shows none without providers', async () => {
    await renderWithKit(<SignUpWithBackground />);
    await screen.findByLabelText('Name');
    expect(screen.queryByRole('button', { name: /Continue with/ })).not.toBeInTheDocument();
  });
});

describe('given SignIn with social providers', () => {
  it('shows a "Continue with" button per provider above the form, and none without providers', async () => {
    const { unmount } = await renderWithKit(<SignIn socialProviders={providers} />);
    expect(await screen.findByRole('button', { name: 'Continue with GitHub' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue with Company SSO' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toBeInTheDocument();
    await expectNoAxeViolations();
    unmount();
    await renderWithKit(<SignIn />);
    await screen.findByLabelText('Email');
    expect(screen.queryByRole('button', { name: /Continue with/ })).not.toBeInTheDocument();
  });

  it('takes the providers from ProfileKitProvider, through the gate’s default sign-in', async () => {
    await renderWithKit(<AuthGate>members</AuthGate>, { socialProviders: ['google'] });
    expect(await screen.findByRole('button', { name: 'Continue with Google' })).toBeInTheDocument();
  });

  it('built-in and OpenID providers both go through sign-in/social and come back to this page', async () => {
    usePersona('socialFirstVisit');
    window.history.replaceState(null, '', '/course?error=old');
    const bodies: Record<string, unknown>[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.url.includes('/sign-in/')) bodies.push(await request.clone().json());
    });
    const user = userEvent.setup();
    const { unmount } = await renderWithKit(<SignIn socialProviders={providers} />);
    // jsdom cannot leave the page: the providers' redirects stay on it, as a hash change.
    server.use(
      http.post(`${BASE_URL}/api/auth/sign-in/social`, async () =>
        HttpResponse.json({ url: `${window.location.href}#to-provider`, redirect: true }),
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Continue with Company SSO' }));
    await waitFor(() => expect(window.location.hash).toBe('#to-provider'));
    expect(bodies[0]).toEqual({
      provider: 'local-oidc',
      callbackURL: 'http://localhost:3000/course',
      errorCallbackURL: 'http://localhost:3000/course',
    });
    // The page has left for the provider: the buttons wait for it. A fresh page tries GitHub.
    expect(screen.getByRole('button', { name: 'Continue with GitHub' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    unmount();
    server.use(
      http.post(`${BASE_URL}/api/auth/sign-in/social`, async () =>
        HttpResponse.json({ url: '#to-github', redirect: true }),
      ),
    );
    await renderWithKit(<SignIn socialProviders={providers} />);
    await user.click(await screen.findByRole('button', { name: 'Continue with GitHub' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toMatchObject({ provider: 'github', callbackURL: expect.stringContaining('/course') });
    server.events.removeAllListeners('request:start');
  });

  it.each([
    ['access_denied', 'The sign-in was cancelled at the provider. Nothing was changed.'],
    ['state_mismatch', 'The sign-in could not be verified. Start again from this page.'],
    ['something_new', 'Something went wrong. Try again.'],
  ])('explains ?error=%s when the provider sends the person back, and clears it', async (code, text) => {
    window.history.replaceState(null, '', `/course?tab=2&error=${code}&error_description=nope`);
    const onError = vi.fn();
    await renderWithKit(<SocialButtons providers={['github']} onError={onError} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(onError).toHaveBeenCalledWith(code);
    expect(window.location.pathname + window.location.search).toBe('/course?tab=2');
    await expectNoAxeViolations();
  });

  it('says so when the server does not know the provider, and stays on the page', async () => {
    const user = userEvent.setup();
    await renderWithKit(<SocialButtons providers={['not a provider']} />);
    await user.click(await screen.findByRole('button', { name: 'Continue with not a provider' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This sign-in provider is not set up.');
    expect(backend.currentUser).toBeNull();
  });
});
