// The one seeded random source of the tests and benches (issue 10: it used to be written three
// times): a fixed seed replays the same run exactly, so a failure can be reproduced.

import { mulberry32 } from '../../src/shared/seeded-random.ts';

/** A seeded random source: call it for a float in [0, 1); the helpers draw from it. */
export interface SeededRandom {
  (): number;
  /** An integer in [0, below). */
  readonly int: (below: number) => number;
  /** True with probability p. */
  readonly chance: (p: number) => boolean;
  /** One of the items (not empty). */
  readonly pick: <T>(items: readonly T[]) => T;
  /** The items in a random order (Fisher-Yates; the input is left alone). */
  readonly shuffled: <T>(items: readonly T[]) => T[];
}

/** mulberry32 (src/shared/seeded-random.ts, the core's): the same seed gives the same sequence. */
export { mulberry32 };

/** A seeded random source with the usual helpers, from mulberry32(seed). */
export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  const int = (below: number): number => Math.floor(next() * below);
  return Object.assign(() => next(), {
    int,
    chance: (p: number): boolean => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    shuffled: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  });
}
