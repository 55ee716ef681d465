import { createContext, type ReactNode, useContext, useMemo, useRef } from 'react';
import type { ProfileClient } from '../client/profile-client';
import type { ProfileSnapshot } from '../client/snapshot';
import type { QuestionnaireDefinition } from './fields';
import { coreMessages, createTranslate, type Localization, type Translate } from './messages';

/** A better-auth error as its client returns it: `{ data: null, error }`. */
export interface AuthClientError {
  code?: string | undefined;
  message?: string | undefined;
  status: number;
  statusText?: string | undefined;
}

/** What a better-auth client call resolves to. */
export type AuthClientResult = { data: unknown; error: AuthClientError | null };

/** The signed-in person, as better-auth reports them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  // `| undefined` as better-auth declares them, for hosts with exactOptionalPropertyTypes.
  image?: string | null | undefined;
  emailVerified?: boolean | undefined;
}

export interface SessionData {
  user: SessionUser;
  session: { id: string; expiresAt: Date | string };
}

/**
 * The parts of a better-auth React client (`createAuthClient` from `better-auth/react`) the components use.
 * Pass your own client: its session cache is shared with the rest of your app.
 */
export interface ProfileKitAuthClient {
  useSession(): { data: SessionData | null; isPending: boolean; isRefetching?: boolean; error: unknown };
  signIn: { email(body: { email: string; password: string }): Promise<AuthClientResult> };
  signUp: {
    email(body: {
      email: string;
      password: string;
      name: string;
      callbackURL?: string;
    }): Promise<AuthClientResult>;
  };
  signOut(): Promise<unknown>;
}

/**
 * A provider configured in your better-auth server, by id: a built-in social provider (`'github'`,
 * `'google'`, …) or the `providerId` of an OpenID Connect or OAuth provider of better-auth's `genericOAuth`
 * plugin. `name` is the button's text (default: the known name, else the id).
 */
export type SocialProvider = string | { id: string; name?: string };

/** Named parts of the components that take a class through `classNames`. */
export type ClassNameSlot =
  | 'root'
  | 'title'
  | 'form'
  | 'progress'
  | 'step'
  | 'field'
  | 'fieldset'
  | 'label'
  | 'description'
  | 'input'
  | 'select'
  | 'checkbox'
  | 'row'
  | 'error'
  | 'alert'
  | 'actions'
  | 'button'
  | 'secondaryButton'
  | 'linkButton'
  | 'review'
  | 'overlay'
  | 'dialog'
  | 'trigger'
  | 'status'
  | 'header'
  | 'footer'
  | 'close'
  | 'options'
  | 'chips'
  | 'chip'
  | 'menu'
  | 'menuItem'
  | 'social';

/** A heading level, as in `h1`…`h6`. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** How the components look: shared by the provider and every component's own props. */
export interface AppearanceProps {
  /** `auto` follows the system setting. Default `auto`. */
  theme?: 'auto' | 'light' | 'dark';
  /**
   * `plain` (default): no padding and no background, so the widget lines up with your content. `card`: a
   * padded surface with a border that reads right on light and dark pages.
   */
  appearance?: 'plain' | 'card';
  /** Leaves out every `pk-` class, so only your `classNames` apply. */
  unstyled?: boolean;
  /** Extra classes per part. */
  classNames?: Partial<Record<ClassNameSlot, string>>;
  /** Text to use instead of the defaults. */
  localization?: Localization;
  /**
   * The level of a component's title (`h2` by default); its sections use the next level. Set it to fit the
   * host's outline: inside a section headed by an `h2`, use 3.
   */
  headingLevel?: HeadingLevel;
}

export interface ProfileKitProviderProps extends AppearanceProps {
  /** Your better-auth React client. */
  authClient: ProfileKitAuthClient;
  /** A profile client from `createProfileClient`; one is made from `baseURL` when left out. */
  profileClient?: ProfileClient;
  /** Where the profile API lives when no `profileClient` is given. Default `''` (this origin). */
  baseURL?: string;
  /** The questionnaire definition shared by the sign-up and the profile editor. */
  questionnaire?: QuestionnaireDefinition;
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

export interface ProfileKitContextValue extends Omit<ProfileKitProviderProps, 'children'> {
  holds: SignUpHolds;
  /** Filled by the profile store on first use, so pages that never read a profile never load its code. */
  slot: { current: unknown };
}

const ProfileKitContext = createContext<ProfileKitContextValue | null>(null);

const holdsByClient = new WeakMap<object, SignUpHolds>();

/** Auth clients that have answered about the session at least once. */
const answered = new WeakSet<object>();

function holdsFor(authClient: object): SignUpHolds {
  let holds = holdsByClient.get(authClient);
  if (!holds) {
    holds = createHolds();
    holdsByClient.set(authClient, holds);
  }
  return holds;
}

function createHolds(): SignUpHolds {
  let count = 0;
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of listeners) l();
  };
  return {
    hold() {
      count++;
      emit();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        count--;
        emit();
      };
    },
    held: () => count > 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

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

/** Builds the class list of a part: `pk-<slot>` unless unstyled, plus the host's class. */
export function useAppearance(
  consumer: string,
  own: AppearanceProps,
  messages: Record<string, string>[] = [],
) {
  const context = useProfileKit(consumer);
  const unstyled = own.unstyled ?? context.unstyled;
  const theme = own.theme ?? context.theme ?? 'auto';
  const ownClasses = own.classNames;
  const sharedClasses = context.classNames;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the default message tables are module constants
  const t: Translate = useMemo(
    () => createTranslate(own.localization, context.localization, ...messages, coreMessages),
    [own.localization, context.localization],
  );
  const cx = (slot: ClassNameSlot, ...extra: (string | false | undefined)[]) =>
    [unstyled ? '' : `pk-${slot}`, sharedClasses?.[slot], ownClasses?.[slot], ...extra]
      .filter(Boolean)
      .join(' ') || undefined;
  const rootProps = {
    className: cx('root'),
    'data-pk-theme': theme === 'auto' ? undefined : theme,
    'data-pk-appearance': (own.appearance ?? context.appearance) === 'card' ? 'card' : undefined,
  };
  const level = clampLevel(own.headingLevel ?? context.headingLevel ?? 2);
  return { context, t, cx, rootProps, level };
}

function clampLevel(level: number): HeadingLevel {
  return Math.min(6, Math.max(1, Math.trunc(level) || 2)) as HeadingLevel;
}

/** The tag of a heading `offset` levels below `level`, never past `h6`. */
export function headingTag(level: HeadingLevel, offset = 0): `h${HeadingLevel}` {
  return `h${clampLevel(level + offset)}`;
}

/** The signed-in person and session, shared with every other user of the same better-auth client. */
export function useSession() {
  const { authClient, initialSession } = useProfileKit('useSession');
  const answer = authClient.useSession();
  const { error } = answer;
  let { data } = answer;
  const known = answered.has(authClient);
  // better-auth marks a signed-out session pending again whenever it reads it again (the tab shown again, a
  // sign-in attempt): once it has answered, that answer stands until the new one comes, so no form in
  // progress is unmounted.
  let isPending = answer.isPending && !(known && answer.isRefetching);
  if (!isPending || data) answered.add(authClient);
  else if (initialSession !== undefined && !known) {
    // Until the client's first answer, the server's reading stands in: server markup and the first client
    // render agree. After it, only the client's answers count (a later refetch must not bring it back).
    data = initialSession;
    isPending = false;
  }
  return {
    user: data?.user ?? null,
    session: data?.session ?? null,
    /** True until the first answer about the session arrives (and during server rendering). */
    isPending: isPending && !data,
    error,
    signOut: () => authClient.signOut(),
  };
}
