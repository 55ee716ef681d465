import { accountHandlers } from './account-handlers';
import { authHandlers } from './auth-handlers';
import { profileHandlers } from './profile-handlers';
import { recoveryHandlers } from './recovery-handlers';
import { settingsHandlers } from './settings-handlers';
import { socialHandlers } from './social-handlers';
import { createMockState } from './state';
import type { MockBackend, MockBackendOptions } from './types';

/**
 * An in-memory backend that behaves like the reference server (better-auth's endpoints the components
 * call, and the profile API with the same status codes, error codes and ETags), for Storybook and for a
 * host's own tests. One backend is one browser: it holds at most one signed-in session.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createMockBackend } from 'profilekit/msw';
 *
 * const backend = createMockBackend({ persona: 'signedInWithProfile', baseURL: 'http://localhost:3000' });
 * const server = setupServer(...backend.handlers);
 */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const origin = options.baseURL ? options.baseURL.replace(/\/+$/, '') : '*';
  const authPath = options.authPath ?? '/api/auth';
  const authBase = `${origin}${authPath}`;
  const profileUrl = `${origin}${options.profilePath ?? '/api/profile'}`;
  const initial = options.persona ?? 'signedOut';
  const s = createMockState(authPath);
  s.reset(initial);
  const handlers = [
    ...authHandlers(s, authBase),
    ...recoveryHandlers(s, authBase),
    ...socialHandlers(s, authBase),
    ...accountHandlers(s, authBase),
    ...settingsHandlers(s, authBase),
    ...profileHandlers(s, profileUrl, options.questionnaire),
  ];
  return {
    handlers,
    get currentUser() {
      return s.currentUser();
    },
    get profile() {
      const user = s.currentUser();
      return user ? (s.profiles.get(user.id)?.profile ?? null) : null;
    },
    get users() {
      return s.users;
    },
    get outbox() {
      return s.outbox;
    },
    reset: (persona = initial) => s.reset(persona),
    setLatency(ms: number) {
      s.latency = ms;
    },
  };
}
