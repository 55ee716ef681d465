import { useProfileKit } from './provider';

/** Auth clients that have answered about the session at least once. */
const answered = new WeakSet<object>();

/** The signed-in person and session, shared with every other user of the same better-auth client. */
export function useSession() {
  const { authClient, initialSession } = useProfileKit('useSession');
  const answer = authClient.useSession();
  const { error } = answer;
  let { data } = answer;
  const known = answered.has(authClient);
  // better-auth marks a signed-out session pending again whenever it reads it again (the tab shown again, a
  // sign-in attempt): once it has answered, that answer stands until the new one comes, so no form in
  // progress is unmounted.
  let isPending = answer.isPending && !(known && answer.isRefetching);
  if (!isPending || data) answered.add(authClient);
  else if (initialSession !== undefined && !known) {
    // Until the client's first answer, the server's reading stands in: server markup and the first client
    // render agree. After it, only the client's answers count (a later refetch must not bring it back).
    data = initialSession;
    isPending = false;
  }
  return {
    user: data?.user ?? null,
    session: data?.session ?? null,
    /** True until the first answer about the session arrives (and during server rendering). */
    isPending: isPending && !data,
    error,
    signOut: () => authClient.signOut(),
  };
}
