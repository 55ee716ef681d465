// `pg` and `kysely` are optional peer dependencies. Each case runs in its own Node process where a resolve
// hook makes some packages unresolvable, as in an install without them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

/** Runs `code` (an ES module) or the CLI with `hidden` packages unresolvable. */
function without(hidden, { code, args }) {
  const pattern = `^(${hidden.join('|')})(\\/|$)`;
  const hook = `export async function resolve(specifier, context, next) {
    if (new RegExp(${JSON.stringify(pattern)}).test(specifier)) {
      const error = new Error("Cannot find package '" + specifier + "'");
      error.code = 'ERR_MODULE_NOT_FOUND';
      throw error;
    }
    return next(specifier, context);
  }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(
    `data:text/javascript,${encodeURIComponent(hook)}`,
  )});`;
  const entry = code ? ['--input-type=module', '-e', code] : [`${root}dist/cli.js`, ...args];
  return spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, ...entry], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
  });
}

// Without pg: the server entry loads (a host brings its own Kysely dialect) and the hook really hides pg.
let result = without(['pg'], {
  code: `const server = await import('profilekit/server');
    if (typeof server.createProfileHandler !== 'function' || typeof server.migrate !== 'function') process.exit(3);
    await import('pg').then(() => process.exit(4), () => {});`,
});
assert.equal(result.status, 0, result.stderr);

// Without pg, `profilekit migrate` names the missing package and how to add it; `sql` still works.
result = without(['pg'], { args: ['migrate'] });
assert.equal(result.status, 1);
assert.match(result.stderr, /needs the "pg" package/);
assert.match(result.stderr, /npm install pg/);
assert.match(without(['pg'], { args: ['sql'] }).stdout, /CREATE TABLE user_profiles/);

// Without kysely, the server entry fails at import, naming kysely; the client entry does not need it.
result = without(['kysely'], { code: `await import('profilekit/server');` });
assert.notEqual(result.status, 0);
assert.match(result.stderr, /Cannot find package 'kysely'/);
result = without(['kysely', 'pg'], { code: `await import('profilekit/client');` });
assert.equal(result.status, 0, result.stderr);
console.log('dist optional peers test passed');
