// When the overlay puts the breakaway lower third up by itself (issue 21): timed on the board, as
// the sprint banner and the standings after a sprint are (src/shared/board/banner.ts). Pure.

/** A break as the clock compares it. */
export interface BreakSeen {
  readonly helmets: readonly number[];
  /** Its lead over the next group, seconds (hundredths). */
  readonly leadSeconds: number;
}

/** Where the lower third's clock stands. */
export interface BreakawayClockState {
  /** The break last put up (or found up when the overlay came on); null: none yet. */
  readonly shown: BreakSeen | null;
  /** Time (ms, the caller's clock) the lower third comes down. */
  readonly until: number;
  /** Its time runs now. */
  readonly active: boolean;
}

/** A lead must move by more than this since the break was last put up to be news again. */
export const newsSeconds = 1;

/**
 * Whether `now` is news against the break last shown: a break where none was shown, a break of
 * other skaters (none in common: the old one was caught, another went), or a lead more than a
 * second away from the one shown (hundredths compared, so 1.00 s is not more than a second).
 */
export function isNews(shown: BreakSeen | null, now: BreakSeen): boolean {
  if (shown === null) return true;
  if (!now.helmets.some((bib) => shown.helmets.includes(bib))) return true;
  return Math.round(Math.abs(now.leadSeconds - shown.leadSeconds) * 100) > newsSeconds * 100;
}

/**
 * The next state for the break the loop shows at `nowMs` (null: none). News puts the lower third
 * up for `seconds`. The first call (`previous` null) only records what it finds, so an overlay
 * that reconnects (OBS reloads a source when its scene goes live) does not replay an old break.
 * A break that is caught keeps what was shown: the same skaters going again at about the same
 * lead are not news. Pass null as `previous` when the race on the overlay changes.
 */
export function nextBreakawayWindow(
  previous: BreakawayClockState | null,
  now: BreakSeen | null,
  nowMs: number,
  seconds: number,
): BreakawayClockState {
  if (previous === null) return { shown: now, until: nowMs, active: false };
  if (now !== null && isNews(previous.shown, now)) {
    const until = nowMs + seconds * 1000;
    return { shown: now, until, active: nowMs < until };
  }
  const active = nowMs < previous.until;
  return active === previous.active ? previous : { ...previous, active };
}

/** Milliseconds until the lower third's time is up (0 when it is not running). */
export function breakawayRemainingMs(state: BreakawayClockState, nowMs: number): number {
  return state.active ? Math.max(0, state.until - nowMs) : 0;
}
