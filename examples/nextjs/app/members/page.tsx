import { headers } from 'next/headers';
import { ServerAuthGate } from 'profilekit/rsc';
import { auth } from '@/lib/auth';
import { SignInToContinue } from './sign-in-to-continue';

// ServerAuthGate protects: for a signed-out visitor the lesson is never rendered, so neither the HTML nor
// the React Server Components payload holds it. (AuthGate only hides what it is given.)
export default async function MembersPage() {
  return (
    <main>
      <h1>Members</h1>
      <ServerAuthGate auth={auth} headers={await headers()} fallback={<SignInToContinue />}>
        {(session) => (
          <article>
            <h2>Lesson 1: timers and interrupts</h2>
            <p>Signed in as {session.user.email}. The members-only lesson starts here.</p>
          </article>
        )}
      </ServerAuthGate>
    </main>
  );
}
