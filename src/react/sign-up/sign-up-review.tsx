import type { Question } from '../../client/questionnaire';
import type { SignUpValues } from '../types/form-values';
import type { MessageKey, Translate } from '../types/message-keys';
import type { ReviewProps } from '../types/sign-up-props';

/**
 * The answers, as the sign-up's last step lists them. Loaded when a person first reaches that step. The step
 * has no inputs, so the values read when it renders are the values; nothing here follows the form keystroke
 * by keystroke.
 */
export function Review({ values, questions, showAccount, t, cx }: ReviewProps) {
  return (
    <dl className={cx('review')}>
      {showAccount ? (
        <>
          <div>
            <dt>{t('account.name')}</dt>
            <dd>{values.name.trim()}</dd>
          </div>
          <div>
            <dt>{t('account.email')}</dt>
            <dd>{values.email.trim()}</dd>
          </div>
        </>
      ) : null}
      {questions.map((q) => (
        <div key={q.name}>
          {/* The questionnaire's label, spelt out here: the chunk then needs none of the form's code. */}
          <dt>{q.label ?? t(`field.${q.name}.label` as MessageKey)}</dt>
          <dd>{answerText(q, values, t) || t('signUp.noAnswer')}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The answer to one question as a line of text. */
function answerText(question: Question, values: SignUpValues, t: Translate): string {
  switch (question.name) {
    case 'languages':
      return values.languages
        .filter((l) => l.language.trim())
        .map((l) =>
          l.level
            ? t('signUp.languageLevel', {
                language: l.language.trim(),
                level: t(`level.${l.level}` as MessageKey),
              })
            : l.language.trim(),
        )
        .join(t('signUp.listSeparator'));
    case 'frameworks':
    case 'devices':
    case 'architectureFamiliarity':
      return [...values[question.name], values.other[question.name].trim()]
        .filter(Boolean)
        .join(t('signUp.listSeparator'));
    case 'softwareExperience':
    case 'hardwareExperience':
      return values[question.name] ? t(`level.${values[question.name]}` as MessageKey) : '';
    case 'backgroundPreference':
      return values.backgroundPreference ? t(`preference.${values.backgroundPreference}` as MessageKey) : '';
    default:
      return String(values.experienceYears ?? '').trim();
  }
}
