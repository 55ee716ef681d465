import type { ReactNode } from 'react';
import type { ProfileClient } from '../../client/profile-client';
import type { QuestionnaireDefinition } from '../../client/questionnaire';
import type { ProfileSnapshot } from '../../client/snapshot';
import type { AppearanceProps } from './appearance-props';
import type { ProfileKitAuthClient, SessionData, SocialProvider } from './auth-client';
import type { ProfileKitLocale } from './locale';

export interface ProfileKitProviderProps extends AppearanceProps {
  /** Your better-auth React client. */
  authClient: ProfileKitAuthClient;
  /** A profile client from `createProfileClient`; one is made from `baseURL` when left out. */
  profileClient?: ProfileClient;
  /** Where the profile API lives when no `profileClient` is given. Default `''` (this origin). */
  baseURL?: string;
  /** The questionnaire definition shared by the sign-up and the profile editor. */
  questionnaire?: QuestionnaireDefinition;
  /**
   * The language of every component: a shipped locale (`profilekit/locales/de`, `…/fr`, `…/es`, `…/ja`,
   * `…/ar`) or one of your own. Sets `lang` and `dir` on the components and their dialogs; `localization`
   * overrides single messages over it. Default: English, with no `lang` or `dir` set (the page's apply).
   */
  locale?: ProfileKitLocale;
  /** Where dialogs render. Default `document.body`; inside a shadow root, pass an element in it. */
  portalContainer?: HTMLElement | null;
  /** "Continue with …" buttons in the sign-in and the sign-up's account step, in this order (see `SocialProvider`). */
  socialProviders?: readonly SocialProvider[];
  /**
   * The session as the server read it (`getSession` from `profilekit/server`; `null` when signed out).
   * Server-rendered markup and the first client render then show the signed-in (or signed-out) state at
   * once, without a loading state, until the auth client's own answer replaces it.
   */
  initialSession?: SessionData | null;
  /**
   * The profile as the server read it (`getProfile` from `profilekit/server`). Used for the person it belongs
   * to until the profile store holds theirs; spares the first read.
   */
  initialProfile?: ProfileSnapshot | null;
  children?: ReactNode;
}

/**
 * Counts sign-ups in progress, so a gate keeps showing a sign-up that is still saving the profile. Kept per
 * auth client: every provider over the same client (one per widget root) sees the same count.
 */
export interface SignUpHolds {
  hold(): () => void;
  held(): boolean;
  subscribe(listener: () => void): () => void;
}
