// load.ts in the built loader: each chunk's hashed file name, written in by scripts/build-embed.ts, fetched
// from the assets folder the first time an element needs it. The browser keeps each module once, so a
// second element of the same kind, or a chunk both need, loads no more.
import { assetsBase } from './config';
import type { ChunkName, SessionChunk, WidgetChunk } from './contract';

declare const PROFILEKIT_CHUNKS: Record<ChunkName, string>;

export function loadChunk(name: 'session'): Promise<SessionChunk>;
export function loadChunk(name: Exclude<ChunkName, 'session'>): Promise<WidgetChunk>;
export function loadChunk(name: ChunkName): Promise<unknown> {
  return new Promise((resolve) => resolve(new URL(PROFILEKIT_CHUNKS[name], assetsBase()).href)).then(
    (url) => import(/* @vite-ignore */ url as string),
  );
}
