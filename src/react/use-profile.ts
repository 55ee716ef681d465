import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { ProfileKitError } from '../client/errors';
import type { Profile, ProfileInput, ProfilePatch } from '../client/schema';
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
  /** Creates or replaces the whole profile. */
  save(input: ProfileInput): Promise<Profile>;
  /**
   * Changes some fields, only if nobody saved since the version it was read at (else
   * `PROFILE_VERSION_CONFLICT`). Pass `ifMatch` to name the version you started from.
   */
  update(input: ProfilePatch, options?: { ifMatch?: string | null }): Promise<Profile>;
}

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
  // The store follows the signed-in person: someone new starts from nothing and is read once.
  useEffect(() => {
    if (isPending) return;
    store.setUser(userId);
    if (userId) store.load();
  }, [store, userId, isPending]);
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const reload = useCallback(() => store.load(true), [store]);
  const save = useCallback((input: ProfileInput) => store.put(input), [store]);
  const update = useCallback(
    (input: ProfilePatch, options?: { ifMatch?: string | null }) => store.patch(input, options),
    [store],
  );
  const current = !isPending && userId !== null && state.userId === userId;
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
