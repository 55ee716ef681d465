import type { ErrorCode } from '../../client/errors';
import type { AuthErrorCode, Localization, MessageKey, Translate } from '../types/message-keys';

type ErrorKeyWithoutText = Exclude<`error.${ErrorCode | AuthErrorCode}`, MessageKey>;
/** Fails to compile when an error code has no default text. */
export const everyErrorCodeHasText: [ErrorKeyWithoutText] extends [never] ? true : ErrorKeyWithoutText = true;

/** Where the message's text comes from and how its values read. */
export interface TranslateOptions {
  /** BCP 47 tag for plural rules and numbers. Default `en`. */
  languageTag?: string;
  /**
   * Wraps each filled-in value in first-strong isolates (U+2068 … U+2069), so an email address or a
   * name in a right-to-left sentence keeps its own direction and does not reorder the words around it.
   */
  isolate?: boolean;
}

type Values = Record<string, string | number>;

// `{n, plural, one {…} other {…}}`, with up to one brace level inside a branch (`{email}`).
const PLURAL = /\{(\w+), *plural,((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}/g;
const BRANCH = /(=?\w+) *\{((?:[^{}]|\{[^{}]*\})*)\}/g;

/**
 * Fills a message: `{name}` takes a value; `{count, plural, one {# answer} other {# answers}}` picks the
 * branch by `Intl.PluralRules` (`=0`-style exact branches first), with `#` the number in the locale's digits.
 */
export function formatMessage(text: string, values: Values, options: TranslateOptions = {}): string {
  const tag = options.languageTag;
  const show = (value: string | number) => {
    const text = typeof value === 'number' ? new Intl.NumberFormat(tag).format(value) : value;
    return options.isolate ? `\u2068${text}\u2069` : text;
  };
  return text
    .replace(PLURAL, (whole, name: string, spec: string) => {
      const count = values[name];
      if (typeof count !== 'number') return whole;
      const branches: Record<string, string> = {};
      for (const [, key, branch] of spec.matchAll(BRANCH)) branches[key as string] = branch as string;
      const chosen = branches[`=${count}`] ?? branches[new Intl.PluralRules(tag).select(count)];
      return (chosen ?? branches.other ?? '').replace(/#/g, () => show(count));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : show(value);
    });
}

type Source = Localization | Record<string, string> | undefined;

/** Looks a key up in `sources`, first found wins, and fills its values. */
export function createTranslate(...sources: Source[]): Translate {
  return translateWith({}, sources);
}

/** `createTranslate` for a locale: its plural rules, its digits, isolated values for right-to-left. */
export function translateWith(options: TranslateOptions, sources: Source[]): Translate {
  return (key, values) => {
    let text: string = key;
    for (const source of sources) {
      const found = (source as Record<string, string> | undefined)?.[key];
      if (found !== undefined) {
        text = found;
        break;
      }
    }
    return values ? formatMessage(text, values, options) : text;
  };
}

/** The text for a key built at run time (`error.<code>`, `issue.<code>`), else the text for `fallback`. */
export function textOr(t: Translate, key: string, fallback: MessageKey, values?: Values): string {
  const text = t(key as MessageKey, values);
  return text === key ? t(fallback) : text;
}

/** The text for an error code, falling back to the generic message for codes without one. */
export function errorText(t: Translate, code: string): string {
  return textOr(t, `error.${code}`, 'error.UNKNOWN_ERROR');
}
