import { createAuthClient } from 'better-auth/react';
import { createProfileClient, type ProfileClient } from '../client/profile-client';
import type { ProfileKitAuthClient } from '../react/index';
import { checkKeys, checkValues, type EmbedConfig, SHARED } from './options';

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

let config: EmbedConfig = {};

/** The settings `configure` and the script tag gave. */
export const sharedConfig = (): EmbedConfig => config;

/** Sets options every widget shares (a widget's own options win). */
export function configure(options: EmbedConfig): void {
  checkValues(checkKeys(options, SHARED, 'configure'));
  config = { ...config, ...options };
}

export function resolveBaseURL(value: string | undefined) {
  return (value || globalThis.location?.origin || '').replace(/\/+$/, '');
}

/** Signs the person out of every widget on the page. */
export async function signOut(options: Pick<EmbedConfig, 'baseURL' | 'authMode'> = {}): Promise<void> {
  const merged = { ...config, ...options };
  await clientsFor(resolveBaseURL(merged.baseURL), merged.authMode ?? 'cookie').authClient.signOut();
}
