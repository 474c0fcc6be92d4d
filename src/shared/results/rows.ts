import type { SkaterStatus } from '../race/events.ts';
import type { RaceState } from '../race/state.ts';
import { computeStandings, type Standings } from '../race/standings.ts';
import { formatRaceTime } from '../text.ts';

/**
 * One row of a race's results, as every output of them prints it: the results sheet (PDF),
 * the CSV and JSON exports and the live data feeds for broadcast graphics (issue 11). Flat and
 * plain: numbers, strings and nulls only.
 */
export interface ResultRow {
  /** Null for DQ and DNS, and while live for skaters without points. */
  readonly rank: number | null;
  readonly bib: number;
  readonly name: string;
  /** From the start list when it had them; otherwise split from `name` (last word = last name). */
  readonly firstName: string;
  readonly lastName: string;
  readonly nation: string;
  /** Points of each intermediate sprint (0 when not placed). */
  readonly sprints: readonly number[];
  readonly final: number;
  readonly total: number;
  /** Finish time in ms, and as printed ("7:42.49"); null without one. */
  readonly timeMs: number | null;
  readonly time: string | null;
  readonly status: SkaterStatus;
  /** Laps completed by a skater who stopped or was lapped. */
  readonly laps: number | null;
  /** Q by ranking, q by the referee, in a finished semi-final. */
  readonly qualified: 'Q' | 'q' | null;
}

/** The results of a race: its rows in ranking order and the qualification line of a semi. */
export interface RaceResults {
  readonly phase: Standings['phase'];
  readonly rows: readonly ResultRow[];
  readonly qualificationLine: number | null;
}

/** A start-list name split into first and last name, unless the start list gave them. */
function names(skater: RaceState['skaters'][number] | undefined, name: string) {
  if (skater?.firstName || skater?.lastName)
    return { firstName: skater.firstName ?? '', lastName: skater.lastName ?? '' };
  const words = name.trim().split(/\s+/);
  return words.length < 2
    ? { firstName: '', lastName: name.trim() }
    : { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1)! };
}

/** A race's results rows (rules document, "Ranking"), from its state. */
export function raceResults(state: RaceState): RaceResults {
  const standings = computeStandings(state);
  const byBib = new Map(state.skaters.map((skater) => [skater.bib, skater]));
  const rows = standings.rows.map((row): ResultRow => {
    const timeMs = row.status === 'DQ' ? null : row.time;
    return {
      rank: row.rank,
      bib: row.bib,
      name: row.name,
      ...names(byBib.get(row.bib), row.name),
      nation: row.nation,
      sprints: row.sprints,
      final: row.final,
      total: row.total,
      timeMs,
      time: timeMs === null ? null : formatRaceTime(timeMs),
      status: row.status,
      laps: row.laps,
      qualified: row.qualified,
    };
  });
  return {
    phase: standings.phase,
    rows,
    qualificationLine: standings.qualificationLine,
  };
}
