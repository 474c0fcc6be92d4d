import { skaterByBib, statusOf, type RaceState } from '../race/state.ts';
import type { BoardLabels } from './labels.ts';
import type { SprintResultModel } from './model.ts';

type Placing = SprintResultModel['placings'][number];

/**
 * The newest sprint result: the finish (the final sprint) once the finish order has entries,
 * else the highest intermediate sprint with placings; null before the first. Points follow
 * crossing order, skipping nobody (a disqualified skater's points are not handed down, rules
 * "Ranking" 5), so only the places the points table pays are listed.
 */
export function presentSprintResult(
  state: RaceState,
  labels: BoardLabels,
): SprintResultModel | null {
  const { format } = state;
  if (state.finishOrder.length > 0) {
    return sprintResult(state, labels, 'final', state.finishOrder, format.finalPoints);
  }
  for (let index = state.sprints.length - 1; index >= 0; index--) {
    const bibs = state.sprints[index] ?? [];
    if (bibs.length > 0)
      return sprintResult(state, labels, index + 1, bibs, format.intermediatePoints);
  }
  return null;
}

function sprintResult(
  state: RaceState,
  labels: BoardLabels,
  sprint: number | 'final',
  order: readonly number[],
  table: readonly number[],
): SprintResultModel {
  const bibs = order.slice(0, table.length);
  const placings = bibs.map((bib, index): Placing => {
    const skater = skaterByBib(state, bib);
    return {
      place: String(index + 1),
      bib: String(bib),
      name: skater?.name ?? '',
      nation: skater?.nation ?? '',
      points: points(state, labels, bib, table[index] ?? 0),
    };
  });
  return {
    sprint,
    heading: sprint === 'final' ? labels.text('finalSprint') : labels.text('sprint', { n: sprint }),
    placings,
    // Changes when a placing is entered or corrected, so the banner comes up again (banner.ts).
    key: `${sprint}:${bibs.join(',')}`,
  };
}

/** The table's points, or the status word of a skater disqualified since (who lost them). */
function points(state: RaceState, labels: BoardLabels, bib: number, tablePoints: number): string {
  if (state.format.disqualifiedLosePoints && statusOf(state, bib) === 'DQ')
    return labels.status('DQ');
  return String(tablePoints);
}
