// Imports every entry from the built package (by its public name) as ESM and checks the client stays React-free.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const client = await import('profilekit/client');
assert.equal(typeof client.createProfileClient, 'function');
assert.equal(typeof client.ProfileKitError, 'function');
assert.equal(client.parseProfileInput({ languages: [], frameworks: [] }).success, true);

const react = await import('profilekit');
assert.equal(typeof react.createProfileClient, 'function');
const server = await import('profilekit/server');
assert.ok(Object.keys(server).length > 0);
const msw = await import('profilekit/msw');
assert.equal(typeof msw.createMockBackend, 'function');
assert.equal(msw.createMockBackend({ persona: 'signedInWithProfile' }).handlers.length > 0, true);
assert.equal(typeof server.createProfileHandler, 'function');

const reactEntry = readFileSync(new URL('../../dist/index.js', import.meta.url), 'utf8');
assert.ok(reactEntry.startsWith('"use client";'), 'dist/index.js must start with "use client"');
for (const file of ['client.js', 'client.cjs']) {
  const code = readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
  assert.doesNotMatch(code, /from\s*["']react(?:-dom)?(?:\/[^"']*)?["']|require\(["']react(?:-dom)?(?:\/[^"']*)?["']\)/, `${file} imports React`);
}
console.log('dist ESM smoke test passed');
