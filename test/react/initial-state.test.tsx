// @vitest-environment jsdom

import { Writable } from 'node:stream';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
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

/**
 * Runs `render` as on a server, with no `window` (where better-auth's client sends no request), then waits a
 * moment so that a request the render set off would be seen.
 */
async function onServer(render: () => string | Promise<string>): Promise<string> {
  vi.stubGlobal('window', undefined);
  try {
    const html = await render();
    await new Promise((resolve) => setTimeout(resolve, 50));
    return html;
  } finally {
    vi.unstubAllGlobals();
  }
}

/** The whole page once every chunk loaded on demand is in, as a streaming server sends it (React 18 and 19). */
function renderComplete(ui: ReactNode): Promise<string> {
  return new Promise((resolve, reject) => {
    let html = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        html += chunk;
        done();
      },
      final(done) {
        resolve(html);
        done();
      },
    });
    const stream = renderToPipeableStream(ui, {
      onAllReady: () => stream.pipe(sink),
      onShellError: reject,
      onError: reject,
    });
  });
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
    const html = await onServer(() => renderToString(page(clients())));
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
    const html = await onServer(() => renderToString(page(clients())));
    expect(html).toContain('Please sign in');
    expect(html).not.toContain('Loading the page…');
    expect(requests).toEqual([]);
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
    const html = await onServer(() =>
      renderComplete(
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
      ),
    );
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
