// The script-tag loader (`profilekit/embed`): the custom elements and the global `ProfileKit`, without any
// UI code. Each element's code is a chunk file beside this one (or under data-assets-url), fetched the first
// time such an element is on the page (load.ts). Options and their checks: options.ts, attributes.ts,
// script-tag.ts; settings: config.ts; the widget's start: start.ts; the elements: elements.ts. What runs in
// the chunks: chunks/, mount.tsx, clients.ts.
import { sharedConfig } from './config';
import { defineElement } from './elements';
import { loadChunk } from './load';
import { type EmbedConfig, type EmbedOptions, fail, validateOptions, type WidgetName } from './options';
import { configureFromScript } from './script-tag';
import { startWidget } from './start';

export { optionsFromAttributes } from './attributes';
export { configure, type LoaderConfig } from './config';
export {
  type EmbedConfig,
  EmbedError,
  type EmbedOptions,
  validateOptions,
  type WidgetName,
} from './options';

/**
 * Renders a widget into an element of the page and returns a function that removes it again. Its code loads
 * on first use, so it appears a moment later. Throws a {@link EmbedError} naming the problem when the
 * element, the widget name or an option is wrong.
 *
 * @example
 * const unmount = ProfileKit.mount(document.querySelector('#join'), 'sign-up', {
 *   baseURL: 'https://auth.example.com',
 *   mode: 'dialog',
 * });
 */
export function mount(element: Element, name: WidgetName, options: EmbedOptions = {}): () => void {
  if (!(element instanceof Element)) fail(`mount needs an element of the page; got ${String(element)}`);
  validateOptions(name, options);
  const mounted = startWidget(element, name, options, (error) => console.error(error));
  return () => mounted.unmount();
}

/** Signs the person out of every widget on the page. */
export async function signOut(options: Pick<EmbedConfig, 'baseURL' | 'authMode'> = {}): Promise<void> {
  const merged = { ...sharedConfig(), ...options };
  await (await loadChunk('session')).signOut(merged.baseURL, merged.authMode ?? 'cookie');
}

if (typeof window !== 'undefined' && typeof customElements !== 'undefined') {
  configureFromScript(document.currentScript);
  defineElement('profilekit-sign-up', 'sign-up');
  defineElement('profilekit-profile-editor', 'profile-editor');
  defineElement('profilekit-auth-gate', 'auth-gate');
  defineElement('profilekit-sign-in', 'sign-in');
  defineElement('profilekit-user-menu', 'user-menu');
  defineElement('profilekit-for', 'for');
}
