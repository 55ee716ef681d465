import type { ErrorCode } from '../client/errors';
import type { accountMessages } from './account-messages';
import type { formMessages } from './form-messages';
import type { recoveryMessages } from './recovery-messages';
import type { signInMessages } from './sign-in-messages';
import type { verifyMessages } from './verify-messages';

/** better-auth error codes the components turn into text of their own. */
export type AuthErrorCode =
  | 'USER_ALREADY_EXISTS'
  | 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'
  | 'INVALID_EMAIL'
  | 'INVALID_PASSWORD'
  | 'INVALID_EMAIL_OR_PASSWORD'
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'EMAIL_NOT_VERIFIED'
  | 'FAILED_TO_CREATE_USER'
  | 'INVALID_TOKEN'
  | 'TOKEN_EXPIRED'
  | 'RESET_PASSWORD_DISABLED'
  | 'RESET_TOKEN_MISSING'
  | 'SESSION_EXPIRED'
  | 'CREDENTIAL_ACCOUNT_NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'INVALID_NAME'
  | 'NAME_TOO_LONG'
  | 'VERIFICATION_EMAIL_NOT_ENABLED';

/** The only text a gate needs before it knows who is signed in. */
export const coreMessages = { loading: 'Loading…' };

/** Every string the components show. Override any of them with the `localization` prop. */
export type ProfileKitMessages = {
  [K in
    | keyof typeof coreMessages
    | keyof typeof signInMessages
    | keyof typeof formMessages
    | keyof typeof recoveryMessages
    | keyof typeof accountMessages
    | keyof typeof verifyMessages]: string;
};

/** A partial set of messages; keys left out keep their default text. */
export type Localization = Partial<ProfileKitMessages>;

export type MessageKey = keyof ProfileKitMessages;

type ErrorKeyWithoutText = Exclude<`error.${ErrorCode | AuthErrorCode}`, MessageKey>;
/** Fails to compile when an error code has no default text. */
export const everyErrorCodeHasText: [ErrorKeyWithoutText] extends [never] ? true : ErrorKeyWithoutText = true;

/** Looks up a message and fills `{name}` placeholders. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

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
