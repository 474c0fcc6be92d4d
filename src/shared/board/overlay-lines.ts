import type { RaceView } from '../race/view.ts';
import type { BoardLabels } from './labels.ts';
import type {
  BoardRow,
  LapBoardModel,
  OverlayLine,
  QualificationModel,
  ResultsModel,
  SprintResultModel,
} from './model.ts';

/** What the overlay is made from: the race and the parts of the board model already decided. */
export interface OverlayRace {
  readonly race: RaceView;
  readonly rows: readonly BoardRow[];
  readonly lapBoard: LapBoardModel;
  readonly sprintResult: SprintResultModel | null;
  readonly results: ResultsModel;
  readonly qualification: QualificationModel | null;
  /** In the last laps of a running semi (presenter.ts): from the bell, or after the last sprint. */
  readonly lastLaps: boolean;
}

/** A standings row as an overlay line: rank, flag, name, and what the row says beside. */
export function lineOf(row: BoardRow, changes: Partial<OverlayLine> = {}): OverlayLine {
  return {
    key: row.key,
    place: row.rank,
    medal: null,
    bib: row.bib,
    name: row.name,
    names: row.names,
    nation: row.nation,
    value: row.total,
    unit: '',
    badge: '',
    note: '',
    tone: 'plain',
    ...changes,
  };
}

/** Q for a skater who clinched a place in the final while the semi runs, or Q / q once finished. */
export function badgeOf(row: BoardRow, labels: BoardLabels): string {
  if (row.qualified !== '') return row.qualified === 'Q' ? labels.text('qualified') : 'q';
  return row.qualification === 'Q' ? labels.text('qualified') : '';
}
