import {
  type ReactNode,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { type FieldPath, get, type UseFormReturn, useForm } from 'react-hook-form';
import { BACKGROUND_PREFERENCES, EXPERIENCE_LEVELS, SKILL_LEVELS } from '../client/schema';
import { type Cx, Description, describedBy, FieldError } from './field';
import type { Question, QuestionnaireDefinition } from './fields';
import {
  type BackgroundValues,
  createResolver,
  type MultiField,
  splitList,
  type ValidationContext,
} from './form-model';
import type { MessageKey, Translate } from './messages';
import { resolveQuestionnaire } from './questions';

interface QuestionProps {
  question: Question;
  form: UseFormReturn<BackgroundValues>;
  idPrefix: string;
  t: Translate;
  cx: Cx;
}

/** One choice of a select or of a group of checkboxes or radios. */
interface Option {
  value: string;
  text: string;
}

export function questionLabel(question: Question, t: Translate): string {
  return question.label ?? t(`field.${question.name}.label` as MessageKey);
}

function errorOf(form: UseFormReturn<BackgroundValues>, path: string): string | undefined {
  return (get(form.formState.errors, path) as { message?: string } | undefined)?.message;
}

/** Options shown as they are stored (the host's suggestions). */
const asIs = (options: readonly string[]): Option[] => options.map((value) => ({ value, text: value }));

/** Options shown with their text: `level.<value>` or `preference.<value>`. */
const named = (options: readonly string[], prefix: 'level' | 'preference', t: Translate): Option[] =>
  options.map((value) => ({ value, text: t(`${prefix}.${value}` as MessageKey) }));

/** A question's label, marked when the question may be left out. */
function labelText(question: Question, t: Translate) {
  return (
    <>
      {questionLabel(question, t)}
      {question.required ? null : <span> ({t('field.optional')})</span>}
    </>
  );
}

/** The options of a select, after its empty "Choose…". */
function choices(options: Option[], t: Translate) {
  return (
    <>
      <option value="">{t('field.choose')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
    </>
  );
}

/** Suggestions for a text input that takes answers outside them too. */
function suggestions(id: string, options: readonly string[]) {
  return (
    <datalist id={id}>
      {options.map((o) => (
        <option key={o} value={o} />
      ))}
    </datalist>
  );
}

function LanguagesQuestion({ question, form, idPrefix, t, cx }: QuestionProps) {
  const id = `${idPrefix}-languages`;
  const { rows, append, remove } = useLanguageRows(form, id);
  const listId = `${id}-options`;
  const rootError = errorOf(form, 'languages.root');
  return (
    <fieldset
      className={cx('fieldset')}
      aria-describedby={describedBy(id, rootError, question.description)['aria-describedby']}
    >
      <legend className={cx('label')}>{labelText(question, t)}</legend>
      <Description id={id} cx={cx}>
        {question.description}
      </Description>
      {question.allowOther ? suggestions(listId, question.options) : null}
      {/* The column heads name what each row holds; every control keeps its own full label. */}
      <div className={cx('row')} data-part="head" aria-hidden="true">
        <span>{t('field.languages.languageHead')}</span>
        <span>{t('field.languages.levelHead')}</span>
      </div>
      {rows.map((row, index) => {
        const n = index + 1;
        const languageId = `${id}-${index}-language`;
        const levelId = `${id}-${index}-level`;
        const languageError = errorOf(form, `languages.${index}.language`);
        const levelError = errorOf(form, `languages.${index}.level`);
        const languageProps = {
          id: languageId,
          className: cx(question.allowOther ? 'input' : 'select'),
          'aria-required': question.required && index === 0 ? true : undefined,
          ...describedBy(languageId, languageError, undefined),
          ...registerField(form, `languages.${index}.language`),
        };
        return (
          <div key={row} className={cx('row')}>
            <div className={cx('field')}>
              <label htmlFor={languageId} className={cx('label')}>
                {t('field.languages.language', { n })}
              </label>
              {question.allowOther ? (
                <input type="text" list={listId} autoComplete="off" {...languageProps} />
              ) : (
                <select {...languageProps}>{choices(asIs(question.options), t)}</select>
              )}
              <FieldError id={languageId} error={languageError} cx={cx} />
            </div>
            <div className={cx('field')}>
              <label htmlFor={levelId} className={cx('label')}>
                {t('field.languages.level', { n })}
              </label>
              <select
                id={levelId}
                className={cx('select')}
                {...describedBy(levelId, levelError, undefined)}
                {...registerField(form, `languages.${index}.level`)}
              >
                {choices(named(SKILL_LEVELS, 'level', t), t)}
              </select>
              <FieldError id={levelId} error={levelError} cx={cx} />
            </div>
            {rows.length > 1 ? (
              <button
                type="button"
                className={cx('secondaryButton')}
                aria-label={t('field.languages.remove', { n })}
                onClick={() => remove(index)}
              >
                {cross}
              </button>
            ) : null}
          </div>
        );
      })}
      <FieldError id={id} error={rootError} cx={cx} />
      <div className={cx('actions')}>
        <button type="button" className={cx('secondaryButton')} onClick={append}>
          {t('field.languages.add')}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * The language rows, each with a key that stays with it when another row is removed. Kept here rather than
 * with react-hook-form's field array, which would add 1.7 kB (gzipped) to every page with a form.
 */
function useLanguageRows(form: UseFormReturn<BackgroundValues>, id: string) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const keys = useRef<number[]>([]);
  const made = useRef(0);
  const focus = useRef<number | null>(null);
  const count = form.getValues('languages').length;
  while (keys.current.length < count) keys.current.push(made.current++);
  keys.current.length = count;
  // A reset (a loaded profile, a restored draft) can change the number of rows.
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (!name && form.getValues('languages').length !== keys.current.length) rerender();
    });
    return () => subscription.unsubscribe();
  }, [form]);
  useEffect(() => {
    if (focus.current === null) return;
    document.getElementById(`${id}-${focus.current}-language`)?.focus();
    focus.current = null;
  });
  const write = (rows: BackgroundValues['languages']) => {
    form.setValue('languages', rows, { shouldDirty: true });
    rerender();
  };
  return {
    rows: keys.current,
    append() {
      const rows = form.getValues('languages');
      focus.current = rows.length;
      write([...rows, { language: '', level: '' }]);
    },
    remove(index: number) {
      const rows = form.getValues('languages');
      const last = rows.length - 1;
      keys.current.splice(index, 1);
      // The last row's fields go; the rows after the removed one move up and take their new names.
      form.unregister([`languages.${last}.language`, `languages.${last}.level`], {
        keepDefaultValue: true,
        keepDirty: true,
        keepTouched: true,
        keepIsValid: true,
        keepError: true,
      });
      write(rows.filter((_, i) => i !== index));
    },
  };
}

/** A fieldset of checkboxes or radios: the list questions, the preference and the ranges of years. */
function OptionGroup({
  question,
  form,
  idPrefix,
  t,
  cx,
  type,
  options,
  children,
}: QuestionProps & {
  type: 'checkbox' | 'radio';
  options: Option[];
  children?: ReactNode;
}) {
  const name = question.name as FieldPath<BackgroundValues>;
  const id = `${idPrefix}-${name}`;
  const error = errorOf(form, name);
  return (
    <fieldset className={cx('fieldset')}>
      <legend className={cx('label')}>{labelText(question, t)}</legend>
      <Description id={id} cx={cx}>
        {question.description}
      </Description>
      <div className={cx('options')}>
        {options.map((option, index) => (
          <label key={option.value} className={cx('chip')}>
            <input
              id={`${id}-${index}`}
              type={type}
              className={cx('checkbox')}
              value={option.value}
              {...describedBy(id, error, question.description)}
              {...registerField(form, name, option.value)}
            />
            {option.text}
          </label>
        ))}
      </div>
      {children}
      <FieldError id={id} error={error} cx={cx} />
    </fieldset>
  );
}

function MultiQuestion(props: QuestionProps) {
  const { question, form, idPrefix, t, cx } = props;
  const name = question.name as MultiField;
  const id = `${idPrefix}-${name}`;
  const error = errorOf(form, name);
  const otherId = `${id}-other`;
  const otherError = errorOf(form, `other.${name}`);
  return (
    <OptionGroup {...props} type="checkbox" options={asIs(question.options)}>
      {question.allowOther ? (
        <div className={cx('field')}>
          <label htmlFor={otherId} className={cx('label')}>
            {t('field.other', { field: questionLabel(question, t).toLowerCase() })}
          </label>
          <p id={`${otherId}-description`} className={cx('description')}>
            {t('field.otherHint')}
          </p>
          <OtherEntries
            name={name}
            form={form}
            id={otherId}
            invalid={Boolean(otherError || error)}
            describedBy={[`${otherId}-description`, otherError && `${otherId}-error`, error && `${id}-error`]
              .filter(Boolean)
              .join(' ')}
            t={t}
            cx={cx}
          />
          <FieldError id={otherId} error={otherError} cx={cx} />
        </div>
      ) : null}
    </OptionGroup>
  );
}

/** The × of the remove buttons. */
const cross = (
  <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
    <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
  </svg>
);

/**
 * "Other" answers as chips: type one, Enter or a comma adds it, each chip's button (or Backspace in the
 * empty box) removes it. The form keeps them as one comma-separated text, as the profile model expects;
 * whatever is typed but not yet added is added when the box loses focus, so nothing typed is lost.
 */
function OtherEntries({
  name,
  form,
  id,
  invalid,
  describedBy: described,
  t,
  cx,
}: {
  name: MultiField;
  form: UseFormReturn<BackgroundValues>;
  id: string;
  invalid: boolean;
  describedBy: string;
  t: Translate;
  cx: Cx;
}) {
  // Read with watch and written with setValue: react-hook-form's controller would cost more bytes than this.
  const path = `other.${name}` as const;
  const entries = splitList(form.watch(path));
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const commit = (next: string[]) =>
    form.setValue(path, next.join(', '), {
      shouldDirty: true,
      shouldValidate: Boolean(get(form.formState.errors, path)),
    });
  /** Adds the entries of `raw` that are not there yet (in any letter case). */
  const add = (raw: string) => {
    const next = [...entries];
    for (const entry of splitList(raw)) {
      if (!next.some((e) => e.toLowerCase() === entry.toLowerCase())) next.push(entry);
    }
    if (next.length > entries.length) commit(next);
  };
  const addTyped = () => {
    add(text);
    setText('');
  };
  return (
    <div className={cx('chips')}>
      {entries.map((entry, index) => (
        <span key={entry} className={cx('chip')}>
          {entry}
          <button
            type="button"
            aria-label={t('field.otherRemove', { value: entry })}
            onClick={() => {
              commit(entries.filter((_, i) => i !== index));
              input.current?.focus();
            }}
          >
            {cross}
          </button>
        </span>
      ))}
      <input
        id={id}
        type="text"
        autoComplete="off"
        enterKeyHint="enter"
        className={cx('input')}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={described || undefined}
        ref={input}
        onChange={(event) => {
          // Everything up to the last comma is added; the rest stays in the box.
          const value = event.target.value;
          const cut = value.lastIndexOf(',') + 1;
          add(value.slice(0, cut));
          setText(value.slice(cut).trimStart());
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            // Enter adds the entry; it does not submit the form.
            event.preventDefault();
            addTyped();
          } else if (event.key === 'Backspace' && text === '' && entries.length > 0) {
            commit(entries.slice(0, -1));
          }
        }}
        onBlur={addTyped}
      />
    </div>
  );
}

function SingleQuestion(props: QuestionProps) {
  const { question, form, idPrefix, t, cx } = props;
  const name = question.name as FieldPath<BackgroundValues>;
  const id = `${idPrefix}-${name}`;
  const error = errorOf(form, name);

  if (question.kind === 'choice') {
    return <OptionGroup {...props} type="radio" options={named(BACKGROUND_PREFERENCES, 'preference', t)} />;
  }
  const options = question.kind === 'level' ? named(EXPERIENCE_LEVELS, 'level', t) : asIs(question.options);
  if (question.kind === 'text' && !question.allowOther && options.length > 0) {
    // A choice of ranges. A stored answer outside them stays selectable, so loading it loses nothing.
    const stored = String(form.getValues(name) ?? '').trim();
    const ranges = stored && !question.options.includes(stored) ? [...options, ...asIs([stored])] : options;
    return <OptionGroup {...props} type="radio" options={ranges} />;
  }
  const common = {
    id,
    'aria-required': question.required || undefined,
    ...describedBy(id, error, question.description),
    ...registerField(form, name),
  };
  return (
    <div className={cx('field')}>
      <label htmlFor={id} className={cx('label')}>
        {labelText(question, t)}
      </label>
      <Description id={id} cx={cx}>
        {question.description}
      </Description>
      {question.allowOther ? (
        <>
          <input type="text" list={`${id}-options`} autoComplete="off" className={cx('input')} {...common} />
          {suggestions(`${id}-options`, question.options)}
        </>
      ) : (
        <select className={cx('select')} {...common}>
          {choices(options, t)}
        </select>
      )}
      <FieldError id={id} error={error} cx={cx} />
    </div>
  );
}

/** Renders the given questions with react-hook-form. */
export function Questions(props: Omit<QuestionProps, 'question'> & { questions: readonly Question[] }) {
  const { questions, ...rest } = props;
  return (
    <>
      {questions.map((question) => {
        const Kind =
          question.kind === 'languages'
            ? LanguagesQuestion
            : question.kind === 'multi'
              ? MultiQuestion
              : SingleQuestion;
        return <Kind key={question.name} question={question} {...rest} />;
      })}
    </>
  );
}

/**
 * Forms whose render is the server's or the hydration of it. Markup defaults are for that HTML only: in the
 * browser react-hook-form sets every field's value itself, on mount and on each `reset`, and defaults that
 * changed with them would fight it.
 */
const serverPass = new WeakMap<object, boolean>();
const noSubscription = () => () => {};

/**
 * `register` plus the field's starting value as markup, so a form rendered on the server shows its values
 * before hydration, and hydration finds the same markup: `defaultValue` for a text field or a select, and for
 * one checkbox or radio of a group (`option`), `defaultChecked` when the starting value holds it.
 */
function registerField(
  form: UseFormReturn<BackgroundValues>,
  name: FieldPath<BackgroundValues>,
  option?: string,
) {
  const registered = form.register(name);
  if (!serverPass.get(form.control)) return registered;
  const value: unknown = get(form.formState.defaultValues, name);
  return option === undefined
    ? { defaultValue: typeof value === 'string' ? value : '', ...registered }
    : { defaultChecked: Array.isArray(value) ? value.includes(option) : value === option, ...registered };
}

/**
 * The form of a questionnaire: react-hook-form, validated with the field definition and the profilekit/client
 * schemas, each answer checked again as the person fixes it. `account` adds the sign-up's account fields.
 */
export function useQuestionnaireForm<T extends BackgroundValues>(
  definition: QuestionnaireDefinition | undefined,
  t: Translate,
  /** A function gets the resolved questions (as when the values come from a profile). */
  defaultValues: T | ((questions: readonly Question[]) => T),
  account?: ValidationContext['account'],
) {
  const questions = useMemo(() => resolveQuestionnaire(definition), [definition]);
  const [initialValues] = useState(() =>
    typeof defaultValues === 'function' ? defaultValues(questions) : defaultValues,
  );
  const validation = useRef<ValidationContext>({ questions, t });
  validation.current = { questions, t, account };
  const form = useForm<T>({
    // Only the first render's values count, as with useForm itself.
    defaultValues: initialValues as never,
    resolver: createResolver<T>(() => validation.current),
    shouldFocusError: false,
  });
  serverPass.set(
    form.control,
    useSyncExternalStore(
      noSubscription,
      () => false,
      () => true,
    ),
  );
  // Once a question shows an error, it is checked again as the person changes it, so the error goes away as
  // soon as the answer is right (errors first appear on Next or Save, not while typing).
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (!name) return;
      const [head, second] = name.split('.');
      const question = head === 'other' ? second : head;
      if (!question) return;
      const names = [question, `other.${question}`].filter((n) => get(form.formState.errors, n));
      if (names.length > 0) void form.trigger(names as FieldPath<T>[]);
    });
    return () => subscription.unsubscribe();
  }, [form]);
  return { questions, form };
}
