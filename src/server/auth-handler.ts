import { ErrorCodes } from '../client/errors';
import { clientDatabaseFailure } from './auth-input';
import {
  addressFor,
  CLIENT_ADDRESS_HEADER,
  type ProxySetting,
  proxySetting,
  TRUST_PROXY_SETTING,
} from './client-address';
import { isClientAbort } from './guards';

/** The parts of a better-auth instance the handler uses (any `betterAuth(...)` result fits). */
export interface AuthWithHandler {
  handler(request: Request): Promise<Response>;
  options?: unknown;
}

/**
 * Answers better-auth's routes (`/api/auth/*`) with the client's address resolved the way
 * `profileKitAuthOptions({ trustProxy })` says, and `remoteAddress` the address of the TCP connection the
 * request came on (Node: `request.socket.remoteAddress`; Hono on Node: `c.env.incoming.socket.remoteAddress`).
 * Use it instead of `auth.handler`:
 *
 * - the address goes to better-auth in a header no client can send, so rate limits and the address recorded
 *   with each session are the connection's, or what your trusted proxy forwarded, never a header a client
 *   made up;
 * - a 429 from better-auth's limiter carries `Retry-After` and `{ code: 'RATE_LIMITED', retryAfter }`, as
 *   profilekit's own limits do, so the components can say how long to wait;
 * - a client that disconnects mid-body gets a 400 `ABORTED` and nothing is logged as a server failure.
 *
 * A host without the connection's address (a Next.js route handler) passes none and sets `trustProxy` to
 * the header its platform sets.
 *
 * @example
 * const handleAuth = createAuthHandler(auth);
 * http.createServer(async (req, res) => { ... await handleAuth(request, req.socket.remoteAddress) ... });
 */
export function createAuthHandler(
  auth: AuthWithHandler,
): (request: Request, remoteAddress?: string) => Promise<Response> {
  if (!auth || typeof auth.handler !== 'function') {
    throw new TypeError('createAuthHandler: `auth` must be a better-auth instance');
  }
  const setting = settingOf(auth);
  throwFailures(auth);
  return async (request, remoteAddress) => {
    let body: ArrayBuffer | undefined;
    if (request.body) {
      // Read here, so that a client going away mid-body is not a failure inside better-auth (which logs it).
      try {
        body = await request.arrayBuffer();
      } catch (error) {
        if (isClientAbort(error, request)) return aborted();
        throw error;
      }
    }
    const headers = new Headers(request.headers);
    headers.delete(CLIENT_ADDRESS_HEADER);
    const address = addressFor(request.headers, remoteAddress, setting);
    if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
    let response: Response;
    try {
      response = await auth.handler(
        new Request(request.url, {
          method: request.method,
          headers,
          ...(body === undefined ? {} : { body }),
          signal: request.signal,
        }),
      );
    } catch (error) {
      return failure(error, request);
    }
    return response.status === 429 ? withRetryAfter(response) : response;
  };
}

/**
 * better-auth answers a failure inside an endpoint (a database error among them) with a bare 500 and logs
 * it; with `onAPIError.throw` it hands the failure on instead, so the handler can tell the client's from
 * the server's. Its own refusals (`APIError`s) are answered by better-auth as before.
 */
function throwFailures(auth: AuthWithHandler): void {
  const options = auth.options as { onAPIError?: Record<string, unknown> } | undefined;
  if (!options || typeof options !== 'object') return;
  options.onAPIError = { ...options.onAPIError, throw: true };
}

/** A failure better-auth handed on: 400 with a code when the request caused it, else a logged 500. */
function failure(error: unknown, request: Request): Response {
  if (isClientAbort(error, request)) return aborted();
  const client = clientDatabaseFailure(error);
  if (client) return Response.json(client, { status: 400 });
  console.error('profilekit: an /api/auth request failed', error);
  return Response.json(
    { code: ErrorCodes.SERVER_ERROR, message: 'The server failed to handle the request' },
    { status: 500 },
  );
}

function settingOf(auth: AuthWithHandler): ProxySetting {
  const options = auth.options as Record<symbol, unknown> | undefined;
  return (options?.[TRUST_PROXY_SETTING] as ProxySetting | undefined) ?? proxySetting(false);
}

function aborted(): Response {
  return Response.json(
    { code: ErrorCodes.ABORTED, message: 'The client closed the request' },
    { status: 400 },
  );
}

async function bodyOf(response: Response): Promise<{ code?: unknown } | null> {
  try {
    return (await response.json()) as { code?: unknown } | null;
  } catch {
    return null;
  }
}

/** better-auth's limiter answers 429 with `X-Retry-After` and a bare message; profilekit's shape is richer. */
async function withRetryAfter(response: Response): Promise<Response> {
  if (response.headers.has('retry-after')) return response;
  // A 429 of a plugin's own that names its cause (two-factor's ACCOUNT_TEMPORARILY_LOCKED) keeps it.
  if (typeof (await bodyOf(response.clone()))?.code === 'string') return response;
  const seconds = Math.max(1, Math.ceil(Number(response.headers.get('x-retry-after'))) || 1);
  const headers = new Headers(response.headers);
  headers.set('retry-after', String(seconds));
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  await response.body?.cancel();
  return new Response(
    JSON.stringify({
      code: ErrorCodes.RATE_LIMITED,
      message: 'Too many requests. Try again later.',
      retryAfter: seconds,
    }),
    { status: 429, statusText: 'Too Many Requests', headers },
  );
}
