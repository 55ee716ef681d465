import type { BetterAuthOptions, DBAdapter } from 'better-auth';
import { type AccountMailKind, mayMail } from './mail-limits';

/** A message better-auth asks the host to deliver: who to, the link to follow and its bare token. */
export interface AccountEmail {
  user: { id: string; email: string; name: string };
  url: string;
  token: string;
}

/** Delivers one account email. A plain async function: send it with whatever mail service you use. */
export type AccountEmailSender = (message: AccountEmail, request?: Request) => Promise<void> | void;

/** Password reset and email verification, wired by {@link profileKitAuthOptions}. */
export interface ProfileKitRecoveryOptions {
  /**
   * Sends the password-reset link. Without it, better-auth refuses reset requests with
   * `RESET_PASSWORD_DISABLED`. Every other session of the person ends when the password changes.
   */
  sendResetPassword?: AccountEmailSender;
  /** Sends the link that verifies an email address (at sign-up, and when the person asks again). */
  sendVerificationEmail?: AccountEmailSender;
  /**
   * Only people who followed the verification link can sign in. Sign-up then answers a taken email
   * exactly like a new one and signs nobody in; the verification link signs the person in.
   * Needs `sendVerificationEmail`.
   */
  requireEmailVerification?: boolean;
  /** Called when a sender throws; the person's request has already been answered. Default: console.error. */
  onSendError?: (error: unknown, kind: 'reset-password' | 'verify-email') => void;
}

/**
 * Runs the host's sender without making the request wait for it: how long a mail service takes, or
 * whether it fails, must not tell a caller whether an account exists (better-auth answers an unknown
 * email at once, so a known one has to answer as fast).
 */
function inBackground(
  send: AccountEmailSender,
  kind: AccountMailKind,
  onSendError: NonNullable<ProfileKitRecoveryOptions['onSendError']>,
  state: LifecycleState,
) {
  return async (message: AccountEmail, request?: Request) => {
    const { user, url, token } = message;
    Promise.resolve()
      .then(async () => {
        // Past the cap for this address the mail is dropped, after the answer, which therefore never differs.
        if (state.adapter && !(await mayMail(state.adapter, kind, user.email))) return;
        await send({ user: { id: user.id, email: user.email, name: user.name }, url, token }, request);
      })
      .catch((error: unknown) => onSendError(error, kind));
  };
}

/** A host's own verification sender, within the per-recipient cap (it runs as the host wrote it). */
type VerificationSender = NonNullable<
  NonNullable<BetterAuthOptions['emailVerification']>['sendVerificationEmail']
>;
function capped(send: VerificationSender, state: LifecycleState): VerificationSender {
  return async (message, request) => {
    if (state.adapter && !(await mayMail(state.adapter, 'verify-email', message.user.email))) return;
    await send(message, request);
  };
}

/**
 * What the account-lifecycle hooks share with the senders: better-auth's database adapter, which the first
 * hook of every request records (a sender is only ever called from inside a request).
 */
export interface LifecycleState {
  adapter?: DBAdapter;
  /** Whether following a verification link signs in (the browser that asked for it only). */
  signInAfterVerification?: boolean;
  /** Whether verification links are mailed at all. */
  sendsVerification?: boolean;
}

/** Every pending reset link of this person: `reset-password:<token>` rows whose value is their id. */
export async function forgetResetLinks(adapter: DBAdapter, userId: string): Promise<void> {
  await adapter.deleteMany({
    model: 'verification',
    where: [
      { field: 'value', value: userId },
      { field: 'identifier', operator: 'starts_with', value: 'reset-password:' },
    ],
  });
}

/**
 * After a successful reset: the other pending links go, and an account whose address was never verified
 * keeps only its password. Whoever held the address before its owner proved it (a provider identity or
 * anything else linked to it) loses its way in when the owner recovers the account.
 */
async function afterPasswordReset(
  adapter: DBAdapter,
  user: { id: string; emailVerified?: boolean },
): Promise<void> {
  await forgetResetLinks(adapter, user.id);
  if (user.emailVerified) return;
  await adapter.deleteMany({
    model: 'account',
    where: [
      { field: 'userId', value: user.id },
      { field: 'providerId', operator: 'ne', value: 'credential' },
    ],
  });
}

const logSendError = (error: unknown, kind: string) =>
  console.error(`profilekit: sending the ${kind} email failed`, error);

/** The better-auth options for account recovery; merged into `emailAndPassword` and `emailVerification`. */
export function recoveryAuthOptions(
  recovery: ProfileKitRecoveryOptions,
  overrides: Pick<BetterAuthOptions, 'emailAndPassword' | 'emailVerification'>,
  state: LifecycleState,
) {
  const onSendError = recovery.onSendError ?? logSendError;
  if (recovery.requireEmailVerification && !recovery.sendVerificationEmail) {
    throw new TypeError(
      'profileKitAuthOptions: `requireEmailVerification` needs `sendVerificationEmail`, or nobody could verify',
    );
  }
  const emailAndPassword = {
    enabled: true,
    ...overrides.emailAndPassword,
    ...(recovery.sendResetPassword
      ? {
          sendResetPassword: inBackground(recovery.sendResetPassword, 'reset-password', onSendError, state),
          // A person resets because they lost control of the password: whoever else holds a session goes.
          revokeSessionsOnPasswordReset: true,
        }
      : {}),
    ...(recovery.requireEmailVerification ? { requireEmailVerification: true } : {}),
    onPasswordReset: async (data: { user: { id: string; emailVerified?: boolean } }, request?: Request) => {
      if (state.adapter) await afterPasswordReset(state.adapter, data.user);
      // biome-ignore lint/suspicious/noExplicitAny: the host's callback, with better-auth's own user type
      await overrides.emailAndPassword?.onPasswordReset?.(data as any, request);
    },
  } satisfies BetterAuthOptions['emailAndPassword'];
  const hostVerification = overrides.emailVerification;
  // better-auth's own sign-in after verification signs in whichever browser opens the link (login CSRF);
  // profilekit's hooks sign in only the browser that asked for the link (./verification-link).
  state.sendsVerification = Boolean(
    recovery.sendVerificationEmail ?? hostVerification?.sendVerificationEmail,
  );
  state.signInAfterVerification = recovery.sendVerificationEmail
    ? (hostVerification?.autoSignInAfterVerification ?? true)
    : (hostVerification?.autoSignInAfterVerification ?? false);
  const emailVerification = recovery.sendVerificationEmail
    ? ({
        ...hostVerification,
        sendVerificationEmail: inBackground(
          recovery.sendVerificationEmail,
          'verify-email',
          onSendError,
          state,
        ),
        // Following the link is the sign-in that sign-up withheld, so the questionnaire can be saved next;
        // the hooks do it, in the browser that asked for the link only.
        autoSignInAfterVerification: false,
        // A person who signs in with the right password before verifying gets a fresh link: the first may be
        // lost or expired, and nothing else would send another.
        sendOnSignIn: hostVerification?.sendOnSignIn ?? true,
      } satisfies BetterAuthOptions['emailVerification'])
    : hostVerification && {
        ...hostVerification,
        autoSignInAfterVerification: false,
        ...(hostVerification.sendVerificationEmail
          ? { sendVerificationEmail: capped(hostVerification.sendVerificationEmail, state) }
          : {}),
      };
  return { emailAndPassword, ...(emailVerification ? { emailVerification } : {}) };
}
