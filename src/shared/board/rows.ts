import type { Standing, Standings } from '../race/standings.ts';
import { isRacing, type RaceState } from '../race/state.ts';
import { formatRaceTime } from '../text.ts';
import { statusLabel, type BoardLabels } from './labels.ts';
import type { BoardColumns, BoardRow } from './model.ts';

/**
 * Points as a board cell: the figure where the skater scored, "" otherwise. A broadcast
 * designer's choice: a column of zeros is noise, blanks let the eye find the scorers.
 */
export function pointsCell(points: number): string {
  return points > 0 ? String(points) : '';
}

/** The standings rows, in standings order, as strings ready to draw (rules, "What boards and TV show"). */
export function presentRows(
  state: RaceState,
  standings: Standings,
  labels: BoardLabels,
): BoardRow[] {
  return standings.rows.map((row) => presentRow(state, standings, row, labels));
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
  const { columns } = labels;
  return {
    rank: columns.rank,
    bib: columns.bib,
    name: columns.name,
    nation: columns.nation,
    sprints: Array.from({ length: sprints }, (_, index) => columns.sprint(index + 1)),
    final: columns.final,
    total: columns.total,
    detail: columns.detail,
  };
}

function presentRow(
  state: RaceState,
  standings: Standings,
  row: Standing,
  labels: BoardLabels,
): BoardRow {
  const unranked = row.status === 'DQ' || row.status === 'DNS';
  return {
    key: row.bib,
    rank: row.rank === null ? '' : String(row.rank),
    bib: String(row.bib),
    name: row.name,
    nation: row.nation,
    sprints: row.sprints.map(pointsCell),
    final: pointsCell(row.final),
    total: !state.started || unranked ? '' : String(row.total),
    status: statusLabel(labels, row.status),
    qualified: row.qualified ?? '',
    detail: detail(row, labels),
    // Out of the race, or (while live) not yet among the scorers the standings rank.
    dimmed: !isRacing(state, row.bib) || (standings.phase === 'live' && row.total === 0),
  };
}

/** Time for a finisher who has one (not once disqualified); laps completed for a skater who stopped or was lapped. */
function detail(row: Standing, labels: BoardLabels): string {
  if (row.crossed !== null && row.time !== null && row.status !== 'DQ')
    return formatRaceTime(row.time);
  if ((row.status === 'DNF' || row.status === 'LAPPED') && row.laps !== null)
    return labels.laps(row.laps);
  return '';
}
