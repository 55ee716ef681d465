import type { Kysely } from 'kysely';
import type { ProfileOf, QuestionnaireDefinition } from '../client/index';
import type { OriginPolicy } from './guards';

/** The part of a better-auth instance the handler uses: any `betterAuth(...)` result fits. */
export interface SessionSource {
  api: {
    getSession(context: { headers: Headers }): Promise<{ user: { id: string } } | null>;
  };
}

/** What `onSaved` is told after each write that changed a profile. */
export interface ProfileSavedEvent<A = Record<string, unknown>> {
  userId: string;
  profile: ProfileOf<A>;
  /** The write created the profile (201). */
  created: boolean;
}

export interface ProfileHandlerOptions<A = Record<string, unknown>> {
  /** Your better-auth instance. The user id is taken from its session, never from the request. */
  auth: SessionSource;
  /** A Kysely instance over the database that profilekit's migrations set up. */
  // biome-ignore lint/suspicious/noExplicitAny: hosts pass a Kysely typed for their own tables
  db: Kysely<any>;
  /** Where the resource is mounted. Default `/api/profile`. */
  path?: string;
  /** Largest accepted body in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Called with unexpected (5xx) errors, for logging. Default `console.error`. */
  onError?: (error: unknown) => void;
  /**
   * Origins whose pages may write with the session cookie (`PUT`/`PATCH` with a `Cookie` and no
   * `Authorization`): a list (`*` matches within one part) or a function. A cookie write with a missing,
   * `null` or other `Origin` gets 403 `ORIGIN_NOT_ALLOWED`. Default: what the better-auth instance trusts
   * (its `baseURL` and `trustedOrigins`, from its options or its environment variables); when neither
   * names an origin, `createProfileHandler` throws rather than refuse every write. Bearer-token requests
   * are not checked.
   */
  trustedOrigins?: readonly string[] | OriginPolicy;
  /**
   * The questionnaire the forms use (`defineQuestionnaire`'s result, or its JSON). With it every write is
   * validated by the same rules as the form (built-in `required`, host answers by kind, bounds, options,
   * visibility), a refusal is 400 `VALIDATION_FAILED` with a path per wrong answer, and host answers are
   * stored in `answers`. Without it the handler takes no host answers.
   */
  questionnaire?: QuestionnaireDefinition;
  /**
   * Called after each write that stored a profile, with the profile as the API returns it, typed by the
   * questionnaire's answers. A failing hook goes to `onError`; the write stands.
   */
  onSaved?: (event: ProfileSavedEvent<A>) => void | Promise<void>;
  /**
   * A `PATCH` with the session cookie in one database round trip (default `true`): the handler verifies
   * the signed cookie itself and checks the session in the `UPDATE` (`… FROM sessions WHERE token = … AND
   * expires_at >= now()`). It bypasses, for those writes only, better-auth's `getSession` hooks
   * (`hooks.before`/`after` and plugin hooks on `/get-session`) and its session refresh (`updateAge`;
   * reads and get-session still refresh). Whatever the shortcut does not write (no session, a stale
   * `If-Match`, a session only the cookie cache or secondary storage knows, a bearer token) takes the
   * ordinary path, and so does every write when a `questionnaire` is given (its rules read the stored
   * profile). `false` sends every write through `auth.api.getSession`.
   */
  fastWrites?: boolean;
}
