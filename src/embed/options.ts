import type { QuestionnaireDefinition } from '../client/questionnaire';
import type { AppearanceProps, ProfileKitLocale, SocialProvider } from '../react/index';

/** The components a page can embed. */
export type WidgetName = 'sign-up' | 'profile-editor' | 'auth-gate' | 'sign-in' | 'user-menu' | 'for';

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
  /**
   * The language: a shipped locale's tag (`en`, `de`, `fr`, `es`, `ja`, `ar`; a region such as `de-CH` picks
   * `de`), loaded from `locales/<tag>.js` beside the embed script when first needed, or a locale object
   * (`profilekit/locales/<tag>` or your own). As an attribute: `data-locale`, or the element's `lang` (a
   * language without a shipped locale keeps English). On the script tag: `data-locale`.
   */
  locale?: string | ProfileKitLocale;
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
  /**
   * for: the condition over the signed-in person's background (docs/personalization.md); the element's
   * children show only while it holds. As an attribute: `when` with the condition as JSON.
   */
  when?: Record<string, unknown>;
  /** user-menu: offer "Download my data". Default true. */
  showDownload?: boolean;
  /** user-menu: offer "Delete account". Default true. */
  showDelete?: boolean;
  onSuccess?: (detail: unknown) => void;
  onError?: (detail: unknown) => void;
}

export const WIDGETS: Record<WidgetName, readonly string[]> = {
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
  for: ['when'],
};
export const SHARED = [
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
  'locale',
];

/** The languages shipped as `locales/<tag>.js`. */
export const LOCALE_TAGS = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const;

/** The shipped locale for a BCP 47 tag, by its language subtag (`de-CH` → `de`), or undefined. */
export function shippedLocale(tag: string): (typeof LOCALE_TAGS)[number] | undefined {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALE_TAGS.find((shipped) => shipped === language);
}

/** A mistake in how a widget is set up, reported in the console and in place of the widget. */
export class EmbedError extends TypeError {
  override name = 'ProfileKitEmbedError';
}

export function fail(message: string): never {
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

export function checkKeys(
  options: unknown,
  allowed: readonly string[],
  what: string,
): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    fail(`the options of ${what} must be an object`);
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) fail(`unknown option "${key}" for ${what}; use one of ${allowed.join(', ')}`);
  }
  return options as Record<string, unknown>;
}

export function checkValues(o: Record<string, unknown>) {
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
  for (const key of ['classNames', 'localization', 'questionnaire', 'when']) ofType(key, o[key], 'object');
  for (const key of ['onSuccess', 'onError']) ofType(key, o[key], 'function');
  ofType('title', o.title, 'string');
  checkProviders(o.socialProviders);
  checkLocale(o.locale);
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

function checkLocale(value: unknown) {
  if (value === undefined) return;
  if (typeof value === 'string') {
    if (!shippedLocale(value))
      fail(
        `"locale" must be one of ${LOCALE_TAGS.join(', ')} or a locale object; got ${JSON.stringify(value)}`,
      );
    return;
  }
  const locale = value as Partial<ProfileKitLocale> | null;
  if (typeof locale?.languageTag !== 'string' || typeof locale.messages !== 'object' || !locale.messages)
    fail('"locale" must be a language tag or an object with `languageTag` and `messages`');
}

/** Checks a widget's options; throws an {@link EmbedError} that names the wrong option. */
export function validateOptions(name: string, options: unknown): asserts options is EmbedOptions {
  if (!Object.hasOwn(WIDGETS, name)) {
    fail(`unknown widget ${JSON.stringify(name)}; use one of ${Object.keys(WIDGETS).join(', ')}`);
  }
  checkValues(checkKeys(options, [...SHARED, ...WIDGETS[name as WidgetName]], name));
  // Its condition's own checks run with its code (they need the questionnaire's kinds); its presence here.
  if (name === 'for' && (options as EmbedOptions).when === undefined)
    fail('<profilekit-for> needs a condition: the "when" attribute (JSON) or option');
}
