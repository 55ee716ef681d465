import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineQuestionnaire, type QuestionnaireDefinition } from '../../src/client';
import { createProfileHandler } from '../../src/server';
import type { TestDatabase } from './db';
import { createHarness, fullProfile, type Harness, type Person, profileRequest, signUp } from './harness';

const questionnaire = defineQuestionnaire({
  fields: { devices: { required: true } },
  questions: [
    { id: 'courses', kind: 'multi', label: 'Courses taken', options: ['CS101', 'EE201'], required: true },
    {
      id: 'gpu',
      kind: 'single',
      label: 'Your GPU',
      options: [{ value: 'rtx4090', label: 'RTX 4090', formerly: ['4090'] }, 'M3 Max'],
    },
    { id: 'hours', kind: 'number', label: 'Hours a week', min: 0, max: 60, increment: 1 },
    { id: 'student', kind: 'boolean', label: 'Are you a student?' },
    {
      id: 'year',
      kind: 'scale',
      label: 'Year of study',
      levels: [{ value: 'first' }, { value: 'second' }],
      required: true,
      visibleWhen: { question: 'student', equals: true },
    },
    {
      id: 'tools',
      kind: 'group',
      label: 'Tools',
      key: 'tool',
      fields: [
        { id: 'tool', kind: 'text', label: 'Tool', required: true },
        { id: 'level', kind: 'scale', label: 'Level', levels: [{ value: 'some' }, { value: 'lots' }] },
      ],
    },
  ],
});

const answers = {
  courses: ['CS101'],
  gpu: '4090',
  hours: 10,
  student: true,
  year: 'second',
  tools: [{ tool: 'KiCad', level: 'lots' }],
};

let harness: Harness;
let database: TestDatabase;
let handler: (request: Request) => Promise<Response>;
const saved: unknown[] = [];

const handlerWith = (definition: QuestionnaireDefinition) =>
  createProfileHandler({ auth: harness.auth, db: database.db, questionnaire: definition, onError: () => {} });

async function call(person: Person, method: string, body?: unknown, using = handler) {
  const response = await using(profileRequest(person, method, body));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function storedAnswers(person: Person) {
  const { rows } = await sql<{
    answers: Record<string, unknown>;
  }>`select answers from user_profiles where user_id = ${person.id}`.execute(database.db);
  return rows[0]?.answers;
}

beforeAll(async () => {
  harness = await createHarness();
  database = harness.database;
  handler = createProfileHandler({
    auth: harness.auth,
    db: database.db,
    questionnaire,
    onError: () => {},
    onSaved: (event) => {
      saved.push(event);
    },
  });
});
afterAll(() => harness.close());

describe('given a profile handler with a questionnaire', () => {
  it('stores each kind of answer, normalised, and returns them', async () => {
    const person = await signUp(harness.auth);
    const created = await call(person, 'PUT', { ...fullProfile, answers });
    expect(created.status).toBe(201);
    expect(created.body.answers).toEqual({ ...answers, gpu: 'rtx4090' });
    expect(await storedAnswers(person)).toEqual({ ...answers, gpu: 'rtx4090' });
    expect((await call(person, 'GET')).body.answers).toEqual({ ...answers, gpu: 'rtx4090' });
    expect(saved.at(-1)).toMatchObject({
      userId: person.id,
      created: true,
      profile: { answers: { gpu: 'rtx4090' } },
    });
  });

  it('refuses a wrong answer of each kind with 400 and a path per answer, and stores nothing', async () => {
    const person = await signUp(harness.auth);
    const refused = await call(person, 'PUT', {
      ...fullProfile,
      answers: {
        courses: ['PH999'],
        gpu: 'Voodoo',
        hours: 61,
        student: 'yes',
        tools: [{ tool: 'Vim' }, { tool: 'VIM', level: 'none' }],
        shoeSize: 44,
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect((refused.body.issues as { path: string; code: string }[]).map((i) => [i.path, i.code])).toEqual([
      ['answers.courses.0', 'invalid_value'],
      ['answers.gpu', 'invalid_value'],
      ['answers.hours', 'too_big'],
      ['answers.student', 'invalid_type'],
      ['answers.tools.1.level', 'invalid_value'],
      ['answers.shoeSize', 'unknown_key'],
    ]);
    expect(await storedAnswers(person)).toBeUndefined();
  });

  it('enforces required, the built-in ones too, and un-requires what visibleWhen hides', async () => {
    const person = await signUp(harness.auth);
    const { devices: _, ...withoutDevices } = fullProfile;
    const missing = await call(person, 'PUT', { ...withoutDevices, answers: { student: true } });
    expect(missing.status).toBe(400);
    expect((missing.body.issues as { path: string }[]).map((i) => i.path)).toEqual([
      'answers.courses',
      'answers.year',
      'devices',
    ]);
    const notStudent = await call(person, 'PUT', {
      ...fullProfile,
      answers: { courses: ['EE201'], student: false },
    });
    expect(notStudent.status).toBe(201);
    const hiddenAnswer = await call(person, 'PATCH', { answers: { year: 'first' } });
    expect(hiddenAnswer.status).toBe(400);
    expect(hiddenAnswer.body.issues).toEqual([
      expect.objectContaining({ path: 'answers.year', code: 'not_shown' }),
    ]);
    // Becoming a student makes the year asked, and required.
    const becomes = await call(person, 'PATCH', { answers: { student: true } });
    expect(becomes.body.issues).toEqual([
      expect.objectContaining({ path: 'answers.year', code: 'required' }),
    ]);
    expect((await call(person, 'PATCH', { answers: { student: true, year: 'first' } })).status).toBe(200);
    const cleared = await call(person, 'PATCH', { devices: null });
    expect(cleared.body.issues).toEqual([expect.objectContaining({ path: 'devices', code: 'required' })]);
  });

  it('keeps the answer of a question the host removes or hides, through PUT and PATCH', async () => {
    const person = await signUp(harness.auth);
    expect((await call(person, 'PUT', { ...fullProfile, answers })).status).toBe(201);
    const questions = questionnaire.questions.filter((q) => q.id !== 'gpu');
    const withoutGpu = handlerWith({ ...questionnaire, questions });
    // And then the hours hidden as well.
    const hoursHidden = handlerWith({
      ...questionnaire,
      questions: questions.map((q) => (q.id === 'hours' ? { ...q, hidden: true } : q)),
    });
    // The editor sends every question it shows: here, without the removed one.
    const { gpu: _gpu, ...rest } = answers;
    expect((await call(person, 'PUT', { ...fullProfile, answers: rest }, withoutGpu)).status).toBe(200);
    expect((await call(person, 'PATCH', { answers: { courses: ['EE201'] } }, withoutGpu)).status).toBe(200);
    const { hours: _hours, ...shown } = rest;
    expect((await call(person, 'PUT', { ...fullProfile, answers: shown }, hoursHidden)).status).toBe(200);
    expect(await storedAnswers(person)).toEqual({ ...answers, gpu: 'rtx4090' });
    // A hidden question's answer cannot be changed by a client.
    const change = await call(person, 'PATCH', { answers: { hours: 1 } }, hoursHidden);
    expect(change.body.issues).toEqual([expect.objectContaining({ path: 'answers.hours', code: 'hidden' })]);
    // The export lists every answer with its question's label, the removed one's by its id.
    const exported = await withoutGpu(
      profileRequest(person, 'GET', undefined, { url: 'http://localhost:3000/api/profile/export' }),
    );
    const data = (await exported.json()) as { answers: { id: string; label: string; asked: boolean }[] };
    expect(data.answers).toContainEqual({ id: 'gpu', label: 'gpu', asked: false, value: 'rtx4090' });
    expect(data.answers).toContainEqual({
      id: 'courses',
      label: 'Courses taken',
      asked: true,
      value: ['CS101'],
    });
  });

  it('keeps a renamed option readable: the former value is accepted as the new one', async () => {
    const person = await signUp(harness.auth);
    await sql`insert into user_profiles (user_id, languages, frameworks, answers)
      values (${person.id}, '[]', '[]', '{"gpu": "4090"}')`.execute(database.db);
    expect((await call(person, 'GET')).body.answers).toEqual({ gpu: '4090' });
    const saved = await call(person, 'PATCH', {
      ...fullProfile,
      answers: { gpu: '4090', courses: ['CS101'] },
    });
    expect(saved.status).toBe(200);
    expect(await storedAnswers(person)).toEqual({ gpu: 'rtx4090', courses: ['CS101'] });
  });

  it('without a questionnaire refuses host answers as before, and ignores none of the built-in rules', async () => {
    const person = await signUp(harness.auth);
    const refused = await call(person, 'PUT', { ...fullProfile, answers }, harness.handler);
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([expect.objectContaining({ path: 'answers', code: 'unknown_key' })]);
    const created = await call(person, 'PUT', { languages: [], frameworks: [] }, harness.handler);
    expect(created.status).toBe(201);
    expect(created.body.answers).toEqual({});
  });

  it('answers malformed answers bodies with a 4xx, never a 5xx', async () => {
    const person = await signUp(harness.auth);
    for (const bad of [
      { ...fullProfile, answers: [] },
      { ...fullProfile, answers: 'x' },
      { ...fullProfile, answers: { courses: 'CS101' } },
      { ...fullProfile, answers: { tools: [null, 1, 'x', []] } },
      { ...fullProfile, answers: { courses: ['\u0000'] } },
      { ...fullProfile, answers: { hours: '1e400' } },
      { ...fullProfile, answers: { __proto__: { courses: ['CS101'] } } },
      { ...fullProfile, answers: { constructor: 1 } },
    ]) {
      const result = await call(person, 'PUT', bad);
      expect(result.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await call(person, 'PATCH', { answers: { courses: ['CS101'] } })).status).toBe(404);
  });

  it('serves the questionnaire’s JSON Schema at /api/profile/schema: public, cacheable, with an ETag', async () => {
    const url = 'http://localhost:3000/api/profile/schema';
    const response = await handler(new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const schema = (await response.json()) as {
      $schema: string;
      properties: { answers: { properties: object } };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties.answers.properties)).toEqual(
      questionnaire.questions.map((q) => q.id),
    );
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"schema-/);
    expect((await handler(new Request(url, { headers: { 'if-none-match': etag } }))).status).toBe(304);
    expect((await handler(new Request(url, { method: 'POST' }))).status).toBe(405);
    // Another questionnaire, another tag; without one, the built-in fields' schema.
    const plain = await harness.handler(new Request(url));
    expect(plain.status).toBe(200);
    expect(plain.headers.get('etag')).not.toBe(etag);
  });
});
