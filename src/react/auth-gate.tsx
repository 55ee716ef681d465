import { lazy, type ReactNode, Suspense, useState, useSyncExternalStore } from 'react';
import { type AppearanceProps, useAppearance, useSession } from './context';
import type { QuestionnaireDefinition } from './fields';
import { Loading, SignIn, SignUpWithBackground } from './on-demand';

// Loaded on demand: a signed-in visitor never downloads the sign-in form, and only a visitor who asks to
// sign up (or lacks a profile) downloads the questionnaire.
const ProfileGate = lazy(() => import('./profile-gate').then((m) => ({ default: m.ProfileGate })));

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

function DefaultFallback({
  appearance,
  questionnaire,
}: {
  appearance: AppearanceProps;
  questionnaire?: QuestionnaireDefinition;
}) {
  const [view, setView] = useState<'signIn' | 'signUp' | null>(null);
  // After a switch the button that was pressed is gone: the new form takes focus.
  return view === 'signUp' ? (
    <SignUpWithBackground
      {...appearance}
      questionnaire={questionnaire}
      autoFocus
      onSwitchToSignIn={() => setView('signIn')}
    />
  ) : (
    <SignIn {...appearance} autoFocus={view === 'signIn'} onSwitchToSignUp={() => setView('signUp')} />
  );
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
    return fallback ?? <DefaultFallback appearance={appearance} questionnaire={questionnaire} />;
  }
  if (isPending) return loadingNode;
  if (!requireProfile) return children;
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
