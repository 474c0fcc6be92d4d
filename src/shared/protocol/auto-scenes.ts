/**
 * Auto mode (issue 9, "The board follows the race"): each output follows the phases of the
 * active race by itself: start list before the start, live at the gun, results once the finish
 * order is complete (with the OFFICIAL stamp at confirmation). A manual cut holds until the next
 * phase change, or until auto is turned back on. Pure: the host calls it for every view.
 *
 * The overlay in auto (issue 18, part 5: broadcast graphics keep the picture clean) cuts in
 * elements that the board shows only when they have something to tell, timed by the board:
 * - `sprint`: the sprint's placings come up for `sprintBannerSeconds` after each sprint is
 *   entered or corrected (the board's banner clock, src/renderer/board/banner-clock.ts).
 * - `standings` stays OUT for the whole race: the overlay board puts the standings up by itself
 *   for the same `sprintBannerSeconds` after each intermediate sprint ("STANDINGS AFTER SPRINT
 *   2"), timed from the sprint result's key as the banner is (src/shared/board/banner.ts), so a
 *   reconnecting overlay does not replay them. It does so only while the overlay follows the
 *   race (`scenes.auto.overlay` and not `scenes.held.overlay`): a manual cut of `standings` in
 *   keeps them on air for the phase, a manual cut out keeps them off.
 * - `needs`: in for the live phase; the board draws the "what they need" lower third only in the
 *   last laps of a running semi (from the bell, or once the last intermediate sprint is done, as
 *   the venue board's "needs top 5") while someone is still open, and takes it out at the finish.
 *   In a final it never has anything to show. Rounds are not a phase: the rule stays one of phases.
 * - `result`: alone after the finish (who goes to the final, or the podium).
 * - `breakaway` (issue 21) stays OUT, as the standings do: while the overlay follows the race the
 *   board puts the breakaway lower third up by itself for `sprintBannerSeconds` when a break forms
 *   or its lead moves by more than a second (src/renderer/board/gaps/breakaway-clock.ts); a
 *   manual cut in keeps it on air while there is a break.
 * - `gap` (issue 21): the gap bug beside the laps bug, in for the live phase; the board draws it
 *   only while the loop's passings show a breakaway (no timing: never).
 * One lower third at a time on the board: the result, then a sprint's placings, then the
 * breakaway, then the needs.
 */
import type { StandingsPhase } from '../race/standings.ts';
import type { BoardScene, Output, OverlayVisibility, Scenes } from './program.ts';

/** The phases the outputs follow. */
export type OutputPhase = 'none' | 'start' | 'live' | 'finished' | 'official';

/** Where the outputs stand: which race is on them and its phase. */
export interface PhaseKey {
  readonly raceId: string | null;
  readonly phase: OutputPhase;
}

/** The scenes as the program file keeps them: the manual choices, auto per output, the holds. */
export interface StoredScenes {
  readonly board: BoardScene;
  readonly overlay: OverlayVisibility;
  readonly auto: Readonly<Record<Output, boolean>>;
  /** The phase in which each output was last cut by hand (null: no manual cut holds). */
  readonly holds: Readonly<Record<Output, PhaseKey | null>>;
}

/** The output phase of a race's standings phase; a finish order being entered is still live. */
export function outputPhase(phase: StandingsPhase | null): OutputPhase {
  switch (phase) {
    case null:
      return 'none';
    case 'start':
      return 'start';
    case 'live':
    case 'finishing':
      return 'live';
    case 'final':
      return 'finished';
    case 'official':
      return 'official';
  }
}

/** The board scene auto mode shows in each phase (the sprint banner still comes up by itself). */
export function autoBoardScene(phase: OutputPhase): BoardScene {
  switch (phase) {
    case 'none':
      return 'blank';
    case 'start':
      return 'startList';
    case 'live':
      return 'live';
    case 'finished':
    case 'official':
      return 'results';
  }
}

/** Every overlay element out. */
const allOut: OverlayVisibility = {
  lapsToGo: false,
  standings: false,
  sprint: false,
  result: false,
  needs: false,
  breakaway: false,
  gap: false,
};

/**
 * The overlay elements auto mode cuts in: the laps bug (and the sprint's placings, what they
 * need in a semi's last laps and the gap bug) while racing, the result lower third alone after
 * the finish. The standings and the breakaway are never cut in for a whole phase: the board
 * shows them for a while after each sprint, and when a break forms or its lead moves.
 */
export function autoOverlay(phase: OutputPhase): OverlayVisibility {
  switch (phase) {
    case 'none':
      return { ...allOut };
    case 'start':
      return { ...allOut, lapsToGo: true, sprint: true };
    case 'live':
      return { ...allOut, lapsToGo: true, sprint: true, needs: true, gap: true };
    case 'finished':
    case 'official':
      return { ...allOut, result: true };
  }
}

const samePhase = (a: PhaseKey | null, b: PhaseKey): boolean =>
  a !== null && a.raceId === b.raceId && a.phase === b.phase;

/** Whether an output shows its manual choice now: auto is off, or a manual cut holds in this phase. */
export function manualInForce(stored: StoredScenes, output: Output, now: PhaseKey): boolean {
  return !stored.auto[output] || samePhase(stored.holds[output], now);
}

/** What the outputs show now, for the views. */
export function effectiveScenes(stored: StoredScenes, now: PhaseKey): Scenes {
  const boardManual = manualInForce(stored, 'board', now);
  const overlayManual = manualInForce(stored, 'overlay', now);
  return {
    board: boardManual ? stored.board : autoBoardScene(now.phase),
    overlay: overlayManual ? stored.overlay : autoOverlay(now.phase),
    auto: stored.auto,
    held: {
      board: stored.auto.board && boardManual,
      overlay: stored.auto.overlay && overlayManual,
    },
  };
}

/** A manual cut of the board: it holds until the next phase change. */
export function cutBoard(stored: StoredScenes, scene: BoardScene, now: PhaseKey): StoredScenes {
  return { ...stored, board: scene, holds: { ...stored.holds, board: now } };
}

/** A manual cut of one overlay element, on top of what the overlay shows now. */
export function cutOverlay(
  stored: StoredScenes,
  overlay: OverlayVisibility,
  now: PhaseKey,
): StoredScenes {
  return { ...stored, overlay, holds: { ...stored.holds, overlay: now } };
}

/**
 * Turns auto mode of an output on (any manual hold ends: the output cuts to the phase's scene)
 * or off (the output keeps what it shows now, so nothing jumps on air).
 */
export function setAuto(
  stored: StoredScenes,
  output: Output,
  auto: boolean,
  now: PhaseKey,
): StoredScenes {
  const shown = effectiveScenes(stored, now);
  const kept = output === 'board' ? { board: shown.board } : { overlay: shown.overlay };
  return {
    ...stored,
    ...(auto ? {} : kept),
    auto: { ...stored.auto, [output]: auto },
    holds: { ...stored.holds, [output]: null },
  };
}
