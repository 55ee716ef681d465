import type { ErrorCode } from '../../client/errors';
import type { AuthErrorCode, Localization, MessageKey, Translate } from '../types/message-keys';

type ErrorKeyWithoutText = Exclude<`error.${ErrorCode | AuthErrorCode}`, MessageKey>;
/** Fails to compile when an error code has no default text. */
export const everyErrorCodeHasText: [ErrorKeyWithoutText] extends [never] ? true : ErrorKeyWithoutText = true;

export function createTranslate(
  ...sources: (Localization | Record<string, string> | undefined)[]
): Translate {
  return (key, values) => {
    let text: string = key;
    for (const source of sources) {
      const found = (source as Record<string, string> | undefined)?.[key];
      if (found !== undefined) {
        text = found;
        break;
      }
    }
    return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(values[name] ?? m)) : text;
  };
}

/** The text for a key built at run time (`error.<code>`, `issue.<code>`), else the text for `fallback`. */
export function textOr(
  t: Translate,
  key: string,
  fallback: MessageKey,
  values?: Record<string, string | number>,
): string {
  const text = t(key as MessageKey, values);
  return text === key ? t(fallback) : text;
}

/** The text for an error code, falling back to the generic message for codes without one. */
export function errorText(t: Translate, code: string): string {
  return textOr(t, `error.${code}`, 'error.UNKNOWN_ERROR');
}
