/**
 * A seeded pseudo-random source (mulberry32): the same seed draws the same values on every machine, so a
 * generated corpus (the background queries' benchmark and agreement test) is reproducible.
 */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** A number in [0, 1). */
    next,
    /** True with probability `p`. */
    chance: (p: number) => next() < p,
    /** One of the values, each as likely. */
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    /** Each value kept with probability `p`. */
    some: <T>(list: readonly T[], p = 0.4): T[] => list.filter(() => next() < p),
    /** One of the values, by weight. */
    weighted: <T>(pairs: readonly (readonly [T, number])[]): T => {
      const total = pairs.reduce((sum, [, w]) => sum + w, 0);
      let x = next() * total;
      for (const [value, w] of pairs) {
        x -= w;
        if (x < 0) return value;
      }
      return (pairs.at(-1) as readonly [T, number])[0];
    },
    /** Each value kept with its own probability. */
    each: <T>(pairs: readonly (readonly [T, number])[]): T[] =>
      pairs.filter(([, p]) => next() < p).map(([v]) => v),
  };
}

export type SeededRandom = ReturnType<typeof seededRandom>;
