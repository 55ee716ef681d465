// The host questions' chunk: their fields, their lines in the review, and their validation. It loads only
// for a questionnaire that has host questions (src/react/lazy/parts.tsx).
import { Fragment } from 'react';
import { get } from 'react-hook-form';
import { type HostQuestion, optionLabel, optionValue, type RowField } from '../../client/host-questions';
import type { HostQuestionsProps, HostReviewProps } from '../types/host-props';
import type { MessageKey, Translate } from '../types/message-keys';
import { visibleAnswers } from './form-model';
import { HostField } from './host-fields';
import { HostGroup } from './host-group';
import { hostAnswers, hostTranslate } from './host-model';

export { hostAnswers, hostIssues, hostWrite } from './host-model';

const stepOf = (q: HostQuestion) => q.step ?? 'software';

/** The host questions of a step (or all of them), shown and required as `visibleWhen` says, live. */
export function HostQuestions(props: HostQuestionsProps) {
  const { definition, step, questions, form, idPrefix, cx } = props;
  const t = hostTranslate(props.t);
  // form.watch and formState (not useWatch/useFormState): the form's chunk already holds them, and the
  // form re-renders this part on every change, as visibleWhen needs.
  const values = form.watch();
  const { errors } = form.formState;
  const raw = (values.answers ?? {}) as Record<string, unknown>;
  const { shown } = hostAnswers(definition, raw, visibleAnswers(values as never, questions));
  const list = (definition.questions ?? []).filter(
    (q) => shown.has(q.id) && (step === undefined || stepOf(q) === step),
  );
  const errorAt = (path: string) =>
    (get(errors, path) as { message?: string } | undefined)?.message || undefined;
  const change = (id: string, value: unknown) =>
    form.setValue(`answers.${id}` as 'answers', value as never, { shouldDirty: true });
  return (
    <>
      {list.map((question) => {
        const id = `${idPrefix}-q-${question.id}`;
        const label = (
          <>
            {question.label}
            {question.required ? null : <span> ({t('field.optional')})</span>}
          </>
        );
        return question.kind === 'group' ? (
          <HostGroup
            key={question.id}
            question={question}
            id={id}
            label={label}
            value={raw[question.id]}
            onChange={(rows) => change(question.id, rows)}
            errorAt={(path) => errorAt(path ? `answers.${question.id}.${path}` : `answers.${question.id}`)}
            t={t}
            cx={cx}
          />
        ) : (
          <HostField
            key={question.id}
            question={question}
            id={id}
            label={label}
            value={raw[question.id]}
            onChange={(value) => change(question.id, value)}
            error={errorAt(`answers.${question.id}`)}
            t={t}
            cx={cx}
          />
        );
      })}
    </>
  );
}

/** One answer as a line of text. */
function answerText(question: HostQuestion | RowField, value: unknown, t: Translate): string {
  if (value === undefined || value === null || value === '') return '';
  switch (question.kind) {
    case 'boolean':
      return t(value ? 'host.yes' : 'host.no');
    case 'number':
      return question.unit ? `${value} ${question.unit}` : String(value);
    case 'single':
    case 'scale': {
      const options = question.kind === 'scale' ? question.levels : question.options;
      const option = options.find((o) => optionValue(o) === value);
      return option ? optionLabel(option) : String(value);
    }
    case 'multi':
      return (value as string[])
        .map((v) => {
          const option = question.options.find((o) => optionValue(o) === v);
          return option ? optionLabel(option) : v;
        })
        .join(', ');
    case 'group':
      return (value as Record<string, unknown>[])
        .map((row) =>
          question.fields
            .map((f) => [f, answerText(f, row[f.id], t)] as const)
            .filter(([, text]) => text)
            .map(([f, text]) => t('host.cell', { field: f.label, value: text }))
            .join(', '),
        )
        .join('; ');
    default:
      return String(value);
  }
}

/** The host answers in the review: a list per step, under the step's label. */
export function HostReview(props: HostReviewProps) {
  const { definition, questions, values, Heading, cx } = props;
  const t = hostTranslate(props.t);
  const { answers, shown } = hostAnswers(definition, values.answers ?? {}, visibleAnswers(values, questions));
  const steps = [
    { id: 'software', label: t('signUp.step.software') },
    { id: 'hardware', label: t('signUp.step.hardware') },
    ...(definition.steps ?? []),
  ];
  return (
    <>
      {steps.map((step) => {
        const list = (definition.questions ?? []).filter((q) => shown.has(q.id) && stepOf(q) === step.id);
        if (list.length === 0) return null;
        return (
          <Fragment key={step.id}>
            <Heading className={cx('label')}>{step.label}</Heading>
            <dl className={cx('review')}>
              {list.map((q) => (
                <div key={q.id}>
                  <dt>{q.label}</dt>
                  <dd>{answerText(q, answers[q.id], t) || t('signUp.noAnswer' as MessageKey)}</dd>
                </div>
              ))}
            </dl>
          </Fragment>
        );
      })}
    </>
  );
}
