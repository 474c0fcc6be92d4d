import type { OverlayElement } from '../protocol/program.ts';
import { nextBanner, type BannerState } from './banner.ts';
import type { OverlayModel } from './model.ts';

/** What the overlay board's own clocks add to the host's choice (src/renderer/board). */
export interface OverlayClocks {
  /** The sprint banner is up (the board's banner clock, as on the venue board). */
  readonly bannerActive: boolean;
  /** The standings' time after the newest intermediate sprint runs (nextStandingsWindow). */
  readonly standingsWindow: boolean;
  /**
   * What the loop's passings tell (issue 21; absent without timing): whether the race on the
   * overlay has a breakaway now, and whether the breakaway lower third's time runs (it formed or
   * its lead moved by more than a second: src/renderer/board/gaps/breakaway-clock.ts).
   */
  readonly breakaway?: { readonly now: boolean; readonly window: boolean };
}

/**
 * The standings' time after a sprint (issue 18, part 5), timed as the sprint banner is
 * (banner.ts): a new or corrected intermediate sprint result puts the standings up for
 * `afterSprintSeconds`; the first snapshot only records the key, so an overlay that reconnects
 * (OBS reloads a source when its scene goes live) does not replay old standings; the finish
 * (key null) takes them down. Pass null as `previous` when the race on the overlay changes.
 */
export function nextStandingsWindow(
  previous: BannerState | null,
  overlay: Pick<OverlayModel, 'standings' | 'afterSprintSeconds'>,
  nowMs: number,
): BannerState {
  return nextBanner(previous, overlay.standings.key, nowMs, overlay.afterSprintSeconds);
}

/**
 * Which overlay elements are on air, from the host's choice (`visible`) and the board's clocks:
 * - the standings while the host cuts them in (by hand), or, while the overlay follows the
 *   race (auto, no manual cut), for a while after each intermediate sprint;
 * - one lower third at a time: the result, else a sprint's placings while its banner is up,
 *   else the breakaway (cut in by hand, or for a while after it formed or moved while the
 *   overlay follows the race), else what they need; each only when it has something to show;
 * - the gap bug while it is cut in and there is a breakaway.
 */
export function overlayOnAir(
  overlay: OverlayModel,
  empty: boolean,
  clocks: OverlayClocks,
): Readonly<Record<OverlayElement, boolean>> {
  const { visible } = overlay;
  const result = !empty && visible.result && overlay.result !== null;
  const sprint =
    !empty && !result && visible.sprint && clocks.bannerActive && overlay.sprint !== null;
  const away = !empty && clocks.breakaway?.now === true;
  const breakaway =
    away &&
    !result &&
    !sprint &&
    (visible.breakaway || (overlay.follows && clocks.breakaway?.window === true));
  const needs =
    !empty && !result && !sprint && !breakaway && visible.needs && overlay.needs !== null;
  const standings =
    !empty &&
    overlay.standings.lines.length > 0 &&
    (visible.standings || (overlay.follows && clocks.standingsWindow));
  return {
    lapsToGo: !empty && visible.lapsToGo && overlay.bug.text !== '',
    standings,
    sprint,
    result,
    needs,
    breakaway,
    gap: away && visible.gap,
  };
}
