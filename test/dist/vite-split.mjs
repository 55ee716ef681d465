// Builds a host app that uses only AuthGate with Vite, the way a host would (the package installed by name),
// and checks that the form code (react-hook-form, zod, Radix) stays out of the chunk the page loads first.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const app = await mkdtemp(join(tmpdir(), 'profilekit-gate-app-'));
try {
  await mkdir(join(app, 'node_modules'));
  await symlink(root, join(app, 'node_modules/profilekit'), 'dir');
  for (const dep of ['react', 'react-dom', 'better-auth', '@better-auth', '@better-fetch', 'nanostores', 'defu', 'better-call', 'scheduler']) {
    await symlink(join(root, 'node_modules', dep), join(app, 'node_modules', dep), 'dir').catch(() => {});
  }
  await writeFile(join(app, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./main.js"></script>');
  await writeFile(
    join(app, 'main.js'),
    `import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { createAuthClient } from 'better-auth/react';
import { AuthGate, ProfileKitProvider } from 'profilekit';
const authClient = createAuthClient({ baseURL: location.origin });
createRoot(document.getElementById('root')).render(h(ProfileKitProvider, { authClient }, h(AuthGate, null, 'Members')));
`,
  );
  await build({ root: app, logLevel: 'silent', build: { outDir: join(app, 'dist') } });
  const assets = join(app, 'dist/assets');
  const files = await readdir(assets);
  const html = await readFile(join(app, 'dist/index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  assert.ok(entry, 'the entry chunk is in the page');
  // What the page loads first: the entry chunk and every chunk it imports statically, but not import().
  const first = new Set();
  const visit = async (file) => {
    if (first.has(file)) return;
    first.add(file);
    const text = await readFile(join(assets, file), 'utf8');
    const withoutDynamic = text.replace(/import\(\s*["'][^"']+["']\s*\)/g, '');
    for (const [, dep] of withoutDynamic.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) await visit(dep);
  };
  await visit(entry);
  const code = (await Promise.all([...first].map((f) => readFile(join(assets, f), 'utf8')))).join('\n');
  for (const [what, marker] of [
    ['react-hook-form', 'shouldUnregister'],
    ['zod', '$ZodType'],
    ['Radix Dialog', 'DialogContent'],
    ['the questionnaire', 'Years of programming experience'],
    ['the password-reset forms', 'Save the new password'],
    ['the account deletion', 'Delete my account permanently'],
    ['the user menu', 'account menu'],
  ]) {
    assert.ok(!code.includes(marker), `${what} is in the first load of an AuthGate-only page`);
  }
  const lazy = await Promise.all(
    files.filter((f) => !first.has(f)).map(async (f) => readFile(join(assets, f), 'utf8')),
  );
  assert.ok(lazy.some((c) => c.includes('shouldUnregister')), 'the questionnaire is in a chunk of its own');
  assert.ok(lazy.some((c) => c.includes('Save the new password')), 'the reset forms are in a chunk of their own');
  console.log(
    `dist Vite split test passed (AuthGate-only page: first load ${(gzipSync(code).length / 1024).toFixed(1)} kB gzip with React and better-auth)`,
  );
} finally {
  await rm(app, { recursive: true, force: true });
}
