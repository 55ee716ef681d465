import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProfileClient,
  defineQuestionnaire,
  isProfileKitError,
  parseProfileWrite,
} from '../../src/client';
import { createMockBackend } from '../../src/msw';

const questionnaire = defineQuestionnaire({
  questions: [
    { id: 'gpu', kind: 'single', label: 'Your GPU', options: ['RTX 4090', 'M3 Max'], required: true },
    { id: 'hours', kind: 'number', label: 'Hours a week', min: 0, max: 60 },
  ],
});
const backend = createMockBackend({
  persona: 'signedInWithoutProfile',
  baseURL: 'https://api.example.test',
  questionnaire,
});
const server = setupServer(...backend.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const complete = {
  languages: [{ language: 'Go', level: 'expert' }],
  frameworks: [],
  experienceYears: '3-5',
  softwareExperience: 'advanced',
  hardwareExperience: 'none',
  backgroundPreference: 'software',
};

describe('given the mock backend with a questionnaire', () => {
  it('refuses a body with the same issues as the server’s validation, and stores the answers of a good one', async () => {
    const bad = { ...complete, answers: { gpu: 'Voodoo', hours: 99 } };
    const response = await fetch('https://api.example.test/api/profile', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bad),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; issues: unknown[] };
    const server = parseProfileWrite(questionnaire, bad, { mode: 'put' });
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.issues).toEqual(server.success ? [] : server.error.issues);
    expect(body.issues.length).toBe(2);

    const client = createProfileClient({ baseURL: 'https://api.example.test', questionnaire });
    const saved = await client.put({ ...complete, answers: { gpu: 'M3 Max' } } as never);
    expect(saved.profile.answers).toEqual({ gpu: 'M3 Max' });
    expect(backend.profile?.answers).toEqual({ gpu: 'M3 Max' });
    const patched = await client.patch({ answers: { hours: 12 } });
    expect(patched.profile.answers).toEqual({ gpu: 'M3 Max', hours: 12 });
    // The client refuses before sending, with the same path.
    const refused = await client.patch({ answers: { hours: -1 } }).catch((error: unknown) => error);
    expect(isProfileKitError(refused) && refused.issues).toEqual([
      expect.objectContaining({ path: 'answers.hours', code: 'too_small' }),
    ]);
    const schema = await fetch('https://api.example.test/api/profile/schema');
    expect(((await schema.json()) as { $schema: string }).$schema).toMatch(/2020-12/);
  });
});
