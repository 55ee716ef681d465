import type { AccountAuthClient, ProfileKitAuthClient } from '../types/auth-client';

/** The host's client, seen with the account calls every better-auth client has. */
export const accountClient = (client: ProfileKitAuthClient) => client as AccountAuthClient;
