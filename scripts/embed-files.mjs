// Which files of dist/embed a page fetches, read from the embed build's metafile (dist/embed.meta.json):
// the loader, the chunks of the elements on the page, everything they import, and the on-demand chunks
// (behind import()) whose names match `load`. .size-limit.js measures these sets; test/e2e/embed-chunks.e2e.ts
// checks that the browser fetches the same ones.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const base = (file) => file.replace(/^.*\//, '');

/**
 * @param {{ elements: string[], load?: RegExp }} page the elements on the page (`sign-up`, `auth-gate`, …)
 *   and the on-demand chunks that it shows, by name (`sign-in`, `dialog-frame`, …)
 * @returns {string[]} paths under the package root, e.g. `dist/embed/profilekit.js`
 */
export function embedFiles({ elements, load = /^$/ }) {
  const { outputs } = JSON.parse(readFileSync(`${ROOT}dist/embed.meta.json`, 'utf8'));
  const js = Object.keys(outputs).filter((file) => file.endsWith('.js'));
  const entry = (name) => {
    const file = js.find((f) => base(f).startsWith(`${name}-`) && /-[A-Z0-9]{8}\.js$/.test(base(f)));
    if (!file) throw new Error(`dist/embed has no chunk ${name}; run npm run build`);
    return file;
  };
  const wanted = ['dist/embed/profilekit.js', ...elements.map((name) => entry(`element-${name}`))];
  const seen = new Set();
  while (wanted.length > 0) {
    const file = wanted.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { path, kind } of outputs[file]?.imports ?? []) {
      const name = base(path).replace(/-[A-Z0-9]{8}\.js$/, '');
      if (kind === 'import-statement' || (kind === 'dynamic-import' && load.test(name))) wanted.push(path);
    }
  }
  return [...seen].sort();
}
