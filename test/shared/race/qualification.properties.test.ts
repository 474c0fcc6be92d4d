/**
 * The qualification outlook (src/shared/race/qualification.ts) against its definition: a brute
 * force that completes a running semi-final in every possible way (every placing of every
 * remaining intermediate sprint, every crossing order of the skaters still racing), ranks each
 * completion with the engine's computeStandings, and reads the Q it gives. Small random fields
 * (3-6 skaters), random formats (tables in any order, with or without a podium), statuses,
 * sprint history and qualifiers. Seeded; FC_SEED / FC_RUNS explore others.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SkaterStatus } from '../../../src/shared/race/events.ts';
import { raceFormatSchema } from '../../../src/shared/race/format.ts';
import {
  qualificationOutlook,
  type QualificationOutlook,
} from '../../../src/shared/race/qualification.ts';
import { computeStandings } from '../../../src/shared/race/standings.ts';
import { emptyRaceState, isRacing, type RaceState } from '../../../src/shared/race/state.ts';
import { skaters } from '../../support/race.ts';

const seed = Number(process.env.FC_SEED ?? 20_260_218);
const numRuns = Number(process.env.FC_RUNS ?? 250);
/** Completions per case at most (each is one computeStandings). */
const BUDGET = 20_000;

/** Every ordered choice of `length` distinct items. */
function arrangements<T>(items: readonly T[], length: number): T[][] {
  if (length === 0) return [[]];
  return items.flatMap((item, i) =>
    arrangements([...items.slice(0, i), ...items.slice(i + 1)], length - 1).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

/** Every combination of one choice per list. */
function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>(
    (acc, list) => acc.flatMap((done) => list.map((x) => [...done, x])),
    [[]],
  );
}

interface Plan {
  readonly racing: number[];
  readonly open: number[];
  readonly full: number;
  readonly without: number;
  readonly lists: number[][];
  readonly size: number;
}

/** What the brute force enumerates: placings of each remaining sprint and crossing orders. */
function plan(state: RaceState): Plan {
  const racing = state.skaters.filter((s) => isRacing(state, s.bib)).map((s) => s.bib);
  const n = racing.length;
  const places = state.format.intermediatePoints.length;
  const open = state.format.sprintLaps.map((_, k) => k).filter((k) => !state.sprints[k]?.length);
  // A sprint places its first min(table, racing) skaters; when the skater under study sits it
  // out ("scores no further intermediate points") the others fill min(table, racing - 1).
  const full = Math.min(places, n);
  const without = Math.min(places, Math.max(0, n - 1));
  const lists = [
    ...arrangements(racing, full),
    ...(without < full ? arrangements(racing, without) : []),
  ];
  let size = lists.length ** open.length;
  for (let i = 2; i <= n; i++) size *= i;
  return { racing, open, full, without, lists, size };
}

/** The outlook by definition: every completion through the engine. */
function bruteOutlook(state: RaceState): Map<number, QualificationOutlook> {
  const { racing, open, full, without, lists } = plan(state);
  const n = racing.length;
  const safe = new Map(racing.map((bib) => [bib, Array.from({ length: n + 1 }, () => true)]));
  const reachable = new Set<number>();
  const stoppedThrough = new Set<number>();
  const count = state.format.sprintLaps.length;
  for (const chosen of product(open.map(() => lists))) {
    const sprints = Array.from({ length: count }, (_, k) => state.sprints[k] ?? []);
    chosen.forEach((list, i) => (sprints[open[i]!] = list));
    const allFull = chosen.every((list) => list.length === full);
    for (const finishOrder of arrangements(racing, n)) {
      const rows = computeStandings({ ...state, started: true, sprints, finishOrder }).rows;
      const through = new Set(rows.filter((row) => row.qualified === 'Q').map((row) => row.bib));
      finishOrder.forEach((bib, i) => {
        const sitsOut = chosen.every((list) => list.length === without && !list.includes(bib));
        if (sitsOut && !through.has(bib)) safe.get(bib)![i + 1] = false;
        if (allFull && through.has(bib)) reachable.add(bib);
      });
      for (const bib of through) if (!racing.includes(bib)) stoppedThrough.add(bib);
    }
  }
  const outlook = new Map<number, QualificationOutlook>();
  for (const { bib } of state.skaters) {
    const places = safe.get(bib);
    if (!places) {
      const through = stoppedThrough.has(bib);
      outlook.set(bib, { qualification: through ? 'Q' : 'out', safeFinish: null });
      continue;
    }
    let prefix = 0;
    while (prefix < n && places[prefix + 1]) prefix += 1;
    if (prefix === n) outlook.set(bib, { qualification: 'Q', safeFinish: null });
    else {
      outlook.set(bib, {
        qualification: reachable.has(bib) ? 'open' : 'out',
        safeFinish: prefix > 0 ? prefix : null,
      });
    }
  }
  return outlook;
}

/** Mostly racing; every status appears. */
const statusArb: fc.Arbitrary<SkaterStatus> = fc.oneof(
  { arbitrary: fc.constant('OK' as const), weight: 12 },
  { arbitrary: fc.constantFrom<SkaterStatus>('DNF', 'LAPPED', 'DQ', 'DNS'), weight: 4 },
);

/** A table in any order (the engine does not require best-first), sometimes best-first. */
function tableArb(min: number, max: number, top: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: top }), { minLength: min, maxLength: max }),
      fc.boolean(),
    )
    .map(([table, sorted]) => (sorted ? [...table].sort((a, b) => b - a) : table));
}

/**
 * A running semi-final of 3-6 skaters, built as the fold would leave it. A points race (no
 * podium, small final table, sprints mostly placed, few qualifiers) is where a skater still
 * racing can be out.
 */
function semiArb(shape: 'any' | 'pointsRace'): fc.Arbitrary<RaceState> {
  const pointsRace = shape === 'pointsRace';
  return fc
    .record({
      count: fc.integer({ min: 3, max: 6 }),
      sprints: pointsRace ? fc.constant(3) : fc.integer({ min: 1, max: 3 }),
      intermediatePoints: tableArb(pointsRace ? 1 : 0, 3, 10),
      finalPoints: pointsRace
        ? tableArb(1, 3, 4)
        : fc.oneof(
            fc.constant([60, 40, 20, 10, 6, 3]),
            fc.constant([60, 40, 20]),
            tableArb(1, 5, 12),
            tableArb(1, 3, 4),
          ),
      podiumByFinishOrder: pointsRace ? fc.constant(0) : fc.integer({ min: 0, max: 4 }),
      nonFinishersKeepPoints: fc.boolean(),
      disqualifiedLosePoints: fc.boolean(),
      lappedSkaters: fc.constantFrom('rank' as const, 'pull' as const),
      statuses: fc.array(statusArb, { minLength: 6, maxLength: 6 }),
      laps: fc.array(fc.option(fc.integer({ min: 0, max: 8 })), { minLength: 6, maxLength: 6 }),
      placed: fc.array(pointsRace ? fc.constantFrom(true, true, false) : fc.boolean(), {
        minLength: 3,
        maxLength: 3,
      }),
      placings: fc.array(fc.array(fc.nat(5), { maxLength: 3 }), { minLength: 3, maxLength: 3 }),
      // Small K often: where the line is tight.
      qualifiers: pointsRace ? fc.nat(1) : fc.oneof(fc.nat(2), fc.nat(5)),
      order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    })
    .map((r) => {
      const format = raceFormatSchema.parse({
        name: 'property',
        laps: r.sprints + 2,
        sprintLaps: Array.from({ length: r.sprints }, (_, k) => k + 1),
        intermediatePoints: r.intermediatePoints,
        finalPoints: r.finalPoints,
        podiumByFinishOrder: r.podiumByFinishOrder,
        nonFinishersKeepPoints: r.nonFinishersKeepPoints,
        disqualifiedLosePoints: r.disqualifiedLosePoints,
        lappedSkaters: r.lappedSkaters,
      });
      // Start-list order shuffled: the outlook must not depend on it.
      const list = skaters(r.count)
        .map((skater, i) => ({ skater, key: r.order[i]! }))
        .sort((a, b) => a.key - b.key)
        .map(({ skater }) => skater);
      const status: Record<number, Exclude<SkaterStatus, 'OK'>> = {};
      const lapsByBib: Record<number, number> = {};
      list.forEach(({ bib }, i) => {
        const s = r.statuses[i]!;
        if (s !== 'OK') status[bib] = s;
        const laps = r.laps[i];
        if ((s === 'DNF' || s === 'LAPPED') && laps !== null && laps !== undefined) {
          lapsByBib[bib] = laps;
        }
      });
      // Placed sprints: distinct skaters who started, at most the table's places.
      const starters = list.map((s) => s.bib).filter((bib) => status[bib] !== 'DNS');
      const sprints = Array.from({ length: r.sprints }, (_, k) => {
        if (!r.placed[k] || starters.length === 0) return [];
        const bibs = [...new Set(r.placings[k]!.map((i) => starters[i % starters.length]!))];
        return bibs.slice(0, format.intermediatePoints.length);
      });
      return {
        ...emptyRaceState,
        configured: true,
        round: 'semi' as const,
        qualifiers: 1 + (r.qualifiers % r.count),
        format,
        skaters: list,
        started: true,
        lapsCompleted: 1,
        sprints,
        status,
        lapsByBib,
      } satisfies RaceState;
    });
}

/** Compares the outlook with the brute force on `runs` cases; returns what the cases held. */
function compare(arbitrary: fc.Arbitrary<RaceState>, runs: number): Map<string, number> {
  const seen = new Map<string, number>();
  fc.assert(
    fc.property(arbitrary, (state) => {
      fc.pre(plan(state).size <= BUDGET);
      const expected = bruteOutlook(state);
      expect(Object.fromEntries(qualificationOutlook(state))).toEqual(Object.fromEntries(expected));
      for (const [bib, { qualification }] of expected) {
        const key = `${isRacing(state, bib) ? 'racing' : 'stopped'} ${qualification}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }),
    { seed, numRuns: runs },
  );
  return seen;
}

describe('qualification outlook against every completion of the race', () => {
  it('agrees with the brute force on small fields, any format', () => {
    const seen = compare(semiArb('any'), numRuns);
    // Every kind of answer was compared.
    for (const kind of ['racing Q', 'racing open', 'stopped Q', 'stopped out']) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(numRuns / 25);
    }
  });

  it('agrees with the brute force in points races, where a skater still racing can be out', () => {
    const seen = compare(semiArb('pointsRace'), Math.ceil(numRuns / 2));
    expect(seen.get('racing out') ?? 0).toBeGreaterThan(numRuns / 20);
  });
});
