'use client';

import { useRouter } from 'next/navigation';
import { AuthGate } from 'profilekit';
import { useEffect } from 'react';

/** Signs the visitor in, then renders the page again on the server, which now sends the lesson. */
export function SignInToContinue() {
  return (
    <AuthGate>
      <Refresh />
    </AuthGate>
  );
}

function Refresh() {
  const router = useRouter();
  useEffect(() => router.refresh(), [router]);
  return null;
}
