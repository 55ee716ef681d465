import type { ReactNode } from 'react';
import type { QuestionnaireDefinition } from '../../client/questionnaire';
import type { AppearanceProps } from './appearance-props';

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

/** @internal The `requireProfile` half of `AuthGate`. */
export interface ProfileGateProps {
  children?: ReactNode;
  fallback?: ReactNode;
  loading: ReactNode;
  appearance: AppearanceProps;
  questionnaire?: QuestionnaireDefinition | undefined;
}

/** @internal `AuthGate`'s fallback when the host gives none. */
export interface DefaultFallbackProps {
  appearance: AppearanceProps;
  questionnaire?: QuestionnaireDefinition | undefined;
  /** Shown while its code loads: the gate's `loading`. */
  loading: ReactNode;
}
