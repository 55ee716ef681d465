// Where each element's code comes from, as sources (tests, Vite): a plain import(). The build swaps this file
// for load-built.ts (scripts/build-embed.ts), which fetches the hashed chunk files from the assets folder.
import type { ChunkName, SessionChunk, WidgetChunk } from './contract';

const CHUNKS: Record<ChunkName, () => Promise<unknown>> = {
  'sign-up': () => import('./chunks/sign-up'),
  'profile-editor': () => import('./chunks/profile-editor'),
  'auth-gate': () => import('./chunks/auth-gate'),
  'sign-in': () => import('./chunks/sign-in'),
  'user-menu': () => import('./chunks/user-menu'),
  for: () => import('./chunks/for'),
  session: () => import('./chunks/session'),
};

export function loadChunk(name: 'session'): Promise<SessionChunk>;
export function loadChunk(name: Exclude<ChunkName, 'session'>): Promise<WidgetChunk>;
export function loadChunk(name: ChunkName): Promise<unknown> {
  return CHUNKS[name]();
}
