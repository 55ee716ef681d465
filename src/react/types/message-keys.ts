import type { accountMenuMessages } from '../localization/en/account-menu-messages';
import type { accountMessages } from '../localization/en/account-messages';
import type { accountSettingsMessages } from '../localization/en/account-settings-messages';
import type { coreMessages } from '../localization/en/core-messages';
import type { formMessages } from '../localization/en/form-messages';
import type { hostMessages } from '../localization/en/host-messages';
import type { recoveryFeedbackMessages } from '../localization/en/recovery-feedback-messages';
import type { recoveryMessages } from '../localization/en/recovery-messages';
import type { signInMessages } from '../localization/en/sign-in-messages';
import type { verifyMessages } from '../localization/en/verify-messages';

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

/** Every string the components show. Override any of them with the `localization` prop. */
export type ProfileKitMessages = {
  [K in
    | keyof typeof coreMessages
    | keyof typeof signInMessages
    | keyof typeof formMessages
    | keyof typeof recoveryMessages
    | keyof typeof recoveryFeedbackMessages
    | keyof typeof accountMessages
    | keyof typeof accountMenuMessages
    | keyof typeof accountSettingsMessages
    | keyof typeof verifyMessages
    | keyof typeof hostMessages]: string;
};

/** A partial set of messages; keys left out keep their default text. */
export type Localization = Partial<ProfileKitMessages>;

export type MessageKey = keyof ProfileKitMessages;

/**
 * Looks up a message and fills its placeholders: `{name}` takes a value, and
 * `{count, plural, one {# answer} other {# answers}}` picks the branch the language's plural rules choose.
 */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
