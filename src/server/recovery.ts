import type { BetterAuthOptions } from 'better-auth';

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
  kind: 'reset-password' | 'verify-email',
  onSendError: NonNullable<ProfileKitRecoveryOptions['onSendError']>,
) {
  return async (message: AccountEmail, request?: Request) => {
    const { user, url, token } = message;
    Promise.resolve()
      .then(() => send({ user: { id: user.id, email: user.email, name: user.name }, url, token }, request))
      .catch((error: unknown) => onSendError(error, kind));
  };
}

const logSendError = (error: unknown, kind: string) =>
  console.error(`profilekit: sending the ${kind} email failed`, error);

/** The better-auth options for account recovery; merged into `emailAndPassword` and `emailVerification`. */
export function recoveryAuthOptions(
  recovery: ProfileKitRecoveryOptions,
  overrides: Pick<BetterAuthOptions, 'emailAndPassword' | 'emailVerification'>,
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
          sendResetPassword: inBackground(recovery.sendResetPassword, 'reset-password', onSendError),
          // A person resets because they lost control of the password: whoever else holds a session goes.
          revokeSessionsOnPasswordReset: true,
        }
      : {}),
    ...(recovery.requireEmailVerification ? { requireEmailVerification: true } : {}),
  } satisfies BetterAuthOptions['emailAndPassword'];
  const emailVerification = recovery.sendVerificationEmail
    ? ({
        ...overrides.emailVerification,
        sendVerificationEmail: inBackground(recovery.sendVerificationEmail, 'verify-email', onSendError),
        // Following the link is the sign-in that sign-up withheld, so the questionnaire can be saved next.
        autoSignInAfterVerification: overrides.emailVerification?.autoSignInAfterVerification ?? true,
        // A person who signs in with the right password before verifying gets a fresh link: the first may be
        // lost or expired, and nothing else would send another.
        sendOnSignIn: overrides.emailVerification?.sendOnSignIn ?? true,
      } satisfies BetterAuthOptions['emailVerification'])
    : overrides.emailVerification;
  return { emailAndPassword, ...(emailVerification ? { emailVerification } : {}) };
}
