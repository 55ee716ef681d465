import { get, type UseFormReturn } from 'react-hook-form';
import type { Question } from '../../client/questionnaire';
import type { Cx } from '../types/appearance-props';
import type { BackgroundValues } from '../types/form-values';
import type { MessageKey, Translate } from '../types/message-keys';

export interface QuestionProps {
  question: Question;
  form: UseFormReturn<BackgroundValues>;
  idPrefix: string;
  t: Translate;
  cx: Cx;
}

/** One choice of a select or of a group of checkboxes or radios. */
export interface Option {
  value: string;
  text: string;
}

export function questionLabel(question: Question, t: Translate): string {
  return question.label ?? t(`field.${question.name}.label` as MessageKey);
}

export function errorOf(form: UseFormReturn<BackgroundValues>, path: string): string | undefined {
  return (get(form.formState.errors, path) as { message?: string } | undefined)?.message;
}

/** Options shown as they are stored (the host's suggestions). */
export const asIs = (options: readonly string[]): Option[] =>
  options.map((value) => ({ value, text: value }));

/** Options shown with their text: `level.<value>` or `preference.<value>`. */
export const named = (options: readonly string[], prefix: 'level' | 'preference', t: Translate): Option[] =>
  options.map((value) => ({ value, text: t(`${prefix}.${value}` as MessageKey) }));

/** A question's label, marked when the question may be left out. */
export function labelText(question: Question, t: Translate) {
  return (
    <>
      {questionLabel(question, t)}
      {question.required ? null : <span>{t('field.optional')}</span>}
    </>
  );
}

/** The options of a select, after its empty "Choose…". */
export function choices(options: Option[], t: Translate) {
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
export function suggestions(id: string, options: readonly string[]) {
  return (
    <datalist id={id}>
      {options.map((o) => (
        <option key={o} value={o} />
      ))}
    </datalist>
  );
}

/** The × of the remove buttons. */
export const cross = (
  <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
    <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
  </svg>
);
