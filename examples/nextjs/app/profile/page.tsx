import { AuthGate, ForBackground, ProfileEditor } from 'profilekit';
import { SignOutButton } from '../sign-out-button';

// AuthGate only hides: whatever this Server Component passes it is sent to every visitor. The editor holds
// nothing secret; for content that must stay on the server, see app/members/page.tsx.
export default function ProfilePage() {
  return (
    <main>
      <h1>Your background</h1>
      <AuthGate requireProfile>
        <p>Your lessons are tuned to the background below.</p>
        {/* In the first HTML from the layout's initialProfile, then chosen again after each save. */}
        <ForBackground
          when={{ languages: { Python: { atLeast: 'advanced' } } }}
          fallback={<p>Your track: Python foundations.</p>}
        >
          <p>Your track: advanced Python for robots.</p>
        </ForBackground>
        <ProfileEditor />
        <SignOutButton />
      </AuthGate>
    </main>
  );
}
