import type { BoardScene, ProgramView } from '../protocol/program.ts';
import type { HostSnapshotMessage } from '../protocol/snapshot.ts';
import type { RaceView } from '../race/view.ts';
import type { Standings } from '../race/standings.ts';
import type { RaceState } from '../race/state.ts';
import { boardLabels, type BoardLabels } from './labels.ts';
import type {
  BoardModel,
  BoardRow,
  LapBoardModel,
  QualificationModel,
  ResultsModel,
  SprintResultModel,
} from './model.ts';
import { presentOverlay } from './overlay.ts';
import { presentColumns, presentRows, startListOrder } from './rows.ts';
import { presentSprintResult } from './sprint-result.ts';

/** What the board itself adds to the host's snapshot: whether the sprint banner is up (banner.ts). */
export interface BoardOptions {
  readonly bannerActive: boolean;
  /** The board page's own layout choice (`?layout=`), over the meeting's setting. */
  readonly layout?: 'far' | 'dense';
}

/**
 * The board model for a host snapshot: every string and flag the venue board and the overlay
 * draw (../shared/docs/architecture.md, "The board"). Pure; the banner timing comes in as a flag.
 */
export function presentBoard(snapshot: HostSnapshotMessage, options: BoardOptions): BoardModel {
  const { program, race } = snapshot;
  const labels = boardLabels(program.display.language, program.display.labels);
  const layout = options.layout ?? program.display.boardLayout;
  if (race === null) return emptyBoard(program, labels, layout);
  const { state, standings } = race;
  const lastLaps =
    standings.phase === 'live' &&
    (race.bell || race.sprintsDone.length === state.format.sprintLaps.length);
  const rows = presentRows(state, standings, labels, { lastLaps });
  const sprintResult = presentSprintResult(state, labels);
  const finished = standings.phase === 'final' || standings.phase === 'official';
  const qualification = presentQualification(state, standings, rows, labels);
  const lapBoard = presentLapBoard(race, labels);
  const results = presentResults(state.official, labels);
  return {
    ...common(program, labels, layout),
    overlay: presentOverlay(program, labels, {
      race,
      rows,
      lapBoard,
      sprintResult,
      results,
      qualification,
      lastLaps,
    }),
    scene: scene(program.scenes.board, options.bannerActive, sprintResult),
    title: state.title,
    lapBoard,
    rows,
    columns: presentColumns(labels, state.format.sprintLaps.length),
    qualificationLine: qualification?.after ?? null,
    qualificationCertain: finished,
    results,
    startList: { heading: labels.text('startList'), rows: startListOrder(state, rows) },
    sprintResult,
    empty: false,
    qualification,
  };
}

/**
 * The qualification line (issue 18, part 1): under the K-th when K or more skaters are ranked;
 * while fewer are (points only from the sprints so far), under the last ranked one, saying how
 * many places the finish still decides. Never between skaters without points, whose order (by
 * helmet number) says nothing.
 */
export function presentQualification(
  state: RaceState,
  standings: Standings,
  rows: readonly BoardRow[],
  labels: BoardLabels,
): QualificationModel | null {
  const line = standings.qualificationLine;
  if (state.round !== 'semi' || line === null || standings.phase === 'start') return null;
  // The places to fill: the qualifiers, or fewer when fewer can still race (DQ, DNS).
  const eligible = standings.rows.filter((r) => r.status !== 'DQ' && r.status !== 'DNS').length;
  const places = Math.min(state.qualifiers, eligible);
  if (places === 0) return null;
  const certain = standings.phase === 'final' || standings.phase === 'official';
  // The line is truthful at its source (race/standings.ts): under the last ranked skater while
  // fewer than the places are ranked, never between skaters without points.
  const after = line;
  const open = certain ? 0 : places - after;
  return {
    after,
    places: state.qualifiers,
    label: labels.text('qualification', { places: state.qualifiers }),
    note: open > 0 ? labels.text('qualificationOpen', { ranked: after, open }) : '',
    certain,
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
  const { started, format } = race.state;
  const finished = started && race.lapsToGo === 0;
  const { sprintLap } = race;
  return {
    lapsToGo: race.lapsToGo,
    // Once the leader is home the label says FINISH on its own: no giant "0" under it.
    figure: finished ? '' : String(race.lapsToGo),
    label: labels.text(finished ? 'finish' : race.lapsToGo === 1 ? 'lapToGo' : 'lapsToGo'),
    // What the sprint lap is worth, on the pill (issue 18): "SPRINT 1 · 3-2-1".
    sprintFlag:
      sprintLap === null
        ? null
        : sprintLap === 'final'
          ? labels.text('finalSprintWorth', { points: format.finalPoints.join('-') })
          : labels.text('sprintWorth', {
              n: sprintLap,
              points: format.intermediatePoints.join('-'),
            }),
    bell: race.bell,
    bellLabel: race.bell ? labels.text('lastLap') : null,
    started,
    finished,
  };
}

function presentResults(official: boolean, labels: BoardLabels): ResultsModel {
  return {
    official,
    mark: labels.text(official ? 'official' : 'unofficial'),
    heading: labels.text('results'),
  };
}

/** The fields that come from the program alone. */
function common(
  program: ProgramView,
  labels: BoardLabels,
  layout: 'far' | 'dense',
): Pick<
  BoardModel,
  'language' | 'theme' | 'safeArea' | 'meeting' | 'overlay' | 'layout' | 'pageLabel'
> {
  const { display } = program;
  return {
    language: display.language,
    theme: display.theme,
    safeArea: display.safeArea,
    meeting: program.meeting,
    overlay: presentOverlay(program, labels, null),
    layout,
    pageLabel: labels.text('page'),
  };
}

/** No active race: a blank board that still knows the meeting and the display settings. */
function emptyBoard(
  program: ProgramView,
  labels: BoardLabels,
  layout: 'far' | 'dense',
): BoardModel {
  return {
    ...common(program, labels, layout),
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
    results: { official: false, mark: '', heading: labels.text('results') },
    startList: { heading: labels.text('startList'), rows: [] },
    sprintResult: null,
    empty: true,
    qualification: null,
  };
}
