import '@testing-library/jest-dom/vitest';
import { cleanup, type RenderOptions, render } from '@testing-library/react';
import axe from 'axe-core';
import { createAuthClient } from 'better-auth/react';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createProfileClient } from '../../src/client/index';
import { createMockBackend, type PersonaName } from '../../src/msw/index';
import { ProfileKitProvider, type ProfileKitProviderProps } from '../../src/react/index';

export const BASE_URL = 'http://localhost:3000';

/** The public mock backend of profilekit/msw, served to the components through msw. */
export const backend = createMockBackend({ baseURL: BASE_URL });
export const server = setupServer(...backend.handlers);

/** Every request the components made in the current test, as "METHOD /path". */
export const requests: string[] = [];

beforeAll(() => {
  // jsdom has no canvas; axe only uses it for colour contrast, which the browser tests check.
  HTMLCanvasElement.prototype.getContext = () => null;
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
afterAll(() => server.close());

/** A fresh better-auth client (its session cache is per client) and profile client. */
export function clients() {
  const authClient = createAuthClient({ baseURL: BASE_URL });
  const profileClient = createProfileClient({ baseURL: BASE_URL, retries: 0, timeout: 2000 });
  return { authClient, profileClient };
}

export function usePersona(persona: PersonaName) {
  backend.reset(persona);
}

/** Renders under a ProfileKitProvider wired to the mock backend. */
export function renderWithKit(
  ui: ReactNode,
  options: Partial<Omit<ProfileKitProviderProps, 'children'>> & { render?: RenderOptions } = {},
) {
  const { render: renderOptions, ...providerProps } = options;
  const made = clients();
  const result = render(
    <ProfileKitProvider authClient={made.authClient} profileClient={made.profileClient} {...providerProps}>
      {ui}
    </ProfileKitProvider>,
    renderOptions,
  );
  return { ...result, ...made };
}

/**
 * Runs axe on what a test rendered and fails with the rules that were broken. The components live inside a
 * host's page, so the rules about the page as a whole (landmarks, a top-level heading) are the host's.
 */
export async function expectNoAxeViolations(container: Element = document.body) {
  const results = await axe.run(container, {
    rules: {
      region: { enabled: false },
      'landmark-one-main': { enabled: false },
      'page-has-heading-one': { enabled: false },
    },
  });
  expect(
    results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);
}
