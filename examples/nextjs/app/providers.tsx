'use client';

import { createAuthClient } from 'better-auth/react';
import { ProfileKitProvider, type ProfileSnapshot, type SessionSnapshot } from 'profilekit';
import type { ReactNode } from 'react';

// The auth client lives in a client module: it holds hooks and browser state, and a Server Component can
// neither create it nor pass it to a client component. Same origin, so no baseURL.
const authClient = createAuthClient();

export function Providers(props: {
  initialSession: SessionSnapshot | null;
  initialProfile: ProfileSnapshot | null;
  children: ReactNode;
}) {
  return (
    <ProfileKitProvider
      authClient={authClient}
      initialSession={props.initialSession}
      initialProfile={props.initialProfile}
    >
      {props.children}
    </ProfileKitProvider>
  );
}
