import { useMemo } from 'react';
import { coreMessages } from '../localization/en/core-messages';
import { translateWith } from '../localization/translate';
import type { AppearanceProps, ClassNameSlot, HeadingLevel } from '../types/appearance-props';
import type { Translate } from '../types/message-keys';
import { useProfileKit } from './provider';

/** Builds the class list of a part: `pk-<slot>` unless unstyled, plus the host's class. */
export function useAppearance(
  consumer: string,
  own: AppearanceProps,
  messages: Record<string, string>[] = [],
) {
  const context = useProfileKit(consumer);
  const unstyled = own.unstyled ?? context.unstyled;
  const theme = own.theme ?? context.theme ?? 'auto';
  const ownClasses = own.classNames;
  const sharedClasses = context.classNames;
  const locale = context.locale;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the default message tables are module constants
  const t: Translate = useMemo(
    () =>
      translateWith({ languageTag: locale?.languageTag, isolate: locale?.dir === 'rtl' }, [
        own.localization,
        context.localization,
        locale?.messages,
        ...messages,
        coreMessages,
      ]),
    [own.localization, context.localization, locale],
  );
  const cx = (slot: ClassNameSlot, ...extra: (string | false | undefined)[]) =>
    [unstyled ? '' : `pk-${slot}`, sharedClasses?.[slot], ownClasses?.[slot], ...extra]
      .filter(Boolean)
      .join(' ') || undefined;
  // Set only when a locale is given: otherwise the page's own `lang` and `dir` apply.
  const lang = { lang: locale?.languageTag, dir: locale ? (locale.dir ?? 'ltr') : undefined };
  const rootProps = {
    ...lang,
    className: cx('root'),
    'data-pk-theme': theme === 'auto' ? undefined : theme,
    'data-pk-appearance': (own.appearance ?? context.appearance) === 'card' ? 'card' : undefined,
  };
  const level = clampLevel(own.headingLevel ?? context.headingLevel ?? 2);
  return { context, t, cx, rootProps, level, lang };
}

function clampLevel(level: number): HeadingLevel {
  return Math.min(6, Math.max(1, Math.trunc(level) || 2)) as HeadingLevel;
}

/** The tag of a heading `offset` levels below `level`, never past `h6`. */
export function headingTag(level: HeadingLevel, offset = 0): `h${HeadingLevel}` {
  return `h${clampLevel(level + offset)}`;
}
