/**
 * Every sprint of the race with who placed and the points each took (rules, "Ranking": the
 * intermediate table by placing, the final table by crossing order), then the finish. The
 * points are the host's: each standings row's `sprints[k]` and `final` (views compute nothing,
 * as the console's sprint summary). A skater disqualified since shows DQ where his points were
 * (the format's rule 5: they are not handed down, src/shared/board/sprint-result.ts).
 */
import { sprintLapsToGo } from '../../../shared/race/format.ts';
import { skaterByBib, statusOf } from '../../../shared/race/state.ts';
import type { RaceView } from '../../../shared/race/view.ts';
import { pointsTable, shortName } from './figures.ts';

/** One placing of a sprint. */
export interface SprintPlacing {
  readonly place: number;
  readonly bib: number;
  readonly name: string;
  /** "+3", "+60", "DQ"; empty for a place the table does not pay. */
  readonly points: string;
}

/** Where a sprint stands: run, being run, decided but not yet entered, or still to come. */
export type SprintState = 'done' | 'running' | 'due' | 'coming';

/** One sprint line. */
export interface SprintLine {
  /** "1", "2", ... or "finish". */
  readonly key: string;
  readonly heading: string;
  /** "lap 4 · 12 to go · 3-2-1". */
  readonly when: string;
  readonly state: SprintState;
  readonly placings: readonly SprintPlacing[];
}

/** The sprint history of the race on screen: each intermediate sprint, then the finish. */
export function sprintHistory(race: RaceView): SprintLine[] {
  const { state } = race;
  const { format } = state;
  const rows = new Map(race.standings.rows.map((row) => [row.bib, row]));
  const lost = (bib: number) => format.disqualifiedLosePoints && statusOf(state, bib) === 'DQ';
  const placings = (bibs: readonly number[], pointsOf: (bib: number) => number | undefined) =>
    bibs.map((bib, index): SprintPlacing => {
      const scored = pointsOf(bib) ?? 0;
      return {
        place: index + 1,
        bib,
        name: shortName(skaterByBib(state, bib)),
        points: lost(bib) ? 'DQ' : scored > 0 ? `+${scored}` : '',
      };
    });
  const lines = format.sprintLaps.map((lap, index): SprintLine => {
    const sprint = index + 1;
    const placed = state.sprints[index] ?? [];
    return {
      key: String(sprint),
      heading: `Sprint ${sprint}`,
      when: `lap ${lap} · ${sprintLapsToGo(format, sprint)} to go · ${pointsTable(format.intermediatePoints)}`,
      state:
        placed.length > 0
          ? 'done'
          : race.sprintLap === sprint
            ? 'running'
            : race.sprintsDone.includes(sprint)
              ? 'due'
              : 'coming',
      placings: placings(placed, (bib) => rows.get(bib)?.sprints[index]),
    };
  });
  const finished = state.finishOrder;
  lines.push({
    key: 'finish',
    heading: 'Finish',
    when: `lap ${format.laps} · final sprint · ${pointsTable(format.finalPoints)}`,
    state:
      finished.length > 0
        ? 'done'
        : race.sprintLap === 'final'
          ? 'running'
          : race.lapsToGo === 0 && state.started
            ? 'due'
            : 'coming',
    placings: placings(finished, (bib) => rows.get(bib)?.final),
  });
  return lines;
}
