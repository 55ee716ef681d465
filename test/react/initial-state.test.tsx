// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import { describe, expect, it, vi } from 'vitest';
import type { ProfileSnapshot, SessionSnapshot } from '../../src/client/index';
import { AuthGate, ProfileEditor, ProfileKitProvider, useProfile, useSession } from '../../src/react/index';
import { clients, renderWithKit, requests, usePersona } from './helpers';

type Clients = ReturnType<typeof clients>;

/** What a server would read for the mock backend's signed-in person: their session and profile. */
async function serverReading(made: Clients): Promise<{ session: SessionSnapshot; profile: ProfileSnapshot }> {
  const { data } = await made.authClient.getSession();
  if (!data) throw new Error('the persona is not signed in');
  const { profile, etag } = await made.profileClient.get();
  requests.length = 0;
  return {
    session: {
      user: {
        id: data.user.id,
        email: data.user.email,
        name: data.user.name,
        image: null,
        emailVerified: false,
      },
      session: { id: data.session.id, expiresAt: new Date(data.session.expiresAt).toISOString() },
    },
    profile: { userId: data.user.id, profile, etag },
  };
}

function Languages() {
  const { status, profile } = useProfile();
  return (
    <p>
      {status === 'ready' ? `Languages: ${profile?.languages.map((l) => l.language).join(', ')}` : status}
    </p>
  );
}

function SignOutButton() {
  const { signOut } = useSession();
  return (
    <button type="button" onClick={() => void signOut()}>
      Sign out
    </button>
  );
}

/** Hydrates server markup in the document, collecting hydration errors and console errors. */
async function hydrate(html: string, ui: ReactNode) {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const recoverable = vi.fn();
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  await act(async () => {
    hydrateRoot(container, ui, { onRecoverableError: recoverable });
  });
  return {
    container,
    recoverable,
    consoleError,
    done() {
      consoleError.mockRestore();
      container.remove();
    },
  };
}

describe('given the session and profile the server read', () => {
  it('renders the signed-in content and the profile in the server markup, and hydrates it as is', async () => {
    usePersona('signedInWithProfile');
    const reading = await serverReading(clients());
    const page = (made: Clients) => (
      <ProfileKitProvider
        authClient={made.authClient}
        profileClient={made.profileClient}
        initialSession={reading.session}
        initialProfile={reading.profile}
      >
        <AuthGate loading={<p>Loading the page…</p>}>
          <p>Members only</p>
          <Languages />
        </AuthGate>
      </ProfileKitProvider>
    );
    const html = renderToString(page(clients()));
    expect(html).toContain('Members only');
    expect(html).toContain('Languages: Python, C');
    expect(html).not.toContain('Loading the page…');
    expect(requests).toEqual([]);

    const hydrated = await hydrate(html, page(clients()));
    try {
      expect(hydrated.container).toHaveTextContent('Languages: Python, C');
      // The client's own session answer arrives and agrees; the profile is not read again.
      await waitFor(() => expect(requests).toContain('GET /api/auth/get-session'));
      await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
      expect(hydrated.container).toHaveTextContent('Languages: Python, C');
      expect(requests).not.toContain('GET /api/profile');
      expect(hydrated.recoverable).not.toHaveBeenCalled();
      expect(hydrated.consoleError).not.toHaveBeenCalled();
    } finally {
      hydrated.done();
    }
  });

  it('renders the fallback at once for a visitor the server found signed out', async () => {
    usePersona('signedOut');
    const page = (made: Clients) => (
      <ProfileKitProvider authClient={made.authClient} initialSession={null}>
        <AuthGate loading={<p>Loading the page…</p>} fallback={<p>Please sign in</p>}>
          <p>Members only</p>
        </AuthGate>
      </ProfileKitProvider>
    );
    const html = renderToString(page(clients()));
    expect(html).toContain('Please sign in');
    expect(html).not.toContain('Loading the page…');
    const hydrated = await hydrate(html, page(clients()));
    try {
      await waitFor(() => expect(requests).toContain('GET /api/auth/get-session'));
      expect(hydrated.container).toHaveTextContent('Please sign in');
      expect(hydrated.recoverable).not.toHaveBeenCalled();
      expect(hydrated.consoleError).not.toHaveBeenCalled();
    } finally {
      hydrated.done();
    }
  });

  it('server-renders the profile editor filled in, code loaded on demand included', async () => {
    usePersona('signedInWithProfile');
    const made = clients();
    const reading = await serverReading(made);
    const { prelude } = await prerenderToNodeStream(
      <ProfileKitProvider
        authClient={made.authClient}
        profileClient={made.profileClient}
        initialSession={reading.session}
        initialProfile={reading.profile}
      >
        <AuthGate requireProfile>
          <ProfileEditor />
        </AuthGate>
      </ProfileKitProvider>,
    );
    let html = '';
    for await (const chunk of prelude) html += chunk;
    expect(html).toContain('Save changes');
    expect(html).toMatch(/<input[^>]*value="Python"/);
    expect(html).not.toContain('Loading…');
    expect(requests).toEqual([]);
  });

  it('follows the client once it has answered: signing out is not undone by the server’s reading', async () => {
    usePersona('signedInWithProfile');
    const reading = await serverReading(clients());
    const user = userEvent.setup();
    await renderWithKit(
      <AuthGate fallback={<p>Please sign in</p>}>
        <p>Members only</p>
        <SignOutButton />
      </AuthGate>,
      { initialSession: reading.session, initialProfile: reading.profile },
    );
    expect(screen.getByText('Members only')).toBeInTheDocument();
    await waitFor(() => expect(requests).toContain('GET /api/auth/get-session'));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Please sign in')).toBeInTheDocument();
    expect(screen.queryByText('Members only')).not.toBeInTheDocument();
  });

  it('ignores a profile the server read for someone else', async () => {
    usePersona('signedInWithProfile');
    const reading = await serverReading(clients());
    const stranger: ProfileSnapshot = {
      userId: 'someone-else',
      etag: '"v99"',
      profile: reading.profile.profile && {
        ...reading.profile.profile,
        languages: [{ language: 'COBOL', level: 'expert' }],
      },
    };
    await renderWithKit(<Languages />, { initialSession: reading.session, initialProfile: stranger });
    expect(await screen.findByText('Languages: Python, C')).toBeInTheDocument();
    expect(screen.queryByText(/COBOL/)).not.toBeInTheDocument();
    expect(requests).toContain('GET /api/profile');
  });
});
