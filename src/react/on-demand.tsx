import { type Attributes, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { type AppearanceProps, useAppearance } from './context';
import type { ProfileEditorProps } from './profile-editor';
import type { SignInProps } from './sign-in';
import type { SignUpWithBackgroundProps } from './sign-up-with-background';

/** What the components show while their code or their data loads. */
export function Loading(appearance: AppearanceProps) {
  const { t, cx, rootProps } = useAppearance('profilekit', appearance);
  return (
    <div {...rootProps} aria-busy="true">
      <p role="status" className={cx('description')}>
        {t('loading')}
      </p>
    </div>
  );
}

/**
 * A component whose code loads the first time it renders, so a page pays for the forms (react-hook-form,
 * zod, Radix) only where it shows them. Bundlers split each into its own chunk.
 */
function onDemand<P extends AppearanceProps>(
  displayName: string,
  load: () => Promise<ComponentType<P>>,
  placeholder: (props: P) => ReactNode = (props) => <Loading {...props} />,
) {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function OnDemand(props: P) {
    return (
      <Suspense fallback={placeholder(props)}>
        <Lazy {...(props as P & Attributes)} />
      </Suspense>
    );
  }
  OnDemand.displayName = displayName;
  return OnDemand;
}

/** Email and password sign-in through your better-auth client. The default fallback of `AuthGate`. */
export const SignIn = onDemand<SignInProps>('SignIn', () => import('./sign-in').then((m) => m.SignIn));

/**
 * Email and password sign-up followed by the software and hardware background questionnaire:
 * Account → Software background → Hardware background → Review. A person who is already signed in only
 * answers the questionnaire. `mode="dialog"` opens it in a modal dialog from a trigger.
 */
export const SignUpWithBackground = onDemand<SignUpWithBackgroundProps>(
  'SignUpWithBackground',
  () => import('./sign-up-with-background').then((m) => m.SignUpWithBackground),
  // A dialog's trigger appears with its code; an inline form shows that it is loading.
  (props) => (props.mode === 'dialog' ? null : <Loading {...props} />),
);

/**
 * Edits the signed-in person's background. Saves only what changed, conditional on the version it loaded;
 * when someone saved in between, it says so and lets the person reload while keeping their changes.
 */
export const ProfileEditor = onDemand<ProfileEditorProps>('ProfileEditor', () =>
  import('./profile-editor').then((m) => m.ProfileEditor),
);
