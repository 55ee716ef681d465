import type { ElementType, ReactNode } from 'react';
import type { ProfileKitError } from '../../client/errors';
import type { QuestionnaireDefinition } from '../../client/questionnaire';
import type { Profile, ProfileInput, ProfilePatch } from '../../client/schema';
import type { AppearanceProps } from './appearance-props';

export interface ProfileEditorProps extends AppearanceProps {
  /** The questionnaire; defaults to the provider's. */
  questionnaire?: QuestionnaireDefinition;
  /** Called with the stored profile after each save. */
  onSuccess?: (profile: Profile) => void;
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

export interface UseProfileResult {
  /**
   * `signed-out` without a session; `loading` until the first answer; `ready` with a profile;
   * `missing` when the person has none yet; `error` when it could not be read (see `error`).
   */
  status: 'signed-out' | 'loading' | 'ready' | 'missing' | 'error';
  profile: Profile | null;
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
  save(input: ProfileInput): Promise<Profile>;
  /**
   * Changes some fields, only if nobody saved since the version it was read at (else
   * `PROFILE_VERSION_CONFLICT`). Pass `ifMatch` to name the version you started from.
   */
  update(input: ProfilePatch, options?: { ifMatch?: string | null }): Promise<Profile>;
}
