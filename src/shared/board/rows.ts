import type { Standing, Standings } from '../race/standings.ts';
import { skaterByBib, type RaceState } from '../race/state.ts';
import { formatRaceTime } from '../text.ts';
import type { BoardLabels } from './labels.ts';
import type { BoardColumns, BoardRow } from './model.ts';
import { nameForms } from './names.ts';

/**
 * Points as a board cell: the figure where the skater scored, "" otherwise. A broadcast
 * designer's choice: a column of zeros is noise, blanks let the eye find the scorers.
 */
export function pointsCell(points: number): string {
  return points > 0 ? String(points) : '';
}

/** What the rows need to know of where the race is. */
export interface RowContext {
  /** In the last laps of a running semi (from the bell, or after the last intermediate sprint). */
  readonly lastLaps: boolean;
}

/** The standings rows, in standings order, as strings ready to draw (rules, "What boards and TV show"). */
export function presentRows(
  state: RaceState,
  standings: Standings,
  labels: BoardLabels,
  context: RowContext = { lastLaps: false },
): BoardRow[] {
  return standings.rows.map((row) => presentRow(state, standings, row, labels, context));
}

/** The rows in start-list order, for the start list scene, none of them greyed. */
export function startListOrder(state: RaceState, rows: readonly BoardRow[]): BoardRow[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  // The start list is who lines up, not how the race stands: no row is greyed (issue 9).
  return state.skaters.flatMap((skater) => {
    const row = byKey.get(skater.bib);
    return row ? [row.dimmed ? { ...row, dimmed: false } : row] : [];
  });
}

/** Column headers for a format with `sprints` intermediate sprints. */
export function presentColumns(labels: BoardLabels, sprints: number): BoardColumns {
  const { text } = labels;
  return {
    rank: text('column.rank'),
    bib: text('column.bib'),
    name: text('column.name'),
    nation: text('column.nation'),
    sprints: Array.from({ length: sprints }, (_, index) => text('column.sprint', { n: index + 1 })),
    final: text('column.final'),
    total: text('column.total'),
    detail: text('column.detail'),
  };
}

const medals = ['gold', 'silver', 'bronze'] as const;

function presentRow(
  state: RaceState,
  standings: Standings,
  row: Standing,
  labels: BoardLabels,
  context: RowContext,
): BoardRow {
  const unranked = row.status === 'DQ' || row.status === 'DNS';
  // Grey is for out of the race only (issue 18): DNF, DQ, DNS, LAPPED (a lap down, even where
  // the format still ranks him). A skater without points yet is not out.
  const band = row.status !== 'OK' ? 'out' : row.rank === null ? 'unranked' : 'ranked';
  const finished = standings.phase === 'final' || standings.phase === 'official';
  const skater = skaterByBib(state, row.bib);
  return {
    key: row.bib,
    rank: row.rank === null ? '' : String(row.rank),
    bib: String(row.bib),
    name: row.name,
    nation: row.nation,
    sprints: row.sprints.map(pointsCell),
    final: pointsCell(row.final),
    total: !state.started || unranked ? '' : String(row.total),
    status: labels.status(row.status),
    qualified: row.qualified ?? '',
    detail: detail(row, labels),
    dimmed: band === 'out',
    band,
    qualification: row.qualification ?? '',
    needs: needs(row, labels, context),
    names: skater ? nameForms(skater) : [row.name],
    medal:
      state.round === 'final' && finished && row.rank !== null && row.rank <= 3
        ? medals[row.rank - 1]!
        : null,
  };
}

/** "NEEDS TOP 5" for a skater still open in the last laps of a semi (issue 18, part 2). */
function needs(row: Standing, labels: BoardLabels, context: RowContext): string {
  if (!context.lastLaps || row.qualification !== 'open' || row.safeFinish === null) return '';
  return row.safeFinish === 1
    ? labels.text('needsWin')
    : labels.text('needsTop', { place: row.safeFinish });
}

/** Time for a finisher who has one (not once disqualified); laps completed for a skater who stopped or was lapped. */
function detail(row: Standing, labels: BoardLabels): string {
  if (row.crossed !== null && row.time !== null && row.status !== 'DQ')
    return formatRaceTime(row.time);
  if ((row.status === 'DNF' || row.status === 'LAPPED') && row.laps !== null)
    return labels.laps(row.laps);
  return '';
}
