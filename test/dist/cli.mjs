// Runs the built CLI: usage errors always, and a real migrate/reset against TEST_DATABASE_URL when set.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
const run = (args, env = {}) =>
  spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, encoding: 'utf8' });

let result = run([]);
assert.equal(result.status, 2);
assert.match(result.stderr, /Usage: profilekit/);
assert.equal(run(['migrate']).status, 2, 'migrate without DATABASE_URL is a usage error');
assert.equal(run(['frobnicate']).status, 2);
assert.match(run(['sql']).stdout, /CREATE TABLE user_profiles/);
for (const flag of ['--help', '-h']) {
  result = run([flag]);
  assert.equal(result.status, 0, `${flag} exits 0`);
  assert.match(result.stdout, /Usage: profilekit/);
  assert.match(result.stdout, /migrate reset .*drops profilekit's tables/);
}
assert.match(run(['migrate', '--help']).stdout, /--yes/);
assert.equal(run(['migrate', '--force']).status, 2, 'an unknown option is a usage error');

const url = process.env.TEST_DATABASE_URL;
if (url) {
  const name = `pk_cli_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const target = new URL(url);
    target.pathname = `/${name}`;
    result = run(['migrate'], { DATABASE_URL: target.href });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /applied 0001_auth_and_profiles/);
    assert.match(run(['migrate'], { DATABASE_URL: target.href }).stdout, /nothing to do/);
    // Without a terminal to ask on and without --yes, reset drops nothing.
    result = run(['migrate', 'reset'], { DATABASE_URL: target.href });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /pass --yes/);
    assert.match(run(['migrate'], { DATABASE_URL: target.href }).stdout, /nothing to do/);
    result = run(['migrate', 'reset', '--yes'], { DATABASE_URL: target.href });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /reverted 0001_auth_and_profiles/);
  } finally {
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
  }
  console.log('dist CLI test passed (usage and migrate against PostgreSQL)');
} else {
  console.log('dist CLI test passed (usage; set TEST_DATABASE_URL to also migrate a real database)');
}
