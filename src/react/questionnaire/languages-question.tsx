import { useEffect, useReducer, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { SKILL_LEVELS } from '../../client/schema';
import { Description, describedBy, FieldError } from '../elements/field';
import type { BackgroundValues } from '../types/form-values';
import {
  asIs,
  choices,
  cross,
  errorOf,
  labelText,
  named,
  type QuestionProps,
  suggestions,
} from './question-parts';
import { registerField } from './register-field';

export function LanguagesQuestion({ question, form, idPrefix, t, cx }: QuestionProps) {
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
