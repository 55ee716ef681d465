// The public API as a strict CommonJS host (node16) types it: every entry through its .d.cts declarations.
import type { createAuthClient } from 'better-auth/react' with { 'resolution-mode': 'import' };
import { Kysely, type PostgresDialect } from 'kysely';
import { AuthGate, type ProfileKitAuthClient, ProfileKitProvider, SignUpWithBackground } from 'profilekit';
import { createProfileClient, defineQuestionnaire, resolveQuestionnaire } from 'profilekit/client';
import { createMockBackend } from 'profilekit/msw';
import { createMigrator, migrate, type ProfileKitDatabase, profileKitAuthOptions } from 'profilekit/server';

declare const authClient: ReturnType<typeof createAuthClient>;
export const asProfileKitClient: ProfileKitAuthClient = authClient;

declare const dialect: PostgresDialect;
const own = new Kysely<ProfileKitDatabase>({ dialect });
export const ran = migrate(own).then((list) => list.map((m) => m.name));
createMigrator(new Kysely<ProfileKitDatabase & { courses: { id: string } }>({ dialect }));
// @ts-expect-error a direction that does not exist
migrate(own, 'sideways');
export const options = profileKitAuthOptions();

const questionnaire = defineQuestionnaire({ fields: { frameworks: { required: true } } });
export const questions = resolveQuestionnaire(questionnaire).map((q) => q.name);
export const profiles = createProfileClient({ baseURL: '' });
export const mock = createMockBackend({ persona: 'signedOut' });

export function App() {
  return (
    <ProfileKitProvider authClient={authClient} questionnaire={questionnaire}>
      <AuthGate requireProfile>
        <SignUpWithBackground mode="inline" />
      </AuthGate>
    </ProfileKitProvider>
  );
}
