import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import {
  type FieldPath,
  type FieldValues,
  get,
  type UseFormReturn,
  useFieldArray,
  useForm,
} from 'react-hook-form';
import { BACKGROUND_PREFERENCES, EXPERIENCE_LEVELS, SKILL_LEVELS } from '../client/schema';
import { type Cx, Description, describedBy, FieldError } from './field';
import type { Question, QuestionnaireDefinition } from './fields';
import { type BackgroundValues, createResolver, type MultiField, type ValidationContext } from './form-model';
import type { MessageKey, Translate } from './messages';
import { resolveQuestionnaire } from './questions';

interface QuestionProps {
  question: Question;
  form: UseFormReturn<BackgroundValues>;
  idPrefix: string;
  t: Translate;
  cx: Cx;
}

export function questionLabel(question: Question, t: Translate): string {
  return question.label ?? t(`field.${question.name}.label` as MessageKey);
}

function errorOf(form: UseFormReturn<BackgroundValues>, path: string): string | undefined {
  return (get(form.formState.errors, path) as { message?: string } | undefined)?.message;
}

function Legend({ question, t, cx }: { question: Question; t: Translate; cx: Cx }) {
  return (
    <legend className={cx('label')}>
      {questionLabel(question, t)}
      {question.required ? null : <span> ({t('field.optional')})</span>}
    </legend>
  );
}

function LanguagesQuestion({ question, form, idPrefix, t, cx }: QuestionProps) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'languages' });
  const id = `${idPrefix}-languages`;
  const listId = `${id}-options`;
  const rootError = errorOf(form, 'languages.root');
  return (
    <fieldset
      className={cx('fieldset')}
      aria-describedby={describedBy(id, rootError, question.description)['aria-describedby']}
    >
      <Legend question={question} t={t} cx={cx} />
      <Description id={id} cx={cx}>
        {question.description}
      </Description>
      {question.allowOther ? (
        <datalist id={listId}>
          {question.options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      ) : null}
      {fields.map((row, index) => {
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
          ...form.register(`languages.${index}.language`),
        };
        return (
          <div key={row.id} className={cx('row')}>
            <div className={cx('field')}>
              <label htmlFor={languageId} className={cx('label')}>
                {t('field.languages.language', { n })}
              </label>
              {question.allowOther ? (
                <input type="text" list={listId} autoComplete="off" {...languageProps} />
              ) : (
                <select {...languageProps}>
                  <option value="">{t('field.choose')}</option>
                  {question.options.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
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
                {...form.register(`languages.${index}.level`)}
              >
                <option value="">{t('field.choose')}</option>
                {SKILL_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`level.${level}`)}
                  </option>
                ))}
              </select>
              <FieldError id={levelId} error={levelError} cx={cx} />
            </div>
            {fields.length > 1 ? (
              <button type="button" className={cx('secondaryButton')} onClick={() => remove(index)}>
                {t('field.languages.remove', { n })}
              </button>
            ) : null}
          </div>
        );
      })}
      <FieldError id={id} error={rootError} cx={cx} />
      <button
        type="button"
        className={cx('secondaryButton')}
        onClick={() =>
          append({ language: '', level: '' }, { focusName: `languages.${fields.length}.language` })
        }
      >
        {t('field.languages.add')}
      </button>
    </fieldset>
  );
}

/** A fieldset of checkboxes or radios: the list questions and the preference. */
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
  options: { value: string; text: string }[];
  children?: ReactNode;
}) {
  const name = question.name as FieldPath<BackgroundValues>;
  const id = `${idPrefix}-${question.name}`;
  const error = errorOf(form, name);
  return (
    <fieldset className={cx('fieldset')}>
      <Legend question={question} t={t} cx={cx} />
      <Description id={id} cx={cx}>
        {question.description}
      </Description>
      {options.map((option, index) => (
        <div key={option.value} className={cx('checkbox')}>
          <input
            id={`${id}-${index}`}
            type={type}
            value={option.value}
            {...describedBy(id, error, question.description)}
            {...form.register(name)}
          />
          <label htmlFor={`${id}-${index}`}>{option.text}</label>
        </div>
      ))}
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
  const label = questionLabel(question, t);
  return (
    <OptionGroup {...props} type="checkbox" options={question.options.map((o) => ({ value: o, text: o }))}>
      {question.allowOther ? (
        <div className={cx('field')}>
          <label htmlFor={otherId} className={cx('label')}>
            {t('field.other', { field: label.toLowerCase() })}
          </label>
          <input
            id={otherId}
            type="text"
            autoComplete="off"
            className={cx('input')}
            aria-invalid={otherError || error ? true : undefined}
            aria-describedby={
              [otherError && `${otherId}-error`, error && `${id}-error`].filter(Boolean).join(' ') ||
              undefined
            }
            {...form.register(`other.${name}`)}
          />
          <FieldError id={otherId} error={otherError} cx={cx} />
        </div>
      ) : null}
    </OptionGroup>
  );
}

function SingleQuestion(props: QuestionProps) {
  const { question, form, idPrefix, t, cx } = props;
  const name = question.name as FieldPath<BackgroundValues>;
  const id = `${idPrefix}-${question.name}`;
  const error = errorOf(form, name);
  const label = questionLabel(question, t);

  if (question.kind === 'choice') {
    const options = BACKGROUND_PREFERENCES.map((value) => ({ value, text: t(`preference.${value}`) }));
    return <OptionGroup {...props} type="radio" options={options} />;
  }

  const common = {
    id,
    'aria-required': question.required || undefined,
    ...describedBy(id, error, question.description),
    ...form.register(name),
  };
  const options =
    question.kind === 'level'
      ? EXPERIENCE_LEVELS.map((level) => ({ value: level, text: t(`level.${level}`) }))
      : question.options.map((o) => ({ value: o, text: o }));
  return (
    <div className={cx('field')}>
      <label htmlFor={id} className={cx('label')}>
        {label}
        {question.required ? null : <span> ({t('field.optional')})</span>}
      </label>
      <Description id={id} cx={cx}>
        {question.description}
      </Description>
      {question.allowOther ? (
        <>
          <input type="text" list={`${id}-options`} autoComplete="off" className={cx('input')} {...common} />
          <datalist id={`${id}-options`}>
            {options.map((o) => (
              <option key={o.value} value={o.value} />
            ))}
          </datalist>
        </>
      ) : (
        <select className={cx('select')} {...common}>
          <option value="">{t('field.choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
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
      {questions.map((question) =>
        question.kind === 'languages' ? (
          <LanguagesQuestion key={question.name} question={question} {...rest} />
        ) : question.kind === 'multi' ? (
          <MultiQuestion key={question.name} question={question} {...rest} />
        ) : (
          <SingleQuestion key={question.name} question={question} {...rest} />
        ),
      )}
    </>
  );
}

/** The answer to one question as a line of text, for the review step. */
export function answerText(question: Question, values: BackgroundValues, t: Translate): string {
  switch (question.name) {
    case 'languages':
      return values.languages
        .filter((l) => l.language.trim())
        .map((l) =>
          l.level ? `${l.language.trim()} (${t(`level.${l.level}` as MessageKey)})` : l.language.trim(),
        )
        .join(', ');
    case 'frameworks':
    case 'devices':
    case 'architectureFamiliarity':
      return [...values[question.name], values.other[question.name].trim()].filter(Boolean).join(', ');
    case 'softwareExperience':
    case 'hardwareExperience':
      return values[question.name] ? t(`level.${values[question.name]}` as MessageKey) : '';
    case 'backgroundPreference':
      return values.backgroundPreference ? t(`preference.${values.backgroundPreference}` as MessageKey) : '';
    default:
      return values.experienceYears.trim();
  }
}

/**
 * Once a question shows an error, checks it again as the person changes it, so the error goes away as
 * soon as the answer is right (errors first appear on Next or Save, not while typing).
 */
export function useRevalidateOnChange<T extends FieldValues>(form: UseFormReturn<T>) {
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
}

/**
 * The form of a questionnaire: react-hook-form, validated with the field definition and the profilekit/client
 * schemas, each answer checked again as the person fixes it. `account` adds the sign-up's account fields.
 */
export function useQuestionnaireForm<T extends BackgroundValues>(
  definition: QuestionnaireDefinition | undefined,
  t: Translate,
  defaultValues: T,
  account?: ValidationContext['account'],
) {
  const questions = useMemo(() => resolveQuestionnaire(definition), [definition]);
  const validation = useRef<ValidationContext>({ questions, t });
  validation.current = { questions, t, account };
  const form = useForm<T>({
    // Only the first render's values count, as with useForm itself.
    defaultValues: defaultValues as never,
    resolver: createResolver<T>(() => validation.current),
    shouldFocusError: false,
  });
  useRevalidateOnChange(form);
  return { questions, form };
}
