/**
 * What the Program tab's keys reach (issue 19, part 4): A goes to the Add race form, Shift+A to
 * the Activate button of the next race. Only the focus moves; Enter then adds or activates.
 */
import type { ProgramView } from '../../../shared/protocol/program.ts';

/** A place in the Program tab a key moves the focus to. */
export type ProgramTarget = 'addRace' | 'activate';

/** The Program tab's side of its keys, handed to the console once the tab is shown. */
export interface ProgramKeys {
  /** Focuses the target, or says in the tab why there is nothing to go to. */
  readonly reach: (target: ProgramTarget) => void;
}

/**
 * The race Shift+A goes to: the first race after the active one, in program order, round to
 * the start (semi-final 1 done, semi-final 2 is next); null when no other race is there.
 */
export function nextToActivate(
  program: Pick<ProgramView, 'races' | 'activeRaceId'>,
): string | null {
  const { races, activeRaceId } = program;
  const active = races.findIndex((race) => race.id === activeRaceId);
  const after = [...races.slice(active + 1), ...races.slice(0, Math.max(active, 0))];
  return after.find((race) => race.id !== activeRaceId)?.id ?? null;
}
