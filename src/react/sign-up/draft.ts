import type { SignUpValues } from '../types/form-values';
import type { SignUpStep } from '../types/sign-up-props';

/** An address waiting for its verification link: where it went, and when (ms since the epoch). */
export interface Inbox {
  email: string;
  sentAt: number;
}

/** What the sign-up keeps in sessionStorage across reloads: never the password. */
export interface Draft {
  values: Omit<SignUpValues, 'password'>;
  step: SignUpStep;
  inbox?: Inbox;
}

export function readDraft(key: string): Draft | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(key);
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && typeof draft.values === 'object' && typeof draft.step === 'string' ? draft : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: Draft | null) {
  try {
    if (draft) globalThis.sessionStorage?.setItem(key, JSON.stringify(draft));
    else globalThis.sessionStorage?.removeItem(key);
  } catch {
    // Storage can be full or blocked; the form works without a draft.
  }
}
