// The script-tag build (`profilekit/embed`): the custom elements and the global `ProfileKit`. Options and
// their checks live in options.ts and attributes.ts, the shared clients in clients.ts, the React roots in
// mount.tsx and the elements in elements.ts.
import { configureFromScript, defineElement } from './elements';

export { optionsFromAttributes } from './attributes';
export { configure, signOut } from './clients';
export { mount } from './mount';
export {
  type EmbedConfig,
  EmbedError,
  type EmbedOptions,
  validateOptions,
  type WidgetName,
} from './options';

if (typeof window !== 'undefined' && typeof customElements !== 'undefined') {
  configureFromScript();
  defineElement('profilekit-sign-up', 'sign-up');
  defineElement('profilekit-profile-editor', 'profile-editor');
  defineElement('profilekit-auth-gate', 'auth-gate');
  defineElement('profilekit-sign-in', 'sign-in');
  defineElement('profilekit-user-menu', 'user-menu');
}
