/**
 * Builds the React example against the built package, installed by its public name the way
 * `npm install ../..` would: a link at examples/react-app/node_modules/profilekit to the repository.
 * With `PROFILEKIT_EXAMPLE_REACT=18` it builds the same app on React 18.3 (test/react-18) into dist-react18/,
 * served at /react-app-18/ by the browser tests.
 */
import { mkdir, readlink, symlink } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

const here = new URL('./', import.meta.url);
const link = new URL('node_modules/profilekit', here);
await mkdir(new URL('node_modules/', here), { recursive: true });
const existing = await readlink(link).catch(() => null);
if (existing === null) await symlink('../../..', link, 'dir');

const react18 = (path: string) =>
  fileURLToPath(new URL(`../../test/react-18/node_modules/${path}`, import.meta.url));
const on18: InlineConfig =
  process.env.PROFILEKIT_EXAMPLE_REACT === '18'
    ? {
        base: '/react-app-18/',
        build: { outDir: 'dist-react18', emptyOutDir: true },
        resolve: {
          // Every import of React, the app's and the libraries', resolves to the one React 18 copy.
          alias: [
            { find: /^react$/, replacement: react18('react/index.js') },
            { find: /^react\/(.+)$/, replacement: react18('react/$1') },
            { find: /^react-dom$/, replacement: react18('react-dom/index.js') },
            { find: /^react-dom\/(.+)$/, replacement: react18('react-dom/$1') },
          ],
        },
      }
    : {};

await build({ configFile: new URL('vite.config.ts', here).pathname, ...on18 });
console.log(`profilekit demo: built examples/react-app${on18.base ? ` on React 18 (${on18.base})` : ''}`);
