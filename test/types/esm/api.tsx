// The public API as a strict ESM host types it, against the built package (bundler and node16 resolution).
import { betterAuth } from 'better-auth';
import { createAuthClient } from 'better-auth/react';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import {
  AuthGate,
  defineQuestionnaire as defineFromReact,
  ProfileEditor,
  type ProfileKitAuthClient,
  ProfileKitProvider,
  SignIn,
  SignUpWithBackground,
  useProfile,
  useSession,
} from 'profilekit';
import {
  BACKGROUND_FIELDS,
  createProfileClient,
  defineQuestionnaire,
  type ProfileKitError,
  type Question,
  type QuestionnaireDefinition,
  resolveQuestionnaire,
} from 'profilekit/client';
import { createMockBackend } from 'profilekit/msw';
import {
  createMigrator,
  createProfileHandler,
  migrate,
  type ProfileKitDatabase,
  profileKitAuthOptions,
} from 'profilekit/server';
import { createRef } from 'react';

// better-auth's own React client is what the provider takes.
const authClient = createAuthClient({ baseURL: 'https://auth.example.com' });
export const asProfileKitClient: ProfileKitAuthClient = authClient;

// The migrations take a Kysely over profilekit's tables, over a host's own tables, or untyped.
interface HostDatabase extends ProfileKitDatabase {
  courses: { id: string; title: string };
}
const pool = new pg.Pool({ connectionString: 'postgres://localhost/app' });
const own = new Kysely<ProfileKitDatabase>({ dialect: new PostgresDialect({ pool }) });
const host = new Kysely<HostDatabase>({ dialect: new PostgresDialect({ pool }) });
// biome-ignore lint/suspicious/noExplicitAny: hosts often type their Kysely this loosely; it must be accepted.
declare const untyped: Kysely<any>;
declare const unknownTables: Kysely<unknown>;
export const ran: Promise<{ name: string; direction: 'Up' | 'Down' }[]> = migrate(own);
await migrate(host, 'down');
createMigrator(untyped);
createMigrator(unknownTables);
// @ts-expect-error a direction that does not exist
await migrate(own, 'sideways');
// @ts-expect-error not a Kysely instance
await migrate(pool);

// profileKitAuthOptions spread into better-auth's own options, with overrides.
export const auth = betterAuth({
  ...profileKitAuthOptions({ user: { fields: { name: 'display_name' } } }),
  database: { db: own, type: 'postgres' },
  emailAndPassword: { enabled: true },
});
export const profileRoute: (request: Request) => Promise<Response> = createProfileHandler({ auth, db: host });

// The questionnaire from the React-free entry, resolved where no React runs, and still from `profilekit`.
const questionnaire: QuestionnaireDefinition = defineQuestionnaire({
  order: ['backgroundPreference'],
  fields: { devices: { hidden: true, options: (defaults) => [...defaults, 'BBC micro:bit'] } },
});
export const questions: Question[] = resolveQuestionnaire(questionnaire);
export const names: readonly string[] = BACKGROUND_FIELDS;
defineFromReact(questionnaire);
// @ts-expect-error an unknown question is a type error too
defineQuestionnaire({ order: ['shoeSize'] });

export const profiles = createProfileClient({ baseURL: 'https://auth.example.com', token: () => 'token' });
export const isConflict = (error: ProfileKitError) => error.code === 'PROFILE_VERSION_CONFLICT';
export const mock = createMockBackend({ persona: 'signedInWithProfile' });

function Header() {
  const { user, signOut } = useSession();
  const { status, profile } = useProfile();
  return (
    <p>
      {user?.name} {status} {profile?.languages.length}
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </p>
  );
}

const trigger = createRef<HTMLButtonElement>();
export function App() {
  return (
    <ProfileKitProvider
      authClient={authClient}
      baseURL="https://auth.example.com"
      questionnaire={questionnaire}
    >
      <Header />
      <AuthGate requireProfile loading={<p>Loading</p>} fallback={<SignIn autoFocus />}>
        <ProfileEditor onSuccess={(profile) => profile.devices} />
      </AuthGate>
      <SignUpWithBackground
        mode="dialog"
        trigger={
          <button type="button" ref={trigger}>
            Join
          </button>
        }
        onSuccess={({ user }) => user?.email}
      />
      {/* @ts-expect-error a mode that does not exist */}
      <SignUpWithBackground mode="popup" />
    </ProfileKitProvider>
  );
}
