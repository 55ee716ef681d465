import type { ReactNode } from 'react';
import { type AppearanceProps, useAppearance } from './context';
import type { QuestionnaireDefinition } from './fields';
import { formText } from './form-messages';
import { errorText } from './messages';
import { SignUpWithBackground } from './sign-up-with-background';
import { useProfile } from './use-profile';

/** @internal The `requireProfile` half of `AuthGate`, loaded when a signed-in person reaches it. */
export function ProfileGate(props: {
  children?: ReactNode;
  fallback?: ReactNode;
  loading: ReactNode;
  appearance: AppearanceProps;
  questionnaire?: QuestionnaireDefinition;
}) {
  const { status, error, reload } = useProfile();
  const { t, cx, rootProps } = useAppearance('AuthGate', props.appearance, formText);
  if (status === 'ready') return props.children;
  if (status === 'missing') {
    return (
      props.fallback ?? <SignUpWithBackground {...props.appearance} questionnaire={props.questionnaire} />
    );
  }
  if (status === 'error') {
    return (
      <div {...rootProps}>
        <p role="alert" className={cx('alert')}>
          {t('editor.loadFailed')} {error ? errorText(t, error.code) : null}
        </p>
        <button type="button" className={cx('button')} onClick={() => void reload()}>
          {t('editor.retry')}
        </button>
      </div>
    );
  }
  return props.loading;
}
