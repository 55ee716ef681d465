import { type EmbedOptions, fail, shippedLocale } from './options';

/** Each attribute an element reads, the option it sets and how its text is read. */
export const ATTRIBUTES: Record<
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
  'data-locale': { option: 'locale', type: 'string' },
  when: { option: 'when', type: 'json' },
};

/** `"github, google"` → `['github', 'google']`. */
export const list = (value: string) =>
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
  // The element's own `lang` picks a shipped locale; `data-locale` wins, and a language without one keeps
  // English (lang is about the content, not a request for a translation that does not exist).
  const lang = shippedLocale(element.getAttribute('lang') ?? '');
  if (options.locale === undefined && lang && allowed.includes('locale')) options.locale = lang;
  return options as EmbedOptions;
}
