import { AuthGate, ProfileEditor } from 'profilekit';
import { SignOutButton } from '../sign-out-button';

// AuthGate only hides: whatever this Server Component passes it is sent to every visitor. The editor holds
// nothing secret; for content that must stay on the server, see app/members/page.tsx.
export default function ProfilePage() {
  return (
    <main>
      <h1>Your background</h1>
      <AuthGate requireProfile>
        <p>Your lessons are tuned to the background below.</p>
        <ProfileEditor />
        <SignOutButton />
      </AuthGate>
    </main>
  );
}
