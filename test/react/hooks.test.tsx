// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/client/index';
import { demoUser } from '../../src/msw/index';
import {
  AuthGate,
  ProfileKitProvider,
  SignUpWithBackground,
  type UseProfileResult,
  useProfile,
  useSession,
} from '../../src/react/index';
import { coreMessages } from '../../src/react/localization/en/core-messages';
import { formMessages } from '../../src/react/localization/en/form-messages';
import { signInMessages } from '../../src/react/localization/en/sign-in-messages';
import { createTranslate, errorText } from '../../src/react/localization/translate';
import { BASE_URL, backend, clients, requests, server, usePersona } from './helpers';

let latest: UseProfileResult | null = null;
function Probe() {
  const profile = useProfile();
  const { user } = useSession();
  latest = profile;
  return (
    <p>
      {user?.email ?? 'nobody'} / {profile.status}
    </p>
  );
}

describe('given a provider made with only a base URL', () => {
  it('useProfile follows the session: signed out, then the person’s profile, then their update', async () => {
    const { authClient } = clients();
    render(
      <ProfileKitProvider authClient={authClient} baseURL={BASE_URL}>
        <Probe />
      </ProfileKitProvider>,
    );
    expect(await screen.findByText('nobody / signed-out')).toBeInTheDocument();
    await act(() => authClient.signIn.email({ email: demoUser.email, password: demoUser.password }));
    expect(await screen.findByText('ada@example.com / missing')).toBeInTheDocument();

    await act(() => latest?.save({ languages: [{ language: 'Lisp', level: 'expert' }], frameworks: [] }));
    expect(screen.getByText('ada@example.com / ready')).toBeInTheDocument();
    expect(latest?.etag).toBe('"v1"');
    await act(() => latest?.update({ devices: ['PDP-11'] }));
    expect(latest?.profile?.devices).toEqual(['PDP-11']);
    expect(backend.profile?.devices).toEqual(['PDP-11']);
    expect(requests.filter((r) => r === 'GET /api/profile')).toHaveLength(1);

    await act(() => authClient.signOut());
    await waitFor(() => expect(screen.getByText('nobody / signed-out')).toBeInTheDocument());
    expect(latest?.profile).toBeNull();
  });

  it('reports a failed read as an error with its code', async () => {
    usePersona('serverError');
    render(
      <ProfileKitProvider authClient={clients().authClient} profileClient={clients().profileClient}>
        <Probe />
      </ProfileKitProvider>,
    );
    await screen.findByText('ada@example.com / error');
    expect(latest?.error?.code).toBe(ErrorCodes.SERVER_ERROR);
  });
});

describe('the default text', () => {
  it('has its own words for every profilekit error code', () => {
    const t = createTranslate(formMessages, signInMessages, coreMessages);
    const generic = t('error.UNKNOWN_ERROR');
    for (const code of Object.values(ErrorCodes)) {
      if (code === 'UNKNOWN_ERROR') continue;
      expect(errorText(t, code), code).not.toBe(generic);
    }
    expect(errorText(t, 'SOMETHING_NEW')).toBe(generic);
  });
});

describe('given two providers over the same clients (two widgets, two React roots)', () => {
  it('they share one session request and one profile request', async () => {
    usePersona('signedInWithProfile');
    const { authClient, profileClient } = clients();
    const widget = (
      <ProfileKitProvider authClient={authClient} profileClient={profileClient}>
        <Probe />
      </ProfileKitProvider>
    );
    render(widget);
    render(widget);
    await waitFor(() => expect(screen.getAllByText('ada@example.com / ready')).toHaveLength(2));
    expect(requests.filter((r) => r.endsWith('/get-session'))).toHaveLength(1);
    expect(requests.filter((r) => r === 'GET /api/profile')).toHaveLength(1);
  });

  it('a gate in one root waits for a sign-up in another to save the background', async () => {
    let answer: () => void = () => {};
    const saved = new Promise<void>((resolve) => {
      answer = resolve;
    });
    server.use(
      http.put(`${BASE_URL}/api/profile`, async () => {
        await saved;
        return undefined;
      }),
    );
    const user = userEvent.setup();
    const { authClient, profileClient } = clients();
    render(
      <ProfileKitProvider authClient={authClient} profileClient={profileClient}>
        <AuthGate fallback={<p>Signed out</p>}>
          <p>Members only</p>
        </AuthGate>
      </ProfileKitProvider>,
    );
    render(
      <ProfileKitProvider authClient={authClient} profileClient={profileClient}>
        <SignUpWithBackground />
        <Probe />
      </ProfileKitProvider>,
    );
    await user.type(await screen.findByLabelText('Name'), 'Alan Turing');
    await user.type(screen.getByLabelText('Email'), 'alan@example.com');
    await user.type(screen.getByLabelText('Password'), 'enigma-machine');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(await screen.findByLabelText('Language 1'), 'Rust');
    await user.selectOptions(screen.getByLabelText('Level for language 1'), 'expert');
    await user.click(screen.getByRole('radio', { name: '10+' }));
    await user.selectOptions(screen.getByLabelText('Overall software experience'), 'expert');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.selectOptions(await screen.findByLabelText('Overall hardware experience'), 'none');
    await user.click(screen.getByRole('radio', { name: 'Software' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Create account' }));

    // Signed in (the session reached both roots), the background still saving: the gate waits.
    await screen.findByText(/^alan@example.com \//);
    expect(screen.getByText('Signed out')).toBeInTheDocument();
    answer();
    expect(await screen.findByText('Members only')).toBeInTheDocument();
  });
});

describe('given a portalContainer', () => {
  it('renders the sign-up dialog inside it', async () => {
    const user = userEvent.setup();
    const host = document.createElement('div');
    document.body.append(host);
    const { authClient, profileClient } = clients();
    render(
      <ProfileKitProvider authClient={authClient} profileClient={profileClient} portalContainer={host}>
        <SignUpWithBackground mode="dialog" />
      </ProfileKitProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Sign up' }));
    const dialog = await screen.findByRole('dialog');
    expect(host).toContainElement(dialog);
    host.remove();
  });
});
