// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { defineQuestionnaire, isProfileKitError } from '../../src/client/index';
import { createMockBackend, demoUser } from '../../src/msw/index';
import {
  ForBackground,
  ProfileKitProvider,
  type UseBackgroundResult,
  useBackground,
  useProfile,
} from '../../src/react/index';
import { BASE_URL, backend, clients, renderWithKit, server, usePersona } from './helpers';

const questionnaire = defineQuestionnaire({
  questions: [{ id: 'gpu', kind: 'single', label: 'Your GPU', options: ['rtx-4090', 'apple-m'] }],
});

const advanced = { languages: { Python: { atLeast: 'advanced' } } } as const;

function Tracks() {
  return (
    <ForBackground when={advanced} fallback={<p>Python basics</p>} loading={<p>Loading your track</p>}>
      <p>Advanced Python</p>
    </ForBackground>
  );
}

let background: UseBackgroundResult<typeof questionnaire> | null = null;
let profile: ReturnType<typeof useProfile> | null = null;
function Probe() {
  background = useBackground(questionnaire);
  profile = useProfile();
  return null;
}

class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return <p>failed at {isProfileKitError(error) ? error.issues[0]?.path : 'unknown'}</p>;
  }
}

describe('ForBackground', () => {
  it('shows the fallback to a visitor, then follows the person’s saves without a reload', async () => {
    const { authClient } = await renderWithKit(
      <>
        <Tracks />
        <Probe />
      </>,
    );
    expect(await screen.findByText('Python basics')).toBeInTheDocument();
    await act(() => authClient.signIn.email({ email: demoUser.email, password: demoUser.password }));
    // Signed in without a profile: no background to meet the condition.
    await waitFor(() => expect(profile?.status).toBe('missing'));
    expect(screen.getByText('Python basics')).toBeInTheDocument();

    await act(() => profile?.save({ languages: [{ language: 'Python', level: 'expert' }], frameworks: [] }));
    expect(screen.getByText('Advanced Python')).toBeInTheDocument();
    expect(screen.queryByText('Python basics')).toBeNull();

    await act(() => profile?.update({ languages: [{ language: 'Python', level: 'beginner' }] }));
    expect(screen.getByText('Python basics')).toBeInTheDocument();
    expect(backend.profile?.languages).toEqual([{ language: 'Python', level: 'beginner' }]);
  });

  it('shows its loading content, not a variant, until the profile is read', async () => {
    usePersona('signedInWithProfile');
    backend.setLatency(300);
    const { authClient, profileClient } = clients();
    render(
      <ProfileKitProvider authClient={authClient} profileClient={profileClient}>
        <Tracks />
      </ProfileKitProvider>,
    );
    expect(screen.getByText('Loading your track')).toBeInTheDocument();
    expect(screen.queryByText('Python basics')).toBeNull();
    // sampleProfile: Python advanced.
    expect(await screen.findByText('Advanced Python', {}, { timeout: 3000 })).toBeInTheDocument();
  });

  it('renders the variant the server read at once, with no loading state, from initialProfile', async () => {
    usePersona('signedInWithProfile');
    const { authClient, profileClient } = clients();
    const session = await authClient.getSession();
    const user = session.data?.user;
    expect(user).toBeDefined();
    const initialProfile = {
      userId: user?.id as string,
      profile: { ...(backend.profile as NonNullable<typeof backend.profile>) },
      etag: '"v1"',
    };
    const initialSession = session.data as never;
    render(
      <ProfileKitProvider
        authClient={authClient}
        profileClient={profileClient}
        initialSession={initialSession}
        initialProfile={initialProfile}
      >
        <Tracks />
      </ProfileKitProvider>,
    );
    expect(screen.getByText('Advanced Python')).toBeInTheDocument();
    expect(screen.queryByText('Loading your track')).toBeNull();
  });

  it('reads host answers by the provider’s questionnaire, and useBackground types them', async () => {
    const hosting = createMockBackend({ baseURL: BASE_URL, questionnaire });
    server.use(...hosting.handlers);
    hosting.reset('signedInWithProfile');
    await renderWithKit(
      <>
        <ForBackground when={{ answers: { gpu: 'rtx-4090' } }} fallback={<p>No RTX</p>}>
          <p>CUDA lab</p>
        </ForBackground>
        <Probe />
      </>,
      { questionnaire },
    );
    expect(await screen.findByText('No RTX')).toBeInTheDocument();
    await act(() => profile?.update({ answers: { gpu: 'rtx-4090' } }));
    expect(screen.getByText('CUDA lab')).toBeInTheDocument();
    const gpu: 'rtx-4090' | 'apple-m' | undefined = background?.profile?.answers.gpu;
    expect(gpu).toBe('rtx-4090');
    expect(background?.matches({ answers: { gpu: { in: ['apple-m'] } } })).toBe(false);
  });

  it('throws a malformed condition to the error boundary, naming its path', async () => {
    const quiet = console.error;
    console.error = () => {};
    try {
      await renderWithKit(
        <Boundary>
          <ForBackground when={{ softwareExperience: 'guru' } as never}>
            <p>never</p>
          </ForBackground>
        </Boundary>,
      );
    } finally {
      console.error = quiet;
    }
    expect(screen.getByText('failed at softwareExperience')).toBeInTheDocument();
  });
});
