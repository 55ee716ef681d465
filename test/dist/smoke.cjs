// Requires every entry from the built package (by its public name) as CommonJS.
const assert = require('node:assert/strict');

const client = require('profilekit/client');
assert.equal(typeof client.createProfileClient, 'function');
assert.equal(client.parseProfileInput({ languages: [], frameworks: [] }).success, true);
assert.equal(typeof require('profilekit').createProfileClient, 'function');
assert.equal(typeof require('profilekit/server').createProfileHandler, 'function');
assert.equal(typeof require('profilekit/msw').createMockBackend, 'function');
console.log('dist CJS smoke test passed');
