import { describe, expect, it } from 'vitest';
import { parseProfileInput, parseProfilePatch, textProblem } from '../../src/client';

describe('the text rule shared by client, UI and server', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate', 'x\udfff'],
    ['a reversed pair', '\udc00\ud800'],
    ['a C0 control', '\u0007bell'],
    ['a tab', 'a\tb'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085b'],
    ['each bidi embedding and override', '\u202a\u202b\u202c\u202d\u202e'],
    ['a bidi isolate', 'a\u2069'],
  ])('refuses %s as invalid characters', (_what, value) => {
    expect(textProblem(value)).toBe('invalid_characters');
  });

  it.each([
    ['a zero-width space', '\u200b'],
    ['a word joiner and BOM', '\u2060\ufeff'],
    ['a Hangul filler', '\u3164'],
  ])('refuses %s alone as invisible', (_what, value) => {
    expect(textProblem(value)).toBe('invalid_characters');
  });

  it.each(['Python', 'C++', '日本語', 'עברית', '👩\u200d💻', 'Caf\u00e9', 'a\u200bb'])(
    'accepts %s',
    (value) => {
      expect(textProblem(value)).toBeUndefined();
    },
  );

  it('NFC-normalises names and reports refusals with the field path and invalid_characters', () => {
    const ok = parseProfilePatch({ frameworks: ['Cafe\u0301'], devices: [{ name: 'A\u030a' }] });
    expect(ok.success && ok.data).toMatchObject({ frameworks: ['Caf\u00e9'], devices: ['\u00c5'] });
    const bad = parseProfileInput({
      languages: [{ language: '\u202eevil', level: 'expert' }],
      frameworks: ['ok', '\u0000'],
      architectureFamiliarity: ['\u200b'],
    });
    expect(bad.success).toBe(false);
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path, i.code])).toEqual([
      ['languages.0.language', 'invalid_characters'],
      ['frameworks.1', 'invalid_characters'],
      ['architectureFamiliarity.0', 'invalid_characters'],
    ]);
  });
});
