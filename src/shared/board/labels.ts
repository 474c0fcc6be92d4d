import type { SkaterStatus } from '../race/events.ts';
import type { DisplaySettings } from '../protocol/program.ts';

/** A language the board and overlay can speak. */
export type BoardLanguage = DisplaySettings['language'];

/** Status words for skaters who are not OK. */
export type StatusLabels = Readonly<Record<Exclude<SkaterStatus, 'OK'>, string>>;

/** Column headers of the standings. */
export interface ColumnLabels {
  readonly rank: string;
  readonly bib: string;
  readonly name: string;
  readonly nation: string;
  /** Header of intermediate sprint n: "SP1". */
  readonly sprint: (n: number) => string;
  readonly final: string;
  readonly total: string;
  /** Header of the time / laps column. */
  readonly detail: string;
}

/** Every word the board draws; each language must give them all (a gap is a type error). */
export interface BoardLabels {
  /** Under the lap board figure: "LAPS TO GO". */
  readonly lapsToGo: string;
  /** Under the figure 1 (English has a singular). */
  readonly lapToGo: string;
  /** The sprint lap flag and banner heading of intermediate sprint n: "SPRINT 2". */
  readonly sprint: (n: number) => string;
  readonly finalSprint: string;
  readonly lastLap: string;
  readonly finish: string;
  readonly results: string;
  readonly startList: string;
  readonly official: string;
  readonly unofficial: string;
  /** Laps completed by a non-finisher: "9 laps", "1 lap". */
  readonly laps: (n: number) => string;
  readonly status: StatusLabels;
  readonly columns: ColumnLabels;
}

const english: BoardLabels = {
  lapsToGo: 'LAPS TO GO',
  lapToGo: 'LAP TO GO',
  sprint: (n) => `SPRINT ${n}`,
  finalSprint: 'FINAL SPRINT',
  lastLap: 'LAST LAP',
  finish: 'FINISH',
  results: 'RESULTS',
  startList: 'START LIST',
  official: 'OFFICIAL',
  unofficial: 'UNOFFICIAL',
  laps: (n) => `${n} ${n === 1 ? 'lap' : 'laps'}`,
  status: { DNF: 'DNF', DQ: 'DQ', DNS: 'DNS', LAPPED: 'LAPPED' },
  columns: {
    rank: 'RANK',
    bib: 'BIB',
    name: 'NAME',
    nation: 'NAT',
    sprint: (n) => `SP${n}`,
    final: 'FIN',
    total: 'PTS',
    detail: 'TIME',
  },
};

const dutch: BoardLabels = {
  lapsToGo: 'NOG TE GAAN',
  lapToGo: 'NOG TE GAAN',
  sprint: (n) => `SPRINT ${n}`,
  finalSprint: 'EINDSPRINT',
  lastLap: 'LAATSTE RONDE',
  finish: 'FINISH',
  results: 'UITSLAG',
  startList: 'STARTLIJST',
  official: 'OFFICIEEL',
  unofficial: 'NIET OFFICIEEL',
  laps: (n) => `${n} ${n === 1 ? 'ronde' : 'ronden'}`,
  status: { DNF: 'DNF', DQ: 'DQ', DNS: 'DNS', LAPPED: 'GEDUBBELD' },
  columns: {
    rank: 'POS',
    bib: 'NR',
    name: 'NAAM',
    nation: 'LAND',
    sprint: (n) => `SP${n}`,
    final: 'FIN',
    total: 'PNT',
    detail: 'TIJD',
  },
};

/** The board's words in every display language (display settings, `language`). */
export const boardLabels: Readonly<Record<BoardLanguage, BoardLabels>> = { en: english, nl: dutch };

/** The status word of a skater in a language; "" for a skater who is OK. */
export function statusLabel(labels: BoardLabels, status: SkaterStatus): string {
  return status === 'OK' ? '' : labels.status[status];
}
