/**
 * Rules of intake: checked when a command is decided (the host, and a view's pre-check through
 * the same `RaceHistory.decide`), never when a journal is folded. A rule added after races were
 * run lives here, so a journal written before it still replays to the state it had: the host
 * refuses to open a journal with an entry the fold cannot apply.
 */
import { check } from './errors.ts';
import type { RaceEvent } from './events.ts';
import type { RaceState } from './state.ts';

/**
 * Refuses an event the rules of the fold accept but the race must no longer take in, on the
 * state before it: a finish time for a skater who is not in the finish order (issue 19: one
 * typed at 16 laps to go was accepted, and the public feed showed it).
 */
export function checkIntake(state: RaceState, event: RaceEvent): void {
  if (event.type !== 'finish/timed') return;
  const { bib } = event;
  check(
    state.finishOrder.includes(bib),
    'notFinished',
    `#${bib} has not finished: record the finish order first`,
    { bib },
  );
}
