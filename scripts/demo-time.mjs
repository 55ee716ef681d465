// Times `npm run demo` (or another script: `node scripts/demo-time.mjs start`) from the command to its last
// printed line, the outbox URL, on a free port; then stops it. Prints the seconds and the load average
// before the start. docs/benchmarks.md has the figures; run it in a fresh clone after `npm ci` for a first
// start, again for a restart.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';

const script = process.argv[2] ?? 'demo';
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const load = loadavg()[0].toFixed(2);
const started = performance.now();
const child = spawn('npm', ['run', script], {
  cwd: new URL('..', import.meta.url),
  env: { ...process.env, PORT: String(port) },
  detached: true,
});
let output = '';
let finished = false;
function finish(outcome) {
  if (finished) return;
  finished = true;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`npm run ${script}: ${outcome} after ${seconds} s (load average ${load})`);
  if (outcome !== 'printed the pages') console.log(output);
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {}
  process.exitCode = outcome === 'printed the pages' ? 0 : 1;
}
child.stdout.on('data', (chunk) => {
  output += chunk;
  if (/\/dev\/outbox/.test(output)) finish('printed the pages');
});
child.stderr.on('data', (chunk) => {
  output += chunk;
});
child.on('exit', (code) => finish(`exited with ${code}`));
setTimeout(() => finish('no pages printed'), 180_000).unref();
