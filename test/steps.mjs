#!/usr/bin/env node
// The test run as a graph of steps: each step starts as soon as the steps it needs have passed and the machine
// has room, the package is built once and every later step reuses that build, and the run ends with a table of
// each step's time. `npm test` runs the package's own suites; `npm test -- --browser` (what CI runs) adds the
// browser and host suites to the same graph, so they overlap with the unit tests instead of waiting for them.
//
//   npm test -- --only=unit,lint     just those steps (and nothing they need: run `build` first where needed)
//   npm test -- --list               the graph, without running it
//   npm test -- --keep-going         after a failure, run every step that does not need the failed one
//   PROFILEKIT_TEST_SLOTS=1 npm test one step at a time (the order of the table), for a quiet baseline
//
// Each step's output goes to e2e-artifacts/steps/<step>.log; a failing step's log is printed (its end), the steps
// still running are stopped (unless --keep-going), and the run fails.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LOGS = join(ROOT, 'e2e-artifacts/steps');
/** How much of a failing step's log is printed. */
const TAIL = 300;

/**
 * `load` is how much of the machine a step keeps busy, in cores, from the CPU time each step reports on the
 * 2-core CI machine: vitest runs one worker fewer than the cores (one, here), so each vitest step keeps one
 * core busy at most; the browser suites spend about half their time waiting for pages and servers. A step
 * starts while the loads of the running ones leave room for it (one step always may); the room is one more
 * than the cores, since no step keeps its cores busy all the time.
 */
const STEPS = [
  // Listed in the order they are started when several could: what others wait for, then the longest.
  { name: 'build', run: 'npm run build', load: 1 },
  { name: 'typecheck', run: 'tsc -p tsconfig.json', load: 1 },
  {
    name: 'examples',
    run: 'tsx examples/react-app/build.ts && PROFILEKIT_EXAMPLE_REACT=18 tsx examples/react-app/build.ts',
    needs: ['build'],
    load: 0.5,
    browser: true,
  },
  { name: 'storybook', run: 'storybook build --quiet', needs: ['build'], load: 1, browser: true },
  {
    name: 'visual',
    run: 'vitest run -c vitest.e2e.config.ts test/e2e/visual.e2e.ts',
    needs: ['examples', 'storybook'],
    load: 0.5,
    browser: true,
  },
  {
    name: 'e2e',
    run: 'vitest run -c vitest.e2e.config.ts --exclude test/e2e/visual.e2e.ts',
    needs: ['examples', 'storybook'],
    load: 0.5,
    browser: true,
  },
  {
    name: 'nextjs',
    run: 'bash test/nextjs/install.sh && vitest run -c vitest.nextjs.config.ts',
    needs: ['build'],
    load: 1,
    browser: true,
  },
  {
    // The guides of docs/guides/, followed as written in empty folders: the packed package in place of the
    // published one, the Vite template's own build, the guide's servers, Chromium across two origins.
    name: 'guides',
    run: 'vitest run -c vitest.guides.config.ts',
    needs: ['build'],
    load: 0.5,
    browser: true,
  },
  { name: 'unit', run: 'vitest run', load: 1 },
  { name: 'react18', run: 'vitest run -c vitest.react18.config.ts', load: 1 },
  { name: 'types', run: 'npm run test:types', needs: ['build'], load: 1 },
  { name: 'lint', run: 'biome check --error-on-warnings .', load: 0.5 },
  { name: 'package', run: 'npm run check:package', needs: ['build'], load: 0.5 },
  { name: 'dist', run: 'npm run test:dist', needs: ['build'], load: 0.5 },
  { name: 'size', run: 'npm run size', needs: ['build'], load: 0.5 },
];

const args = process.argv.slice(2);
const withBrowser = args.includes('--browser');
const keepGoing = args.includes('--keep-going');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const known = new Set(STEPS.map((s) => s.name));
for (const name of only ?? []) {
  if (!known.has(name)) fail(`unknown step "${name}"; the steps are: ${[...known].join(', ')}`);
}
const chosen = STEPS.filter((s) => (only ? only.includes(s.name) : withBrowser || !s.browser));
if (args.includes('--list')) {
  for (const s of chosen)
    console.log(`${s.name.padEnd(10)} ${s.needs ? `after ${s.needs.join(', ')}: ` : ''}${s.run}`);
  process.exit(0);
}
const slots = Number(process.env.PROFILEKIT_TEST_SLOTS ?? availableParallelism() + 1);
if (!(slots > 0))
  fail(`PROFILEKIT_TEST_SLOTS must be a positive number, not "${process.env.PROFILEKIT_TEST_SLOTS}"`);

mkdirSync(LOGS, { recursive: true });
const bin = join(ROOT, 'node_modules/.bin');
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, FORCE_COLOR: '0' };
const started = Date.now();
/** @type {Map<string, {state: 'waiting'|'running'|'passed'|'failed'|'stopped', start?: number, end?: number, child?: import('node:child_process').ChildProcess}>} */
const status = new Map(chosen.map((s) => [s.name, { state: 'waiting' }]));
let failed = false;

function ready(step) {
  return (step.needs ?? []).every((n) => !status.has(n) || status.get(n).state === 'passed');
}
function busy() {
  return chosen.filter((s) => status.get(s.name).state === 'running').reduce((sum, s) => sum + s.load, 0);
}

function schedule() {
  if (failed && !keepGoing) return finishIfDone();
  // In the table's order: a step that is ready but has no room waits, and so does every step after it, so
  // that a long step is never starved by a row of short ones.
  for (const step of chosen) {
    const st = status.get(step.name);
    if (st.state !== 'waiting' || !ready(step)) continue;
    const load = busy();
    if (load > 0 && load + step.load > slots) break;
    start(step);
  }
  finishIfDone();
}

function start(step) {
  const st = status.get(step.name);
  st.state = 'running';
  st.start = Date.now();
  const log = createWriteStream(join(LOGS, `${step.name}.log`));
  console.log(`${clock()} start ${step.name}`);
  const cpuFile = join(LOGS, `${step.name}.cpu`);
  const child = spawn('/usr/bin/time', ['-q', '-f', '%U %S', '-o', cpuFile, 'bash', '-c', step.run], {
    cwd: ROOT,
    env,
    detached: true,
  });
  st.cpuFile = cpuFile;
  st.child = child;
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.on('close', (code, signal) => {
    st.end = Date.now();
    log.end();
    if (st.state === 'stopped') return finishIfDone();
    st.state = code === 0 ? 'passed' : 'failed';
    console.log(`${clock()} ${st.state} ${step.name} (${seconds(st.end - st.start)})`);
    if (code !== 0) {
      failed = true;
      log.on('close', () => {
        const lines = readFileSync(join(LOGS, `${step.name}.log`), 'utf8')
          .trimEnd()
          .split('\n');
        console.log(`\n----- ${step.name}: ${step.run} (exit ${code ?? signal}) -----`);
        if (lines.length > TAIL)
          console.log(
            `(the last ${TAIL} of ${lines.length} lines; all in ${relative(ROOT, LOGS)}/${step.name}.log)`,
          );
        console.log(lines.slice(-TAIL).join('\n'));
        for (const [, other] of status) {
          if (!keepGoing && other.state === 'running' && other.child) {
            other.state = 'stopped';
            try {
              process.kill(-other.child.pid, 'SIGTERM');
            } catch {}
          }
        }
        schedule();
      });
      return;
    }
    schedule();
  });
}

let reported = false;
function finishIfDone() {
  const states = [...status.values()].map((s) => s.state);
  if (states.includes('running')) return;
  if (!failed && states.includes('waiting')) return;
  if (reported) return;
  reported = true;
  console.log('\nstep        result    started     took   CPU time');
  for (const step of chosen) {
    const st = status.get(step.name);
    const at = st.start ? seconds(st.start - started) : '';
    const took = st.start && st.end ? seconds(st.end - st.start) : '';
    const cpu = st.cpuFile && st.state !== 'stopped' ? cpuSeconds(st.cpuFile) : '';
    console.log(
      `${step.name.padEnd(11)} ${(st.state === 'waiting' ? 'not run' : st.state).padEnd(9)} ${at.padStart(7)}  ${took.padStart(7)}  ${cpu.padStart(9)}`,
    );
  }
  console.log(
    `wall time: ${seconds(Date.now() - started)} on ${availableParallelism()} cores, ${slots} slots`,
  );
  process.exit(failed ? 1 : 0);
}

/** User + system CPU seconds of a step and everything it waited for, as /usr/bin/time wrote them. */
function cpuSeconds(file) {
  try {
    const [user, system] = readFileSync(file, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    return Number.isFinite(user + system) ? `${(user + system).toFixed(0)} s` : '';
  } catch {
    return '';
  }
}

function clock() {
  return `[${seconds(Date.now() - started).padStart(7)}]`;
}
function seconds(ms) {
  return `${(ms / 1000).toFixed(0)} s`;
}
function fail(message) {
  console.error(`test/steps.mjs: ${message}`);
  process.exit(2);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const [, st] of status)
      if (st.state === 'running' && st.child)
        try {
          process.kill(-st.child.pid, 'SIGTERM');
        } catch {}
    process.exit(130);
  });
}

schedule();
