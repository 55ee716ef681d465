// The TypeScript types of the answers a questionnaire defines, inferred from its definition. Types only.
import type { HostQuestion } from './host-questions';
import type { Profile, ProfileInput, ProfilePatch } from './schema';

type Prettify<T> = { [K in keyof T]: T[K] } & {};

/** @internal The stored value of an option or a level written as a string or as `{ value }`. */
export type ValueOf<O> = O extends string ? O : O extends { value: infer V extends string } ? V : never;

/** @internal A choice's answer: one of the option values, or any string when free answers are allowed. */
export type Choice<Q> = Q extends { allowOther: true }
  ? string
  : Q extends { options: readonly (infer O)[] }
    ? ValueOf<O>
    : never;

type RowFields<F> = Prettify<
  { [K in F as K extends { id: infer I extends string; required: true } ? I : never]: AnswerOf<K> } & {
    [K in F as K extends { required: true }
      ? never
      : K extends { id: infer I extends string }
        ? I
        : never]?: AnswerOf<K>;
  }
>;

/**
 * The answer to one host question: `string` for text and dates (`YYYY-MM-DD`), `number`, `boolean`, the
 * option values of a choice, a list for `multi`, the level values of a scale, rows for a group.
 */
export type AnswerOf<Q> = Q extends { kind: 'text' | 'date' }
  ? string
  : Q extends { kind: 'number' }
    ? number
    : Q extends { kind: 'boolean' }
      ? boolean
      : Q extends { kind: 'single' }
        ? Choice<Q>
        : Q extends { kind: 'multi' }
          ? Choice<Q>[]
          : Q extends { kind: 'scale'; levels: readonly (infer L)[] }
            ? ValueOf<L>
            : Q extends { kind: 'group'; fields: readonly (infer F)[] }
              ? RowFields<F>[]
              : never;

/** Any answer to any host question, as the API carries it. */
export type AnswerValue =
  | string
  | number
  | boolean
  | readonly string[]
  | readonly Record<string, string | number | boolean>[];

/** Host answers keyed by question id, when the questionnaire's type is not known. */
export type HostAnswers = Record<string, unknown>;

type QuestionsOf<T> = T extends { questions?: readonly (infer Q)[] | undefined } ? Q : never;

/**
 * The host answers a questionnaire defines, keyed by question id. Every key is optional: a question may be
 * hidden, shown only when another answer says so, or added after a profile was saved.
 *
 * @example
 * const questionnaire = defineQuestionnaire({ questions: [{ id: 'gpu', kind: 'text', label: 'Your GPU' }] });
 * type Answers = AnswersOf<typeof questionnaire>; // { gpu?: string }
 */
export type AnswersOf<T> = [QuestionsOf<T>] extends [never]
  ? Record<string, never>
  : // A definition typed only as QuestionnaireDefinition: its ids are not known.
    string extends (QuestionsOf<T> extends { id: infer I } ? I : never)
    ? HostAnswers
    : Prettify<{
        [Q in QuestionsOf<T> as Q extends { id: infer I extends string } ? I : never]?: AnswerOf<Q>;
      }>;

/** A patch of host answers: only the keys present change; `null` clears one. */
export type AnswersPatch<A> = { [K in keyof A]?: A[K] | null };

/** The profile as the API returns it, with the host answers typed by a questionnaire's `AnswersOf`. */
export type ProfileOf<A = HostAnswers> = Prettify<Omit<Profile, 'answers'> & { answers: A }>;
/** A `PUT` body with typed host answers. */
export type ProfileInputOf<A = HostAnswers> = Prettify<ProfileInput & { answers?: A }>;
/** A `PATCH` body with typed host answers. */
export type ProfilePatchOf<A = HostAnswers> = Prettify<ProfilePatch & { answers?: AnswersPatch<A> }>;

/** The host questions of a definition, for code that walks them. */
export type HostQuestionsOf<T> = Extract<QuestionsOf<T>, HostQuestion>;
