import 'profilekit/styles.css';
import './app.css';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { getProfile, getSession } from 'profilekit/server';
import type { ReactNode } from 'react';
import { auth, db } from '@/lib/auth';
import { Providers } from './providers';

export const metadata: Metadata = { title: 'Embedded Systems Course' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Read on the server, handed to the provider: pages render signed in (and with the profile) at once.
  const session = await getSession({ auth, headers: await headers() });
  const profile = session ? await getProfile({ db, userId: session.user.id }) : null;
  return (
    <html lang="en">
      <body>
        <nav>
          <Link href="/">Course</Link> <Link href="/profile">Your background</Link>{' '}
          <Link href="/members">Members</Link>
        </nav>
        <Providers initialSession={session} initialProfile={profile}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
