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

/**
 * Fills a message: `{name}` takes a value; `{count, plural, one {# answer} other {# answers}}` picks the
 * branch by `Intl.PluralRules` (`=0`-style exact branches first), with `#` the number in the locale's digits.
 */
export function formatMessage(text: string, values: Values, options: TranslateOptions = {}): string {
  const tag = options.languageTag ?? 'en';
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    out += text.slice(i, open);
    const close = matching(text, open);
    const body = text.slice(open + 1, close);
    const comma = body.indexOf(',');
    const name = (comma < 0 ? body : body.slice(0, comma)).trim();
    const value = values[name];
    if (value === undefined) out += text.slice(open, close + 1);
    else if (comma < 0) out += show(typeof value === 'number' ? number(tag, value) : value, options);
    else out += plural(body.slice(comma + 1), Number(value), values, options);
    i = close + 1;
  }
  return out + text.slice(i);
}

function matching(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  return text.length - 1;
}

function number(tag: string, value: number): string {
  return new Intl.NumberFormat(tag).format(value);
}

function show(value: string, options: TranslateOptions): string {
  return options.isolate ? `\u2068${value}\u2069` : value;
}

function plural(spec: string, count: number, values: Values, options: TranslateOptions): string {
  const tag = options.languageTag ?? 'en';
  // `plural, one {…} other {…}`: the branches after the keyword.
  const rest = spec.slice(spec.indexOf(',') + 1);
  const branches = new Map<string, string>();
  const pattern = /\s*(=?\w+)\s*\{/g;
  let found = pattern.exec(rest);
  while (found) {
    const start = found.index + found[0].length - 1;
    const end = matching(rest, start);
    branches.set(found[1] as string, rest.slice(start + 1, end));
    pattern.lastIndex = end + 1;
    found = pattern.exec(rest);
  }
  const branch =
    branches.get(`=${count}`) ??
    branches.get(new Intl.PluralRules(tag).select(count)) ??
    branches.get('other') ??
    '';
  return formatMessage(branch.replace(/#/g, show(number(tag, count), options)), values, options);
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
