import { isBellLap, lapsToGo, sprintLap, sprintsDone, type SprintLap } from './progress.ts';
import { standingsWithOutlook } from './qualification.ts';
import type { Standings } from './standings.ts';
import type { RaceState } from './state.ts';

/** Everything a view shows of one race, derived by the host so views never compute results. */
export interface RaceView {
  readonly id: string;
  /** Entries in the race journal; grows with every accepted command. */
  readonly revision: number;
  readonly state: RaceState;
  readonly standings: Standings;
  readonly lapsToGo: number;
  readonly sprintLap: SprintLap;
  readonly bell: boolean;
  readonly sprintsDone: readonly number[];
}

/** Derives the view of a race from its state. */
export function raceView(id: string, revision: number, state: RaceState): RaceView {
  return {
    id,
    revision,
    state,
    standings: standingsWithOutlook(state),
    lapsToGo: lapsToGo(state),
    sprintLap: sprintLap(state),
    bell: isBellLap(state),
    sprintsDone: sprintsDone(state),
  };
}
