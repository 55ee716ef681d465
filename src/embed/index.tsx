import { createAuthClient } from 'better-auth/react';
import { type ComponentType, useLayoutEffect, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createProfileClient, type ProfileClient } from '../client/profile-client';
import type { AppearanceProps, ProfileKitAuthClient, SocialProvider } from '../react/context';
import type { QuestionnaireDefinition } from '../react/fields';
import {
  AuthGate,
  ProfileEditor,
  ProfileKitProvider,
  SignIn,
  SignUpWithBackground,
  UserMenu,
} from '../react/index';
import css from '../styles.css?inline';

/** The components a page can embed. */
export type WidgetName = 'sign-up' | 'profile-editor' | 'auth-gate' | 'sign-in' | 'user-menu';

/** Settings shared by every widget: set them once with `configure` or on the script tag. */
export interface EmbedConfig extends AppearanceProps {
  /** Origin of the server running better-auth and the profile API. Default: this page's origin. */
  baseURL?: string;
  /**
   * `cookie` (default): the session cookie travels with every request (cross-site, the server must send
   * `SameSite=None; Secure; Partitioned` cookies and CORS with credentials). `bearer`: the session token is
   * kept in localStorage and sent as `Authorization: Bearer`, for pages where third-party cookies are blocked.
   */
  authMode?: 'cookie' | 'bearer';
  /** Render inside a shadow root, so the page's CSS and profilekit's never touch. Default false. */
  shadow?: boolean;
  questionnaire?: QuestionnaireDefinition;
  /**
   * "Continue with …" buttons in the sign-in and the sign-up's account step: provider ids as configured in
   * better-auth (`github`, `google`, a generic OAuth `providerId`), or `{ id, name }`. As an attribute or
   * `data-social-providers` on the script tag: ids separated by commas.
   */
  socialProviders?: readonly SocialProvider[];
}

/** Options of one widget: the shared settings plus the component's own. */
export interface EmbedOptions extends EmbedConfig {
  /** sign-up: `inline` or `dialog`. */
  mode?: 'inline' | 'dialog';
  /**
   * sign-up: for a signed-in person who already has a background, `hide` (default) shows nothing and
   * `edit` shows the editor, prefilled (in dialog mode behind an "Edit your background" button).
   */
  whenProfileExists?: 'hide' | 'edit';
  /** auth-gate: also require a background profile. */
  requireProfile?: boolean;
  /** sign-up: keep answers across reloads. Default true. */
  persistDraft?: boolean;
  /** sign-up: must match the server's better-auth setting. Default 8. */
  minPasswordLength?: number;
  /** sign-up: seconds before a verification link can be sent again. Default 60. */
  resendCooldown?: number;
  /** profile-editor: confirm leaving with unsaved changes. Default true. */
  warnBeforeLeaving?: boolean;
  /** Replaces the heading. */
  title?: string;
  /** user-menu: offer "Download my data". Default true. */
  showDownload?: boolean;
  /** user-menu: offer "Delete account". Default true. */
  showDelete?: boolean;
  onSuccess?: (detail: unknown) => void;
  onError?: (detail: unknown) => void;
}

const WIDGETS: Record<WidgetName, readonly string[]> = {
  'sign-up': [
    'mode',
    'whenProfileExists',
    'persistDraft',
    'minPasswordLength',
    'resendCooldown',
    'title',
    'onSuccess',
    'onError',
  ],
  'profile-editor': ['warnBeforeLeaving', 'title', 'onSuccess', 'onError'],
  'auth-gate': ['requireProfile'],
  'sign-in': ['title', 'onSuccess', 'onError'],
  'user-menu': ['showDownload', 'showDelete'],
};
const SHARED = [
  'baseURL',
  'authMode',
  'shadow',
  'theme',
  'unstyled',
  'classNames',
  'localization',
  'questionnaire',
  'headingLevel',
  'appearance',
  'socialProviders',
];

/** A mistake in how a widget is set up, reported in the console and in place of the widget. */
export class EmbedError extends TypeError {
  override name = 'ProfileKitEmbedError';
}

function fail(message: string): never {
  throw new EmbedError(`profilekit: ${message}`);
}

function oneOf(name: string, value: unknown, allowed: readonly unknown[]) {
  if (value !== undefined && !allowed.includes(value)) {
    fail(
      `"${name}" must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; got ${JSON.stringify(value)}`,
    );
  }
}

function ofType(name: string, value: unknown, type: 'boolean' | 'string' | 'function' | 'object' | 'number') {
  if (value !== undefined && (typeof value !== type || value === null)) {
    fail(`"${name}" must be a ${type}; got ${value === null ? 'null' : typeof value}`);
  }
}

function checkKeys(options: unknown, allowed: readonly string[], what: string): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    fail(`the options of ${what} must be an object`);
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) fail(`unknown option "${key}" for ${what}; use one of ${allowed.join(', ')}`);
  }
  return options as Record<string, unknown>;
}

function checkValues(o: Record<string, unknown>) {
  ofType('baseURL', o.baseURL, 'string');
  if (typeof o.baseURL === 'string' && o.baseURL !== '') {
    let url: URL | null = null;
    try {
      url = new URL(o.baseURL);
    } catch {}
    if (!url || !/^https?:$/.test(url.protocol))
      fail(`"baseURL" must be an http(s) URL; got ${JSON.stringify(o.baseURL)}`);
  }
  oneOf('authMode', o.authMode, ['cookie', 'bearer']);
  oneOf('theme', o.theme, ['auto', 'light', 'dark']);
  oneOf('mode', o.mode, ['inline', 'dialog']);
  oneOf('whenProfileExists', o.whenProfileExists, ['hide', 'edit']);
  oneOf('headingLevel', o.headingLevel, [1, 2, 3, 4, 5, 6]);
  oneOf('appearance', o.appearance, ['plain', 'card']);
  for (const key of [
    'shadow',
    'unstyled',
    'requireProfile',
    'persistDraft',
    'warnBeforeLeaving',
    'showDownload',
    'showDelete',
  ])
    ofType(key, o[key], 'boolean');
  for (const key of ['classNames', 'localization', 'questionnaire']) ofType(key, o[key], 'object');
  for (const key of ['onSuccess', 'onError']) ofType(key, o[key], 'function');
  ofType('title', o.title, 'string');
  checkProviders(o.socialProviders);
  ofType('minPasswordLength', o.minPasswordLength, 'number');
  if (typeof o.minPasswordLength === 'number' && !(o.minPasswordLength >= 1))
    fail(`"minPasswordLength" must be a positive number; got ${o.minPasswordLength}`);
  ofType('resendCooldown', o.resendCooldown, 'number');
  if (typeof o.resendCooldown === 'number' && !(o.resendCooldown >= 0))
    fail(`"resendCooldown" must be a number of seconds; got ${o.resendCooldown}`);
}

const PROVIDER_ID = /^[A-Za-z0-9][\w.-]{0,63}$/;

function checkProviders(value: unknown) {
  if (value === undefined) return;
  if (!Array.isArray(value)) fail(`"socialProviders" must be an array; got ${JSON.stringify(value)}`);
  for (const provider of value) {
    const id = typeof provider === 'object' && provider !== null ? provider.id : provider;
    const name = typeof provider === 'object' && provider !== null ? provider.name : undefined;
    if (typeof id !== 'string' || !PROVIDER_ID.test(id) || (name !== undefined && typeof name !== 'string'))
      fail(
        `"socialProviders" takes provider ids (letters, digits, ".", "_", "-") or { id, name }; got ${JSON.stringify(provider)}`,
      );
  }
}

/** Checks a widget's options; throws an {@link EmbedError} that names the wrong option. */
export function validateOptions(name: string, options: unknown): asserts options is EmbedOptions {
  if (!Object.hasOwn(WIDGETS, name)) {
    fail(`unknown widget ${JSON.stringify(name)}; use one of ${Object.keys(WIDGETS).join(', ')}`);
  }
  checkValues(checkKeys(options, [...SHARED, ...WIDGETS[name as WidgetName]], name));
}

interface Clients {
  authClient: ProfileKitAuthClient & { signOut(): Promise<unknown> };
  profileClient: ProfileClient;
}

const clients = new Map<string, Clients>();

function tokenKey(baseURL: string) {
  return `profilekit:token:${baseURL}`;
}

/** One auth client and one profile client per server and mode, shared by every widget on the page. */
function clientsFor(baseURL: string, authMode: 'cookie' | 'bearer'): Clients {
  const key = `${authMode} ${baseURL}`;
  const existing = clients.get(key);
  if (existing) return existing;
  const bearer = authMode === 'bearer';
  const token = () => localStorage.getItem(tokenKey(baseURL));
  const authClient = createAuthClient({
    baseURL,
    fetchOptions: bearer
      ? {
          credentials: 'omit',
          auth: { type: 'Bearer', token: () => token() ?? undefined },
          onSuccess(context) {
            const issued = context.response.headers.get('set-auth-token');
            if (issued) localStorage.setItem(tokenKey(baseURL), issued);
            if (new URL(context.request.url).pathname.endsWith('/sign-out'))
              localStorage.removeItem(tokenKey(baseURL));
          },
        }
      : { credentials: 'include' },
  }) as unknown as Clients['authClient'];
  const profileClient = createProfileClient(
    bearer ? { baseURL, credentials: 'omit', token } : { baseURL, credentials: 'include' },
  );
  const made = { authClient, profileClient };
  clients.set(key, made);
  return made;
}

let config: EmbedConfig = {};

/** Sets options every widget shares (a widget's own options win). */
export function configure(options: EmbedConfig): void {
  checkValues(checkKeys(options, SHARED, 'configure'));
  config = { ...config, ...options };
}

function resolveBaseURL(value: string | undefined) {
  return (value || globalThis.location?.origin || '').replace(/\/+$/, '');
}

/** Signs the person out of every widget on the page. */
export async function signOut(options: Pick<EmbedConfig, 'baseURL' | 'authMode'> = {}): Promise<void> {
  const merged = { ...config, ...options };
  await clientsFor(resolveBaseURL(merged.baseURL), merged.authMode ?? 'cookie').authClient.signOut();
}

function addStyles(target: Document | ShadowRoot) {
  const parent = target instanceof Document ? target.head : target;
  if (parent.querySelector(':scope > style[data-profilekit]')) return;
  const style = document.createElement('style');
  style.dataset.profilekit = '';
  style.textContent = css;
  parent.append(style);
}

/** Shows nodes that belong to the host page (the gate's content) inside the widget, and gives them back. */
function HostContent({ nodes }: { nodes: DocumentFragment }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const target = box.current;
    if (!target) return;
    target.append(nodes);
    return () => nodes.append(...target.childNodes);
  }, [nodes]);
  return <div ref={box} style={{ display: 'contents' }} />;
}

interface Mounted {
  render(options: EmbedOptions): void;
  unmount(): void;
}

function mountWidget(element: Element, name: WidgetName, options: EmbedOptions): Mounted {
  const shadow = options.shadow ?? config.shadow ?? false;
  let container: HTMLElement;
  let root: Root;
  let content: DocumentFragment | null = null;
  let shadowRoot: ShadowRoot | null = null;
  if (shadow) {
    shadowRoot = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    addStyles(shadowRoot);
    container = document.createElement('div');
    shadowRoot.append(container);
  } else {
    addStyles(document);
    if (name === 'auth-gate') {
      // The element's own children are the gated content: hold them until the gate lets them show.
      content = document.createDocumentFragment();
      content.append(...element.childNodes);
    }
    container = document.createElement('div');
    element.append(container);
  }
  root = createRoot(container);

  function render(own: EmbedOptions) {
    const merged: EmbedOptions = { ...config, ...own };
    const {
      baseURL,
      authMode = 'cookie',
      shadow: _shadow,
      questionnaire,
      socialProviders,
      ...props
    } = merged;
    const { authClient, profileClient } = clientsFor(resolveBaseURL(baseURL), authMode);
    const Widget = {
      'sign-up': SignUpWithBackground,
      'profile-editor': ProfileEditor,
      'auth-gate': AuthGate,
      'sign-in': SignIn,
      'user-menu': UserMenu,
    }[name] as ComponentType<Record<string, unknown>>;
    const children =
      name !== 'auth-gate' ? undefined : shadowRoot ? (
        <slot />
      ) : content ? (
        <HostContent nodes={content} />
      ) : null;
    root.render(
      <ProfileKitProvider
        authClient={authClient}
        profileClient={profileClient}
        questionnaire={questionnaire}
        socialProviders={socialProviders}
        portalContainer={shadowRoot ? container : undefined}
      >
        <Widget {...props}>{children}</Widget>
      </ProfileKitProvider>,
    );
  }

  render(options);
  return {
    render,
    unmount() {
      root.unmount();
      container.remove();
      if (content) element.append(content);
    },
  };
}

/**
 * Renders a widget into an element of the page and returns a function that removes it again.
 * Throws a {@link EmbedError} naming the problem when the element, the widget name or an option is wrong.
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
  const mounted = mountWidget(element, name, options);
  return () => mounted.unmount();
}

const ATTRIBUTES: Record<
  string,
  { option: keyof EmbedOptions; type: 'string' | 'boolean' | 'number' | 'json' | 'list' }
> = {
  'base-url': { option: 'baseURL', type: 'string' },
  'auth-mode': { option: 'authMode', type: 'string' },
  shadow: { option: 'shadow', type: 'boolean' },
  theme: { option: 'theme', type: 'string' },
  unstyled: { option: 'unstyled', type: 'boolean' },
  mode: { option: 'mode', type: 'string' },
  'when-profile-exists': { option: 'whenProfileExists', type: 'string' },
  'heading-level': { option: 'headingLevel', type: 'number' },
  appearance: { option: 'appearance', type: 'string' },
  'require-profile': { option: 'requireProfile', type: 'boolean' },
  'persist-draft': { option: 'persistDraft', type: 'boolean' },
  'min-password-length': { option: 'minPasswordLength', type: 'number' },
  'resend-cooldown': { option: 'resendCooldown', type: 'number' },
  'warn-before-leaving': { option: 'warnBeforeLeaving', type: 'boolean' },
  title: { option: 'title', type: 'string' },
  'show-download': { option: 'showDownload', type: 'boolean' },
  'show-delete': { option: 'showDelete', type: 'boolean' },
  localization: { option: 'localization', type: 'json' },
  questionnaire: { option: 'questionnaire', type: 'json' },
  'class-names': { option: 'classNames', type: 'json' },
  'social-providers': { option: 'socialProviders', type: 'list' },
};

/** `"github, google"` → `['github', 'google']`. */
const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The options an element's attributes spell out. */
export function optionsFromAttributes(element: Element, allowed: readonly string[]): EmbedOptions {
  const options: Record<string, unknown> = {};
  for (const { name, value } of Array.from(element.attributes)) {
    const spec = ATTRIBUTES[name];
    if (!spec || !allowed.includes(spec.option)) continue;
    if (spec.type === 'boolean') options[spec.option] = value !== 'false';
    else if (spec.type === 'number') options[spec.option] = Number(value);
    else if (spec.type === 'list') options[spec.option] = list(value);
    else if (spec.type === 'json') {
      try {
        options[spec.option] = JSON.parse(value);
      } catch {
        fail(`the "${name}" attribute must be JSON; got ${JSON.stringify(value)}`);
      }
    } else options[spec.option] = value;
  }
  return options as EmbedOptions;
}

function defineElement(tag: string, name: WidgetName) {
  const allowed = [...SHARED, ...WIDGETS[name]];
  class ProfileKitElement extends HTMLElement {
    static observedAttributes = Object.keys(ATTRIBUTES);
    #mounted: Mounted | null = null;
    #started = false;
    #options: EmbedOptions = {};
    /** A gate's content, kept out of sight while its options are wrong: the gate fails closed. */
    #held: DocumentFragment | null = null;

    /** Options that attributes cannot carry, such as callbacks; attributes win over them. */
    get options(): EmbedOptions {
      return this.#options;
    }
    set options(value: EmbedOptions) {
      this.#options = value;
      this.#update();
    }

    connectedCallback() {
      // Parsed from HTML before its children: wait for them, since a gate's children are its content.
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', () => this.#update(), { once: true });
      } else this.#update();
    }

    disconnectedCallback() {
      this.#mounted?.unmount();
      this.#mounted = null;
    }

    attributeChangedCallback() {
      // Before the first connection the attributes are read then; afterwards every change re-renders,
      // including the change that fixes an attribute the widget refused.
      if (this.#started) this.#update();
    }

    #update() {
      if (!this.isConnected) return;
      this.#started = true;
      try {
        const options: EmbedOptions = {
          ...this.#options,
          ...optionsFromAttributes(this, allowed),
          onSuccess: (detail) => {
            this.#options.onSuccess?.(detail);
            this.dispatchEvent(
              new CustomEvent('profilekit-success', { detail, bubbles: true, composed: true }),
            );
          },
          onError: (detail) => {
            this.#options.onError?.(detail);
            this.dispatchEvent(
              new CustomEvent('profilekit-error', { detail, bubbles: true, composed: true }),
            );
          },
        };
        if (!WIDGETS[name].includes('onSuccess')) {
          delete options.onSuccess;
          delete options.onError;
        }
        validateOptions(name, options);
        if (this.#mounted) {
          this.#mounted.render(options);
          return;
        }
        this.querySelector(':scope > [data-profilekit-error]')?.remove();
        this.shadowRoot?.querySelector('[data-profilekit-error]')?.remove();
        if (this.#held) this.append(this.#held);
        this.#held = null;
        this.#mounted = mountWidget(this, name, options);
      } catch (error) {
        console.error(error);
        this.#mounted?.unmount();
        this.#mounted = null;
        const message = document.createElement('p');
        message.dataset.profilekitError = '';
        message.setAttribute('role', 'alert');
        message.textContent = error instanceof Error ? error.message : String(error);
        if (this.shadowRoot) this.shadowRoot.replaceChildren(message);
        else {
          this.#held ??= document.createDocumentFragment();
          this.#held.append(...this.childNodes);
          this.append(message);
        }
      }
    }
  }
  if (!customElements.get(tag)) customElements.define(tag, ProfileKitElement);
}

/** Reads shared settings from the script tag: `<script src=".../embed.js" data-base-url="..." data-auth-mode="bearer">`. */
function configureFromScript() {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script) return;
  const { baseUrl, authMode, theme, shadow, socialProviders } = script.dataset;
  try {
    configure({
      ...(baseUrl !== undefined ? { baseURL: baseUrl } : {}),
      ...(authMode !== undefined ? { authMode: authMode as EmbedConfig['authMode'] } : {}),
      ...(theme !== undefined ? { theme: theme as EmbedConfig['theme'] } : {}),
      ...(shadow !== undefined ? { shadow: shadow !== 'false' } : {}),
      ...(socialProviders !== undefined ? { socialProviders: list(socialProviders) } : {}),
    });
  } catch (error) {
    console.error(error);
  }
}

if (typeof window !== 'undefined' && typeof customElements !== 'undefined') {
  configureFromScript();
  defineElement('profilekit-sign-up', 'sign-up');
  defineElement('profilekit-profile-editor', 'profile-editor');
  defineElement('profilekit-auth-gate', 'auth-gate');
  defineElement('profilekit-sign-in', 'sign-in');
  defineElement('profilekit-user-menu', 'user-menu');
}
