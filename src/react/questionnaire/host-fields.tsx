// One host question or group-row field, by its kind, with the package's field parts: a label (or a legend
// for a set of radios or boxes), the description, `aria-invalid` and the message under the field.
import type { ReactNode } from 'react';
import {
  type ChoiceOption,
  type HostQuestion,
  optionLabel,
  optionValue,
  type RowField,
} from '../../client/host-questions';
import { Description, describedBy, FieldError, TextField } from '../elements/field';
import type { Cx } from '../types/appearance-props';
import type { Translate } from '../types/message-keys';
import { splitList } from './form-model';

export interface FieldProps {
  question: HostQuestion | RowField;
  /** The first control's id; the message and description hang off it. */
  id: string;
  /** The label, marked optional where it may be left out. */
  label: ReactNode;
  value: unknown;
  onChange: (value: unknown) => void;
  error: string | undefined;
  t: Translate;
  cx: Cx;
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** A set of radios or boxes under a legend, with the question's description and message. */
function Choices(props: FieldProps & { children: ReactNode }) {
  const { id, label, question, error, cx, children } = props;
  return (
    <fieldset className={cx('fieldset')}>
      <legend className={cx('label')}>{label}</legend>
      <Description id={id} cx={cx}>
        {question.description}
      </Description>
      <div className={cx('options')}>{children}</div>
      <FieldError id={id} error={error} cx={cx} />
    </fieldset>
  );
}

/** One radio or box of a set; the first takes the set's id. */
function Choice(props: {
  id: string;
  index: number;
  name: string;
  type: 'radio' | 'checkbox';
  checked: boolean;
  error: string | undefined;
  description: string | undefined;
  text: string;
  onChange: (checked: boolean) => void;
  cx: Cx;
}) {
  const own = props.index === 0 ? props.id : `${props.id}-${props.index}`;
  return (
    <label className={props.cx('chip')} htmlFor={own}>
      <input
        id={own}
        type={props.type}
        className={props.cx('checkbox')}
        name={props.name}
        checked={props.checked}
        {...describedBy(props.id, props.error, props.description)}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      {props.text}
    </label>
  );
}

export function HostField(props: FieldProps) {
  const { question, id, label, value, onChange, error, t } = props;
  const common = { id, label, error, description: question.description, cx: props.cx };
  switch (question.kind) {
    case 'text':
      return <TextField {...common} value={text(value)} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
      return (
        <TextField
          {...common}
          label={
            question.unit ? t('host.numberLabel', { label: question.label, unit: question.unit }) : label
          }
          type="number"
          inputMode="decimal"
          min={question.min}
          max={question.max}
          step={question.increment ?? 'any'}
          value={text(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'date':
      return (
        <TextField
          {...common}
          type="date"
          min={question.min}
          max={question.max}
          value={text(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'boolean':
      return (
        <Choices {...props}>
          {[true, false].map((answer, index) => (
            <Choice
              key={String(answer)}
              id={id}
              index={index}
              name={id}
              type="radio"
              checked={value === answer}
              error={error}
              description={question.description}
              text={t(answer ? 'host.yes' : 'host.no')}
              onChange={() => onChange(answer)}
              cx={props.cx}
            />
          ))}
        </Choices>
      );
    case 'scale':
    case 'single': {
      const options: readonly ChoiceOption[] = question.kind === 'scale' ? question.levels : question.options;
      const values = options.map(optionValue);
      const other = question.kind === 'single' && question.allowOther;
      return (
        <Choices {...props}>
          {options.map((option, index) => (
            <Choice
              key={optionValue(option)}
              id={id}
              index={index}
              name={id}
              type="radio"
              checked={value === optionValue(option)}
              error={error}
              description={question.description}
              text={optionLabel(option)}
              onChange={() => onChange(optionValue(option))}
              cx={props.cx}
            />
          ))}
          {other ? (
            <OtherText
              id={`${id}-other`}
              label={t('host.other')}
              value={values.includes(text(value)) ? '' : text(value)}
              controlled
              onChange={(entry) => onChange(entry)}
              cx={props.cx}
            />
          ) : null}
        </Choices>
      );
    }
    case 'multi': {
      const list = Array.isArray(value) ? (value as string[]) : [];
      const values = question.options.map(optionValue);
      const ticked = list.filter((v) => values.includes(v));
      const others = list.filter((v) => !values.includes(v));
      return (
        <Choices {...props}>
          {question.options.map((option, index) => (
            <Choice
              key={optionValue(option)}
              id={id}
              index={index}
              name={id}
              type="checkbox"
              checked={ticked.includes(optionValue(option))}
              error={error}
              description={question.description}
              text={optionLabel(option)}
              onChange={(on) =>
                onChange([
                  ...values.filter((v) => (v === optionValue(option) ? on : ticked.includes(v))),
                  ...others,
                ])
              }
              cx={props.cx}
            />
          ))}
          {question.allowOther ? (
            <OtherText
              id={`${id}-other`}
              label={t('host.otherList')}
              value={others.join(', ')}
              onChange={(entry) => onChange([...ticked, ...splitList(entry)])}
              cx={props.cx}
            />
          ) : null}
        </Choices>
      );
    }
    default:
      return null;
  }
}

/**
 * The free answer beside a question's options. A `single`'s follows its answer (a radio clears it); a
 * `multi`'s comma-separated text is read as typed, so a trailing comma is not taken away mid-word.
 */
function OtherText(props: {
  id: string;
  label: string;
  value: string;
  controlled?: boolean;
  onChange: (v: string) => void;
  cx: Cx;
}) {
  return (
    <div className={props.cx('field')} data-pk-part="other">
      <label htmlFor={props.id} className={props.cx('label')}>
        {props.label}
      </label>
      <input
        id={props.id}
        className={props.cx('input')}
        {...(props.controlled ? { value: props.value } : { defaultValue: props.value })}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
