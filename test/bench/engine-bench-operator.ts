/** The seeded operator of the engine bench: realistic commands for a 24-skater race. */
import type { RaceCommand } from '../../src/shared/race/events.ts';
import { isu2018 } from '../../src/shared/race/format.ts';
import type { RaceHistory } from '../../src/shared/race/history.ts';
import { lapsToGo } from '../../src/shared/race/progress.ts';
import { statusOf, type RaceState } from '../../src/shared/race/state.ts';
import { SKATERS, startList } from './host-bench-common.ts';
import { seededRandom } from '../support/seeded-random.ts';

// ---------------------------------------------------------------------------------------------
// A seeded operator
// ---------------------------------------------------------------------------------------------

// Seeded, so every run replays the same races.
const random = seededRandom(20_260_214);
const { int, shuffled } = random;
/** True with probability p (seeded). */
export const chance = random.chance;

const skaters = startList();

/** Configure the race, load the start list, start it. */
export const engineSetUp: RaceCommand[] = [
  {
    type: 'race/configured',
    title: 'Men · Mass Start · Final',
    round: 'final',
    qualifiers: 0,
    format: isu2018,
  },
  { type: 'startList/set', skaters },
  { type: 'race/started' },
];

/** Still skating: not DNS, DNF or DQ. */
function skating(state: RaceState): number[] {
  return state.skaters
    .map((s) => s.bib)
    .filter((bib) => !['DNS', 'DNF', 'DQ'].includes(statusOf(state, bib)));
}

/** An intermediate sprint whose line the leader just crossed (placed or to re-place). */
function openSprint(state: RaceState): number | null {
  const toGo = lapsToGo(state);
  const index = state.format.sprintLaps.findIndex((lap) => state.format.laps - lap === toGo);
  return index < 0 ? null : index + 1;
}

/**
 * The next command an operator sends in a running race, or null when the race is over (results
 * official). Built to be accepted; the caller skips the rare refusal.
 */
export function operatorCommand(history: RaceHistory, canUndo: boolean): RaceCommand | null {
  const state = history.state;
  if (state.official) return null;
  const toGo = lapsToGo(state);
  const roll = random();

  // An operator who just undid something often redoes it (the undo was a slip).
  if (lastWasUndo && chance(0.4)) return { type: 'redo' };
  if (canUndo && roll < 0.06) return { type: 'undo' };

  if (toGo > 1) {
    const sprint = openSprint(state);
    if (sprint !== null && (state.sprints[sprint - 1]?.length ?? 0) === 0) {
      return { type: 'sprint/placed', sprint, bibs: shuffled(skating(state)).slice(0, 3) };
    }
    if (sprint !== null && roll < 0.2) {
      // Photo check: the sprint is placed again, in another order.
      return { type: 'sprint/placed', sprint, bibs: shuffled(skating(state)).slice(0, 3) };
    }
    if (roll < 0.14) {
      const bib = 1 + int(SKATERS);
      const status = statusOf(state, bib);
      if (status === 'OK') {
        return chance(0.5)
          ? { type: 'skater/statusChanged', bib, status: 'LAPPED' }
          : { type: 'skater/statusChanged', bib, status: 'DNF', laps: state.lapsCompleted };
      }
      return { type: 'skater/statusChanged', bib, status: 'OK' };
    }
    if (roll < 0.17 && state.lapsCompleted > 0) {
      return { type: 'laps/corrected', lapsCompleted: state.lapsCompleted - 1 };
    }
    return { type: 'lap/completed' };
  }

  // Last lap and finish: the photo finish comes in a few skaters at a time.
  const left = skating(state).filter((bib) => !state.finishOrder.includes(bib));
  if (left.length > 0) {
    if (state.finishOrder.length === 0 && chance(0.3)) {
      return { type: 'finish/recorded', bibs: shuffled(left) };
    }
    return { type: 'finish/appended', bibs: shuffled(left).slice(0, 1 + int(4)) };
  }
  const untimed = state.finishOrder.filter((bib) => state.times[bib] === undefined);
  if (untimed.length > 0 && roll < 0.9) {
    return { type: 'finish/timed', bib: untimed[0]!, time: 450_000 + int(30_000) };
  }
  return { type: 'results/confirmed' };
}

/** Whether the last accepted command was an undo (set by the runners). */
let lastWasUndo = false;

/** Tells the operator whether the last accepted command was an undo (so it may redo). */
export function setLastWasUndo(value: boolean): void {
  lastWasUndo = value;
}

let clock = Date.UTC(2026, 1, 14, 13, 0, 0);
/** Time stamps one second apart, from a fixed start. */
export function meta(): { at: string; source: string } {
  clock += 1_000;
  return { at: new Date(clock).toISOString(), source: 'bench' };
}
