// What the loader and the element chunks say to each other. Types only: the loader never imports a chunk's
// code, it fetches the chunk when an element first needs it (load.ts).
import type { EmbedOptions, WidgetName } from './options';

export interface Mounted {
  render(options: EmbedOptions): void;
  unmount(): void;
}

/**
 * Where a widget renders, prepared by the loader before its chunk arrives: the shadow root (attached at once,
 * so a gate's children never show while the code loads) or, in the page itself, the gate's content held
 * out of sight in a fragment.
 */
export interface Place {
  element: Element;
  shadowRoot: ShadowRoot | null;
  content: DocumentFragment | null;
}

/** An element's chunk (chunks/<element>.ts). The options come merged with `configure`'s and checked. */
export interface WidgetChunk {
  mount(place: Place, options: EmbedOptions): Mounted;
}

/** The chunk behind `ProfileKit.signOut`: the shared clients, without any component. */
export interface SessionChunk {
  signOut(baseURL: string | undefined, authMode: 'cookie' | 'bearer'): Promise<void>;
}

export type ChunkName = WidgetName | 'session';
