import type { BetterAuthOptions, BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from 'better-auth/api';
import {
  ACCOUNT_ACTION_RULES,
  accountActionKey,
  clearAccountPlaces,
  takeAccountPlace,
} from './account-limits';
import { type SessionPlace, sessionEndpoints } from './device-sessions';
import type { LimitRule } from './limits';

/** A notice about the account that profilekit asks the host to mail; it carries no link. */
export type AccountNotice =
  /** To the current address: a change to `newEmail` was asked for, and applies once its link is followed. */
  | { kind: 'email-change-requested'; to: string; name: string; newEmail: string }
  /** To an address that already has an account, when someone asked to move another account onto it. */
  | { kind: 'email-in-use'; to: string };

/** Delivers one account notice; runs in the background, after the request has been answered. */
export type AccountNoticeSender = (notice: AccountNotice, request?: Request) => Promise<void> | void;

/** What the account settings need on the server, set through `profileKitAuthOptions`. */
export interface ProfileKitAccountSettingsOptions {
  /**
   * Mails the notices of the settings (see {@link AccountNotice}). Without it the change still works
   * (the link goes to the new address through `sendVerificationEmail`) but nobody hears of it.
   */
  sendAccountNotice?: AccountNoticeSender;
  /**
   * How recently, in seconds, an account without a password must have signed in to change its email
   * (one with a password gives it instead). Default 600.
   */
  reauthenticateWithin?: number;
  /** The approximate place of a session (from its address), shown in the sessions list; none by default. */
  locateSession?: SessionPlace;
  /**
   * Per-account limits on the settings' changes, by better-auth path, merged over
   * {@link ACCOUNT_ACTION_RULES}; `false` turns them off. On when better-auth's limiter is on.
   */
  accountActionLimits?: Record<string, LimitRule> | false;
}

const DEFAULT_REAUTHENTICATE_WITHIN = 10 * 60;

/**
 * Change of email, on when the server can mail the new address: it applies once the link sent there is
 * followed (never without it, verified account or not), and a verified account's old address is told.
 */
export function changeEmailOption(
  user: BetterAuthOptions['user'],
  emailVerification: BetterAuthOptions['emailVerification'],
): Pick<NonNullable<BetterAuthOptions['user']>, 'changeEmail'> {
  const enabled = Boolean(emailVerification?.sendVerificationEmail);
  return {
    changeEmail: {
      enabled,
      ...user?.changeEmail,
      // The address must be proven first, whatever the host's options say.
      updateEmailWithoutVerification: false,
    },
  };
}

function reauthenticationRequired(method: 'password' | 'sign-in'): APIError {
  return new APIError('FORBIDDEN', {
    code: 'REAUTHENTICATION_REQUIRED',
    message:
      method === 'password'
        ? 'Give your current password to change your email'
        : 'Sign in again to change your email',
    method,
  });
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Before `/change-email`: the current password, or a sign-in within `within` seconds for an account without one. */
async function requireReauthentication(ctx: HookContext, within: number) {
  const session = await getSessionFromCtx(ctx);
  if (!session) return;
  const account = await ctx.context.internalAdapter.findCredentialAccount(session.user.id);
  if (account?.password) {
    const given = (ctx.body as { currentPassword?: unknown } | undefined)?.currentPassword;
    if (typeof given !== 'string' || given === '') throw reauthenticationRequired('password');
    const max = ctx.context.password.config.maxPasswordLength;
    const right =
      given.length <= max && (await ctx.context.password.verify({ hash: account.password, password: given }));
    if (!right) {
      throw new APIError('BAD_REQUEST', { code: 'INVALID_PASSWORD', message: 'The password is wrong' });
    }
    return;
  }
  if (Date.now() - new Date(session.session.createdAt).getTime() > within * 1000) {
    throw reauthenticationRequired('sign-in');
  }
}

/** After a `/change-email` better-auth accepted: the notices, in the background. */
async function sendChangeNotices(ctx: HookContext, send: AccountNoticeSender | undefined) {
  if (!send || isAPIError(ctx.context.returned)) return;
  const session = await getSessionFromCtx(ctx);
  const newEmail = (ctx.body as { newEmail?: unknown } | undefined)?.newEmail;
  if (!session || typeof newEmail !== 'string') return;
  const lowered = newEmail.toLowerCase();
  const owner = await ctx.context.internalAdapter.findUserByEmail(lowered);
  const notices: AccountNotice[] = [];
  if (session.user.emailVerified) {
    notices.push({
      kind: 'email-change-requested',
      to: session.user.email,
      name: session.user.name,
      newEmail: lowered,
    });
  }
  if (owner && owner.user.id !== session.user.id) notices.push({ kind: 'email-in-use', to: lowered });
  for (const notice of notices) {
    Promise.resolve()
      .then(() => send(notice, ctx.request))
      .catch((error: unknown) => console.error('profilekit: sending an account notice failed', error));
  }
}

/** The email a change-email link moves its account to, read from the token (checked by better-auth after). */
function pendingEmail(token: unknown): string | undefined {
  if (typeof token !== 'string') return undefined;
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { updateTo?: unknown };
    return typeof claims.updateTo === 'string' ? claims.updateTo.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The better-auth plugin behind the account settings: the sessions list without tokens and revocation by
 * an opaque id (`/profilekit/sessions`), re-authentication before an email change, its notices, per-account
 * limits on every change, and the removal of those counters with the account.
 */
export function accountSettingsPlugin(options: ProfileKitAccountSettingsOptions = {}): BetterAuthPlugin {
  const within = options.reauthenticateWithin ?? DEFAULT_REAUTHENTICATE_WITHIN;
  const rules =
    options.accountActionLimits === false ? {} : { ...ACCOUNT_ACTION_RULES, ...options.accountActionLimits };
  const limited = (path: string | undefined) => (path && Object.hasOwn(rules, path) ? path : undefined);
  return {
    id: 'profilekit-account-settings',
    endpoints: sessionEndpoints(options.locateSession),
    init: () => ({
      options: {
        databaseHooks: {
          user: {
            delete: {
              async after(user, context) {
                if (context) await clearAccountPlaces(context.context.adapter, user.id);
              },
            },
          },
        },
      },
    }),
    hooks: {
      before: [
        {
          matcher: (ctx) => limited(ctx.path) !== undefined,
          handler: createAuthMiddleware(async (ctx) => {
            const path = limited(ctx.path);
            const rule = path && rules[path];
            if (!rule || !ctx.context.rateLimit.enabled) return;
            const session = await getSessionFromCtx(ctx);
            if (session)
              await takeAccountPlace(ctx.context.adapter, accountActionKey(session.user.id, path), rule);
          }),
        },
        {
          matcher: (ctx) => ctx.path === '/change-email',
          handler: createAuthMiddleware((ctx) => requireReauthentication(ctx, within)),
        },
        {
          // The address may have been taken between the request and the link: refuse with a 400, not a 500.
          matcher: (ctx) => ctx.path === '/verify-email',
          handler: createAuthMiddleware(async (ctx) => {
            const email = pendingEmail((ctx.query as { token?: unknown } | undefined)?.token);
            if (email && (await ctx.context.internalAdapter.findUserByEmail(email))) {
              throw new APIError('BAD_REQUEST', {
                code: 'EMAIL_IN_USE',
                message: 'Another account has this address now',
              });
            }
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === '/change-email',
          handler: createAuthMiddleware((ctx) => sendChangeNotices(ctx, options.sendAccountNotice)),
        },
        {
          // better-auth's own list hands every device's token to the page: strip them.
          matcher: (ctx) => ctx.path === '/list-sessions',
          handler: createAuthMiddleware(async (ctx) => {
            const listed = ctx.context.returned;
            if (!Array.isArray(listed)) return;
            return ctx.json(listed.map(({ token: _token, ...rest }: Record<string, unknown>) => rest));
          }),
        },
      ],
    },
    rateLimit: [
      { pathMatcher: (path) => path === '/profilekit/sessions', window: 60, max: 60 },
      { pathMatcher: (path) => path.startsWith('/profilekit/sessions/'), window: 60, max: 30 },
    ],
  };
}
