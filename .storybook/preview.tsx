import type { Decorator, Loader, Preview } from '@storybook/react-vite';
import { createAuthClient } from 'better-auth/react';
import type { SetupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { type ProfileKitLocale, ProfileKitProvider } from 'profilekit';
import { createProfileClient } from 'profilekit/client';
import { ar } from 'profilekit/locales/ar';
import { de } from 'profilekit/locales/de';
import { en } from 'profilekit/locales/en';
import { es } from 'profilekit/locales/es';
import { fr } from 'profilekit/locales/fr';
import { ja } from 'profilekit/locales/ja';
import { createMockBackend, type PersonaName } from 'profilekit/msw';
import 'profilekit/styles.css';
import { configure } from 'storybook/test';

// The play functions' findBy and waitFor wait up to 5 s instead of Testing Library's 1 s: in CI the stories
// share two cores with the other suites, and a story that is broken still fails, only later.
configure({ asyncUtilTimeout: 5000 });

/** The shipped locales, for the Locale toolbar. `default` is the components' own English, no `lang` set. */
const locales: Record<string, ProfileKitLocale | undefined> = { default: undefined, en, de, fr, es, ja, ar };

/** The public mock backend of profilekit/msw: one in-memory server for every story. */
export const backend = createMockBackend();

declare module '@storybook/react-vite' {
  interface Parameters {
    /** The state the mock backend starts the story in. Default `signedOut`. */
    persona?: PersonaName;
    /** Milliseconds the mock backend waits before every answer (overrides the persona's). */
    latency?: number;
    /** Answers to put in the sign-up's saved draft before the story renders. */
    draft?: Record<string, unknown>;
  }
}

/**
 * In Storybook the mocks run in a service worker; when the stories run as tests under Node, in msw's
 * request interceptor. Either way the same handlers answer.
 */
async function startMockServer() {
  if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
    const { setupWorker } = await import('msw/browser');
    const worker = setupWorker();
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    return worker;
  }
  const node = 'msw/node';
  const { setupServer } = (await import(/* @vite-ignore */ node)) as typeof import('msw/node');
  const server = setupServer();
  server.listen({ onUnhandledRequest: 'error' });
  // The loader only calls use() and resetHandlers(), which the Node server has as the worker does.
  return server as unknown as SetupWorker;
}

/** Each story starts from its persona with fresh clients, so no session or draft leaks between stories. */
const personaLoader: Loader = async ({ parameters }) => {
  backend.reset(parameters.persona ?? 'signedOut');
  if (parameters.latency !== undefined) backend.setLatency(parameters.latency);
  sessionStorage.clear();
  if (parameters.draft) sessionStorage.setItem('profilekit:sign-up', JSON.stringify(parameters.draft));
  const origin = window.location.origin;
  return {
    authClient: createAuthClient({ baseURL: origin }),
    profileClient: createProfileClient({ baseURL: origin, retries: 0 }),
  };
};

const withProvider: Decorator = (Story, { loaded, globals }) => (
  <ProfileKitProvider
    authClient={loaded.authClient}
    profileClient={loaded.profileClient}
    theme={globals.theme === 'auto' ? undefined : globals.theme}
    locale={locales[globals.locale ?? 'default']}
  >
    <div
      dir={locales[globals.locale ?? 'default']?.dir}
      style={
        globals.theme === 'dark'
          ? { padding: '1rem', background: '#0d1117', color: '#e6edf3', colorScheme: 'dark' }
          : { padding: '1rem' }
      }
    >
      <Story />
    </div>
  </ProfileKitProvider>
);

const preview: Preview = {
  loaders: [mswLoader(startMockServer), personaLoader],
  decorators: [withProvider],
  parameters: {
    msw: backend.handlers,
    layout: 'fullscreen',
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme of the components',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['auto', 'light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Language of the components (profilekit/locales/<tag>); Arabic is right to left',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'default', title: 'English (default)' },
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
          { value: 'ja', title: '日本語' },
          { value: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'auto', locale: 'default' },
  tags: ['autodocs'],
};

export default preview;
