import { APIError, getSessionFromCtx, isAPIError } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import { verifyJWT } from 'better-auth/crypto';
import type { HookContext } from './hook-context';
import { emailHash } from './limits';
import type { LifecycleState } from './recovery';

/**
 * The cookie that ties a verification link to the browser that asked for it: set (signed, HTTP-only,
 * SameSite=Lax) by every answer that mails a link (sign-up, `send-verification-email`, a sign-in before
 * verifying), holding the SHA-256 of the address. Following the link verifies the address from any browser,
 * but signs in only a browser holding the cookie for that address, and never over someone else's session.
 */
export const BINDING_COOKIE = 'verify_binding';

/** Paths whose answers mail a verification link. */
const MAILING = new Set(['/sign-up/email', '/send-verification-email', '/sign-in/email']);

interface Pending {
  user: { id: string; email: string } & Record<string, unknown>;
  current: Awaited<ReturnType<typeof getSessionFromCtx>>;
}

function payloadOf(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/** The request a hook runs for: one key from the before hook to the after hook. */
function requestKey(ctx: HookContext): object | undefined {
  return (ctx.request as object | undefined) ?? (ctx.query as object | undefined) ?? undefined;
}

/** A link of a kind this configuration turned off: refused as better-auth refuses a tampered one. */
function refuseToken(ctx: HookContext): never {
  const callbackURL = (ctx.query as { callbackURL?: unknown } | undefined)?.callbackURL;
  if (
    typeof callbackURL === 'string' &&
    ctx.context.isTrustedOrigin(callbackURL, { allowRelativePaths: true })
  ) {
    const url = new URL(callbackURL, ctx.context.baseURL);
    url.searchParams.set('error', 'INVALID_TOKEN');
    throw ctx.redirect(callbackURL.startsWith('/') ? url.pathname + url.search + url.hash : url.href);
  }
  throw new APIError('UNAUTHORIZED', { code: 'INVALID_TOKEN', message: 'Invalid token' });
}

function bindingCookie(ctx: HookContext) {
  return ctx.context.createAuthCookie(BINDING_COOKIE, {
    maxAge: ctx.context.options.emailVerification?.expiresIn ?? 3600,
    httpOnly: true,
  });
}

/** The address an answer mailed a link to, when it did (or would have, for an unknown address). */
function mailedTo(ctx: HookContext): string | undefined {
  const returned = ctx.context.returned;
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== 'string') return undefined;
  if (ctx.path === '/sign-in/email') {
    // A right password before verifying: better-auth mailed a fresh link and refused the sign-in.
    const code = isAPIError(returned) ? (returned.body as { code?: unknown } | undefined)?.code : undefined;
    return code === 'EMAIL_NOT_VERIFIED' ? email : undefined;
  }
  return isAPIError(returned) ? undefined : email;
}

/** True when the verify endpoint succeeded: its JSON answer, or its redirect to the callback URL itself. */
function verified(ctx: HookContext): boolean {
  const returned = ctx.context.returned;
  if (!isAPIError(returned)) return returned !== undefined;
  if (returned.statusCode !== 302) return false;
  const location = new Headers(returned.headers as HeadersInit | undefined).get('location');
  return location === (ctx.query as { callbackURL?: unknown } | undefined)?.callbackURL;
}

/**
 * A request another site made: no binding is set for it, so that site cannot make a victim's browser
 * the one that "asked" for the attacker's link.
 */
function crossSite(ctx: HookContext): boolean {
  const headers = ctx.headers ?? ctx.request?.headers;
  if (headers?.get('sec-fetch-site') === 'cross-site') return true;
  const origin = headers?.get('origin');
  if (!origin) return false;
  return origin === 'null' || !ctx.context.isTrustedOrigin(origin);
}

export function verificationHooks(state: LifecycleState, settings: { changeEmail: boolean }) {
  const pending = new WeakMap<object, Pending>();
  return {
    async before(ctx: HookContext): Promise<unknown> {
      if (ctx.path !== '/verify-email') return undefined;
      const token = (ctx.query as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string') return undefined;
      const payload = payloadOf(await verifyJWT(token, ctx.context.secret));
      if (!payload) return undefined;
      // better-auth honours change-email tokens whether or not change-email is on.
      // Read from the options in force, however the host turned change-email on.
      const changeEmail = settings.changeEmail || ctx.context.options.user?.changeEmail?.enabled === true;
      if (payload.updateTo !== undefined && !changeEmail) refuseToken(ctx);
      if (!state.signInAfterVerification || payload.updateTo !== undefined) return undefined;
      if (typeof payload.email !== 'string') return undefined;
      const found = await ctx.context.internalAdapter.findUserByEmail(payload.email);
      if (!found || found.user.emailVerified) return undefined;
      if (payload.userId !== undefined && payload.userId !== found.user.id) return undefined;
      const cookie = bindingCookie(ctx);
      const bound = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
      if (!bound || bound !== (await emailHash(found.user.email))) return undefined;
      const current = await getSessionFromCtx(ctx);
      // Never over someone else's session: that browser stays theirs.
      if (current && current.user.id !== found.user.id) return undefined;
      const key = requestKey(ctx);
      if (key) pending.set(key, { user: found.user as Pending['user'], current });
      return undefined;
    },
    async after(ctx: HookContext): Promise<void> {
      if (MAILING.has(ctx.path ?? '') && state.sendsVerification) {
        const email = mailedTo(ctx);
        if (email && !crossSite(ctx)) {
          const cookie = bindingCookie(ctx);
          await ctx.setSignedCookie(
            cookie.name,
            await emailHash(email),
            ctx.context.secret,
            cookie.attributes,
          );
        }
        return;
      }
      if (ctx.path !== '/verify-email') return;
      const key = requestKey(ctx);
      const entry = key && pending.get(key);
      if (!entry || !key) return;
      pending.delete(key);
      if (!verified(ctx)) return;
      const user = { ...entry.user, emailVerified: true };
      if (entry.current) {
        await setSessionCookie(ctx, {
          session: entry.current.session,
          user: { ...entry.current.user, emailVerified: true },
        });
      } else {
        const session = await ctx.context.internalAdapter.createSession(user.id);
        if (!session) return;
        // biome-ignore lint/suspicious/noExplicitAny: better-auth's user row, as findUserByEmail gave it
        await setSessionCookie(ctx, { session, user: user as any });
      }
      const cookie = bindingCookie(ctx);
      ctx.setCookie(cookie.name, '', { ...cookie.attributes, maxAge: 0 });
    },
  };
}
