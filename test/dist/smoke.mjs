// Imports every entry from the built package (by its public name) as ESM, checks the client stays React-free,
// the React files stay client modules, and the React entry renders on the server.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createAuthClient } from 'better-auth/react';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

const client = await import('profilekit/client');
assert.equal(typeof client.createProfileClient, 'function');
assert.equal(typeof client.ProfileKitError, 'function');
assert.equal(client.parseProfileInput({ languages: [], frameworks: [] }).success, true);

const react = await import('profilekit');
for (const name of ['AuthGate', 'ProfileEditor', 'ProfileKitProvider', 'SignIn', 'SignUpWithBackground']) {
  assert.equal(typeof react[name], 'function', `profilekit exports ${name}`);
}
assert.equal(typeof react.useProfile, 'function');
assert.equal(react.createProfileClient, undefined, 'the profile client is imported from profilekit/client');
for (const tag of ['en', 'de', 'fr', 'es', 'ja', 'ar']) {
  const locale = (await import(`profilekit/locales/${tag}`))[tag];
  assert.equal(locale.languageTag, tag, `profilekit/locales/${tag} exports its locale`);
  assert.equal(Object.keys(locale.messages).length > 200, true);
}
const server = await import('profilekit/server');
assert.equal(typeof server.createProfileHandler, 'function');
const msw = await import('profilekit/msw');
assert.equal(typeof msw.createMockBackend, 'function');
assert.equal(msw.createMockBackend({ persona: 'signedInWithProfile' }).handlers.length > 0, true);

const html = renderToString(
  createElement(
    react.ProfileKitProvider,
    { authClient: createAuthClient({ baseURL: 'http://localhost:3000' }) },
    createElement(react.AuthGate, { loading: createElement('p', null, 'Loading the page') }, 'Members only'),
  ),
);
assert.match(html, /Loading the page/);
assert.doesNotMatch(html, /Members only/);

const dist = new URL('../../dist/', import.meta.url);
const reactFiles = readdirSync(dist).filter((f) => f.endsWith('.js') && !/^(client|server|msw|cli|embed|rsc)\b/.test(f));
assert.ok(reactFiles.length >= 6, 'the React entry loads its forms from files of their own');
for (const file of [...reactFiles, 'index.cjs']) {
  const code = readFileSync(new URL(file, dist), 'utf8');
  assert.ok(code.startsWith('"use client";'), `dist/${file} must start with "use client"`);
}
for (const file of ['client.js', 'client.cjs']) {
  const code = readFileSync(new URL(file, dist), 'utf8');
  assert.doesNotMatch(code, /from\s*["']react(?:-dom)?(?:\/[^"']*)?["']|require\(["']react(?:-dom)?(?:\/[^"']*)?["']\)/, `${file} imports React`);
}
// The Server Components entry must stay a server module: no "use client", and no React at run time.
for (const file of ['rsc.js', 'rsc.cjs']) {
  const code = readFileSync(new URL(file, dist), 'utf8');
  assert.ok(!code.includes('use client'), `${file} must not be a client module`);
  assert.doesNotMatch(code, /from\s*["']react|require\(["']react/, `${file} imports React`);
}
const { ServerAuthGate } = await import('profilekit/rsc');
assert.equal(
  await ServerAuthGate({ auth: { api: { getSession: async () => null } }, headers: new Headers(), children: 'secret', fallback: 'sign in' }),
  'sign in',
);
console.log('dist ESM smoke test passed');
