// The one rule for free text that is stored and shown: shared by the schemas (client, UI, server) and the
// server's checks on better-auth's `name`, so all of them refuse the same values.

/** Why a text value cannot be stored: it holds a forbidden character, or nothing visible. */
export type TextProblem = 'invalid_characters';

// In unicode mode a surrogate in the class only matches one that is not part of a pair. So: NUL and the
// other C0 and C1 controls (Cc), bidirectional embeddings/overrides (U+202A–U+202E) and isolates
// (U+2066–U+2069), and lone surrogates (PostgreSQL refuses NUL and lone surrogates in JSONB and text).
const FORBIDDEN = /[\p{Cc}\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;

// White space, format characters that render as nothing (zero-width spaces and joiners, marks, word
// joiner, BOM, soft hyphen...), the combining grapheme joiner and the Hangul fillers.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each listed character is matched on its own
const INVISIBLE_ONLY = /^[\s\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0]*$/u;

/** The problem with a text value, or `undefined` when it is safe to store and to show. */
export function textProblem(value: string): TextProblem | undefined {
  return FORBIDDEN.test(value) || (value !== '' && INVISIBLE_ONLY.test(value))
    ? 'invalid_characters'
    : undefined;
}
