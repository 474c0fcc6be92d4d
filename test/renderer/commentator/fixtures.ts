// Fixtures for the commentator screen's panels: race views made by the real engine from
// commands, and a `gaps` value written by hand from the rules of src/shared/timing/groups.ts.
import type { JournalEntry, RaceCommand, Skater } from '../../../src/shared/race/events.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';
import { replayCommands } from '../../../src/shared/race/replay.ts';
import { raceView, type RaceView } from '../../../src/shared/race/view.ts';
import type { GapsView } from '../../../src/shared/timing/gaps-view.ts';

/** Sixteen skaters; 1-4 with their name parts (family name first for 3), 5-16 by name alone. */
export const field: Skater[] = [
  {
    bib: 1,
    name: 'Jorrit Bergsma',
    firstName: 'Jorrit',
    lastName: 'Bergsma',
    nameOrder: 'given-first',
    nation: 'NED',
  },
  {
    bib: 2,
    name: 'Bart Swings',
    firstName: 'Bart',
    lastName: 'Swings',
    nameOrder: 'given-first',
    nation: 'BEL',
  },
  {
    bib: 3,
    name: 'Chung Jae-won',
    firstName: 'Jae-won',
    lastName: 'Chung',
    nameOrder: 'family-first',
    nation: 'KOR',
  },
  {
    bib: 4,
    name: 'Viktor Hald Thorup',
    firstName: 'Viktor',
    lastName: 'Hald Thorup',
    nameOrder: 'given-first',
    nation: 'DEN',
  },
  ...[
    'Alpha',
    'Bravo',
    'Charlie',
    'Delta',
    'Echo',
    'Foxtrot',
    'Golf',
    'Hotel',
    'India',
    'Juliett',
    'Kilo',
    'Lima',
  ].map((word, index): Skater => ({ bib: index + 5, name: `Demo ${word}`, nation: 'NOR' })),
];

/** The race's opening: an ISU 2018 race of the 16 (a semi: 8 go to the final). */
export function opening(round: 'semi' | 'final' = 'semi'): RaceCommand[] {
  return [
    {
      type: 'race/configured',
      title: round === 'semi' ? 'Men · Semi-final 1' : 'Men · Final',
      round,
      qualifiers: round === 'semi' ? 8 : 0,
      format: isu2018,
    },
    { type: 'startList/set', skaters: field },
  ];
}

/** The race after the opening and `commands`, as the host's view of it. */
export function raceAfter(commands: RaceCommand[], round: 'semi' | 'final' = 'semi'): RaceView {
  const history = replayCommands([...opening(round), ...commands]);
  return raceView('men-semi-1', history.entries.length, history.state);
}

/** The journal of the race after the commands, stamped one second apart from 14:00:00. */
export function journalAfter(commands: RaceCommand[]): JournalEntry[] {
  return replayCommands([...opening(), ...commands]).entries.map((entry) => ({
    ...entry,
    at: `2026-02-21T14:${String(Math.floor(entry.seq / 60)).padStart(2, '0')}:${String(entry.seq % 60).padStart(2, '0')}.000Z`,
  }));
}

/** Started, and `count` laps completed one at a time. */
export function lapsRun(count: number): RaceCommand[] {
  return [
    { type: 'race/started' },
    ...Array.from({ length: count }, (): RaceCommand => ({ type: 'lap/completed' })),
  ];
}

/** Lap times of a skater: `count` laps of `ms` each, with `missed` (1-based) unknown. */
const laps = (count: number, ms: number, missed: number[] = []): (number | null)[] =>
  Array.from({ length: count }, (_, k) => (missed.includes(k + 1) ? null : ms + k * 10));

/** One skater's line in the gaps: his laps, read to read, the last one his last lap. */
function skaterGap(
  bib: number,
  count: number,
  lapMs: number,
  behindLeaderSeconds: number,
  group: number | null,
  lapsBehind = 0,
  missed: number[] = [],
): GapsView['skaters'][number] {
  const lapTimesMs = laps(count, lapMs, missed);
  return {
    bib,
    laps: count,
    lastLapMs: lapTimesMs.at(-1) ?? null,
    behindLeaderSeconds,
    lapsBehind,
    group,
    lapTimesMs,
  };
}

/**
 * Lap 6 of the race, told by the rules of groups.ts: 3, 12 and 5 away (3 first over the line,
 * the leader), 7 and 9 chasing 4.2 s down, the bunch of ten 12.9 s down, 16 lapped. The leader's
 * last lap 30.00 s: 4.2 s is 56 m at his speed, 12.9 s 172 m. The break gained 0.8 s on lap 6.
 * Skater 9's lap 4 was a missed read: unknown, never averaged.
 */
export const lapSix: GapsView = {
  raceId: 'men-semi-1',
  seq: 42,
  thresholdSeconds: 1,
  leaderLaps: 6,
  leaderLapMs: 30_000,
  groups: [
    { helmets: [3, 12, 5], behindLeaderSeconds: 0, behindLeaderMetres: 0, lap: 6 },
    { helmets: [7, 9], behindLeaderSeconds: 4.2, behindLeaderMetres: 56, lap: 6 },
    {
      helmets: [1, 2, 4, 6, 8, 10, 11, 13, 14, 15],
      behindLeaderSeconds: 12.9,
      behindLeaderMetres: 172,
      lap: 6,
    },
  ],
  breakaway: { helmets: [3, 12, 5], leadSeconds: 4.2, changeSeconds: 0.8, lap: 6 },
  skaters: [
    ...[3, 12, 5].map((bib, index) => skaterGap(bib, 6, 30_000 + index * 10, index * 0.3, 0)),
    skaterGap(7, 6, 30_500, 4.2, 1),
    skaterGap(9, 6, 30_500, 4.6, 1, 0, [4]),
    ...[1, 2, 4, 6, 8, 10, 11, 13, 14, 15].map((bib, index) =>
      skaterGap(bib, 6, 31_000, 12.9 + index * 0.2, 2),
    ),
    skaterGap(16, 5, 36_000, 31.5, null, 1),
  ],
  // Who led each lap: 12 led lap 1, 3 laps 2 to 6; the race's lap, first crossing to first.
  laps: Array.from({ length: 6 }, (_, k) => ({
    lap: k + 1,
    leader: k === 0 ? 12 : 3,
    lapMs: 30_000 + k * 10,
    groups: [],
    breakaway: null,
  })),
  historyFrom: 1,
};
