// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/client/index';
import { demoUser } from '../../src/msw/index';
import { formMessages } from '../../src/react/form-messages';
import { ProfileKitProvider, type UseProfileResult, useProfile, useSession } from '../../src/react/index';
import { coreMessages, createTranslate, errorText, signInMessages } from '../../src/react/messages';
import { BASE_URL, backend, clients, requests, usePersona } from './helpers';

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
