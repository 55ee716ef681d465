/**
 * Reset-request timing on real PostgreSQL: medians of 40 interleaved requests for a known and an unknown
 * address, with profilekit's options, and with its hooks taken away (better-auth's own endpoint, which
 * writes a row for a known address only). Run with `npm run bench:reset`; a measurement, not a test.
 *
 * Environment: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a scratch schema is made
 * and dropped), RESET_SAMPLES (40).
 */
import { betterAuth } from 'better-auth';
import { migrate, profileKitAuthOptions } from '../../../src/server';
import { createTestDatabase } from '../db';

process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
const samples = Number(process.env.RESET_SAMPLES ?? 40);
const BASE = 'http://localhost:3000';

const database = await createTestDatabase();
await migrate(database.db);

function auth(bare: boolean) {
  return betterAuth({
    ...profileKitAuthOptions({ sendResetPassword: () => {} }),
    ...(bare ? { hooks: {} } : {}),
    secret: 'reset-timing-secret-that-is-long-enough',
    baseURL: BASE,
    database: { db: database.db, type: 'postgres' },
    logger: { disabled: true },
  });
}

const post = (server: ReturnType<typeof auth>, path: string, body: unknown) =>
  server.handler(
    new Request(`${BASE}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE },
      body: JSON.stringify(body),
    }),
  );

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    ((sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) + (sorted[Math.ceil((sorted.length - 1) / 2)] ?? 0)) /
    2
  );
};

async function measure(label: string, server: ReturnType<typeof auth>) {
  const known = `known-${label}-${Date.now()}@example.test`;
  await post(server, '/sign-up/email', { email: known, password: 'correct horse battery', name: 'K' });
  const times = { known: [] as number[], unknown: [] as number[] };
  const once = async (kind: 'known' | 'unknown', i: number) => {
    const email = kind === 'known' ? known : `unknown-${label}-${i}-${Date.now()}@example.test`;
    const started = performance.now();
    const response = await post(server, '/request-password-reset', { email });
    await response.text();
    times[kind].push(performance.now() - started);
  };
  // Warm-up, then interleaved so a slow moment of the machine falls on both sides.
  for (let i = 0; i < 5; i++) await once(i % 2 ? 'known' : 'unknown', -i);
  times.known.length = 0;
  times.unknown.length = 0;
  for (let i = 0; i < samples; i++) {
    await once(i % 2 ? 'known' : 'unknown', i);
    await once(i % 2 ? 'unknown' : 'known', i);
  }
  const [k, u] = [median(times.known), median(times.unknown)];
  console.log(
    `${label.padEnd(28)} known ${k.toFixed(2)} ms, unknown ${u.toFixed(2)} ms, ratio ${(Math.max(k, u) / Math.min(k, u)).toFixed(3)}`,
  );
  // Let the background issuance of the last requests finish before the schema goes.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

try {
  await measure('profilekit (answers first)', auth(false));
  await measure('better-auth alone', auth(true));
} finally {
  await database.close();
}
