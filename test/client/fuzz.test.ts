import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProfileInput, parseProfilePatch, textProblem } from '../../src/client';
import { profileBody } from '../server/fuzz';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('given 10,000 generated profile bodies', () => {
  it('the schemas never throw, and whatever they accept is NFC text that is safe to store', () => {
    fc.assert(
      fc.property(profileBody, (body) => {
        for (const result of [parseProfileInput(body), parseProfilePatch(body)]) {
          if (!result.success) {
            expect(result.error.issues.length).toBeGreaterThan(0);
            continue;
          }
          for (const s of strings(result.data)) {
            expect(textProblem(s)).toBeUndefined();
            expect(s.normalize('NFC')).toBe(s);
            expect(s.length).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
