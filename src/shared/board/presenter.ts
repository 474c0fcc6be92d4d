import type { BoardScene, ProgramView } from '../protocol/program.ts';
import type { HostSnapshotMessage } from '../protocol/snapshot.ts';
import type { RaceView } from '../race/view.ts';
import { boardLabels, type BoardLabels } from './labels.ts';
import type {
  BoardModel,
  LapBoardModel,
  OverlayModel,
  ResultsModel,
  SprintResultModel,
} from './model.ts';
import { presentColumns, presentRows, startListOrder } from './rows.ts';
import { presentSprintResult } from './sprint-result.ts';

/** What the board itself adds to the host's snapshot: whether the sprint banner is up (banner.ts). */
export interface BoardOptions {
  readonly bannerActive: boolean;
}

/**
 * The board model for a host snapshot: every string and flag the venue board and the overlay
 * draw (../shared/docs/architecture.md, "The board"). Pure; the banner timing comes in as a flag.
 */
export function presentBoard(snapshot: HostSnapshotMessage, options: BoardOptions): BoardModel {
  const { program, race } = snapshot;
  const labels = boardLabels[program.display.language];
  if (race === null) return emptyBoard(program, labels);
  const { state, standings } = race;
  const rows = presentRows(state, standings, labels);
  const sprintResult = presentSprintResult(state, labels);
  const finished = standings.phase === 'final' || standings.phase === 'official';
  return {
    ...common(program),
    scene: scene(program.scenes.board, options.bannerActive, sprintResult),
    title: state.title,
    lapBoard: presentLapBoard(race, labels),
    rows,
    columns: presentColumns(labels, state.format.sprintLaps.length),
    qualificationLine: standings.qualificationLine || null,
    qualificationCertain: finished,
    results: presentResults(state.official, labels),
    startList: { heading: labels.startList, rows: startListOrder(state, rows) },
    sprintResult,
    empty: false,
  };
}

/** The host's scene, except that the sprint banner takes over the live scene while it is up. */
export function scene(
  chosen: BoardScene,
  bannerActive: boolean,
  sprintResult: SprintResultModel | null,
): BoardScene {
  return chosen === 'live' && bannerActive && sprintResult !== null ? 'sprint' : chosen;
}

/** The lap board (rules, "The race"): laps to go, the sprint lap flag, the bell, the finish. */
function presentLapBoard(race: RaceView, labels: BoardLabels): LapBoardModel {
  const { started } = race.state;
  const finished = started && race.lapsToGo === 0;
  const { sprintLap } = race;
  return {
    lapsToGo: race.lapsToGo,
    figure: String(race.lapsToGo),
    label: finished ? labels.finish : race.lapsToGo === 1 ? labels.lapToGo : labels.lapsToGo,
    sprintFlag:
      sprintLap === null
        ? null
        : sprintLap === 'final'
          ? labels.finalSprint
          : labels.sprint(sprintLap),
    bell: race.bell,
    bellLabel: race.bell ? labels.lastLap : null,
    started,
    finished,
  };
}

function presentResults(official: boolean, labels: BoardLabels): ResultsModel {
  return {
    official,
    mark: official ? labels.official : labels.unofficial,
    heading: labels.results,
  };
}

function presentOverlay(program: ProgramView): OverlayModel {
  const { display } = program;
  return {
    visible: program.scenes.overlay,
    position: display.overlayPosition,
    top: display.overlayTop,
    chromaKey: display.chromaKey,
  };
}

/** The fields that come from the program alone. */
function common(
  program: ProgramView,
): Pick<BoardModel, 'language' | 'theme' | 'safeArea' | 'meeting' | 'overlay'> {
  const { display } = program;
  return {
    language: display.language,
    theme: display.theme,
    safeArea: display.safeArea,
    meeting: program.meeting,
    overlay: presentOverlay(program),
  };
}

/** No active race: a blank board that still knows the meeting and the display settings. */
function emptyBoard(program: ProgramView, labels: BoardLabels): BoardModel {
  return {
    ...common(program),
    scene: 'blank',
    title: '',
    lapBoard: {
      lapsToGo: 0,
      figure: '',
      label: '',
      sprintFlag: null,
      bell: false,
      bellLabel: null,
      started: false,
      finished: false,
    },
    rows: [],
    columns: presentColumns(labels, 0),
    qualificationLine: null,
    qualificationCertain: false,
    results: { official: false, mark: '', heading: labels.results },
    startList: { heading: labels.startList, rows: [] },
    sprintResult: null,
    empty: true,
  };
}
