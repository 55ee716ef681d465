import type { Kysely } from 'kysely';
import type { PersonalData } from '../client/personal-data';
import type { QuestionnaireDefinition } from '../client/questionnaire';
import type { Profile } from '../client/schema';
import type { ProfileKitDatabase } from './database';

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Reads everything profilekit's tables hold about one person, for `GET <path>/export`. `toProfile` is the
 * profile handler's own mapping, so the export and `GET /api/profile` agree on the shape.
 */
export async function readPersonalData(
  db: Kysely<ProfileKitDatabase>,
  userId: string,
  toProfile: (row: ProfileKitRow) => Profile,
  questionnaire?: QuestionnaireDefinition,
): Promise<PersonalData | null> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) return null;
  const [accounts, sessions, profile] = await Promise.all([
    db
      .selectFrom('accounts')
      .select(['provider_id', 'account_id', 'scope', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('sessions')
      .select(['created_at', 'expires_at', 'ip_address', 'user_agent'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('user_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return {
    format: 'profilekit-export/1',
    exportedAt: new Date().toISOString(),
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      emailVerified: user.email_verified,
      twoFactorEnabled: user.two_factor_enabled === true,
      image: user.image,
      createdAt: iso(user.created_at),
      updatedAt: iso(user.updated_at),
    },
    accounts: accounts.map((a) => ({
      providerId: a.provider_id,
      accountId: a.account_id,
      scope: a.scope,
      createdAt: iso(a.created_at),
    })),
    sessions: sessions.map((s) => ({
      createdAt: iso(s.created_at),
      expiresAt: iso(s.expires_at),
      ipAddress: s.ip_address,
      userAgent: s.user_agent,
    })),
    profile: profile ? toProfile(profile as ProfileKitRow) : null,
    answers: labelled(profile?.answers ?? {}, questionnaire),
  };
}

/** The stored host answers, each with its question's label; an answer no question asks now is kept too. */
function labelled(answers: Record<string, unknown>, questionnaire: QuestionnaireDefinition | undefined) {
  const questions = new Map((questionnaire?.questions ?? []).map((q) => [q.id, q]));
  return Object.entries(answers).map(([id, value]) => {
    const question = questions.get(id);
    return { id, label: question?.label ?? id, asked: question !== undefined && !question.hidden, value };
  });
}

type Row = ProfileKitDatabase['user_profiles'];
/** A `user_profiles` row as Kysely selects it. */
export type ProfileKitRow = {
  [K in keyof Row]: Row[K] extends { __select__: infer S } ? S : Row[K];
};
