import type { ProfileKitMessages } from './message-keys';

/**
 * A language the components speak: every message, the language's BCP 47 tag and its writing direction.
 * The shipped ones are `profilekit/locales/<tag>`; pass one to `ProfileKitProvider`'s `locale`.
 *
 * @example
 * import { de } from 'profilekit/locales/de';
 * <ProfileKitProvider authClient={authClient} locale={de}>…</ProfileKitProvider>
 */
export interface ProfileKitLocale {
  /** BCP 47 tag, set as the components' `lang` and used for plural rules and numbers (`de`, `ar`). */
  languageTag: string;
  /** Writing direction, set as the components' `dir`. Default `ltr`. */
  dir?: 'ltr' | 'rtl';
  /** Every message; a locale that misses one does not compile. */
  messages: ProfileKitMessages;
}
