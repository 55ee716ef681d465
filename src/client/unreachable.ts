// One console warning, in development builds, when a request fails before any answer: in a browser that is
// most often a server on another origin refusing the page by CORS, which the page itself cannot see.

const warned = new Set<string>();

/** `process.env.NODE_ENV` as bundlers define it; a page without a bundler (no `process`) counts as production. */
function development(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

function pageOrigin(): string | undefined {
  const location = (globalThis as { location?: { origin?: string } }).location;
  return typeof location?.origin === 'string' && location.origin !== 'null' ? location.origin : undefined;
}

/**
 * Warns once per server that a request to `url` got no answer at all, naming the origins and what to set.
 * `url` undefined: the server is the auth client's, whose address profilekit does not see.
 */
export function warnUnreachable(url: string | undefined): void {
  if (!development()) return;
  const page = pageOrigin();
  if (!page) return;
  let server: string | undefined;
  try {
    server = url === undefined ? undefined : new URL(url, page).origin;
  } catch {
    return;
  }
  if (server === page) return;
  const key = server ?? 'auth';
  if (warned.has(key)) return;
  warned.add(key);
  const where = server ? `${server}, another origin than this page` : 'the auth server';
  console.warn(
    `profilekit: a request to ${where} got no answer. If that server is running, it most likely refused ` +
      `this page (${page}) by CORS. On the server, add ${page} to better-auth's \`trustedOrigins\` and answer ` +
      `CORS for it with credentials (profileKitCors from profilekit/server); see the console's CORS error ` +
      'for the request. (This warning shows in development builds only.)',
  );
}
