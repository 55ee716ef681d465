import { ErrorCodes, isProfileKitError, ProfileKitError } from '../client/errors';
import { createProfileClient, type ProfileClient } from '../client/profile-client';
import type { Profile, ProfileInput, ProfilePatch } from '../client/schema';

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
  readonly client: ProfileClient;
  getState(): ProfileState;
  subscribe(listener: () => void): () => void;
  /** Switches to another person (or none), forgetting the previous one's profile. */
  setUser(userId: string | null): void;
  /** Loads the profile unless it is loaded or loading; `force` reads it again. */
  load(force?: boolean): Promise<void>;
  /** Creates or replaces the profile; `ifMatch` makes it conditional on the version last read. */
  put(input: ProfileInput, options?: { ifMatch?: boolean }): Promise<Profile>;
  /**
   * Changes some fields, conditional on a version: the one given (the version an editor started from) or
   * else the one last read.
   */
  patch(input: ProfilePatch, options?: { ifMatch?: string | null }): Promise<Profile>;
}

const idle = (userId: string | null): ProfileState => ({
  userId,
  status: 'loading',
  profile: null,
  etag: null,
  error: null,
});

export function createProfileStore(client: ProfileClient): ProfileStore {
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
      : new ProfileKitError(ErrorCodes.UNKNOWN_ERROR, 'Unexpected failure', { cause: error });
  }

  async function write(userId: string | null, run: () => Promise<{ profile: Profile; etag: string | null }>) {
    const result = await run();
    if (state.userId === userId) {
      // A read that started before this write would bring back the older version: drop it.
      inflight = null;
      started = true;
      set({ status: 'ready', profile: result.profile, etag: result.etag, error: null });
    }
    return result.profile;
  }

  const store: ProfileStore = {
    client,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setUser(userId) {
      if (userId === state.userId) return;
      inflight = null;
      started = false;
      client.reset();
      set(idle(userId));
    },
    load(force = false) {
      const userId = state.userId;
      if (userId === null) return Promise.resolve();
      if (inflight && !force) return inflight;
      if (started && !force && state.status !== 'error') return Promise.resolve();
      started = true;
      if (state.status === 'error') set({ status: 'loading', error: null });
      const request = client.get().then(
        ({ profile, etag }) => {
          if (state.userId === userId && inflight === request)
            set({ status: 'ready', profile, etag, error: null });
        },
        (error: unknown) => {
          if (state.userId !== userId || inflight !== request) return;
          const failure = asError(error);
          if (failure.code === ErrorCodes.PROFILE_NOT_FOUND)
            set({ status: 'missing', profile: null, etag: null, error: null });
          else set({ status: state.profile ? 'ready' : 'error', error: failure });
        },
      );
      inflight = request;
      return request.finally(() => {
        if (inflight === request) inflight = null;
      });
    },
    put(input, options = {}) {
      const userId = state.userId;
      return write(userId, () =>
        client.put(input, options.ifMatch && state.etag ? { ifMatch: state.etag } : undefined),
      );
    },
    patch(input, options = {}) {
      const userId = state.userId;
      const tag = options.ifMatch === undefined ? state.etag : options.ifMatch;
      return write(userId, () => client.patch(input, tag ? { ifMatch: tag } : undefined));
    },
  };
  return store;
}

interface Slot {
  store: ProfileStore;
  profileClient: ProfileClient | undefined;
  baseURL: string | undefined;
}

/** The store of one provider, made on first use from its `profileClient` or `baseURL`. */
export function profileStoreFor(context: {
  slot: { current: unknown };
  profileClient?: ProfileClient;
  baseURL?: string;
}): ProfileStore {
  const slot = context.slot.current as Slot | null;
  if (slot && slot.profileClient === context.profileClient && slot.baseURL === context.baseURL)
    return slot.store;
  const store = createProfileStore(
    context.profileClient ?? createProfileClient({ baseURL: context.baseURL ?? '' }),
  );
  context.slot.current = {
    store,
    profileClient: context.profileClient,
    baseURL: context.baseURL,
  } satisfies Slot;
  return store;
}
