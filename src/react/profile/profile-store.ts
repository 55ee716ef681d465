import type { ProfileInputOf, ProfilePatchOf } from '../../client/answers';
import { isProfileKitError, ProfileKitError } from '../../client/errors';
import type { ProfileClient } from '../../client/profile-client';
import type { Profile } from '../../client/schema';
import type { ProfileSnapshot } from '../../client/snapshot';

/** Where the signed-in person's profile stands. */
export type ProfileStatus = 'loading' | 'ready' | 'missing' | 'error';

export interface ProfileState {
  /** The person the state belongs to; null before anyone is known. */
  userId: string | null;
  status: ProfileStatus;
  profile: Profile | null;
  etag: string | null;
  error: ProfileKitError | null;
}

/**
 * The profile of whoever is signed in, shared by every component under one provider: one request however
 * many components ask, and every save seen by all of them. Plain TypeScript; the hooks adapt it.
 */
export interface ProfileStore {
  getState(): ProfileState;
  subscribe(listener: () => void): () => void;
  /** Switches to another person (or none), forgetting the previous one's profile. */
  setUser(userId: string | null): void;
  /**
   * Takes a profile the server read as if it had been loaded, unless the store already follows that person
   * (what it holds is then at least as new).
   */
  seed(snapshot: ProfileSnapshot): void;
  /** Loads the profile unless it was loaded, is loading or failed; `force` reads it again. */
  load(force?: boolean): Promise<void>;
  /**
   * Creates or replaces the profile. `ifMatch` makes it conditional on the version last read; `ifNoneMatch`
   * creates only, and when a profile was made meanwhile it fails with `PROFILE_VERSION_CONFLICT` and reads
   * that profile, so every component sees it.
   */
  put(input: ProfileInputOf, options?: { ifMatch?: boolean; ifNoneMatch?: boolean }): Promise<Profile>;
  /**
   * Changes some fields, conditional on a version: the one given (the version an editor started from) or
   * else the one last read.
   */
  patch(input: ProfilePatchOf, options?: { ifMatch?: string | null }): Promise<Profile>;
}

const idle = (userId: string | null): ProfileState => ({
  userId,
  status: 'loading',
  profile: null,
  etag: null,
  error: null,
});

/**
 * @param source A profile client, or a function that loads one: a page that never reads a profile then never
 * downloads the client and its schemas.
 */
export function createProfileStore(source: ProfileClient | (() => Promise<ProfileClient>)): ProfileStore {
  let loaded: ProfileClient | null = typeof source === 'function' ? null : source;
  let loading: Promise<ProfileClient> | null = null;
  const client = async () => {
    if (loaded) return loaded;
    loading ??= (source as () => Promise<ProfileClient>)().then((made) => (loaded = made));
    return loading;
  };
  let state = idle(null);
  let inflight: Promise<void> | null = null;
  let started = false;
  const listeners = new Set<() => void>();

  function set(next: Partial<ProfileState>) {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  }

  function asError(error: unknown): ProfileKitError {
    return isProfileKitError(error)
      ? error
      : new ProfileKitError('UNKNOWN_ERROR', 'Unexpected failure', { cause: error });
  }

  async function write(
    userId: string | null,
    run: (client: ProfileClient) => Promise<{ profile: Profile; etag: string | null }>,
  ) {
    const result = await run(await client());
    if (state.userId === userId) {
      // A read that started before this write would bring back the older version: drop it.
      inflight = null;
      started = true;
      set({ status: 'ready', profile: result.profile, etag: result.etag, error: null });
    }
    return result.profile;
  }

  const store: ProfileStore = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setUser(userId) {
      if (userId === state.userId) return;
      inflight = null;
      started = false;
      loaded?.reset();
      set(idle(userId));
    },
    seed(snapshot) {
      if (snapshot.userId === state.userId) return;
      inflight = null;
      started = true;
      loaded?.reset();
      set({
        userId: snapshot.userId,
        status: snapshot.profile ? 'ready' : 'missing',
        profile: snapshot.profile,
        etag: snapshot.etag,
        error: null,
      });
    },
    load(force = false) {
      const userId = state.userId;
      if (userId === null) return Promise.resolve();
      if (inflight && !force) return inflight;
      // A failed read stays failed until someone asks again (`force`, the "Try again" buttons): a component
      // that mounts because the read failed must not start the next read, or each failure mounts the next.
      if (started && !force) return Promise.resolve();
      started = true;
      if (state.status === 'error') set({ status: 'loading', error: null });
      const request = client()
        .then((c) => c.get())
        .then(
          ({ profile, etag }) => {
            if (state.userId === userId && inflight === request)
              set({ status: 'ready', profile, etag, error: null });
          },
          (error: unknown) => {
            if (state.userId !== userId || inflight !== request) return;
            const failure = asError(error);
            if (failure.code === 'PROFILE_NOT_FOUND')
              set({ status: 'missing', profile: null, etag: null, error: null });
            else set({ status: state.profile ? 'ready' : 'error', error: failure });
          },
        );
      inflight = request;
      return request.finally(() => {
        if (inflight === request) inflight = null;
      });
    },
    async put(input, options = {}) {
      const userId = state.userId;
      try {
        return await write(userId, (c) =>
          c.put(
            input,
            options.ifNoneMatch
              ? { ifNoneMatch: '*' }
              : options.ifMatch && state.etag
                ? { ifMatch: state.etag }
                : undefined,
          ),
        );
      } catch (error) {
        if (
          options.ifNoneMatch &&
          asError(error).code === 'PROFILE_VERSION_CONFLICT' &&
          state.userId === userId
        )
          await store.load(true);
        throw error;
      }
    },
    patch(input, options = {}) {
      const userId = state.userId;
      const tag = options.ifMatch === undefined ? state.etag : options.ifMatch;
      return write(userId, (c) => c.patch(input, tag ? { ifMatch: tag } : undefined));
    },
  };
  return store;
}

const storesByClient = new WeakMap<ProfileClient, ProfileStore>();

/**
 * The profile store for a provider's settings. A given profile client has one store, so providers that
 * share a client (several widgets on one page, each its own React root) share one profile and its requests;
 * without a client, each provider makes one from its `baseURL` on first use.
 */
export function profileStoreFor(context: {
  slot: { current: unknown };
  profileClient?: ProfileClient;
  baseURL?: string;
}): ProfileStore {
  if (context.profileClient) {
    let store = storesByClient.get(context.profileClient);
    if (!store) {
      store = createProfileStore(context.profileClient);
      storesByClient.set(context.profileClient, store);
    }
    return store;
  }
  const slot = context.slot.current as { store: ProfileStore; baseURL: string | undefined } | null;
  if (slot && slot.baseURL === context.baseURL) return slot.store;
  const baseURL = context.baseURL ?? '';
  const store = createProfileStore(() =>
    import('../../client/profile-client').then((m) => m.createProfileClient({ baseURL })),
  );
  context.slot.current = { store, baseURL: context.baseURL };
  return store;
}
