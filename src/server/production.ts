/**
 * Secrets anyone can read: the reference server's development fallback, better-auth's built-in default and
 * the one its test utilities use, and the examples in profilekit's and better-auth's documentation. A
 * server signing with one of them signs verification links anyone can forge.
 */
export const PUBLIC_SECRETS: ReadonlySet<string> = new Set([
  'profilekit-demo-secret-change-me-in-production',
  'better-auth-secret-12345678901234567890',
  'better-auth-secret-that-is-long-enough-for-validation-test',
  'better-auth-secret',
  'your-secret-key',
  'your-secret-here',
  'a-very-long-secret-key-at-least-32-characters',
  'change-me',
  'changeme',
  'secret',
]);

/** The shortest secret accepted in production. */
export const MIN_SECRET_LENGTH = 32;

/** The settings a production start-up checks: what the host passed, else what better-auth reads from the environment. */
export interface StartupSettings {
  secret?: string | undefined;
  baseURL?: unknown;
}

function envValue(name: string): string | undefined {
  const value = typeof process === 'undefined' ? undefined : process.env?.[name];
  return value === '' ? undefined : value;
}

/** Why this secret must not sign anything in production, or undefined when it may. */
export function secretProblem(secret: string | undefined): string | undefined {
  if (!secret) return 'no secret is set';
  if (PUBLIC_SECRETS.has(secret.trim().toLowerCase()) || PUBLIC_SECRETS.has(secret)) {
    return 'the secret is a publicly known value (a development fallback or a documented example)';
  }
  if (secret.length < MIN_SECRET_LENGTH) return `the secret is shorter than ${MIN_SECRET_LENGTH} characters`;
  if (new Set(secret).size < 8) return 'the secret repeats too few characters to be random';
  return undefined;
}

/**
 * In production (`NODE_ENV=production`), refuses to build the options without a strong secret and a base
 * URL: the secret signs verification links and session cookies, so a missing, short or public one lets
 * anyone mark accounts verified or take them over; without a base URL, links would name whatever host a
 * request claims. Outside production, nothing is checked.
 */
export function checkProductionSettings(settings: StartupSettings): void {
  if (envValue('NODE_ENV') !== 'production') return;
  const secret = settings.secret ?? envValue('BETTER_AUTH_SECRET') ?? envValue('AUTH_SECRET');
  const problem = secretProblem(secret);
  if (problem) {
    throw new Error(
      `profileKitAuthOptions: refusing to start in production: ${problem}. Set BETTER_AUTH_SECRET (or pass \`secret\`) to at least ${MIN_SECRET_LENGTH} random characters, e.g. the output of \`openssl rand -base64 32\`.`,
    );
  }
  const baseURL = settings.baseURL ?? envValue('BETTER_AUTH_URL');
  if (!baseURL || (typeof baseURL === 'string' && !/^https?:\/\/[^/]/.test(baseURL))) {
    throw new Error(
      'profileKitAuthOptions: refusing to start in production without a base URL: set BETTER_AUTH_URL (or pass `baseURL`) to the public origin of the server, e.g. https://example.com',
    );
  }
}
