import { toNextJsHandler } from 'better-auth/next-js';
import { createAuthHandler } from 'profilekit/server';
import { auth } from '@/lib/auth';

// profilekit's handler: the client address as `trustProxy` says, and 429s that say how long to wait.
export const { GET, POST } = toNextJsHandler(createAuthHandler(auth));
