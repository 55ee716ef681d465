import type { BetterAuthOptions, DBAdapter } from 'better-auth';
import { personKeys } from './mail-limits';

type DatabaseHooks = NonNullable<BetterAuthOptions['databaseHooks']>;
type UserDeleteAfter = NonNullable<NonNullable<NonNullable<DatabaseHooks['user']>['delete']>['after']>;

interface VerificationRow {
  id: string;
  identifier: string;
  value: string;
}

/**
 * Every row about a deleted person that the schema's ON DELETE CASCADE cannot reach, because it names them
 * by value rather than by key: `verifications` whose value is their id (pending reset links) or whose
 * identifier or value holds their email (plugins key codes by address), and the `rate_limits` counters
 * keyed by their email's hash.
 */
export async function forgetPerson(adapter: DBAdapter, user: { id: string; email: string }): Promise<void> {
  const email = user.email.toLowerCase();
  await adapter.deleteMany({ model: 'verification', where: [{ field: 'value', value: user.id }] });
  // `contains` is a LIKE: its matches are checked exactly before anything is deleted.
  const byEmail = await Promise.all(
    (['identifier', 'value'] as const).map((field) =>
      adapter.findMany<VerificationRow>({
        model: 'verification',
        where: [{ field, operator: 'contains', value: email }],
      }),
    ),
  );
  const ids = new Set(
    byEmail
      .flat()
      .filter((row) => `${row.identifier}\n${row.value}`.toLowerCase().includes(email))
      .map((row) => row.id),
  );
  if (ids.size > 0) {
    await adapter.deleteMany({
      model: 'verification',
      where: [{ field: 'id', operator: 'in', value: [...ids] }],
    });
  }
  await adapter.deleteMany({
    model: 'rateLimit',
    where: [{ field: 'key', operator: 'in', value: await personKeys(email) }],
  });
}

/** `databaseHooks` with the deletion clean-up after the host's own `user.delete.after`, if any. */
export function deletionDatabaseHooks(hooks: DatabaseHooks | undefined): DatabaseHooks {
  const hostAfter = hooks?.user?.delete?.after;
  const after: UserDeleteAfter = async (user, context) => {
    const adapter = context?.context.adapter;
    if (adapter) await forgetPerson(adapter, user);
    await hostAfter?.(user, context);
  };
  return {
    ...hooks,
    user: { ...hooks?.user, delete: { ...hooks?.user?.delete, after } },
  };
}
