/**
 * The head of the commentator screen: which race, laps to go, and what the lap being run is
 * (a sprint lap, the bell, the finish) or which sprint comes next and at how many to go, the
 * figure the venue board shows. From the host's race view; nothing computed here but words.
 */
import type { ProgramView } from '../../../shared/protocol/program.ts';
import { sprintLapsToGo } from '../../../shared/race/format.ts';
import type { RaceView } from '../../../shared/race/view.ts';
import { pointsTable } from './figures.ts';

/** How loud the flag beside the figure is. */
export type FlagTone = 'calm' | 'sprint' | 'bell' | 'finish' | 'official';

/** The head of the page. */
export interface RaceHead {
  readonly meeting: string;
  readonly title: string;
  /** "Semi-final · top 8 to the final", "Final"; empty without a race. */
  readonly round: string;
  /** The board's figure ("12"); empty without a race. */
  readonly lapsToGo: string;
  readonly lapsLabel: string;
  /** The lap being run: "lap 5 of 16"; empty before the start and after the finish. */
  readonly lap: string;
  readonly flag: { readonly text: string; readonly tone: FlagTone };
}

/** The head for the race on screen (null: no race active). */
export function raceHead(program: ProgramView | null, race: RaceView | null): RaceHead {
  const meeting = program?.meeting ?? '';
  if (!race)
    return {
      meeting,
      title: 'No active race',
      round: '',
      lapsToGo: '',
      lapsLabel: '',
      lap: '',
      flag: { text: 'Waiting for the operator to activate a race', tone: 'calm' },
    };
  const { state, lapsToGo } = race;
  const running = state.started && lapsToGo > 0;
  return {
    meeting,
    title: state.title,
    round: state.round === 'semi' ? `Semi-final · top ${state.qualifiers} to the final` : 'Final',
    lapsToGo: String(lapsToGo),
    lapsLabel: lapsToGo === 1 ? 'lap to go' : 'laps to go',
    lap: running ? `lap ${state.lapsCompleted + 1} of ${state.format.laps}` : '',
    flag: flagOf(race),
  };
}

/** What the lap being run is, or what comes next. */
function flagOf(race: RaceView): RaceHead['flag'] {
  const { state } = race;
  const { format } = state;
  if (state.official) return { text: 'Official results', tone: 'official' };
  if (!state.started) return { text: 'Not started', tone: 'calm' };
  if (race.lapsToGo === 0)
    return {
      text: race.standings.phase === 'final' ? 'Finished · not yet official' : 'Finish',
      tone: 'finish',
    };
  if (race.bell)
    return {
      text: `Bell · last lap · final sprint ${pointsTable(format.finalPoints)}`,
      tone: 'bell',
    };
  if (typeof race.sprintLap === 'number')
    return {
      text: `Sprint ${race.sprintLap} at the end of this lap · ${pointsTable(format.intermediatePoints)}`,
      tone: 'sprint',
    };
  // The next sprint at the figure the board will show when it is run (rules: 13, 9, 5, 1 to go).
  const next = format.sprintLaps.findIndex(
    (_, index) => sprintLapsToGo(format, index + 1) < race.lapsToGo,
  );
  if (next === -1) return { text: 'Next: the final sprint at the finish', tone: 'calm' };
  return {
    text: `Next: sprint ${next + 1} at ${sprintLapsToGo(format, next + 1) + 1} to go`,
    tone: 'calm',
  };
}
