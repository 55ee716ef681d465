import type { ElementType, ReactNode } from 'react';
import type { AnswersOf, HostAnswers, ProfileInputOf, ProfileOf, ProfilePatchOf } from '../../client/answers';
import type { ProfileKitError } from '../../client/errors';
import type { BackgroundCondition } from '../../client/match';
import type { QuestionnaireDefinition } from '../../client/questionnaire';
import type { AppearanceProps } from './appearance-props';

export interface ProfileEditorProps<Q extends QuestionnaireDefinition = QuestionnaireDefinition>
  extends AppearanceProps {
  /** The questionnaire; defaults to the provider's. Its host answers type `onSuccess`'s profile. */
  questionnaire?: Q;
  /** Called with the stored profile after each save, its `answers` typed by the questionnaire. */
  onSuccess?: (profile: ProfileOf<AnswersOf<Q>>) => void;
  /** Called with the error code when a save fails; the form keeps every change. */
  onError?: (code: string) => void;
  /** Ask the browser to confirm leaving the page while there are unsaved changes. Default true. */
  warnBeforeLeaving?: boolean;
  /** Replaces the heading. */
  title?: ReactNode;
}

/** @internal How the sign-up shows the editor in its dialog. */
export interface InDialog {
  /** The dialog's own title part. */
  TitleTag?: ElementType;
  /** The dialog is the root: no root element of its own. */
  bare?: boolean;
}

/** `useProfile`'s result; `A` types the host answers (`useProfile<AnswersOf<typeof questionnaire>>()`). */
export interface UseProfileResult<A = HostAnswers> {
  /**
   * `signed-out` without a session; `loading` until the first answer; `ready` with a profile;
   * `missing` when the person has none yet; `error` when it could not be read (see `error`).
   */
  status: 'signed-out' | 'loading' | 'ready' | 'missing' | 'error';
  profile: ProfileOf<A> | null;
  /** The version the profile was read at; writes send it as If-Match. */
  etag: string | null;
  error: ProfileKitError | null;
  /** Reads the profile again. */
  reload(): Promise<void>;
  /**
   * Creates or replaces the whole profile, never one it has not read: with a profile loaded it is
   * conditional on that version (If-Match); without one it only creates (If-None-Match: *). Either way a
   * profile saved elsewhere meanwhile fails the call with `PROFILE_VERSION_CONFLICT` and stays as it is.
   */
  save(input: ProfileInputOf<A>): Promise<ProfileOf<A>>;
  /**
   * Changes some fields, only if nobody saved since the version it was read at (else
   * `PROFILE_VERSION_CONFLICT`). Pass `ifMatch` to name the version you started from.
   */
  update(input: ProfilePatchOf<A>, options?: { ifMatch?: string | null }): Promise<ProfileOf<A>>;
}

/** `useBackground`'s result, typed by the questionnaire `T`. */
export interface UseBackgroundResult<T extends QuestionnaireDefinition = QuestionnaireDefinition> {
  /** As `useProfile`'s: `ready` once the person's profile is read. */
  status: UseProfileResult['status'];
  /** The person's profile, its `answers` typed by the questionnaire; null without one. */
  profile: ProfileOf<AnswersOf<T>> | null;
  /** Whether the background meets the condition; false without a profile. Throws for a malformed one. */
  matches(condition: BackgroundCondition<T>): boolean;
}
