import { sharedConfig } from './config';
import type { Mounted, Place } from './contract';
import { loadChunk } from './load';
import type { EmbedOptions, WidgetName } from './options';

/**
 * Starts a widget: prepares its place at once (a shadow root, or a gate's content held out of sight), loads
 * its chunk, then renders with the latest options. `failed` hears of a chunk that could not load.
 */
export function startWidget(
  element: Element,
  name: WidgetName,
  options: EmbedOptions,
  failed: (error: unknown) => void,
): Mounted {
  const merged = (own: EmbedOptions): EmbedOptions => ({ ...sharedConfig(), ...own });
  let latest = merged(options);
  const place: Place = { element, shadowRoot: null, content: null };
  if (latest.shadow) place.shadowRoot = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  else if (name === 'auth-gate' || name === 'for') {
    // The element's own children are the gated content: hold them until the gate lets them show.
    place.content = document.createDocumentFragment();
    place.content.append(...element.childNodes);
  }
  let mounted: Mounted | null = null;
  let gone = false;
  const giveBack = () => {
    if (place.content) element.append(place.content);
  };
  const stop = (error: unknown) => {
    if (gone) return;
    gone = true;
    giveBack();
    failed(error);
  };
  loadChunk(name).then(
    (chunk) => {
      if (gone) return;
      // A chunk refuses options only it can check (the condition of <profilekit-for>).
      try {
        mounted = chunk.mount(place, latest);
      } catch (error) {
        stop(error);
      }
    },
    (error) =>
      stop(
        new Error(`profilekit: the code of <profilekit-${name}> did not load (${String(error)})`, {
          cause: error,
        }),
      ),
  );
  return {
    render(own) {
      latest = merged(own);
      mounted?.render(latest);
    },
    unmount() {
      if (gone) return;
      gone = true;
      mounted?.unmount();
      mounted = null;
      giveBack();
    },
  };
}
