import { createAuthClient } from 'better-auth/react';
import { createProfileClient, type ProfileClient } from '../client/profile-client';
import type { ProfileKitAuthClient } from '../react/index';

interface Clients {
  authClient: ProfileKitAuthClient & { signOut(): Promise<unknown> };
  profileClient: ProfileClient;
}

const clients = new Map<string, Clients>();

function tokenKey(baseURL: string) {
  return `profilekit:token:${baseURL}`;
}

/** One auth client and one profile client per server and mode, shared by every widget on the page. */
export function clientsFor(baseURL: string, authMode: 'cookie' | 'bearer'): Clients {
  const key = `${authMode} ${baseURL}`;
  const existing = clients.get(key);
  if (existing) return existing;
  const bearer = authMode === 'bearer';
  const token = () => localStorage.getItem(tokenKey(baseURL));
  const authClient = createAuthClient({
    baseURL,
    fetchOptions: bearer
      ? {
          credentials: 'omit',
          auth: { type: 'Bearer', token: () => token() ?? undefined },
          onSuccess(context) {
            const issued = context.response.headers.get('set-auth-token');
            if (issued) localStorage.setItem(tokenKey(baseURL), issued);
            if (new URL(context.request.url).pathname.endsWith('/sign-out'))
              localStorage.removeItem(tokenKey(baseURL));
          },
        }
      : { credentials: 'include' },
  }) as unknown as Clients['authClient'];
  const profileClient = createProfileClient(
    bearer ? { baseURL, credentials: 'omit', token } : { baseURL, credentials: 'include' },
  );
  const made = { authClient, profileClient };
  clients.set(key, made);
  return made;
}

/** The server's origin: the one given, else this page's. */
export function resolveBaseURL(value: string | undefined) {
  return (value || globalThis.location?.origin || '').replace(/\/+$/, '');
}
