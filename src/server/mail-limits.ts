import type { DBAdapter } from 'better-auth';
import { emailHash, type LimitRule, reserveSlot } from './limits';

/** The kinds of account mail, each with its own cap per recipient. */
export type AccountMailKind = 'reset-password' | 'verify-email';

/** At most 10 mails of each kind to one address in an hour, whoever asks and from wherever. */
export const MAIL_PER_RECIPIENT: LimitRule = { max: 10, window: 60 * 60 };

/** The `rate_limits` key of one kind of mail to one address (hashed: the table holds no addresses). */
export async function mailKey(kind: AccountMailKind, email: string): Promise<string> {
  return `mail:${kind}:${await emailHash(email)}`;
}

/** Every `rate_limits` key that names this person's email; deletion removes them. */
export async function personKeys(email: string): Promise<string[]> {
  const hash = await emailHash(email);
  return [`account:${hash}`, `mail:reset-password:${hash}`, `mail:verify-email:${hash}`];
}

/**
 * True when one more mail of this kind may go to this address, counting it; false past the cap. Called
 * after the request has been answered, so a capped request answers exactly like a sent one.
 */
export async function mayMail(
  adapter: DBAdapter,
  kind: AccountMailKind,
  email: string,
  rule: LimitRule = MAIL_PER_RECIPIENT,
): Promise<boolean> {
  return (await reserveSlot(adapter, await mailKey(kind, email), rule)) === undefined;
}
