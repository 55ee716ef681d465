import { createAuthClient } from 'better-auth/react';
import { AuthGate, ProfileEditor, ProfileKitProvider, SignUpWithBackground, useSession } from 'profilekit';
import { StrictMode, useState } from 'react';
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
      <ProfileEditor />
      <p>
        <button type="button" className="app-button" onClick={() => void signOut()}>
          Sign out
        </button>
      </p>
    </section>
  );
}

function App() {
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  return (
    <ProfileKitProvider authClient={authClient} baseURL={window.location.origin} theme={theme}>
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
        <SignUpWithBackground mode="dialog" />
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
