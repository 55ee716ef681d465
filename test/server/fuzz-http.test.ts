import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfileInput, parseProfilePatch } from '../../src/client';
import { profileBody } from './fuzz';
import { createHarness, fullProfile, type Harness, type Person, profileRequest, signUp } from './harness';

let h: Harness;
let person: Person;
beforeAll(async () => {
  h = await createHarness();
  person = await signUp(h.auth);
  expect((await h.handler(profileRequest(person, 'PUT', fullProfile))).status).toBe(201);
  // Migrating an in-memory PGlite can take most of a minute on a busy machine.
}, 180_000);
afterAll(() => h.close());

const stored = () =>
  h.database.db
    .selectFrom('user_profiles')
    .selectAll()
    .where('user_id', '=', person.id)
    .executeTakeFirstOrThrow();

describe(`given 1,000 generated bodies over HTTP`, () => {
  it('never answers 5xx, stores only valid profiles, and leaves the row unchanged after every refusal', async () => {
    let serverErrors = 0;
    await fc.assert(
      fc.asyncProperty(profileBody, fc.constantFrom('PUT', 'PATCH'), async (body, method) => {
        const before = await stored();
        const response = await h.handler(profileRequest(person, method, body));
        if (response.status >= 500) serverErrors++;
        expect(response.status).toBeLessThan(500);
        const after = await stored();
        if (response.status >= 400) {
          expect(after).toEqual(before);
          return;
        }
        const valid = method === 'PUT' ? parseProfileInput(body) : parseProfilePatch(body);
        expect(valid.success).toBe(true);
        const profile = await response.json();
        expect(
          parseProfileInput({
            languages: profile.languages,
            frameworks: profile.frameworks,
            devices: profile.devices,
            architectureFamiliarity: profile.architectureFamiliarity,
          }).success,
        ).toBe(true);
      }),
      { numRuns: 1_000 },
    );
    expect(serverErrors).toBe(0);
  }, 600_000);
});
