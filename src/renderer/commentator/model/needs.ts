/**
 * What each skater needs in a semi-final, in the board's words (issue 18: "NEEDS TOP 5", "NEEDS
 * TO WIN", "QUALIFIED", "ELIMINATED"; src/shared/board/overlay-needs.ts), for every skater and
 * every lap: the commentators want it before the last laps, where the board waits. The math is
 * the host's (`qualification` / `safeFinish` on each standings row); this only words it.
 */
import type { Standing, StandingsPhase } from '../../../shared/race/standings.ts';

/** How a need reads: clinched, still open, out of reach, or the result after the finish. */
export type NeedTone = 'clinched' | 'open' | 'out' | 'Q' | 'q' | 'none';

/** One skater's need. */
export interface Need {
  readonly text: string;
  readonly tone: NeedTone;
}

const none: Need = { text: '', tone: 'none' };

/** What a skater needs (running semi) or got (finished semi); nothing in a final. */
export function needOf(standing: Standing, phase: StandingsPhase): Need {
  const { qualification, safeFinish } = standing;
  if (qualification === null) return none;
  if (phase === 'final' || phase === 'official') {
    // Once finished the standings say who is through: Q by ranking, q by the referee.
    if (qualification === 'Q') return { text: 'Q', tone: 'Q' };
    if (qualification === 'q') return { text: 'q · advanced', tone: 'q' };
    return none;
  }
  if (qualification === 'Q') return { text: 'qualified', tone: 'clinched' };
  if (qualification === 'out') return { text: 'eliminated', tone: 'out' };
  if (qualification === 'q') return { text: 'q · advanced', tone: 'q' };
  if (safeFinish === null) return { text: 'needs help', tone: 'open' };
  if (safeFinish === 1) return { text: 'needs to win', tone: 'open' };
  return { text: `needs top ${safeFinish}`, tone: 'open' };
}
