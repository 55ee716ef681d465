// The code of ProfileKit.signOut: the shared clients, without any component.
import { clientsFor, resolveBaseURL } from '../clients';

export async function signOut(baseURL: string | undefined, authMode: 'cookie' | 'bearer'): Promise<void> {
  await clientsFor(resolveBaseURL(baseURL), authMode).authClient.signOut();
}
