// Loads `.sql` files as text, as the build's text loader does, so the sources run under plain Node (with
// tsx for TypeScript): `node --import tsx --import ./test/server/support/sql-loader.mjs examples/server/index.ts`.
import { register } from 'node:module';

const hooks = `
import { readFile } from 'node:fs/promises';
export async function load(url, context, nextLoad) {
  if (!url.endsWith('.sql')) return nextLoad(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
