import { describe, expect, it } from 'vitest';
import {
  defineQuestionnaire,
  parseProfileWrite,
  type QuestionnaireDefinition,
  resolveQuestionnaire,
} from '../../src/client/index';

const complete = {
  languages: [{ language: 'Python', level: 'advanced' }],
  frameworks: ['Django'],
  experienceYears: '3-5',
  softwareExperience: 'advanced',
  hardwareExperience: 'beginner',
  backgroundPreference: 'both',
};

// One question of each kind, as a host writes them.
const questionnaire = defineQuestionnaire({
  fields: { frameworks: { options: (defaults) => [...defaults, 'BBC micro:bit'] } },
  steps: [{ id: 'courses', label: 'Your courses' }],
  questions: [
    { id: 'bio', kind: 'text', label: 'About you', maxLength: 20 },
    { id: 'handle', kind: 'text', label: 'Handle', pattern: '[a-z]+' },
    { id: 'hours', kind: 'number', label: 'Hours a week', min: 1, max: 40, increment: 0.5, unit: 'hours' },
    { id: 'hasGpu', kind: 'boolean', label: 'Do you have a GPU?', required: true },
    {
      id: 'gpu',
      kind: 'single',
      label: 'Your GPU',
      options: [{ value: 'rtx4090', label: 'RTX 4090', formerly: ['4090'] }, 'M3 Max'],
      required: true,
      visibleWhen: { question: 'hasGpu', equals: true },
    },
    { id: 'started', kind: 'date', label: 'Started', min: '2000-01-01' },
    {
      id: 'courses',
      kind: 'multi',
      label: 'Courses taken',
      options: ['CS101', 'EE201'],
      maxCount: 2,
      step: 'courses',
    },
    {
      id: 'confidence',
      kind: 'scale',
      label: 'Confidence',
      levels: [{ value: 'low' }, { value: 'mid' }, { value: 'high', label: 'High' }],
    },
    {
      id: 'tools',
      kind: 'group',
      label: 'Tools',
      key: 'tool',
      maxRows: 3,
      fields: [
        { id: 'tool', kind: 'text', label: 'Tool', required: true },
        { id: 'level', kind: 'scale', label: 'Level', levels: [{ value: 'some' }, { value: 'lots' }] },
      ],
    },
    { id: 'secret', kind: 'text', label: 'Old question', hidden: true },
  ],
});

const put = (body: unknown, stored?: Parameters<typeof parseProfileWrite>[2]['stored']) =>
  parseProfileWrite(questionnaire, body, { mode: 'put', stored });
const issuesOf = (result: ReturnType<typeof put>) => (result.success ? [] : result.error.issues);

describe('given a questionnaire with host questions', () => {
  it('is plain data: options functions are resolved where it is defined, and it survives JSON', () => {
    expect(questionnaire.fields?.frameworks?.options?.at(-1)).toBe('BBC micro:bit');
    expect(JSON.parse(JSON.stringify(questionnaire))).toEqual(questionnaire);
    const resolved = resolveQuestionnaire(JSON.parse(JSON.stringify(questionnaire)));
    expect(resolved.find((q) => q.name === 'frameworks')?.options.at(-1)).toBe('BBC micro:bit');
  });

  it('refuses a bad definition by name, at start-up', () => {
    const bad = (questions: unknown, steps?: unknown) => () =>
      defineQuestionnaire({ questions, steps } as QuestionnaireDefinition);
    expect(bad([{ id: 'a b', kind: 'text', label: 'A' }])).toThrow(/question id "a b"/);
    expect(
      bad([
        { id: 'a', kind: 'text', label: 'A' },
        { id: 'a', kind: 'text', label: 'B' },
      ]),
    ).toThrow(/used twice/);
    expect(bad([{ id: 'devices', kind: 'text', label: 'A' }])).toThrow(/built-in field/);
    expect(bad([{ id: 'a', kind: 'colour', label: 'A' }])).toThrow(/kind "colour"/);
    expect(bad([{ id: 'a', kind: 'single', label: 'A', options: [] }])).toThrow(/non-empty list of options/);
    expect(bad([{ id: 'a', kind: 'number', label: 'A', min: 5, max: 1 }])).toThrow(/min above max/);
    expect(bad([{ id: 'a', kind: 'text', label: 'A', step: 'nowhere' }])).toThrow(/step "nowhere"/);
    expect(bad([{ id: 'a', kind: 'text', label: 'A', visibleWhen: { question: 'zz', equals: 1 } }])).toThrow(
      /visibleWhen on "zz"/,
    );
    expect(
      bad([
        {
          id: 'g',
          kind: 'group',
          label: 'G',
          fields: [{ id: 'm', kind: 'multi', label: 'M', options: ['x'] }],
        },
      ]),
    ).toThrow(/cannot be a multi inside a group/);
    expect(
      bad([
        { id: 'g', kind: 'group', label: 'G', key: 'x', fields: [{ id: 'a', kind: 'text', label: 'A' }] },
      ]),
    ).toThrow(/key "x"/);
    expect(bad([{ id: 'a', kind: 'text', label: 'A', pattern: '(' }])).toThrow(/pattern/);
    expect(bad([{ id: 'f', kind: 'text', label: 'F', format: () => 1 }])).toThrow(/plain data/);
    expect(bad([], [{ id: 'review', label: 'R' }])).toThrow(/sign-up's own/);
  });

  it('accepts one answer of each kind and normalises them', () => {
    const result = put({
      ...complete,
      answers: {
        bio: '  Hello ',
        handle: 'ada',
        hours: 7.5,
        hasGpu: true,
        gpu: '4090',
        started: '2020-02-29',
        courses: ['CS101'],
        confidence: 'high',
        tools: [{ tool: 'Vim', level: 'lots' }, { tool: 'KiCad' }],
      },
    });
    expect(issuesOf(result)).toEqual([]);
    expect(result.success && result.data.answers).toEqual({
      bio: 'Hello',
      handle: 'ada',
      hours: 7.5,
      hasGpu: true,
      gpu: 'rtx4090',
      started: '2020-02-29',
      courses: ['CS101'],
      confidence: 'high',
      tools: [{ tool: 'Vim', level: 'lots' }, { tool: 'KiCad' }],
    });
  });

  it('refuses each wrong answer with its own path and code', () => {
    const result = put({
      ...complete,
      answers: {
        bio: 'x'.repeat(21),
        handle: 'Ada!',
        hours: 7.25,
        hasGpu: 'yes',
        started: '2021-02-29',
        courses: ['CS101', 'PH999'],
        confidence: 'extreme',
        tools: [{ tool: 'Vim' }, { tool: 'vim', level: 'lots' }, { level: 'some' }, { tool: 'X', colour: 1 }],
        shoeSize: 42,
        secret: 'new',
      },
    });
    expect(issuesOf(result).map((i) => [i.path, i.code])).toEqual([
      ['answers.bio', 'too_long'],
      ['answers.handle', 'invalid_format'],
      ['answers.hours', 'not_multiple'],
      ['answers.hasGpu', 'invalid_type'],
      ['answers.started', 'invalid_format'],
      ['answers.courses.1', 'invalid_value'],
      ['answers.confidence', 'invalid_value'],
      ['answers.tools', 'too_many'],
      ['answers.shoeSize', 'unknown_key'],
      ['answers.secret', 'hidden'],
    ]);
    const rows = put({
      ...complete,
      answers: { hasGpu: false, tools: [{ tool: 'Vim' }, { tool: 'vim' }, {}] },
    });
    expect(issuesOf(rows).map((i) => [i.path, i.code])).toEqual([
      ['answers.tools.1', 'duplicate'],
      ['answers.tools.2.tool', 'required'],
    ]);
    const bounds = put({ ...complete, answers: { hasGpu: false, hours: 41, started: '1999-12-31' } });
    expect(issuesOf(bounds).map((i) => [i.path, i.code])).toEqual([
      ['answers.hours', 'too_big'],
      ['answers.started', 'too_small'],
    ]);
  });

  it('shows and requires a question only when visibleWhen holds', () => {
    expect(issuesOf(put({ ...complete, answers: { hasGpu: true } })).map((i) => i.path)).toEqual([
      'answers.gpu',
    ]);
    expect(issuesOf(put({ ...complete, answers: { hasGpu: false } }))).toEqual([]);
    expect(
      issuesOf(put({ ...complete, answers: { hasGpu: false, gpu: 'M3 Max' } })).map((i) => i.code),
    ).toEqual(['not_shown']);
  });

  it('enforces the built-in questions’ required on the profile after the write', () => {
    const { backgroundPreference: _, ...missing } = complete;
    expect(issuesOf(put({ ...missing, answers: { hasGpu: false } })).map((i) => [i.path, i.code])).toEqual([
      ['backgroundPreference', 'required'],
    ]);
    // Years of experience are a choice of the ranges unless the host allows others, on the server too.
    expect(issuesOf(put({ ...complete, experienceYears: '2-4', answers: { hasGpu: false } }))).toEqual([
      expect.objectContaining({ path: 'experienceYears', code: 'invalid_value' }),
    ]);
    const patch = parseProfileWrite(
      questionnaire,
      { backgroundPreference: null },
      { mode: 'patch', stored: { fields: complete, answers: { hasGpu: false } } },
    );
    expect(patch.success ? [] : patch.error.issues.map((i) => i.path)).toEqual(['backgroundPreference']);
  });

  it('keeps stored answers of removed, hidden and not-shown questions on a put and a patch', () => {
    const stored = {
      fields: complete,
      answers: { removed: 'kept', secret: 'kept too', gpu: 'M3 Max', bio: 'old' },
    };
    const result = put({ ...complete, answers: { hasGpu: false } }, stored);
    expect(result.success && result.data.answers).toEqual({
      removed: 'kept',
      secret: 'kept too',
      gpu: 'M3 Max',
      hasGpu: false,
    });
    // A put without answers at all (a form that asks no host question) keeps every stored answer.
    const formOnly = put(complete, { fields: complete, answers: { ...stored.answers, hasGpu: false } });
    expect(formOnly.success && formOnly.data.answers).toEqual({ ...stored.answers, hasGpu: false });
    const patch = parseProfileWrite(
      questionnaire,
      { answers: { bio: null, courses: ['EE201'] } },
      { mode: 'patch', stored: { fields: complete, answers: { ...stored.answers, hasGpu: false } } },
    );
    expect(patch.success && patch.data.answers).toEqual({
      removed: 'kept',
      secret: 'kept too',
      gpu: 'M3 Max',
      hasGpu: false,
      courses: ['EE201'],
    });
  });
});
