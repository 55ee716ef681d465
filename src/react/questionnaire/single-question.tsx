import type { FieldPath } from 'react-hook-form';
import { BACKGROUND_PREFERENCES, EXPERIENCE_LEVELS } from '../../client/schema';
import { Description, describedBy, FieldError } from '../elements/field';
import type { BackgroundValues } from '../types/form-values';
import { OptionGroup } from './option-group';
import { asIs, choices, errorOf, labelText, named, type QuestionProps, suggestions } from './question-parts';
import { registerField } from './register-field';

export function SingleQuestion(props: QuestionProps) {
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
