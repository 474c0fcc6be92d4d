import { statusOf, type RaceState } from './state.ts';

/** A skater's points: one entry per intermediate sprint, the final sprint, and the total. */
export interface SkaterPoints {
  readonly sprints: readonly number[];
  readonly final: number;
  readonly total: number;
}

/**
 * Points of every skater on the start list, by helmet number. Intermediate sprints pay the
 * format's table by placing; the finish pays the final table by crossing order. Placings of a
 * disqualified skater are not handed down (rules, "Ranking" 5); their own points are dropped
 * when the format says so.
 */
export function pointsByBib(state: RaceState): Map<number, SkaterPoints> {
  const { format } = state;
  const count = format.sprintLaps.length;
  const result = new Map<number, SkaterPoints>();
  for (const skater of state.skaters) {
    const lost = format.disqualifiedLosePoints && statusOf(state, skater.bib) === 'DQ';
    const sprints: number[] = [];
    let total = 0;
    for (let k = 0; k < count; k++) {
      const place = state.sprints[k]?.indexOf(skater.bib) ?? -1;
      const points = lost || place < 0 ? 0 : (format.intermediatePoints[place] ?? 0);
      sprints.push(points);
      total += points;
    }
    const crossed = state.finishOrder.indexOf(skater.bib);
    const final = lost || crossed < 0 ? 0 : (format.finalPoints[crossed] ?? 0);
    result.set(skater.bib, { sprints, final, total: total + final });
  }
  return result;
}
