import { createAuthClient } from 'better-auth/react';
import {
  AuthGate,
  ForBackground,
  ProfileEditor,
  ProfileKitProvider,
  type SocialProvider,
  UserMenu,
  useSession,
} from 'profilekit';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'profilekit/styles.css';
import './app.css';

// The auth server and the profile API: the reference server that also serves this page.
const authClient = createAuthClient({ baseURL: window.location.origin });

function Members() {
  const { user, signOut } = useSession();
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Welcome, {user?.name}</h2>
      <p>Your lessons are tuned to the background below. Change it any time.</p>
      {/* Chosen by the background, and chosen again as soon as it is saved. */}
      <ForBackground
        when={{ languages: { Python: { atLeast: 'advanced' } } }}
        fallback={<p>Your track: Python foundations.</p>}
      >
        <p>Your track: advanced Python for robots.</p>
      </ForBackground>
      <ProfileEditor headingLevel={3} />
      <p>
        <button type="button" className="app-button" onClick={() => void signOut()}>
          Sign out
        </button>
      </p>
    </section>
  );
}

/** The "Continue with …" providers the reference server has settings for. */
function useSocialProviders() {
  const [providers, setProviders] = useState<SocialProvider[]>([]);
  useEffect(() => {
    fetch('/api/social-providers')
      .then((response) => (response.ok ? response.json() : []))
      .then(setProviders, () => {});
  }, []);
  return providers;
}

function App() {
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  // The widgets draw no background of their own: the page follows the same theme.
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const socialProviders = useSocialProviders();
  return (
    <ProfileKitProvider
      authClient={authClient}
      baseURL={window.location.origin}
      theme={theme}
      socialProviders={socialProviders}
    >
      <header className="app-header">
        <h1>Robotics course (React)</h1>
        <button
          type="button"
          className="app-button"
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          Dark theme
        </button>
        {/* Who is signed in and their account; a "Sign up" button while nobody is. */}
        <UserMenu />
      </header>
      <main className="app-main">
        <AuthGate requireProfile>
          <Members />
        </AuthGate>
      </main>
    </ProfileKitProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
