import type { ReactNode } from 'react';
import type { FieldPath } from 'react-hook-form';
import { Description, describedBy, FieldError } from '../elements/field';
import type { BackgroundValues } from '../types/form-values';
import { errorOf, labelText, type Option, type QuestionProps } from './question-parts';
import { registerField } from './register-field';

/** A fieldset of checkboxes or radios: the list questions, the preference and the ranges of years. */
export function OptionGroup({
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
            {/* Isolated: ".NET" or "10+" keep their own order in right-to-left text. */}
            <bdi>{option.text}</bdi>
          </label>
        ))}
      </div>
      {children}
      <FieldError id={id} error={error} cx={cx} />
    </fieldset>
  );
}
