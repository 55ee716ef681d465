import { type ReactNode, useEffect, useRef } from 'react';
import type { GroupQuestion } from '../../client/host-questions';
import { Description, FieldError } from '../elements/field';
import type { Cx } from '../types/appearance-props';
import type { Translate } from '../types/message-keys';
import { HostField } from './host-fields';
import { cross } from './question-parts';

type Row = Record<string, unknown>;

/**
 * The repeatable rows of a `group` question. Adding a row moves focus to its first field; removing one moves
 * it to the next row's first field, or to the add button when it was the last.
 */
export function HostGroup(props: {
  question: GroupQuestion;
  id: string;
  label: ReactNode;
  value: unknown;
  onChange: (rows: Row[]) => void;
  errorAt: (path: string) => string | undefined;
  t: Translate;
  cx: Cx;
}) {
  const { question, id, label, onChange, errorAt, t, cx } = props;
  const rows: Row[] = Array.isArray(props.value) ? (props.value as Row[]) : [];
  const focus = useRef<string | null>(null);
  const add = useRef<HTMLButtonElement>(null);
  const first = question.fields[0];
  const max = question.maxRows ?? 20;
  const rowId = (index: number, field: string) => `${id}-${index}-${field}`;
  const error = errorAt('');

  useEffect(() => {
    if (focus.current === null) return;
    const target = focus.current === '' ? add.current : document.getElementById(focus.current);
    focus.current = null;
    target?.focus();
  });

  return (
    <fieldset className={cx('fieldset')}>
      <legend className={cx('label')}>{label}</legend>
      <Description id={id} cx={cx}>
        {question.description}
      </Description>
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; focus is placed by id
          <fieldset key={index} className={cx('fieldset')}>
            <legend className={cx('label')}>{t('host.row', { label: question.label, n })}</legend>
            {question.fields.map((field) => (
              <HostField
                key={field.id}
                question={field}
                id={rowId(index, field.id)}
                label={
                  <>
                    {field.label}
                    {field.required ? null : <span> ({t('field.optional')})</span>}
                  </>
                }
                value={row[field.id]}
                onChange={(value) =>
                  onChange(rows.map((r, i) => (i === index ? { ...r, [field.id]: value } : r)))
                }
                error={errorAt(`${index}.${field.id}`)}
                t={t}
                cx={cx}
              />
            ))}
            <button
              type="button"
              className={cx('secondaryButton')}
              aria-label={t('host.removeRow', { label: question.label, n })}
              onClick={() => {
                focus.current = index < rows.length - 1 && first ? rowId(index, first.id) : '';
                onChange(rows.filter((_, i) => i !== index));
              }}
            >
              {cross}
            </button>
          </fieldset>
        );
      })}
      <button
        ref={add}
        id={id}
        type="button"
        className={cx('secondaryButton')}
        disabled={rows.length >= max}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onClick={() => {
          focus.current = first ? rowId(rows.length, first.id) : null;
          onChange([...rows, {}]);
        }}
      >
        {t('host.addRow', { label: question.label })}
      </button>
      <FieldError id={id} error={error} cx={cx} />
    </fieldset>
  );
}
