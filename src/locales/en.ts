import { accountMenuMessages } from '../react/localization/en/account-menu-messages';
import { accountMessages } from '../react/localization/en/account-messages';
import { accountSettingsMessages } from '../react/localization/en/account-settings-messages';
import { coreMessages } from '../react/localization/en/core-messages';
import { formMessages } from '../react/localization/en/form-messages';
import { hostMessages } from '../react/localization/en/host-messages';
import { recoveryFeedbackMessages } from '../react/localization/en/recovery-feedback-messages';
import { recoveryMessages } from '../react/localization/en/recovery-messages';
import { signInMessages } from '../react/localization/en/sign-in-messages';
import { verifyMessages } from '../react/localization/en/verify-messages';
import type { ProfileKitLocale } from '../react/types/locale';

/**
 * English, the components' own text, as one locale: pass it to set `lang="en"` and `dir="ltr"`, or start a
 * translation from it. The components show English without it.
 */
export const en: ProfileKitLocale = {
  languageTag: 'en',
  dir: 'ltr',
  messages: {
    ...coreMessages,
    ...signInMessages,
    ...formMessages,
    ...recoveryMessages,
    ...recoveryFeedbackMessages,
    ...accountMessages,
    ...accountMenuMessages,
    ...accountSettingsMessages,
    ...verifyMessages,
    ...hostMessages,
  },
};
