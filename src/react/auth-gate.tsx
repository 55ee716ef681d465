import { lazy, type ReactNode, Suspense, useSyncExternalStore } from 'react';
import { type AppearanceProps, useAppearance, useSession } from './context';
import type { QuestionnaireDefinition } from './fields';
import { Loading } from './on-demand';

// Loaded on demand: a signed-in visitor never downloads the sign-in form, and only a visitor who asks to
// sign up (or lacks a profile) downloads the questionnaire.
const ProfileGate = lazy(() => import('./profile-gate').then((m) => ({ default: m.ProfileGate })));
const DefaultFallback = lazy(() => {
  // The sign-in it shows starts loading with it, not after it.
  void import('./sign-in');
  return import('./default-fallback').then((m) => ({ default: m.DefaultFallback }));
});

export interface AuthGateProps extends AppearanceProps {
  /** Shown to a signed-in person (with a profile, when `requireProfile` is set). */
  children?: ReactNode;
  /** Shown to a signed-out person. Default: a sign-in form with a switch to the sign-up. */
  fallback?: ReactNode;
  /** Shown while the session (or the profile) is loading, and during server rendering. */
  loading?: ReactNode;
  /** Also require a background profile: a signed-in person without one gets the questionnaire. */
  requireProfile?: boolean;
  /** Shown instead of the questionnaire to a signed-in person without a profile. */
  profileFallback?: ReactNode;
  /** The questionnaire of the default sign-up and profile fallbacks; defaults to the provider's. */
  questionnaire?: QuestionnaireDefinition;
}

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
          <Suspense fallback={loadingNode}>
            <DefaultFallback appearance={appearance} questionnaire={questionnaire} />
          </Suspense>
        )}
      </>
    );
  }
  // Fragments keep the declared return type an element: a bare ReactNode is React 19's own type, which
  // @types/react 18 refuses as a component's result (TS2786).
  if (isPending) return <>{loadingNode}</>;
  if (!requireProfile) return <>{children}</>;
  return (
    <Suspense fallback={loadingNode}>
      <ProfileGate
        loading={loadingNode}
        fallback={profileFallback}
        appearance={appearance}
        questionnaire={questionnaire}
      >
        {children}
      </ProfileGate>
    </Suspense>
  );
}
