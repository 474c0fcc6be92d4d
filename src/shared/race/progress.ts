import { sprintLapsToGo } from './format.ts';
import type { RaceState } from './state.ts';

/** Laps to go on the lap board: counts down as the leader crosses the line, 0 once they finish. */
export function lapsToGo(state: RaceState): number {
  if (state.finishOrder.length > 0) return 0;
  return Math.max(0, state.format.laps - state.lapsCompleted);
}

/** The sprint decided at the end of the lap being run: 1..n, 'final', or null. */
export type SprintLap = number | 'final' | null;

/** Which sprint the current lap ends in (rules: the sprint lap is run at 13, 9, 5 and 1 to go). */
export function sprintLap(state: RaceState): SprintLap {
  if (!state.started) return null;
  const toGo = lapsToGo(state);
  if (toGo === 0) return null;
  if (toGo === 1) return 'final';
  const index = state.format.sprintLaps.findIndex((lap) => state.format.laps - lap === toGo - 1);
  return index === -1 ? null : index + 1;
}

/** The bell rings for the last lap. */
export function isBellLap(state: RaceState): boolean {
  return state.started && lapsToGo(state) === 1;
}

/** Intermediate sprints whose line the leader has crossed (1-based). */
export function sprintsDone(state: RaceState): number[] {
  const toGo = lapsToGo(state);
  const done: number[] = [];
  state.format.sprintLaps.forEach((_, index) => {
    if (state.started && toGo <= sprintLapsToGo(state.format, index + 1)) done.push(index + 1);
  });
  return done;
}

/** The leader has crossed the finish line. */
export function isLeaderFinished(state: RaceState): boolean {
  return state.started && lapsToGo(state) === 0;
}
