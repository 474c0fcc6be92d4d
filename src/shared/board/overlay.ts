import type { ProgramView } from '../protocol/program.ts';
import type { BoardLabels } from './labels.ts';
import type {
  LapBoardModel,
  OverlayBugModel,
  OverlayModel,
  OverlayStandingsModel,
} from './model.ts';
import { badgeOf, lineOf, type OverlayRace } from './overlay-lines.ts';
import { presentNeeds } from './overlay-needs.ts';
import { presentResult, presentSprint } from './overlay-results.ts';

/**
 * The broadcast overlay's part of the board model (issue 18, part 5): broadcast graphics, not a
 * small board. A one-line laps bug; the standings panel with its title strip ("STANDINGS AFTER
 * SPRINT 2"); lower thirds that say the outcome: a sprint's placings, who goes to the final (the
 * K names with Q and q) or the podium (medals and times), and "what they need" around the
 * qualification line in a semi's last laps. Pure; which elements are on air is overlay-on-air.ts.
 */
export function presentOverlay(
  program: ProgramView,
  labels: BoardLabels,
  race: OverlayRace | null,
): OverlayModel {
  const { display, scenes } = program;
  return {
    visible: scenes.overlay,
    position: display.overlayPosition,
    top: display.overlayTop,
    chromaKey: display.chromaKey,
    follows: scenes.auto.overlay && !scenes.held.overlay,
    afterSprintSeconds: display.sprintBannerSeconds,
    bug: race ? presentBug(race.lapBoard) : emptyBug,
    standings: race
      ? presentStandings(race, labels, display.overlayTop)
      : { title: labels.text('standings'), key: null, lines: [], lineAfter: null },
    sprint: race ? presentSprint(race, labels) : null,
    result: race ? presentResult(race, labels) : null,
    needs: race ? presentNeeds(race, labels) : null,
  };
}

const emptyBug: OverlayBugModel = { text: '', figure: '', label: '', flag: '', state: 'laps' };

/** The bug on one line: "7 LAPS TO GO · SPRINT 2 · 3-2-1", "LAST LAP · FINAL SPRINT · ...", "FINISH". */
function presentBug(lapBoard: LapBoardModel): OverlayBugModel {
  const state = lapBoard.finished ? 'finish' : lapBoard.bell ? 'bell' : 'laps';
  const figure = state === 'laps' ? lapBoard.figure : '';
  const label = state === 'bell' ? (lapBoard.bellLabel ?? lapBoard.label) : lapBoard.label;
  const flag = state === 'finish' ? '' : (lapBoard.sprintFlag ?? '');
  const main = [figure, label].filter((part) => part !== '').join(' ');
  return { text: flag ? `${main} · ${flag}` : main, figure, label, flag, state };
}

/**
 * The standings panel: the skaters with points (who has none says nothing yet) up to `top`,
 * under "STANDINGS AFTER SPRINT n". Its key is the newest intermediate sprint's: the board puts
 * the panel up when it changes (overlay-on-air.ts); the finish has the result lower third.
 */
function presentStandings(
  { rows, sprintResult, qualification }: OverlayRace,
  labels: BoardLabels,
  top: number,
): OverlayStandingsModel {
  const ranked = rows.filter((row) => row.band === 'ranked');
  const shown = (ranked.length > 0 ? ranked : rows).slice(0, top);
  const intermediate = sprintResult !== null && sprintResult.sprint !== 'final';
  const after = qualification?.after ?? null;
  return {
    title: intermediate
      ? labels.text('standingsAfterSprint', { n: sprintResult.sprint })
      : labels.text('standings'),
    key: intermediate ? sprintResult.key : null,
    lines: shown.map((row) => lineOf(row, { badge: badgeOf(row, labels) })),
    // Only between two skaters shown, both ranked: never under a row without points.
    lineAfter:
      after !== null && after > 0 && after < shown.length && ranked.length > after ? after : null,
  };
}
