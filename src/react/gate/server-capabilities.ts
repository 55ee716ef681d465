import { useEffect, useState } from 'react';
import type { ServerCapabilities } from '../../client/protocol';
import type { ProfileKitContextValue } from '../context/provider';

const EVERYTHING: ServerCapabilities = { passwordReset: true, emailVerification: true };
const asked = new Map<unknown, Promise<ServerCapabilities>>();

/**
 * What the server can do, asked once per profile client (or base URL). Until it answers, nothing is
 * offered; a server that cannot be asked (a client of the host's without `capabilities`, an older server,
 * a failure) is taken to offer everything, as before.
 */
function ask(context: ProfileKitContextValue): Promise<ServerCapabilities> {
  const key = context.profileClient ?? `url:${context.baseURL ?? ''}`;
  let answer = asked.get(key);
  if (!answer) {
    answer = (async () => {
      const client = context.profileClient;
      if (client) return client.capabilities ? await client.capabilities() : EVERYTHING;
      // Without a client of the host's, a plain request: a signed-out page loads no profile client.
      const base = (context.baseURL ?? '').replace(/\/+$/, '');
      const response = await fetch(`${base}/api/profile/config`, { credentials: 'omit' });
      if (!response.ok) return EVERYTHING;
      const body = (await response.json()) as Partial<ServerCapabilities> | null;
      return typeof body?.passwordReset === 'boolean' ? { ...EVERYTHING, ...body } : EVERYTHING;
    })().catch(() => {
      asked.delete(key);
      return EVERYTHING;
    });
    asked.set(key, answer);
  }
  return answer;
}

/** Whether "Forgot your password?" leads anywhere: false until the server says it can mail a link. */
export function usePasswordResetOffered(context: ProfileKitContextValue): boolean {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    let live = true;
    void ask(context).then((answer) => {
      if (live) setOffered(answer.passwordReset);
    });
    return () => {
      live = false;
    };
  }, [context]);
  return offered;
}
