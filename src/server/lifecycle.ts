import { type BetterAuthOptions, generateId } from 'better-auth';
import { APIError, isAPIError } from 'better-auth/api';
import * as z from 'zod';
import type { HookContext } from './hook-context';
import type { LifecycleState } from './recovery';
import { forgetResetLinks } from './recovery';
import { verificationHooks } from './verification-link';

const RESET_ANSWER = {
  status: true,
  message: 'If this email exists in our system, check your email for the reset link',
};

const emailSchema = z.email();

/**
 * A reset request answers before any work that depends on the address: the lookup, the token row and the
 * mail run after the answer, so a known address and an unknown one take the same path to the answer and
 * the same time. The answer is better-auth's own; refusals (a malformed email, an untrusted `redirectTo`)
 * come first and depend on the request alone.
 */
async function answerResetFirst(ctx: HookContext): Promise<unknown> {
  const send = ctx.context.options.emailAndPassword?.sendResetPassword;
  // Without a sender better-auth answers RESET_PASSWORD_DISABLED itself.
  if (!send) return undefined;
  const body = (ctx.body ?? {}) as { email?: unknown; redirectTo?: unknown };
  if (typeof body.email !== 'string' || !emailSchema.safeParse(body.email).success) {
    throw new APIError('BAD_REQUEST', {
      code: 'VALIDATION_ERROR',
      message: '[body.email] Invalid email address',
    });
  }
  const { redirectTo } = body;
  if (redirectTo !== undefined && typeof redirectTo !== 'string') {
    throw new APIError('BAD_REQUEST', {
      code: 'VALIDATION_ERROR',
      message: '[body.redirectTo] Invalid input: expected string',
    });
  }
  if (redirectTo && !ctx.context.isTrustedOrigin(redirectTo, { allowRelativePaths: true })) {
    throw new APIError('FORBIDDEN', { code: 'INVALID_REDIRECT_URL', message: 'Invalid redirectURL' });
  }
  const email = body.email;
  void issueReset(ctx, email, redirectTo, send).catch((error: unknown) => {
    ctx.context.logger.error('profilekit: issuing a password reset failed', error);
  });
  return ctx.json(RESET_ANSWER);
}

/** better-auth's own reset issuance (a one-hour `reset-password:<token>` row, then the mail), after the answer. */
async function issueReset(
  ctx: HookContext,
  email: string,
  redirectTo: string | undefined,
  send: NonNullable<NonNullable<BetterAuthOptions['emailAndPassword']>['sendResetPassword']>,
): Promise<void> {
  const found = await ctx.context.internalAdapter.findUserByEmail(email, { includeAccounts: true });
  if (!found) return;
  const seconds = ctx.context.options.emailAndPassword?.resetPasswordTokenExpiresIn || 3600;
  const token = generateId(24);
  await ctx.context.internalAdapter.createVerificationValue({
    value: found.user.id,
    identifier: `reset-password:${token}`,
    expiresAt: new Date(Date.now() + seconds * 1000),
  });
  const callbackURL = redirectTo ? encodeURIComponent(redirectTo) : '';
  const url = `${ctx.context.baseURL}/reset-password/${token}?callbackURL=${callbackURL}`;
  await send({ user: found.user, url, token }, ctx.request);
}

/** A password change is a recovery too: links mailed before it no longer reset the password. */
async function afterPasswordChange(ctx: HookContext): Promise<void> {
  const returned = ctx.context.returned;
  if (!returned || isAPIError(returned)) return;
  const userId = (returned as { user?: { id?: unknown } }).user?.id;
  if (typeof userId === 'string') await forgetResetLinks(ctx.context.adapter, userId);
}

/**
 * The account-lifecycle hooks profilekit adds: the reset request answered first, pending reset links
 * forgotten after a password change, and the verification link's sign-in bound to the browser that asked
 * for it (see ./verification-link).
 */
export function lifecycleHooks(state: LifecycleState, settings: { changeEmail: boolean }) {
  const verification = verificationHooks(state, settings);
  return {
    async before(ctx: HookContext): Promise<unknown> {
      state.adapter ??= ctx.context.adapter;
      if (ctx.path === '/request-password-reset') return answerResetFirst(ctx);
      return verification.before(ctx);
    },
    async after(ctx: HookContext): Promise<void> {
      if (ctx.path === '/change-password') await afterPasswordChange(ctx);
      await verification.after(ctx);
    },
  };
}
