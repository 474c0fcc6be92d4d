/**
 * The exact searches behind the qualification outlook (src/shared/race/qualification-search.ts)
 * against a brute force over every handing-out of the values (each to one rival or, when
 * putting rivals above, to nobody) with a bipartite matching of rivals to places. Instances
 * bigger than the engine-level test reaches (up to 5 rivals), so the search's pruning
 * (dominance, bound, memo) meets many shapes. Seeded; FC_SEED / FC_RUNS explore others.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canKeepAllBelow,
  canPutAllAbove,
  placeGain,
  type Place,
  type Rival,
} from '../../../src/shared/race/qualification-search.ts';

const seed = Number(process.env.FC_SEED ?? 20_260_218);
const numRuns = Number(process.env.FC_RUNS ?? 1000);

/** Whether every rival gets a place of its own where `fits` holds (augmenting paths). */
function matched(rivals: number, places: number, fits: (r: number, p: number) => boolean): boolean {
  const holder = new Array<number>(places).fill(-1);
  const assign = (r: number, seen: boolean[]): boolean => {
    for (let p = 0; p < places; p++) {
      if (seen[p] || !fits(r, p)) continue;
      seen[p] = true;
      if (holder[p] === -1 || assign(holder[p]!, seen)) {
        holder[p] = r;
        return true;
      }
    }
    return false;
  };
  for (let r = 0; r < rivals; r++)
    if (!assign(r, new Array<boolean>(places).fill(false))) return false;
  return true;
}

/** Every way to hand out the values: value i to rival owner[i] (-1: nobody, when allowed). */
function* handOuts(values: number, rivals: number, nobody: boolean): Generator<number[]> {
  const owner = new Array<number>(values).fill(nobody ? -1 : 0);
  const first = nobody ? -1 : 0;
  for (;;) {
    yield owner;
    let i = 0;
    while (i < values && owner[i] === rivals - 1) owner[i++] = first;
    if (i === values) return;
    owner[i]! += 1;
  }
}

function bruteForce(
  mode: 'above' | 'below',
  rivals: readonly Rival[],
  places: readonly Place[],
  values: readonly number[],
  perRival: number,
): boolean {
  for (const owner of handOuts(values.length, rivals.length, mode === 'above')) {
    const sums = rivals.map(() => 0);
    const counts = rivals.map(() => 0);
    owner.forEach((r, i) => {
      if (r < 0) return;
      sums[r]! += values[i]!;
      counts[r]! += 1;
    });
    if (counts.some((c) => c > perRival)) continue;
    const fits = (r: number, p: number): boolean => {
      const total = placeGain(rivals[r]!, places[p]!) + sums[r]!;
      return mode === 'above' ? total >= rivals[r]!.short : total < rivals[r]!.short;
    };
    if (matched(rivals.length, places.length, fits)) return true;
  }
  return false;
}

// Small numbers, so that places, values and what the rivals lack are often close. The three tie
// rules: same lap status (by side), a lapped rival against a skater on the lead lap (loses), and
// the other way round (wins).
function rivalArb(least: number, most: number): fc.Arbitrary<Rival> {
  return fc
    .tuple(
      fc.integer({ min: least, max: most }),
      fc.constantFrom([0, 1] as const, [1, 0] as const, [0, 0] as const),
    )
    .map(([short, [lose, bySide]]) => ({ short, lose, bySide }));
}
function placeArb(most: number): fc.Arbitrary<Place> {
  return fc.record({
    points: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: most })),
    after: fc.constantFrom(0, 1),
  });
}
const valuesArb = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 9 })), {
  maxLength: 6,
});

const rival = (short: number, lose = 0, bySide = 0): Rival => ({ short, lose, bySide });
const before = (points: number): Place => ({ points, after: 0 });
const behind = (points: number): Place => ({ points, after: 1 });

// Hand-worked cases: where a greedy pairing or a wrong dominance rule goes astray.
const cases: {
  why: string;
  mode: 'above' | 'below';
  rivals: Rival[];
  places: Place[];
  values: number[];
  perRival: number;
  expected: boolean;
}[] = [
  {
    why: 'best place to the rival furthest behind fails: A (short 10) takes the 0 and the 10, B the 6',
    mode: 'above',
    rivals: [rival(10), rival(5)],
    places: [before(6), before(0)],
    values: [10],
    perRival: 1,
    expected: true,
  },
  {
    why: 'best place to the rival nearest fails: A takes the 6 and the 4, B the 0 and the 5',
    mode: 'above',
    rivals: [rival(10), rival(5)],
    places: [before(6), before(0)],
    values: [5, 4],
    perRival: 1,
    expected: true,
  },
  {
    why: 'no pairing works: A in the 6-place takes the 9 and leaves B nothing; in the 0-place the 9 is 1 short',
    mode: 'above',
    rivals: [rival(10), rival(5)],
    places: [before(6), before(0)],
    values: [9],
    perRival: 1,
    expected: false,
  },
  {
    why: 'A could make do with the 9-place and the 1, but B (losing a tie behind the skater) needs that place',
    mode: 'above',
    rivals: [rival(10), rival(9, 0, 1)],
    places: [before(9), behind(0)],
    values: [9, 1],
    perRival: 2,
    expected: true,
  },
  {
    why: 'keeping below: the rival short 8 takes the 3-place and the 4 (the 1 as well only in the 0-place, which the rival short 10 needs, with 8 + 1)',
    mode: 'below',
    rivals: [rival(0, 0, 1), rival(10, 0, 1), rival(8, 0, 1)],
    places: [before(0), behind(0), before(3)],
    values: [1, 4, 8],
    perRival: 2,
    expected: true,
  },
  {
    why: 'every value must go out: four values, two rivals taking one each',
    mode: 'below',
    rivals: [rival(20), rival(20)],
    places: [before(0), before(0)],
    values: [1, 1, 1, 1],
    perRival: 1,
    expected: false,
  },
];

describe('the searches of the qualification outlook, against every handing-out', () => {
  it.each(cases)('$why', ({ mode, rivals, places, values, perRival, expected }) => {
    const search = mode === 'above' ? canPutAllAbove : canKeepAllBelow;
    expect(search(rivals, places, values, perRival)).toBe(expected);
    // The brute force agrees with the hand: the case says what it claims.
    expect(bruteForce(mode, rivals, places, values, perRival)).toBe(expected);
  });

  it('canPutAllAbove: every rival above, with a place each and values to spare', () => {
    const answers = { true: 0, false: 0 };
    fc.assert(
      fc.property(
        fc.array(rivalArb(-2, 12), { minLength: 1, maxLength: 5 }),
        fc.array(placeArb(9), { minLength: 1, maxLength: 7 }),
        valuesArb,
        fc.integer({ min: 0, max: 3 }),
        (rivals, places, values, perRival) => {
          const fast = canPutAllAbove(rivals, places, values, perRival);
          expect(fast).toBe(bruteForce('above', rivals, places, values, perRival));
          answers[`${fast}`] += 1;
        },
      ),
      { seed, numRuns },
    );
    // Both answers are common: the comparison is not one-sided.
    expect(Math.min(answers.true, answers.false)).toBeGreaterThan(numRuns / 5);
  });

  it('canKeepAllBelow: every rival below, every place and value handed out', () => {
    const answers = { true: 0, false: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(rivalArb(0, 16), placeArb(6)), { minLength: 1, maxLength: 5 }),
        valuesArb,
        fc.integer({ min: 0, max: 3 }),
        (pairs, values, perRival) => {
          const rivals = pairs.map(([rival]) => rival);
          const places = pairs.map(([, place]) => place);
          const fast = canKeepAllBelow(rivals, places, values, perRival);
          expect(fast).toBe(bruteForce('below', rivals, places, values, perRival));
          answers[`${fast}`] += 1;
        },
      ),
      { seed, numRuns },
    );
    expect(Math.min(answers.true, answers.false)).toBeGreaterThan(numRuns / 5);
  });
});
