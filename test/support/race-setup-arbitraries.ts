/**
 * fast-check arbitraries for setting up races in the race engine property tests
 * (test/shared/race/properties.test.ts): the race/configured event (isu-2018, isu-2014 or a
 * random valid custom format) and a start list of 2..24 skaters with unique bibs.
 */
import fc from 'fast-check';
import type { RaceEventOf, Skater } from '../../src/shared/race/events.ts';
import {
  isu2014,
  isu2018,
  raceFormatSchema,
  type RaceFormat,
} from '../../src/shared/race/format.ts';

/** A points table, best place first (the engine does not require it to be decreasing). */
function tableArb(minLength: number, maxLength: number, max: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.integer({ min: 0, max }), { minLength, maxLength })
    .map((table) => [...table].sort((a, b) => b - a));
}

/** A random valid custom format (junior, marathon, points-race shapes), parsed by the schema. */
export const customFormatArb: fc.Arbitrary<RaceFormat> = fc
  .integer({ min: 1, max: 30 })
  .chain((laps) =>
    fc.record({
      name: fc.constantFrom('custom', 'junior', 'marathon', 'points race'),
      laps: fc.constant(laps),
      sprintLaps:
        laps > 1
          ? fc
              .uniqueArray(fc.integer({ min: 1, max: laps - 1 }), {
                maxLength: Math.min(6, laps - 1),
              })
              .map((sprintLaps) => [...sprintLaps].sort((a, b) => a - b))
          : fc.constant([]),
      intermediatePoints: tableArb(0, 6, 10),
      finalPoints: tableArb(1, 8, 100),
      podiumByFinishOrder: fc.integer({ min: 0, max: 5 }),
      nonFinishersKeepPoints: fc.boolean(),
      disqualifiedLosePoints: fc.boolean(),
      lappedSkaters: fc.constantFrom('rank' as const, 'pull' as const),
    }),
  )
  .map((input) => raceFormatSchema.parse(input));

/** Mostly the ISU presets, sometimes a custom format. */
export const formatArb: fc.Arbitrary<RaceFormat> = fc.oneof(
  { arbitrary: fc.constant(isu2018), weight: 4 },
  { arbitrary: fc.constant(isu2014), weight: 2 },
  { arbitrary: customFormatArb, weight: 3 },
);

const titles = [
  'Men · Mass Start · Final',
  'Women · Mass Start · Semi-final 1',
  'Mass Start',
  'Junior World Cup Mass Start',
];

/** The race/configured event that opens a race. */
export const configuredArb: fc.Arbitrary<RaceEventOf<'race/configured'>> = fc
  .record({
    title: fc.oneof(fc.constantFrom(...titles), fc.stringMatching(/^[A-Z][a-z0-9]{0,12}$/)),
    round: fc.constantFrom('semi' as const, 'final' as const),
    qualifiers: fc.integer({ min: 1, max: 12 }),
    format: formatArb,
  })
  .map(({ title, round, qualifiers, format }) => ({
    type: 'race/configured' as const,
    title,
    round,
    qualifiers: round === 'semi' ? qualifiers : 0,
    format,
  }));

/** Nations on the start lists (and in skater edits); '' is a skater without one. */
export const nations = [
  'NED',
  'USA',
  'ITA',
  'KOR',
  'CAN',
  'BEL',
  'NOR',
  'DEN',
  'CHN',
  'JPN',
  'FRA',
  '',
];
const names = ['Bergsma', 'Thorup', 'Giovannini', 'Stolz', 'Chung', 'Gélinas-Beaulieu', 'Kim'];

/** A skater as the schema would parse it (trimmed name, upper-case nation). */
export function skaterFor(bib: number, seed: number): Skater {
  return {
    bib,
    name: `${names[seed % names.length]} ${bib}`,
    nation: nations[seed % nations.length]!,
  };
}

/** Bibs on helmets: mostly small numbers, sometimes anything in 1..999. */
export const bibArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 40 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 999 }), weight: 1 },
);

/** A start list of `min`..`max` skaters with unique bibs. */
export function startListArb(min = 2, max = 24): fc.Arbitrary<Skater[]> {
  return fc
    .uniqueArray(fc.tuple(bibArb, fc.nat(1000)), {
      minLength: min,
      maxLength: max,
      selector: ([bib]) => bib,
    })
    .map((list) => list.map(([bib, seed]) => skaterFor(bib, seed)));
}
