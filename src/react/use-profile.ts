import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { ProfileKitError } from '../client/errors';
import type { Profile, ProfileInput, ProfilePatch } from '../client/schema';
import type { ProfileSnapshot } from '../client/snapshot';
import { useProfileKit, useSession } from './context';
import { profileStoreFor } from './profile-store';

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

/** Server readings already handed to a profile store. */
const seeded = new WeakSet<ProfileSnapshot>();

/**
 * The signed-in person's profile, loaded once and shared by every component under the provider.
 *
 * @example
 * const { status, profile, update } = useProfile();
 * if (status === 'ready') await update({ devices: [...profile.devices ?? [], 'ESP32'] });
 */
export function useProfile(): UseProfileResult {
  const context = useProfileKit('useProfile');
  const { user, isPending } = useSession();
  const store = profileStoreFor(context);
  const userId = user?.id ?? null;
  const initial = context.initialProfile;
  // The store follows the signed-in person: someone new starts from nothing and is read once, unless the
  // server already read their profile (each reading is used once: a later sign-in reads afresh).
  useEffect(() => {
    if (isPending) return;
    if (initial && initial.userId === userId && !seeded.has(initial)) {
      seeded.add(initial);
      store.seed(initial);
    }
    store.setUser(userId);
    if (userId) store.load();
  }, [store, userId, isPending, initial]);
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const reload = useCallback(() => store.load(true), [store]);
  const save = useCallback(
    (input: ProfileInput) =>
      store.getState().profile
        ? store.put(input, { ifMatch: true })
        : store.put(input, { ifNoneMatch: true }),
    [store],
  );
  const update = useCallback(
    (input: ProfilePatch, options?: { ifMatch?: string | null }) => store.patch(input, options),
    [store],
  );
  const current = !isPending && userId !== null && state.userId === userId;
  // Until the store follows this person (server rendering, hydration, a boundary that hydrates late), the
  // server's reading of their profile stands in, so the markup matches what the server sent.
  if (!current && !isPending && userId !== null && initial?.userId === userId) {
    return {
      status: initial.profile ? 'ready' : 'missing',
      profile: initial.profile,
      etag: initial.etag,
      error: null,
      reload,
      save,
      update,
    };
  }
  return {
    status: isPending ? 'loading' : userId === null ? 'signed-out' : current ? state.status : 'loading',
    profile: current ? state.profile : null,
    etag: current ? state.etag : null,
    error: current ? state.error : null,
    reload,
    save,
    update,
  };
}
