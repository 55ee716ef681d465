import { APIError, createAuthEndpoint, sessionMiddleware } from 'better-auth/api';
import { deleteSessionCookie } from 'better-auth/cookies';
import { z } from 'zod';
import { describeUserAgent } from './user-agent';

/** Where a session seems to be, from what the server stored with it: a short text ("Lyon, France") or null. */
export type SessionPlace = (session: {
  ipAddress: string | null;
  userAgent: string | null;
}) => string | null | undefined | Promise<string | null | undefined>;

/**
 * One session of the signed-in person as the page sees it: never its token. `id` is opaque (an HMAC of
 * the session's id under the server's secret), good only for revoking it through this server.
 */
export interface DeviceSession {
  id: string;
  browser: string | null;
  os: string | null;
  place: string | null;
  createdAt: string;
  lastActive: string;
  current: boolean;
}

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = globalThis.crypto.subtle.importKey(
      'raw',
      encoder.encode(`profilekit-session-id:${secret}`),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    keys.set(secret, key);
  }
  return key;
}

/** The opaque id of a session: 128 bits of HMAC-SHA-256 of its id, in base64url. */
export async function opaqueSessionId(secret: string, sessionId: string): Promise<string> {
  const mac = await globalThis.crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(sessionId));
  return Buffer.from(mac.slice(0, 16)).toString('base64url');
}

const iso = (value: Date | string) => new Date(value).toISOString();

interface StoredSession {
  id: string;
  token: string;
  expiresAt: Date | string;
  createdAt: Date | string;
  updatedAt: Date | string;
  ipAddress?: string | null | undefined;
  userAgent?: string | null | undefined;
}

async function liveSessions(
  ctx: { context: { internalAdapter: { listSessions(userId: string): Promise<StoredSession[]> } } },
  userId: string,
) {
  const now = Date.now();
  return (await ctx.context.internalAdapter.listSessions(userId)).filter(
    (session) => new Date(session.expiresAt).getTime() > now,
  );
}

/** The endpoints of the sessions list: `GET /profilekit/sessions` and `POST /profilekit/sessions/revoke`. */
export function sessionEndpoints(locate: SessionPlace | undefined) {
  return {
    listProfileKitSessions: createAuthEndpoint(
      '/profilekit/sessions',
      { method: 'GET', use: [sessionMiddleware], requireHeaders: true },
      async (ctx) => {
        const { session, user } = ctx.context.session;
        const sessions = await liveSessions(ctx, user.id);
        const listed: DeviceSession[] = await Promise.all(
          sessions.map(async (each) => ({
            id: await opaqueSessionId(ctx.context.secret, each.id),
            ...describeUserAgent(each.userAgent),
            place:
              (await locate?.({ ipAddress: each.ipAddress ?? null, userAgent: each.userAgent ?? null })) ??
              null,
            createdAt: iso(each.createdAt),
            lastActive: iso(each.updatedAt),
            current: each.id === session.id,
          })),
        );
        listed.sort(
          (a, b) => Number(b.current) - Number(a.current) || b.lastActive.localeCompare(a.lastActive),
        );
        return ctx.json({ sessions: listed });
      },
    ),
    revokeProfileKitSession: createAuthEndpoint(
      '/profilekit/sessions/revoke',
      {
        method: 'POST',
        use: [sessionMiddleware],
        requireHeaders: true,
        body: z.object({ id: z.string().min(1).max(64) }),
      },
      async (ctx) => {
        const { session, user } = ctx.context.session;
        const sessions = await liveSessions(ctx, user.id);
        for (const each of sessions) {
          if ((await opaqueSessionId(ctx.context.secret, each.id)) !== ctx.body.id) continue;
          await ctx.context.internalAdapter.deleteSession(each.token);
          const current = each.id === session.id;
          if (current) deleteSessionCookie(ctx);
          return ctx.json({ status: true, current });
        }
        throw new APIError('NOT_FOUND', {
          code: 'SESSION_NOT_FOUND',
          message: 'No session of yours has this id; it may have ended already',
        });
      },
    ),
  };
}
