import { createContext, useContext, useMemo, useRef } from 'react';
import type { ProfileKitProviderProps, SignUpHolds } from '../types/provider-props';
import { holdsFor } from './holds';

export interface ProfileKitContextValue extends Omit<ProfileKitProviderProps, 'children'> {
  holds: SignUpHolds;
  /** Filled by the profile store on first use, so pages that never read a profile never load its code. */
  slot: { current: unknown };
}

const ProfileKitContext = createContext<ProfileKitContextValue | null>(null);

/**
 * Gives the components your better-auth client, the profile API and shared settings.
 *
 * @example
 * const authClient = createAuthClient({ baseURL: 'https://auth.example.com' });
 * <ProfileKitProvider authClient={authClient} baseURL="https://auth.example.com">
 *   <AuthGate requireProfile>…</AuthGate>
 * </ProfileKitProvider>
 */
export function ProfileKitProvider({ children, ...props }: ProfileKitProviderProps) {
  if (!props.authClient || typeof props.authClient.useSession !== 'function') {
    throw new TypeError(
      'ProfileKitProvider: `authClient` must be a better-auth React client (createAuthClient from better-auth/react)',
    );
  }
  const slot = useRef<unknown>(null);
  const {
    authClient,
    profileClient,
    baseURL,
    questionnaire,
    localization,
    locale,
    theme,
    unstyled,
    classNames,
    portalContainer,
    headingLevel,
    appearance,
    socialProviders,
    initialSession,
    initialProfile,
  } = props;
  const value = useMemo<ProfileKitContextValue>(
    () => ({
      authClient,
      profileClient,
      baseURL,
      questionnaire,
      localization,
      locale,
      theme,
      unstyled,
      classNames,
      portalContainer,
      headingLevel,
      appearance,
      socialProviders,
      initialSession,
      initialProfile,
      holds: holdsFor(authClient),
      slot,
    }),
    [
      authClient,
      profileClient,
      baseURL,
      questionnaire,
      localization,
      locale,
      theme,
      unstyled,
      classNames,
      portalContainer,
      headingLevel,
      appearance,
      socialProviders,
      initialSession,
      initialProfile,
    ],
  );
  return <ProfileKitContext.Provider value={value}>{children}</ProfileKitContext.Provider>;
}

/** The provider's settings; throws when used outside `ProfileKitProvider`. */
export function useProfileKit(consumer: string): ProfileKitContextValue {
  const value = useContext(ProfileKitContext);
  if (!value) throw new Error(`\`${consumer}\` must be used within \`ProfileKitProvider\``);
  return value;
}
