/**
 * Builds the React example against the built package, installed by its public name the way
 * `npm install ../..` would: a link at examples/react-app/node_modules/profilekit to the repository.
 */
import { mkdir, readlink, symlink } from 'node:fs/promises';
import { build } from 'vite';

const here = new URL('./', import.meta.url);
const link = new URL('node_modules/profilekit', here);
await mkdir(new URL('node_modules/', here), { recursive: true });
const existing = await readlink(link).catch(() => null);
if (existing === null) await symlink('../../..', link, 'dir');

await build({ configFile: new URL('vite.config.ts', here).pathname });
console.log('profilekit demo: built examples/react-app');
