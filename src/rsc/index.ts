// The React Server Components entry: no "use client", no hooks, no React at run time. What it renders is
// decided on the server, so what it leaves out is never sent to the browser.
import type { ReactNode } from 'react';
import { type BackgroundCondition, matches } from '../client/match';
import type { QuestionnaireDefinition } from '../client/questionnaire';
import type { ProfileSnapshot, SessionSnapshot } from '../client/snapshot';
import { getSession, type RequestHeaders, type SessionReader } from '../server/session';

export type { BackgroundCondition } from '../client/match';
export type { ProfileSnapshot, SessionSnapshot } from '../client/snapshot';
export type { RequestHeaders, SessionReader } from '../server/session';

export interface ServerAuthGateProps {
  /** Your better-auth instance. */
  auth: SessionReader;
  /** The request's headers: in Next.js, `await headers()` from `next/headers`. */
  headers: RequestHeaders;
  /**
   * Rendered for a signed-in person only. A function receives the session (already read, no second read).
   */
  children?: ReactNode | ((session: SessionSnapshot) => ReactNode);
  /** Rendered instead for everyone else. Default: nothing. */
  fallback?: ReactNode;
}

/**
 * A gate that protects: an async Server Component that reads the session on the server and renders its
 * children only for a signed-in person. A signed-out visitor gets `fallback`, and the children are never
 * rendered, so neither the HTML nor the React Server Components payload holds them. (`AuthGate` from
 * `profilekit` is a client component: it hides its children, but children passed from a Server Component
 * still travel to the browser.)
 *
 * @example
 * // app/members/page.tsx (Next.js)
 * <ServerAuthGate auth={auth} headers={await headers()} fallback={<SignInToContinue />}>
 *   <MembersOnly />
 * </ServerAuthGate>
 */
export async function ServerAuthGate(props: ServerAuthGateProps): Promise<ReactNode> {
  const session = await getSession({ auth: props.auth, headers: props.headers });
  if (!session) return props.fallback ?? null;
  return typeof props.children === 'function' ? props.children(session) : (props.children ?? null);
}

export interface ServerForBackgroundProps<T extends QuestionnaireDefinition = QuestionnaireDefinition> {
  /** The person's profile as `getProfile` (from `profilekit/server`) read it; null when nobody is signed in. */
  profile: ProfileSnapshot | null;
  /** The condition (`BackgroundCondition<typeof questionnaire>`; docs/personalization.md). */
  when: BackgroundCondition<T>;
  /** The questionnaire the condition's host answers are read by. */
  questionnaire?: T;
  /** Rendered when the background meets `when`. */
  children?: ReactNode;
  /** Rendered instead otherwise (no profile, nobody signed in included). Default: nothing. */
  fallback?: ReactNode;
}

/**
 * Content chosen by the person's background on the server: only the chosen variant is rendered, so the other
 * is in neither the HTML nor the React Server Components payload (`ForBackground` from `profilekit` renders
 * on the server too, from the provider's `initialProfile`, and then follows edits in the browser, but both
 * of its variants travel to the browser). A malformed `when` throws a `ProfileKitError`
 * (`VALIDATION_FAILED`) naming its path.
 *
 * @example
 * // app/lessons/page.tsx (Next.js)
 * const profile = await getProfile({ auth, db, headers: await headers() });
 * <ServerForBackground profile={profile} when={{ devices: { any: ['Jetson Nano'] } }} fallback={<Simulator />}>
 *   <JetsonLab />
 * </ServerForBackground>
 */
export function ServerForBackground<T extends QuestionnaireDefinition = QuestionnaireDefinition>(
  props: ServerForBackgroundProps<T>,
): ReactNode {
  return matches(props.profile?.profile, props.when, props.questionnaire)
    ? (props.children ?? null)
    : (props.fallback ?? null);
}
