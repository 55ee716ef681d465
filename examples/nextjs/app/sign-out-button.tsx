'use client';

import { useSession } from 'profilekit';

export function SignOutButton() {
  const { user, signOut } = useSession();
  if (!user) return null;
  return (
    <button type="button" onClick={() => void signOut()}>
      Sign out
    </button>
  );
}
