import { useSyncExternalStore } from 'react';
import { useAppearance } from '../context/use-appearance';
import { useSession } from '../context/use-session';
import { Loading } from '../elements/loading';
import { DefaultFallback, ProfileGate } from '../lazy/shells';
import type { AuthGateProps } from '../types/gate-props';

/**
 * Shows its children to signed-in people and a sign-in (or your `fallback`) to everyone else. Every gate
 * shares one session request. On the server it renders `loading`, and hydrates without a mismatch.
 *
 * @example
 * <AuthGate requireProfile loading={<Spinner />}>
 *   <Course />
 * </AuthGate>
 */
export function AuthGate(props: AuthGateProps) {
  const { children, fallback, loading, requireProfile, profileFallback, questionnaire, ...appearance } =
    props;
  const { context } = useAppearance('AuthGate', appearance);
  const { user, isPending } = useSession();
  // A sign-up that created the account but is still saving the background keeps its form on screen.
  const held = useSyncExternalStore(context.holds.subscribe, context.holds.held, () => false);
  const loadingNode = loading ?? <Loading {...appearance} />;
  if (held || (!isPending && !user)) {
    return (
      <>
        {fallback ?? (
          // Loaded on demand: a signed-in visitor never downloads the sign-in form.
          <DefaultFallback appearance={appearance} questionnaire={questionnaire} loading={loadingNode} />
        )}
      </>
    );
  }
  // Fragments keep the declared return type an element: a bare ReactNode is React 19's own type, which
  // @types/react 18 refuses as a component's result (TS2786).
  if (isPending) return <>{loadingNode}</>;
  if (!requireProfile) return <>{children}</>;
  // Only a visitor without a profile downloads the questionnaire.
  return (
    <ProfileGate
      loading={loadingNode}
      fallback={profileFallback}
      appearance={appearance}
      questionnaire={questionnaire}
    >
      {children}
    </ProfileGate>
  );
}
