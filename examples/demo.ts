/**
 * `npm run demo`: builds what the demo serves when its sources changed since the last demo build (the
 * package without type declarations, and the React example), then starts the reference server. A restart
 * with nothing changed reuses the build. `npm run start` starts the server on the existing build.
 * `npm run build` (with declarations) replaces the demo build; the next demo rebuilds.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const at = (path: string) => `${root}${path}`;
const STAMP = 'dist/.demo-build';
/** Everything the demo build reads. */
const SOURCES = [
  'src',
  'tsup.config.ts',
  'package.json',
  'examples/react-app/src',
  'examples/react-app/index.html',
];

async function files(path: string): Promise<string[]> {
  const info = await stat(at(path)).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) return [path];
  const entries = await readdir(at(path));
  return (await Promise.all(entries.sort().map((entry) => files(`${path}/${entry}`)))).flat();
}

async function fingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const file of await files(source))
      hash
        .update(file)
        .update('\0')
        .update(await readFile(at(file)));
  }
  return hash.digest('hex');
}

/** Runs a build step with its output kept back, shown only when it fails. */
async function run(command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (status !== 0) {
    process.stderr.write(output);
    console.error(`profilekit demo: \`${command} ${args.join(' ')}\` failed`);
    process.exit(status ?? 1);
  }
}

/**
 * The embedded database's first start (creating its files) takes as long as the build: do it meanwhile.
 * Only for the default PGlite directory, the one examples/server/database.ts opens.
 */
async function prepareDatabase() {
  if (process.env.DATABASE_URL || process.env.DATA_DIR) return;
  const dir = at('examples/server/.data/pglite/');
  if (await stat(`${dir}PG_VERSION`).catch(() => null)) return;
  await mkdir(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const client = new PGlite(dir);
  await client.waitReady;
  await client.close();
}

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const wanted = await fingerprint();
const built = await readFile(at(STAMP), 'utf8').catch(() => '');
const appBuilt = await stat(at('examples/react-app/dist/index.html')).catch(() => null);
if (built === wanted && appBuilt) {
  console.log(`profilekit demo: sources unchanged, reusing the build (${seconds()} s)`);
} else {
  const database = prepareDatabase();
  await rm(at('dist'), { recursive: true, force: true });
  await run(process.execPath, [at('node_modules/tsup/dist/cli-default.js'), '--silent'], {
    PROFILEKIT_DTS: 'off',
  });
  await cp(at('src/styles.css'), at('dist/styles.css'));
  await mkdir(at('dist/migrations'), { recursive: true });
  for (const file of await readdir(at('src/server/migrations'))) {
    if (file.endsWith('.sql')) await cp(at(`src/server/migrations/${file}`), at(`dist/migrations/${file}`));
  }
  await run(process.execPath, [at('node_modules/tsx/dist/cli.mjs'), at('examples/react-app/build.ts')]);
  await writeFile(at(STAMP), wanted);
  await database;
  console.log(`profilekit demo: built the package and the React example in ${seconds()} s`);
}

// A secret of this checkout's own, kept with the demo's data, so sessions outlive a restart.
const secretFile = at('examples/server/.data/demo-secret');
let secret = await readFile(secretFile, 'utf8').catch(() => '');
if (!secret) {
  secret = randomBytes(32).toString('base64url');
  await mkdir(at('examples/server/.data'), { recursive: true });
  await writeFile(secretFile, secret, { mode: 0o600 });
}
process.env.BETTER_AUTH_SECRET ??= secret;
process.env.PROFILEKIT_DEMO = '1';
await import('./server/index');
