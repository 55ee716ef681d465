import * as z from 'zod/mini';

const IP = z.union([z.ipv4(), z.ipv6()]);
const isIP = (text: string) => IP.safeParse(text).success;

/**
 * Where the client's address comes from, for rate limits and the address recorded with each session.
 *
 * - `false` (the default): the TCP connection. No header is believed; the server hands the connection's
 *   address to {@link createAuthHandler}.
 * - `true` or a number of hops: that many reverse proxies of yours stand in front of the server, each
 *   appending the address it received the request from to `X-Forwarded-For`. The client is the entry that
 *   many places from the right, the right-most one your proxies did not write (`true` is one proxy:
 *   the last entry). Entries further left are whatever the client sent and are never used.
 * - `'x-forwarded-for'`: the same as `1`.
 * - Any other header name (`'cf-connecting-ip'` on Cloudflare, `'fly-client-ip'` on Fly.io, `'x-real-ip'`
 *   behind an nginx that sets it, `'x-vercel-forwarded-for'`...): a header holding one address that your
 *   platform sets and overwrites on every request.
 *
 * A string as read from an environment variable is understood too: `''`, `'false'`, `'true'`, `'2'`.
 *
 * Set anything but `false` only when clients cannot reach the server except through that proxy: a client
 * that reaches it directly writes these headers itself.
 */
export type TrustProxy =
  | boolean
  | number
  | 'x-forwarded-for'
  | 'cf-connecting-ip'
  | 'fly-client-ip'
  | 'x-real-ip'
  | (string & {});

/**
 * The request header that carries the resolved address to better-auth. Its name ends with a value drawn
 * when the process starts, so a client cannot send it: if a host forgets {@link createAuthHandler}, the
 * address is missing (better-auth warns) rather than forged.
 */
export const CLIENT_ADDRESS_HEADER = `x-profilekit-client-address-${Array.from(
  globalThis.crypto.getRandomValues(new Uint8Array(8)),
  (byte) => byte.toString(16).padStart(2, '0'),
).join('')}`;

/** Where {@link profileKitAuthOptions} leaves its `trustProxy` setting for {@link createAuthHandler}. */
export const TRUST_PROXY_SETTING = Symbol.for('profilekit.trustProxy');

const HEADER_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** `trustProxy` checked once, at start-up: how many `X-Forwarded-For` hops, or which single-address header. */
export type ProxySetting = { hops: number } | { header: string };

export function proxySetting(trustProxy: TrustProxy | undefined): ProxySetting {
  if (typeof trustProxy === 'string') {
    // As read from an environment variable: TRUST_PROXY=false, =2, =true or =cf-connecting-ip.
    const text = trustProxy.trim().toLowerCase();
    if (text === '' || text === 'false') return { hops: 0 };
    if (text === 'true') return { hops: 1 };
    if (/^\d+$/.test(text)) return proxySetting(Number(text));
  }
  if (trustProxy === undefined || trustProxy === false || trustProxy === 0) return { hops: 0 };
  if (trustProxy === true) return { hops: 1 };
  if (typeof trustProxy === 'number') {
    if (!Number.isInteger(trustProxy) || trustProxy < 0 || trustProxy > 32) {
      throw new TypeError(
        `profileKitAuthOptions: trustProxy must be a whole number of proxies, got ${trustProxy}`,
      );
    }
    return { hops: trustProxy };
  }
  const header = String(trustProxy).trim().toLowerCase();
  if (typeof trustProxy !== 'string' || !HEADER_NAME.test(header)) {
    throw new TypeError(
      'profileKitAuthOptions: trustProxy must be false, a number of proxies or a header name',
    );
  }
  if (header === 'x-forwarded-for') return { hops: 1 };
  if (header === 'forwarded') {
    throw new TypeError(
      'profileKitAuthOptions: the Forwarded header is not supported; name X-Forwarded-For with the number of proxies',
    );
  }
  return { header };
}

/**
 * One address as the rate limiter keys it, or `undefined` when the text is not an IPv4 or IPv6 address:
 * a port (`203.0.113.7:4711`, `[2001:db8::1]:443`) and an IPv6 zone (`%eth0`) are dropped.
 */
export function cleanAddress(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%[\w.-]+$/, '');
  return isIP(address) ? address.toLowerCase() : undefined;
}

/**
 * The client's address under a `trustProxy` setting: the connection's own address (`remoteAddress`) unless
 * proxies are trusted, then the address they forwarded. With no usable forwarded address, the connection's.
 */
export function resolveClientAddress(
  headers: Headers,
  remoteAddress: string | undefined,
  trustProxy: TrustProxy = false,
): string | undefined {
  return addressFor(headers, remoteAddress, proxySetting(trustProxy));
}

export function addressFor(
  headers: Headers,
  remoteAddress: string | undefined,
  setting: ProxySetting,
): string | undefined {
  const remote = cleanAddress(remoteAddress);
  if ('header' in setting) return cleanAddress(headers.get(setting.header)) ?? remote;
  if (setting.hops === 0) return remote;
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return remote;
  // Each trusted proxy appended one entry; the one `hops` from the right is what the outermost one saw.
  return cleanAddress(chain[Math.max(chain.length - setting.hops, 0)]) ?? remote;
}

/** better-auth's `advanced.ipAddress` for a setting: it reads the address from the header we set. */
export function ipAddressOptions(setting: ProxySetting) {
  return {
    // A platform header also works when a host mounts better-auth's own handler; ours is the fallback.
    ipAddressHeaders: 'header' in setting ? [setting.header, CLIENT_ADDRESS_HEADER] : [CLIENT_ADDRESS_HEADER],
  };
}
