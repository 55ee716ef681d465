import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  defineQuestionnaire,
  type JsonSchema,
  parseProfileWrite,
  type QuestionnaireDefinition,
  questionnaireJsonSchema,
} from '../../src/client/index';

const questionnaire = defineQuestionnaire({
  fields: { devices: { required: true }, hardwareExperience: { hidden: true } },
  questions: [
    { id: 'bio', kind: 'text', label: 'About you', maxLength: 12 },
    { id: 'handle', kind: 'text', label: 'Handle', pattern: '[a-z]+', required: true },
    { id: 'hours', kind: 'number', label: 'Hours a week', min: 0, max: 40, increment: 0.5, unit: 'hours' },
    { id: 'student', kind: 'boolean', label: 'Are you a student?' },
    {
      id: 'year',
      kind: 'scale',
      label: 'Year of study',
      levels: [{ value: 'first', label: 'First' }, { value: 'second' }],
      required: true,
      visibleWhen: { question: 'student', equals: true },
    },
    {
      id: 'thesis',
      kind: 'text',
      label: 'Thesis topic',
      visibleWhen: { question: 'year', equals: 'second' },
    },
    { id: 'started', kind: 'date', label: 'Started' },
    {
      id: 'gpu',
      kind: 'single',
      label: 'GPU',
      options: [{ value: 'rtx4090', label: 'RTX 4090' }, 'M3 Max'],
      visibleWhen: { question: 'backgroundPreference', equals: ['hardware', 'both'] },
    },
    { id: 'ide', kind: 'single', label: 'IDE', options: ['vim'], allowOther: true },
    { id: 'courses', kind: 'multi', label: 'Courses', options: ['CS101', 'EE201', 'MA110'], maxCount: 2 },
    {
      id: 'tools',
      kind: 'group',
      label: 'Tools',
      key: 'tool',
      maxRows: 3,
      fields: [
        { id: 'tool', kind: 'text', label: 'Tool', required: true, maxLength: 10 },
        { id: 'level', kind: 'scale', label: 'Level', levels: [{ value: 'some' }, { value: 'lots' }] },
        { id: 'daily', kind: 'boolean', label: 'Daily' },
      ],
    },
    { id: 'retired', kind: 'text', label: 'Old question', hidden: true },
  ],
});

function validator(schema: JsonSchema) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  return ajv.compile(schema);
}

// A small seeded generator (mulberry32), so a failure names a body that fails again.
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates a value from the subset of JSON Schema that questionnaireJsonSchema writes. */
function generate(schema: JsonSchema, rnd: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  if ('const' in schema) return schema.const;
  if (schema.oneOf) return generate(pick(schema.oneOf as JsonSchema[]), rnd);
  if (schema.anyOf) return generate(pick(schema.anyOf as JsonSchema[]), rnd);
  if (schema.enum) return pick(schema.enum as unknown[]);
  switch (schema.type) {
    case 'null':
      return null;
    case 'boolean':
      return rnd() < 0.5;
    case 'number': {
      const min = (schema.minimum as number | undefined) ?? -50;
      const max = (schema.maximum as number | undefined) ?? 50;
      const step = (schema.multipleOf as number | undefined) ?? 0.25;
      return min + step * Math.floor(rnd() * ((max - min) / step + 1));
    }
    case 'string': {
      if (schema.format === 'date')
        return `${2000 + Math.floor(rnd() * 30)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
      const patterns = [
        schema.pattern,
        ...((schema.allOf as JsonSchema[] | undefined) ?? []).map((p) => p.pattern),
      ]
        .filter((p): p is string => typeof p === 'string')
        .map((p) => new RegExp(p, 'u'));
      const max = Math.min((schema.maxLength as number | undefined) ?? 8, 8);
      for (;;) {
        const length = 3 + Math.floor(rnd() * Math.max(1, max - 2));
        const text = Array.from({ length: Math.min(length, max) }, () =>
          pick([...'abcdefghijklmnopqrstuvwxyz']),
        ).join('');
        if (patterns.every((p) => p.test(text))) return text;
      }
    }
    case 'array': {
      const min = (schema.minItems as number | undefined) ?? 0;
      const max = Math.min((schema.maxItems as number | undefined) ?? 3, min + 3);
      const count = min + Math.floor(rnd() * (max - min + 1));
      const out: unknown[] = [];
      for (let tries = 0; out.length < count && tries < 50; tries++) {
        const item = generate(schema.items as JsonSchema, rnd);
        if (!schema.uniqueItems || !out.some((o) => JSON.stringify(o) === JSON.stringify(item)))
          out.push(item);
      }
      return out;
    }
    case 'object': {
      const required = (schema.required as string[] | undefined) ?? [];
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries((schema.properties as Record<string, JsonSchema>) ?? {})) {
        if (required.includes(key) || rnd() < 0.6) out[key] = generate(property, rnd);
      }
      return out;
    }
    default:
      throw new Error(`cannot generate ${JSON.stringify(schema).slice(0, 80)}`);
  }
}

/** One change to a body: another type, an unknown key, a missing key, a repeated entry, a value too big. */
function mutate(body: Record<string, unknown>, rnd: () => number): Record<string, unknown> {
  const copy = structuredClone(body);
  const answers = (copy.answers ?? {}) as Record<string, unknown>;
  const target = rnd() < 0.6 ? answers : copy;
  const keys = Object.keys(target);
  const key = keys[Math.floor(rnd() * keys.length)];
  const kind = Math.floor(rnd() * 6);
  if (kind === 0 || key === undefined) target[`unknown${Math.floor(rnd() * 9)}`] = 1;
  else if (kind === 1) target[key] = rnd() < 0.5 ? { nested: true } : 12345;
  else if (kind === 2) delete target[key];
  else if (kind === 3 && Array.isArray(target[key]) && (target[key] as unknown[]).length > 0)
    (target[key] as unknown[]).push((target[key] as unknown[])[0]);
  else if (kind === 4) target[key] = 'x'.repeat(600);
  else target[key] = typeof target[key] === 'number' ? 1e6 : typeof target[key] === 'string' ? true : 'wrong';
  if (target === answers) copy.answers = answers;
  return copy;
}

const accepts = (definition: QuestionnaireDefinition, body: unknown) =>
  parseProfileWrite(definition, body, { mode: 'put' }).success;

describe('questionnaireJsonSchema', () => {
  it('is a JSON Schema 2020-12 document that a strict validator takes, for every kind', () => {
    for (const definition of [
      questionnaire,
      {},
      defineQuestionnaire({ fields: { languages: { allowOther: false } } }),
    ]) {
      const schema = questionnaireJsonSchema(definition);
      const ajv = new Ajv2020({ strict: true });
      ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
      expect(() => ajv.compile(schema)).not.toThrow();
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
    const schema = questionnaireJsonSchema(questionnaire) as {
      properties: { answers: { properties: Record<string, JsonSchema> } };
    };
    expect(Object.keys(schema.properties.answers.properties)).not.toContain('retired');
    expect(schema.properties.answers.properties.gpu?.oneOf).toEqual([
      { const: 'rtx4090', title: 'RTX 4090' },
      { const: 'M3 Max', title: 'M3 Max' },
    ]);
  });

  it('agrees with the server’s validation: generated bodies are accepted, mutated ones refused', () => {
    const schema = questionnaireJsonSchema(questionnaire);
    const valid = validator(schema);
    const rnd = random(20261207);
    const tally = { accepted: 0, refused: 0, mutatedRefused: 0 };
    for (let n = 0; n < 1000; n++) {
      const body = generate(schema, rnd) as Record<string, unknown>;
      const bySchema = valid(body);
      // A generated body can miss a conditional rule (visibleWhen); then both must refuse it.
      expect(accepts(questionnaire, body), `${bySchema} for ${JSON.stringify(body)}`).toBe(bySchema);
      if (!bySchema) {
        tally.refused++;
        continue;
      }
      tally.accepted++;
      const mutated = mutate(body, rnd);
      const mutatedBySchema = valid(mutated);
      expect(accepts(questionnaire, mutated), `${mutatedBySchema} for ${JSON.stringify(mutated)}`).toBe(
        mutatedBySchema,
      );
      if (!mutatedBySchema) tally.mutatedRefused++;
    }
    // Not vacuous: many of each.
    expect(tally.accepted).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(50);
    expect(tally.mutatedRefused).toBeGreaterThan(50);
  });
});
