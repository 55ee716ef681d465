import type { ErrorCode } from '../client/errors';
import type { formMessages } from './form-messages';

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
  | 'FAILED_TO_CREATE_USER';

/** The only text a gate needs before it knows who is signed in. */
export const coreMessages = { loading: 'Loading…' };

/**
 * Default English text of the sign-in form and of the errors signing in or up can meet. Tables are split
 * by what needs them, so a page that only gates content loads none of this.
 */
export const signInMessages = {
  'signIn.title': 'Sign in',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.noAccount': 'New here?',
  'signIn.toSignUp': 'Create an account',
  'issue.required': 'This is required.',
  'issue.invalid_email': 'Enter a valid email address.',
  'error.RATE_LIMITED': 'Too many attempts. Wait a moment and try again.',
  'error.NETWORK_ERROR': 'We could not reach the server. Check your connection and try again.',
  'error.TIMEOUT': 'The server took too long to answer. Try again.',
  'error.SERVER_ERROR': 'Something went wrong on our side. Try again in a moment.',
  'error.UNKNOWN_ERROR': 'Something went wrong. Try again.',
  'error.INVALID_EMAIL': 'Enter a valid email address.',
  'error.INVALID_EMAIL_OR_PASSWORD': 'The email or password is not right.',
  'error.EMAIL_NOT_VERIFIED': 'Verify your email address before signing in.',
} satisfies Record<string, string>;

/** Every string the components show. Override any of them with the `localization` prop. */
export type ProfileKitMessages = {
  [K in keyof typeof coreMessages | keyof typeof signInMessages | keyof typeof formMessages]: string;
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

/** The text for an error code, falling back to the generic message for codes without one. */
export function errorText(t: Translate, code: string): string {
  const key = `error.${code}` as MessageKey;
  const text = t(key);
  return text === key ? t('error.UNKNOWN_ERROR') : text;
}
