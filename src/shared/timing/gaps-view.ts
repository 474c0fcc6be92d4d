/**
 * The groups and gaps as the host publishes them (issue 21): the channel's `gaps` value, followed
 * by every board, overlay and commentator screen. Derived from the passings at each crossing
 * (src/shared/timing/groups.ts), for the active race only; with no decoder there is none.
 */
import type { RaceGaps } from './groups.ts';

export interface GapsView extends RaceGaps {
  /** The race the passings count for (the active race). */
  readonly raceId: string;
  /** Grows with every change (not a host revision: nothing here is journaled). */
  readonly seq: number;
}

/** The gaps of one race, or null when the view is of another race (or there is none). */
export function gapsOf(view: GapsView | null, raceId: string | null): GapsView | null {
  return view && raceId !== null && view.raceId === raceId ? view : null;
}
