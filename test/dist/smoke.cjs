// Requires every entry from the built package (by its public name) as CommonJS.
const assert = require('node:assert/strict');

const client = require('profilekit/client');
assert.equal(typeof client.createProfileClient, 'function');
assert.equal(client.parseProfileInput({ languages: [], frameworks: [] }).success, true);
assert.equal(typeof require('profilekit').createProfileClient, 'function');
assert.ok(Object.keys(require('profilekit/server')).length > 0);
assert.equal(typeof require('profilekit/msw'), 'object');
console.log('dist CJS smoke test passed');
