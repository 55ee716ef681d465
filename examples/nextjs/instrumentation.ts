// Next.js runs register() once when a server starts, before it serves a request: the place for migrations.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { migrate } = await import('profilekit/server');
  const { db } = await import('./lib/auth');
  await migrate(db);
}
