import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { HostAnswers } from '../../client/answers';
import type { ProfileInput, ProfilePatch } from '../../client/schema';
import type { ProfileSnapshot } from '../../client/snapshot';
import { useProfileKit } from '../context/provider';
import { useSession } from '../context/use-session';
import type { UseProfileResult } from '../types/profile-props';
import { profileStoreFor } from './profile-store';

/** Server readings already handed to a profile store. */
const seeded = new WeakSet<ProfileSnapshot>();

/**
 * The signed-in person's profile, loaded once and shared by every component under the provider.
 *
 * @example
 * const { status, profile, update } = useProfile();
 * if (status === 'ready') await update({ devices: [...profile.devices ?? [], 'ESP32'] });
 * // Host answers typed by the questionnaire:
 * const { profile: mine } = useProfile<AnswersOf<typeof questionnaire>>();
 */
export const useProfile = useProfileOf as <A = HostAnswers>() => UseProfileResult<A>;

function useProfileOf(): UseProfileResult {
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
