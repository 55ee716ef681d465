// `npm run size` (after `npm run build`): size-limit's lines (.size-limit.js), then in the same run
//  - each line with a floor: the bytes profilekit adds above the dependency floor it loads, failing where
//    a line's `aboveFloor` budget is passed;
//  - the script-tag embed's pages: the files the browser fetches, each gzipped on its own (-9, as
//    size-limit's file plugin does);
//  - every lazily loaded chunk of the React entry and of the embed, on its own.
// Exits 1 when any budget is missed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { embed, floors } from '../.size-limit.js';
import { embedFiles } from './embed-files.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const gz = (file) => gzipSync(readFileSync(`${ROOT}${file}`), { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const bytes = (limit) => {
  const [, number, unit] = /^([\d.]+)\s*(B|kB)$/.exec(limit) ?? [];
  if (!number) throw new Error(`cannot read the limit ${limit}`);
  return Number(number) * (unit === 'kB' ? 1000 : 1);
};

const run = spawnSync(process.execPath, [`${ROOT}node_modules/size-limit/bin.js`, '--json'], {
  cwd: ROOT,
  encoding: 'utf8',
});
let results;
try {
  results = JSON.parse(run.stdout);
} catch {
  process.stderr.write(run.stdout + run.stderr);
  process.exit(1);
}
const byName = new Map(results.map((result) => [result.name, result]));
const failures = [];
const table = (title, head, rows) => {
  console.log(`\n${title}\n`);
  console.log(`| ${head.join(' | ')} |`);
  console.log(`| ${head.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
};

table(
  'Bundles of the React entry (minified + gzip, React external, better-auth client included)',
  ['line', 'size', 'limit', 'above its floor', 'budget above floor'],
  results.map((result) => {
    if (result.passed === false)
      failures.push(`${result.name}: ${kB(result.size)} > ${kB(result.sizeLimit)}`);
    const spec = floors[result.name];
    const floor = spec && byName.get(spec.floor);
    if (spec && !floor) failures.push(`${result.name}: no line named ${spec.floor}`);
    const above = floor ? result.size - floor.size : null;
    if (above !== null && spec.above && above > bytes(spec.above))
      failures.push(`${result.name}: ${kB(above)} above its floor, budget ${spec.above}`);
    return [
      result.name,
      kB(result.size),
      result.sizeLimit ? kB(result.sizeLimit) : '(floor)',
      above === null ? '' : `${above < 0 ? '' : '+'}${kB(above)}`,
      spec?.above ?? '',
    ];
  }),
);

table(
  'Embed pages (each file gzipped on its own, the UI runtime included)',
  ['page', 'size', 'files', 'limit'],
  embed.map(({ name, page, limit }) => {
    const files = embedFiles(page);
    const size = files.reduce((sum, file) => sum + gz(file), 0);
    if (size > bytes(limit)) failures.push(`${name}: ${kB(size)} > ${limit}`);
    return [name, kB(size), String(files.length), limit];
  }),
);

/** The chunks behind import(), by name: `sign-in-AB12CD34.js` → `sign-in`. */
const named = (dir) =>
  readdirSync(`${ROOT}${dir}`)
    .filter((file) => /^[a-z][\w-]*-[A-Z0-9]{8}\.js$/.test(file) && !file.startsWith('chunk-'))
    .map((file) => [file.replace(/-[A-Z0-9]{8}\.js$/, ''), gz(`${dir}/${file}`)]);
const react = new Map(named('dist'));
const embedded = new Map(named('dist/embed'));
table(
  'Each lazily loaded chunk on its own (without the shared code it imports)',
  ['chunk', 'React entry', 'embed'],
  [...new Set([...react.keys(), ...embedded.keys()])]
    .sort()
    .map((name) => [
      name,
      react.has(name) ? kB(react.get(name)) : '',
      embedded.has(name) ? kB(embedded.get(name)) : '',
    ]),
);

if (failures.length > 0) {
  console.error(`\nBudgets missed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
