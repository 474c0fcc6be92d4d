import type { Round, Skater, SkaterStatus } from './events.ts';
import { isu2018, type RaceFormat } from './format.ts';

/**
 * What the journal establishes about a race. Everything the crowd sees (laps to go, points,
 * standings, qualification) is derived from this, never stored. Plain data, so views can
 * receive it as JSON.
 */
export interface RaceState {
  readonly configured: boolean;
  readonly title: string;
  readonly round: Round;
  /** How many of the ranking go to the final (semi-finals only). */
  readonly qualifiers: number;
  readonly format: RaceFormat;
  /** Start list, in start-list order. */
  readonly skaters: readonly Skater[];
  readonly started: boolean;
  /** Laps the leader of the race has completed. */
  readonly lapsCompleted: number;
  /** Intermediate sprint placings: index k holds sprint k+1, first over the line first. */
  readonly sprints: readonly (readonly number[])[];
  /** Finishers in crossing order (may be partial while the photo finish comes in). */
  readonly finishOrder: readonly number[];
  /** Status of each skater whose status is not OK. */
  readonly status: Readonly<Record<number, Exclude<SkaterStatus, 'OK'>>>;
  /** Laps completed by skaters who did not finish. */
  readonly lapsByBib: Readonly<Record<number, number>>;
  /** Finish times in milliseconds. */
  readonly times: Readonly<Record<number, number>>;
  /** Referee-advanced qualifiers ("q"), in the order they were advanced. */
  readonly advanced: readonly number[];
  readonly official: boolean;
  /**
   * When the race started: the host's ISO time of the entry that started it (`race/started`, or
   * in an old journal the first `lap/completed` before a start); null before the start or when
   * the entry has no time (a race sheet). The one answer every output prints (issue 19).
   */
  readonly startedAt: string | null;
  /** When the results in force were confirmed official (ISO); null unless official. */
  readonly confirmedAt: string | null;
}

/** The state before any event: an unconfigured ISU 2018 race with nobody on it. */
export const emptyRaceState: RaceState = {
  configured: false,
  title: 'Mass Start',
  round: 'final',
  qualifiers: 0,
  format: isu2018,
  skaters: [],
  started: false,
  lapsCompleted: 0,
  sprints: [],
  finishOrder: [],
  status: {},
  lapsByBib: {},
  times: {},
  advanced: [],
  official: false,
  startedAt: null,
  confirmedAt: null,
};

/** The status of a skater, OK when none was recorded. */
export function statusOf(state: RaceState, bib: number): SkaterStatus {
  return state.status[bib] ?? 'OK';
}

/** The skater with this helmet number, if on the start list. */
export function skaterByBib(state: RaceState, bib: number): Skater | undefined {
  return state.skaters.find((skater) => skater.bib === bib);
}

/** Still in the race: not DNF, DQ or DNS, nor a lapped skater that the format pulls. */
export function isRacing(state: RaceState, bib: number): boolean {
  const status = statusOf(state, bib);
  return status === 'OK' || (status === 'LAPPED' && state.format.lappedSkaters === 'rank');
}
