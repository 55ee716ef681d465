import { describe, expect, it } from 'vitest';
import { ar } from '../../src/locales/ar';
import { de } from '../../src/locales/de';
import { en } from '../../src/locales/en';
import { es } from '../../src/locales/es';
import { fr } from '../../src/locales/fr';
import { ja } from '../../src/locales/ja';
import { formatMessage } from '../../src/react/localization/translate';
import type { ProfileKitLocale } from '../../src/react/types/locale';

const locales = { de, fr, es, ja, ar } satisfies Record<string, ProfileKitLocale>;

/** The names a message fills: `{name}` and the `{count, plural, …}` argument, not the text inside branches. */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\s*(\w+)\s*[,}]/g)) names.add(match[1] as string);
  // Plural branch keywords (`one {`) are not placeholders: they are followed by a space and a brace.
  for (const match of text.matchAll(/(?:^|[\s}])(=?\w+)\s*\{/g)) names.delete(match[1] as string);
  return [...names].sort();
}

/** The branch keywords of every plural in a message. */
function pluralBranches(text: string): string[][] {
  return [...text.matchAll(/\{\s*\w+\s*,\s*plural\s*,((?:[^{}]|\{[^{}]*\})*)\}/g)].map((m) =>
    [...(m[1] as string).matchAll(/(=?\w+)\s*\{/g)].map((b) => b[1] as string),
  );
}

/** Texts a translation may keep as in English: names, punctuation, borrowed technical words. */
const sameAsEnglish: Record<string, string[]> = {
  de: [
    'field.optional',
    'signUp.languageLevel',
    'signUp.listSeparator',
    'account.name',
    'profile.name',
    'sessions.separator',
    'preference.software',
    'preference.hardware',
    'host.numberLabel',
    'host.cell',
  ],
  fr: [
    'signUp.languageLevel',
    'signUp.listSeparator',
    'level.expert',
    'sessions.separator',
    'host.numberLabel',
    'host.cell',
  ],
  es: [
    'signUp.languageLevel',
    'signUp.listSeparator',
    'preference.software',
    'preference.hardware',
    'sessions.separator',
    'host.no',
    'host.numberLabel',
    'host.cell',
  ],
  ja: [],
  ar: ['signUp.languageLevel', 'sessions.separator', 'host.numberLabel', 'host.cell'],
};

const values = {
  count: 3,
  seconds: 30,
  min: 12,
  max: 100,
  n: 2,
  current: 1,
  total: 4,
  label: 'GPU',
  unit: 'h',
  increment: 5,
};

describe('the placeholder reader this test relies on', () => {
  it('reads names and plural arguments, not branch keywords', () => {
    expect(placeholders('{count, plural, one {# at {email}} other {# at {email}}} by {name}')).toEqual([
      'count',
      'email',
      'name',
    ]);
  });
});

describe.each(Object.entries(locales))('the %s locale', (tag, locale) => {
  const english = en.messages as Record<string, string>;
  const own = locale.messages as Record<string, string>;

  it('names its language, and its direction', () => {
    expect(locale.languageTag).toBe(tag);
    expect(locale.dir).toBe(tag === 'ar' ? 'rtl' : 'ltr');
  });

  it('has every English key and no other', () => {
    expect(Object.keys(own).sort()).toEqual(Object.keys(english).sort());
  });

  it('keeps every placeholder of the English text, and adds none', () => {
    const changed = Object.keys(english).filter(
      (key) => placeholders(own[key] ?? '').join() !== placeholders(english[key] as string).join(),
    );
    expect(changed).toEqual([]);
  });

  it('uses only the plural categories its language has, and always "other"', () => {
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories as string[];
    for (const [key, text] of Object.entries(own)) {
      for (const branches of pluralBranches(text)) {
        expect(branches, key).toContain('other');
        for (const branch of branches) {
          if (!branch.startsWith('=')) expect(categories, `${key}: ${branch}`).toContain(branch);
        }
      }
    }
  });

  it('fills into text with no brace left, for every count', () => {
    for (const [key, text] of Object.entries(own)) {
      for (const count of [0, 1, 2, 3, 11, 100]) {
        const filled = formatMessage(
          text,
          {
            ...values,
            count,
            seconds: count,
            email: 'a@b.c',
            name: 'Ada',
            reason: 'R',
            step: 'S',
            file: 'f.json',
            provider: 'GitHub',
            value: 'V',
            field: 'F',
            language: 'Go',
            level: 'L',
            browser: 'Firefox',
            os: 'Linux',
            when: 'W',
            device: 'D',
          },
          { languageTag: tag },
        );
        expect(filled, key).not.toMatch(/[{}#]/);
      }
    }
  });

  it('translates every message (none left in English but names and punctuation)', () => {
    const english_ = Object.keys(english).filter((key) => own[key] === english[key]);
    expect(english_.filter((key) => !sameAsEnglish[tag]?.includes(key))).toEqual([]);
  });
});

describe('a broken locale', () => {
  const broken = {
    ...de.messages,
    'signUp.progress': 'Schritt {aktuell} von {total}: {step}',
  } as Record<string, string>;
  delete broken['signIn.title'];
  broken['signIn.extra'] = 'Extra';

  it('is caught: a missing key, an extra key and a renamed placeholder each show', () => {
    const english = en.messages as Record<string, string>;
    const missing = Object.keys(english).filter((key) => !(key in broken));
    const extra = Object.keys(broken).filter((key) => !(key in english));
    const renamed = Object.keys(english).filter(
      (key) =>
        key in broken &&
        placeholders(broken[key] as string).join() !== placeholders(english[key] as string).join(),
    );
    expect({ missing, extra, renamed }).toEqual({
      missing: ['signIn.title'],
      extra: ['signIn.extra'],
      renamed: ['signUp.progress'],
    });
  });
});
