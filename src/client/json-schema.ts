// A questionnaire as a JSON Schema (2020-12) of a valid `PUT /api/profile` body, for hosts that validate or
// document answers without profilekit: a mobile app, another language's server, a data team.
import { BACKGROUND_PREFERENCES, EXPERIENCE_LEVELS, PROFILE_LIMITS, SKILL_LEVELS } from './constants';
import {
  type ChoiceOption,
  HOST_LIMITS,
  type HostQuestion,
  optionLabel,
  optionValue,
  type RowField,
  type VisibleWhen,
} from './host-questions';
import { BACKGROUND_FIELDS, type QuestionnaireDefinition } from './questionnaire';
import { resolveQuestionnaire } from './questions';

/** A JSON Schema document (a plain object). */
export type JsonSchema = { [key: string]: unknown };

/** No control, bidirectional-control or lone surrogate character: the rule every stored text follows. */
const SAFE = '^[^\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]*$';
/** Something visible: the server trims text, so blank text is no answer. */
const VISIBLE = '\\S';

const text = (max: number, required = true): JsonSchema => ({
  type: 'string',
  maxLength: max,
  ...(required ? { allOf: [{ pattern: SAFE }, { pattern: VISIBLE }] } : { pattern: SAFE }),
});

const nullable = (schema: JsonSchema, required: boolean): JsonSchema =>
  required ? schema : { anyOf: [schema, { type: 'null' }] };

function choices(options: readonly ChoiceOption[], allowOther: boolean | undefined): JsonSchema {
  if (allowOther) return text(HOST_LIMITS.textLength);
  return labelled(options);
}

/** One of fixed values, each with its label as the `title` of its own `const`. */
const labelled = (options: readonly ChoiceOption[]): JsonSchema => ({
  oneOf: options.map((o) => ({ const: optionValue(o), title: optionLabel(o) })),
});

/** What JSON Schema cannot say, for people reading the schema; the server checks it. */
const note = (schema: JsonSchema, text: string): JsonSchema => ({
  ...schema,
  description: schema.description ? `${schema.description} (${text})` : text,
});

function scalar(question: RowField | HostQuestion): JsonSchema {
  const common = {
    title: question.label,
    ...(question.description ? { description: question.description } : {}),
  };
  switch (question.kind) {
    case 'text': {
      const schema = text(question.maxLength ?? HOST_LIMITS.textLength, question.required === true);
      if (question.pattern === undefined) return { ...common, ...schema };
      const patterns = [{ pattern: SAFE }, { pattern: `^(?:${question.pattern})$` }];
      return {
        ...common,
        type: 'string',
        maxLength: schema.maxLength,
        allOf: question.required ? [...patterns, { pattern: VISIBLE }] : patterns,
      };
    }
    case 'number': {
      const unit = question.unit ? ` (${question.unit})` : '';
      // `multipleOf` says "min + k × increment" only when min is itself a multiple (or absent).
      const { min, max, increment } = question;
      const aligned = increment !== undefined && (min === undefined || Number.isInteger(min / increment));
      return {
        ...common,
        title: `${question.label}${unit}`,
        type: 'number',
        ...(min !== undefined ? { minimum: min } : {}),
        ...(max !== undefined ? { maximum: max } : {}),
        ...(aligned ? { multipleOf: increment } : {}),
      };
    }
    case 'boolean':
      return { ...common, type: 'boolean' };
    case 'date': {
      const schema = { ...common, type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
      const bounds = [
        question.min && `on or after ${question.min}`,
        question.max && `on or before ${question.max}`,
      ];
      const said = bounds.filter(Boolean).join(', ');
      return said ? note(schema, said) : schema;
    }
    case 'single':
      return { ...common, ...choices(question.options, question.allowOther) };
    case 'scale':
      return {
        ...common,
        ...labelled(question.levels.map((l) => ({ value: l.value, label: optionLabel(l) }))),
      };
    default:
      return common;
  }
}

function answerSchema(question: HostQuestion): JsonSchema {
  if (question.kind === 'multi') {
    return {
      title: question.label,
      ...(question.description ? { description: question.description } : {}),
      type: 'array',
      items: choices(question.options, question.allowOther),
      uniqueItems: true,
      minItems: Math.max(question.minCount ?? 0, question.required ? 1 : 0),
      maxItems: question.maxCount ?? HOST_LIMITS.multiCount,
    };
  }
  if (question.kind === 'group') {
    const group: JsonSchema = {
      title: question.label,
      ...(question.description ? { description: question.description } : {}),
      type: 'array',
      items: {
        type: 'object',
        properties: Object.fromEntries(question.fields.map((f) => [f.id, scalar(f)])),
        required: question.fields.filter((f) => f.required).map((f) => f.id),
        additionalProperties: false,
      },
      minItems: Math.max(question.minRows ?? 0, question.required ? 1 : 0),
      maxItems: question.maxRows ?? HOST_LIMITS.groupRows,
      // Two equal rows always repeat the key.
      ...(question.key ? { uniqueItems: true } : {}),
    };
    return question.key
      ? note(group, `${question.key} is unique across rows, whatever its letter case`)
      : group;
  }
  return scalar(question);
}

const equalsSchema = (when: VisibleWhen): JsonSchema => {
  const values = Array.isArray(when.equals) ? [...when.equals] : [when.equals];
  const one = values.length === 1 ? { const: values[0] } : { enum: values };
  // A list answer shows the question when it holds one of the values.
  return { anyOf: [one, { type: 'array', contains: one }] };
};

/**
 * The condition, on the whole body, under which a question is shown: its `visibleWhen` and its target's
 * own, up the chain. A target that is hidden never holds in a body (a client cannot send it).
 */
function shownWhen(question: HostQuestion, byId: Map<string, HostQuestion>, depth = 0): JsonSchema | false {
  const when = question.visibleWhen;
  if (when === undefined) return {};
  const target = byId.get(when.question);
  if (depth > 32 || target?.hidden) return false;
  const own: JsonSchema = target
    ? {
        type: 'object',
        properties: {
          answers: {
            type: 'object',
            properties: { [when.question]: equalsSchema(when) },
            required: [when.question],
          },
        },
        required: ['answers'],
      }
    : { type: 'object', properties: { [when.question]: equalsSchema(when) }, required: [when.question] };
  if (!target) return own;
  const parent = shownWhen(target, byId, depth + 1);
  if (parent === false) return false;
  return Object.keys(parent).length === 0 ? own : { allOf: [own, parent] };
}

const builtInSchemas = (): Record<string, JsonSchema> => {
  const name = text(PROFILE_LIMITS.nameLength);
  const names = (max: number) => ({ type: 'array', items: name, maxItems: max, uniqueItems: true });
  return {
    languages: {
      type: 'array',
      maxItems: PROFILE_LIMITS.languages,
      uniqueItems: true,
      items: {
        type: 'object',
        properties: { language: name, level: { enum: [...SKILL_LEVELS] } },
        required: ['language', 'level'],
        additionalProperties: false,
      },
    },
    frameworks: names(PROFILE_LIMITS.frameworks),
    experienceYears: {
      type: 'string',
      pattern: '^\\s*\\d{1,2}(?:\\s*-\\s*\\d{1,2}|\\s*\\+)?\\s*$',
      maxLength: 50,
    },
    devices: names(PROFILE_LIMITS.devices),
    architectureFamiliarity: names(PROFILE_LIMITS.architectureFamiliarity),
    softwareExperience: { enum: [...EXPERIENCE_LEVELS] },
    hardwareExperience: { enum: [...EXPERIENCE_LEVELS] },
    backgroundPreference: { enum: [...BACKGROUND_PREFERENCES] },
  };
};

/**
 * A JSON Schema (2020-12) of a valid profile write (`PUT /api/profile`) under this questionnaire: the
 * built-in fields with their `required` and option lists, and `answers` keyed by question id, each by its
 * kind and bounds, required ones required only while `visibleWhen` holds. React-free; the handler serves it
 * at `GET /api/profile/schema`. What JSON Schema cannot say (date bounds, uniqueness without letter case,
 * a group's key) is given as `x-` keywords and checked by the server.
 */
export function questionnaireJsonSchema(
  definition: QuestionnaireDefinition = {},
  options: { id?: string } = {},
): JsonSchema {
  const builtIn = builtInSchemas();
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = ['languages', 'frameworks'];
  const shown = new Map(resolveQuestionnaire(definition).map((q) => [q.name, q]));
  for (const name of BACKGROUND_FIELDS) {
    const question = shown.get(name);
    // A hidden built-in field is not asked, and still accepted as without a questionnaire.
    if (!question) {
      properties[name] = nullable(builtIn[name] as JsonSchema, name === 'languages' || name === 'frameworks');
      continue;
    }
    let schema = builtIn[question.name] as JsonSchema;
    if (!question.allowOther && question.options.length > 0) {
      const values = { enum: [...question.options] };
      schema =
        question.name === 'languages'
          ? {
              ...schema,
              items: {
                ...(schema.items as JsonSchema),
                properties: { language: values, level: { enum: [...SKILL_LEVELS] } },
              },
            }
          : question.kind === 'multi'
            ? { ...schema, items: values }
            : values;
    }
    const list = question.kind === 'multi' || question.kind === 'languages';
    if (question.required && list) schema = { ...schema, minItems: 1 };
    properties[question.name] = nullable(
      { ...schema, ...(question.label ? { title: question.label } : {}) },
      question.required || question.name === 'languages' || question.name === 'frameworks',
    );
    if (question.required && !required.includes(question.name)) required.push(question.name);
  }
  const questions = (definition.questions ?? []).filter((q) => !q.hidden);
  const byId = new Map((definition.questions ?? []).map((q) => [q.id, q]));
  const answers: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(questions.map((q) => [q.id, answerSchema(q)])),
    additionalProperties: false,
  };
  const conditions: JsonSchema[] = [];
  const always: string[] = [];
  for (const question of questions) {
    const when = shownWhen(question, byId);
    const needs = {
      type: 'object',
      properties: {
        answers: { type: 'object', properties: { [question.id]: true }, required: [question.id] },
      },
      required: ['answers'],
    };
    const absent = {
      type: 'object',
      properties: {
        answers: {
          type: 'object',
          not: { type: 'object', properties: { [question.id]: true }, required: [question.id] },
        },
      },
    };
    if (when === false) conditions.push(absent);
    else if (Object.keys(when).length === 0) {
      if (question.required) always.push(question.id);
    } else {
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else, never awaited
      conditions.push({ if: when, then: question.required ? needs : {}, else: absent });
    }
  }
  if (always.length > 0) answers.required = always;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(options.id ? { $id: options.id } : {}),
    title: 'Profile write',
    description: 'A body of PUT /api/profile: the background fields and the answers to the host questions.',
    type: 'object',
    properties: { ...properties, answers },
    required: always.length > 0 ? [...required, 'answers'] : required,
    additionalProperties: false,
    ...(conditions.length > 0 ? { allOf: conditions } : {}),
  };
}
