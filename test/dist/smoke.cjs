// Requires every entry from the built package (by its public name) as CommonJS, and renders the React entry.
const assert = require('node:assert/strict');
const { createElement } = require('react');
const { renderToString } = require('react-dom/server');

const client = require('profilekit/client');
assert.equal(typeof client.createProfileClient, 'function');
assert.equal(client.parseProfileInput({ languages: [], frameworks: [] }).success, true);
const react = require('profilekit');
for (const name of ['AuthGate', 'ProfileEditor', 'ProfileKitProvider', 'SignIn', 'SignUpWithBackground']) {
  assert.equal(typeof react[name], 'function', `profilekit exports ${name}`);
}
for (const tag of ['en', 'de', 'fr', 'es', 'ja', 'ar']) {
  assert.equal(require(`profilekit/locales/${tag}`)[tag].languageTag, tag);
}
assert.equal(typeof require('profilekit/server').createProfileHandler, 'function');
assert.equal(typeof require('profilekit/msw').createMockBackend, 'function');

// better-auth ships its React client as ESM only; a stand-in with the same shape is enough to render.
const authClient = {
  useSession: () => ({ data: null, isPending: true, error: null }),
  signIn: { email: async () => ({ data: null, error: null }) },
  signUp: { email: async () => ({ data: null, error: null }) },
  signOut: async () => ({}),
};
const html = renderToString(
  createElement(react.ProfileKitProvider, { authClient }, createElement(react.AuthGate, null, 'Members only')),
);
assert.match(html, /Loading/);
console.log('dist CJS smoke test passed');
