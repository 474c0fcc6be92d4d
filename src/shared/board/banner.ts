/** Where the sprint banner stands: the result it last saw, and until when it is up. */
export interface BannerState {
  /** Key of the newest sprint result seen (SprintResultModel.key). */
  readonly shownKey: string | null;
  /** Time (ms, the caller's clock) the banner comes down. */
  readonly until: number;
  /** The banner is up now. */
  readonly active: boolean;
}

/**
 * The next banner state for the newest sprint result key at `nowMs`. A new or corrected result
 * puts the banner up for `seconds`; the first snapshot (`previous` null) only records the key,
 * so a board that reconnects does not replay an old sprint. A withdrawn result (key back to
 * null, e.g. an undo) takes the banner down. Pass null again when the active race changes.
 */
export function nextBanner(
  previous: BannerState | null,
  sprintResultKey: string | null,
  nowMs: number,
  seconds: number,
): BannerState {
  if (previous === null) return { shownKey: sprintResultKey, until: nowMs, active: false };
  if (sprintResultKey === previous.shownKey) {
    const active = nowMs < previous.until;
    return active === previous.active ? previous : { ...previous, active };
  }
  if (sprintResultKey === null) return { shownKey: null, until: nowMs, active: false };
  const until = nowMs + seconds * 1000;
  return { shownKey: sprintResultKey, until, active: nowMs < until };
}

/** Milliseconds until the banner comes down (0 when it is not up): when to check again. */
export function bannerRemainingMs(state: BannerState, nowMs: number): number {
  return state.active ? Math.max(0, state.until - nowMs) : 0;
}
