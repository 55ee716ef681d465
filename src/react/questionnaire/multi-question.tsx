import { FieldError } from '../elements/field';
import type { MultiField } from '../types/form-values';
import { OptionGroup } from './option-group';
import { OtherEntries } from './other-entries';
import { asIs, errorOf, type QuestionProps, questionLabel } from './question-parts';

export function MultiQuestion(props: QuestionProps) {
  const { question, form, idPrefix, t, cx } = props;
  const name = question.name as MultiField;
  const id = `${idPrefix}-${name}`;
  const error = errorOf(form, name);
  const otherId = `${id}-other`;
  const otherError = errorOf(form, `other.${name}`);
  return (
    <OptionGroup {...props} type="checkbox" options={asIs(question.options)}>
      {question.allowOther ? (
        <div className={cx('field')} data-pk-part="other">
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
