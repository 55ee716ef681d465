import type { DBAdapter } from 'better-auth';
import { type LimitRule, rateLimitedError } from './limits';

/**
 * Per-account limits on what a signed-in person changes in their account settings, whatever address they
 * come from: each request takes a place before it runs, answered or refused.
 */
export const ACCOUNT_ACTION_RULES: Record<string, LimitRule> = {
  '/change-email': { max: 5, window: 60 * 60 },
  '/change-password': { max: 10, window: 15 * 60 },
  '/update-user': { max: 30, window: 60 * 60 },
  '/unlink-account': { max: 10, window: 60 * 60 },
  '/link-social': { max: 10, window: 60 * 60 },
  '/oauth2/link': { max: 10, window: 60 * 60 },
  '/revoke-other-sessions': { max: 10, window: 60 * 60 },
  '/revoke-sessions': { max: 10, window: 60 * 60 },
  '/profilekit/sessions/revoke': { max: 30, window: 60 * 60 },
};

/** The prefix of every per-account counter of the settings, followed by the user id. */
export const ACCOUNT_ACTION_PREFIX = 'settings:';

/** The `rate_limits` key of one person's counter for one endpoint. */
export const accountActionKey = (userId: string, path: string) => `${ACCOUNT_ACTION_PREFIX}${userId}:${path}`;

interface Row {
  count: number | string;
  lastRequest: number | string;
}

const MODEL = 'rateLimit';

/**
 * Takes a place in a fixed window kept in `rate_limits` (the row's `lastRequest` holds when the window
 * ends), atomically, so parallel requests cannot pass a stale count; past `max`, a 429 `RATE_LIMITED`.
 */
export async function takeAccountPlace(
  adapter: DBAdapter,
  key: string,
  rule: LimitRule,
  attempt = 0,
): Promise<void> {
  const now = Date.now();
  const where = (...more: Parameters<DBAdapter['findOne']>[0]['where']) => [
    { field: 'key', value: key },
    ...more,
  ];
  const live = await adapter.incrementOne({
    model: MODEL,
    where: where(
      { field: 'lastRequest', operator: 'gt', value: now },
      { field: 'count', operator: 'lt', value: rule.max },
    ),
    increment: { count: 1 },
  });
  if (live) return;
  const restarted = await adapter.incrementOne({
    model: MODEL,
    where: where({ field: 'lastRequest', operator: 'lte', value: now }),
    increment: {},
    set: { count: 1, lastRequest: now + rule.window * 1000 },
  });
  if (restarted) return;
  const row = await adapter.findOne<Row>({ model: MODEL, where: where() });
  if (row) {
    const ends = Number(row.lastRequest);
    if (ends > now && Number(row.count) >= rule.max) {
      throw rateLimitedError((ends - now) / 1000, 'Too many changes to this account; try again later');
    }
  } else {
    try {
      await adapter.create({ model: MODEL, data: { key, count: 1, lastRequest: now + rule.window * 1000 } });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  if (attempt >= 3) throw rateLimitedError(1, 'Too many changes to this account at once');
  return takeAccountPlace(adapter, key, rule, attempt + 1);
}

/** Removes every settings counter of a person (when the account is deleted). */
export async function clearAccountPlaces(adapter: DBAdapter, userId: string): Promise<void> {
  await adapter.deleteMany({
    model: MODEL,
    where: [{ field: 'key', operator: 'starts_with', value: `${ACCOUNT_ACTION_PREFIX}${userId}:` }],
  });
}
