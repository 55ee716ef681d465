import { SignUpForm } from '../lazy/sign-up-dialog';
import { LoadFailed } from '../profile/load-failed';
import { useProfile } from '../profile/use-profile';
import type { ProfileGateProps } from '../types/gate-props';

/** @internal The `requireProfile` half of `AuthGate`, loaded when a signed-in person reaches it. */
export function ProfileGate(props: ProfileGateProps) {
  const { status } = useProfile();
  if (status === 'ready') return props.children;
  if (status === 'missing') {
    return props.fallback ?? <SignUpForm {...props.appearance} questionnaire={props.questionnaire} />;
  }
  if (status === 'error') return <LoadFailed {...props.appearance} />;
  return props.loading;
}
