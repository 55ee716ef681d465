// The client entry works where no React is installed: a resolve hook makes `react` and `react-dom`
// unresolvable, then the built `profilekit/client` defines and resolves a questionnaire, as a server or a
// Server Component would.
import assert from 'node:assert/strict';
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  if (/^react(-dom)?(\\/|$)/.test(specifier)) throw new Error('react is not installed here: ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

await assert.rejects(import('react'), /react is not installed here/, 'the hook hides React');

const client = await import('profilekit/client');
const questionnaire = client.defineQuestionnaire({
  order: ['backgroundPreference'],
  fields: { devices: { hidden: true }, frameworks: { options: (defaults) => [...defaults, 'Svelte'] } },
});
const questions = client.resolveQuestionnaire(questionnaire);
assert.equal(questions[0]?.name, 'backgroundPreference');
assert.equal(questions.some((q) => q.name === 'devices'), false);
assert.ok(questions.find((q) => q.name === 'frameworks')?.options.includes('Svelte'));
assert.deepEqual([...client.BACKGROUND_FIELDS].sort(), [...questions.map((q) => q.name), 'devices'].sort());
assert.throws(() => client.defineQuestionnaire({ order: ['shoeSize'] }), /unknown questionnaire field "shoeSize"/);
console.log('dist client-without-React test passed');
