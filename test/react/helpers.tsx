import '@testing-library/jest-dom/vitest';
import { act, cleanup, type RenderOptions, type RenderResult, render } from '@testing-library/react';
import { createAuthClient } from 'better-auth/react';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createProfileClient } from '../../src/client/index';
import { createMockBackend, type PersonaName } from '../../src/msw/index';
import { ProfileKitProvider, type ProfileKitProviderProps } from '../../src/react/index';
import { unmountAndSettle } from '../unmount';

export const BASE_URL = 'http://localhost:3000';

/** The public mock backend of profilekit/msw, served to the components through msw. */
export const backend = createMockBackend({ baseURL: BASE_URL });
export const server = setupServer(...backend.handlers);

/** Every request the components made in the current test, as "METHOD /path". */
export const requests: string[] = [];

beforeAll(async () => {
  // The components load their code on first render; load it once here so each test starts from there.
  await Promise.all([
    import('../../src/react/sign-in/sign-in'),
    import('../../src/react/gate/default-fallback'),
    import('../../src/react/sign-up/sign-up-with-background'),
    import('../../src/react/sign-up/sign-up-form'),
    import('../../src/react/profile/profile-editor'),
    import('../../src/react/gate/profile-gate'),
    import('../../src/react/elements/dialog-frame'),
    import('../../src/react/account/user-menu'),
    import('../../src/react/account/delete-account'),
    import('../../src/react/account/download-data'),
    import('../../src/react/account/social-buttons'),
  ]);
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
  });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  backend.reset('signedOut');
  backend.setLatency(0);
  requests.length = 0;
  sessionStorage.clear();
});
afterAll(async () => {
  await unmountAndSettle();
  server.close();
});

/** A fresh better-auth client (its session cache is per client) and profile client. */
export function clients() {
  const authClient = createAuthClient({ baseURL: BASE_URL });
  const profileClient = createProfileClient({ baseURL: BASE_URL, retries: 0, timeout: 2000 });
  return { authClient, profileClient };
}

export function usePersona(persona: PersonaName) {
  backend.reset(persona);
}

/** Renders under a ProfileKitProvider wired to the mock backend, once the components' code has loaded. */
export async function renderWithKit(
  ui: ReactNode,
  options: Partial<Omit<ProfileKitProviderProps, 'children'>> & { render?: RenderOptions } = {},
) {
  const { render: renderOptions, ...providerProps } = options;
  const made = clients();
  let result: RenderResult | undefined;
  await act(async () => {
    result = render(
      <ProfileKitProvider authClient={made.authClient} profileClient={made.profileClient} {...providerProps}>
        {ui}
      </ProfileKitProvider>,
      renderOptions,
    );
  });
  return { ...(result as RenderResult), ...made };
}

export { expectNoAxeViolations } from '../a11y';
