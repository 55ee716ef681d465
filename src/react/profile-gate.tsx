import type { ReactNode } from 'react';
import type { AppearanceProps } from './context';
import type { QuestionnaireDefinition } from './fields';
import { LoadFailed } from './load-failed';
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
  const { status } = useProfile();
  if (status === 'ready') return props.children;
  if (status === 'missing') {
    return (
      props.fallback ?? <SignUpWithBackground {...props.appearance} questionnaire={props.questionnaire} />
    );
  }
  if (status === 'error') return <LoadFailed {...props.appearance} />;
  return props.loading;
}
