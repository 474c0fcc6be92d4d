/**
 * Lap times per skater (issue 21), in race order as the loop has it (lapped last): each lap read
 * to read, the skater's last lap marked, the laps he led marked, and above them the race's own
 * lap (the leader's crossing less the leader's crossing of the lap before) with who led it. From
 * the host's `gaps` value; a missed read is a dash, never an average.
 */
import { skaterByBib } from '../../../shared/race/state.ts';
import type { RaceView } from '../../../shared/race/view.ts';
import type { GapsView } from '../../../shared/timing/gaps-view.ts';
import { gapText, lapsDownText, lapText, shortName } from './figures.ts';

/** One lap time in the table. */
export interface LapCell {
  readonly text: string;
  /** The skater's last lap (the freshest figure on the row). */
  readonly last: boolean;
  /** He was first across the line at the end of this lap. */
  readonly led: boolean;
}

/** One skater's row. */
export interface LapRow {
  readonly bib: number;
  /** Place on the ice, 1 from the front. */
  readonly position: number;
  readonly name: string;
  /** "lead", "+3.4", "−1 lap". */
  readonly gap: string;
  readonly lapped: boolean;
  readonly cells: readonly LapCell[];
}

/** The lap-times panel. */
export interface LapTimesModel {
  /** The lap numbers, 1 to the race's laps (the columns do not move as the race goes on). */
  readonly laps: readonly number[];
  /** The race's lap per column ("29.84") and who led it ("#5"); empty where not yet run. */
  readonly leader: readonly { readonly text: string; readonly bib: string }[];
  readonly rows: readonly LapRow[];
}

/** The lap-times table of the race on screen; none without the loop. */
export function lapTimesModel(race: RaceView, gaps: GapsView | null): LapTimesModel {
  const total = Math.max(race.state.format.laps, gaps?.leaderLaps ?? 0);
  // The host keeps the latest laps only in a very long format (historyFrom > 1).
  const from = gaps?.historyFrom ?? 1;
  const laps = Array.from({ length: total - from + 1 }, (_, index) => from + index);
  const byLap = new Map((gaps?.laps ?? []).map((lap) => [lap.lap, lap]));
  const leader = laps.map((lap) => {
    const run = byLap.get(lap);
    return run ? { text: lapText(run.lapMs), bib: `#${run.leader}` } : { text: '', bib: '' };
  });
  const rows = (gaps?.skaters ?? []).map((skater, index): LapRow => ({
    bib: skater.bib,
    position: index + 1,
    name: shortName(skaterByBib(race.state, skater.bib)),
    gap:
      skater.lapsBehind > 0 ? lapsDownText(skater.lapsBehind) : gapText(skater.behindLeaderSeconds),
    lapped: skater.lapsBehind > 0,
    cells: laps.map((lap) => ({
      text: lap <= skater.laps ? lapText(skater.lapTimesMs[lap - from]) : '',
      last: lap === skater.laps,
      led: byLap.get(lap)?.leader === skater.bib,
    })),
  }));
  return { laps, leader, rows };
}
