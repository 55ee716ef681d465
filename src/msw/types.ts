import type { HttpHandler } from 'msw';
import type { Profile, QuestionnaireDefinition } from '../client/index';
import type { MockUser, Persona, PersonaName } from './personas';

/** A message the mock backend would have mailed: a reset or verification link. */
export interface MockMail {
  kind: 'reset-password' | 'verify-email' | 'change-email' | 'email-in-use';
  to: string;
  url: string;
  token: string;
}

export interface MockBackendOptions {
  /** A persona name or your own persona. Default `signedOut`. */
  persona?: PersonaName | Persona;
  /** Origin of the API; default: any origin. */
  baseURL?: string;
  /** better-auth's base path. Default `/api/auth`. */
  authPath?: string;
  /** The profile resource. Default `/api/profile`. */
  profilePath?: string;
  /**
   * The questionnaire the components use: with it the mock validates every write by it, as
   * `createProfileHandler({ questionnaire })` does, keeps the host answers and serves its JSON Schema.
   */
  questionnaire?: QuestionnaireDefinition;
}

export interface MockBackend {
  /** MSW request handlers: pass them to `setupServer(...)`, `setupWorker(...)` or msw-storybook-addon. */
  readonly handlers: HttpHandler[];
  /** The person signed in now, or null. */
  readonly currentUser: MockUser | null;
  /** The stored profile of the person signed in now, or null. */
  readonly profile: Profile | null;
  /** Every user the backend knows (a deleted account is gone from it). */
  readonly users: readonly MockUser[];
  /** Reset and verification links the backend would have mailed, oldest first. */
  readonly outbox: readonly MockMail[];
  /** Puts the backend back in a persona's starting state (the one it was made with by default). */
  reset(persona?: PersonaName | Persona): void;
  /** Changes the added latency, in milliseconds; `Infinity` leaves every request unanswered. */
  setLatency(ms: number): void;
}
