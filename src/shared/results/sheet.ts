import type { JournalEntry } from '../race/events.ts';
import { foldJournal } from '../race/history.ts';
import type { RaceView } from '../race/view.ts';
import { raceResults, type ResultRow } from './rows.ts';

/**
 * The official results sheet of a race (issue 11) as strings, cell by cell: the pure model that
 * src/main/results/pdf.ts lays out on A4 with pdfkit. Everything here is derived from the race
 * and its journal, so one journal always prints the same sheet.
 */
export interface ResultsSheetInput {
  /** The meeting name of the program. */
  readonly meeting: string;
  /** The venue; when absent it is taken from the meeting name (`venueOf`). */
  readonly venue?: string;
  /** The race's category in the program ("Men"), if it has one. */
  readonly category?: string;
  readonly race: RaceView;
  /** The race's journal (all entries; voids are taken into account here). */
  readonly journal: readonly JournalEntry[];
  /** The software version (package.json), for the footer. */
  readonly version: string;
  /** IANA time zone the date and times print in; the host's own zone when absent. */
  readonly timeZone?: string;
}

/** One column of the results table. */
export interface SheetColumn {
  readonly key: string;
  readonly label: string;
  readonly align: 'left' | 'center' | 'right';
  /** Relative width; the renderer gives the name column what is left. */
  readonly width: number;
}

/** One row of the table: a string per column, in column order. */
export interface SheetRow {
  readonly cells: readonly string[];
  readonly bib: number;
  /** Printed in a lighter tone (DQ, DNS, DNF, LAPPED). */
  readonly muted: boolean;
}

/** The whole sheet, ready to lay out. */
export interface ResultsSheet {
  readonly meeting: string;
  readonly venue: string;
  /** "21 February 2026", or '' when the race has neither start nor confirmation yet. */
  readonly date: string;
  /** "Men · Mass Start · Semi-final 1" */
  readonly title: string;
  readonly category: string;
  /** "Semi-final (first 8 qualify for the final)" or "Final". */
  readonly round: string;
  /** "16 laps · intermediate sprints after laps 4, 8, 12: 3-2-1 points · final sprint: 60-40-20-10-6-3 points" */
  readonly format: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly SheetRow[];
  /** The qualification line is drawn under this many rows (semi-final); null in a final. */
  readonly qualificationLine: number | null;
  readonly legend: readonly string[];
  readonly official: boolean;
  /** "OFFICIAL" or "UNOFFICIAL". */
  readonly status: string;
  /** "Confirmed 21 February 2026 15:42:10", or '' while unofficial. */
  readonly confirmed: string;
  /** ISO time of the in-force confirmation, or null. */
  readonly confirmedAt: string | null;
  /** ISO time of the start (in force), or null. */
  readonly startedAt: string | null;
  /** "Mass Start Scoreboard 0.1.0" */
  readonly software: string;
  /** Document title for the PDF metadata. */
  readonly documentTitle: string;
}

export const softwareName = 'Mass Start Scoreboard';

/** When the race started and when its results were (last) confirmed, as the journal has them. */
export function raceTimes(journal: readonly JournalEntry[]): {
  startedAt: string | null;
  confirmedAt: string | null;
} {
  let startedAt: string | null = null;
  let confirmedAt: string | null = null;
  foldJournal(journal, ({ entry, inForce }) => {
    if (!inForce) return;
    const { type } = entry.event;
    if (type === 'race/started') startedAt = entry.at || null;
    else if (type === 'results/confirmed') confirmedAt = entry.at || null;
    else if (type === 'results/reopened') confirmedAt = null;
  });
  return { startedAt, confirmedAt };
}

/**
 * Skaters whose time in force came from the timing loop counted from the operator's start key
 * (issue 17): without a gun wired to the decoder, such a time is short by the operator's reaction.
 */
export function timedFromStartKey(journal: readonly JournalEntry[]): ReadonlySet<number> {
  const marked = new Set<number>();
  foldJournal(journal, ({ entry, inForce }) => {
    if (!inForce || entry.event.type !== 'finish/timed') return;
    if (entry.event.timedFrom === 'startKey') marked.add(entry.event.bib);
    else marked.delete(entry.event.bib);
  });
  return marked;
}

/**
 * The venue as the meeting name gives it: after the last comma ("ISU World Cup, Calgary"), or
 * the first part before " · " / " – " / " | " without a trailing year ("Milano Cortina 2026 · ...").
 */
export function venueOf(meeting: string): string {
  const text = meeting.trim();
  if (text.includes(',')) return text.slice(text.lastIndexOf(',') + 1).trim();
  const first = text.split(/\s+[·–—|]\s+/)[0] ?? '';
  return first.replace(/\s+\d{4}(\/\d{2,4})?$/, '').trim();
}

const validDate = (iso: string | null): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

function formatDate(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

function formatTime(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

const points = (value: number) => (value === 0 ? '' : String(value));

/** The mark column: Q/q, or the status with the laps a non-finisher completed. */
export function markOf(row: ResultRow): string {
  if (row.status === 'OK') return row.qualified ?? '';
  const laps = row.laps === null ? '' : ` (${row.laps} ${row.laps === 1 ? 'lap' : 'laps'})`;
  return row.status === 'DNF' || row.status === 'LAPPED' ? `${row.status}${laps}` : row.status;
}

const list = (values: readonly number[]) => values.join('-');

/** The sheet model of a race. */
export function resultsSheet(input: ResultsSheetInput): ResultsSheet {
  const { race, timeZone } = input;
  const { state } = race;
  const results = raceResults(state);
  const { startedAt, confirmedAt } = raceTimes(input.journal);
  const official = state.official;
  const confirmedDate = official ? validDate(confirmedAt) : null;
  const dated = validDate(startedAt) ?? confirmedDate;
  const sprintCount = state.format.sprintLaps.length;
  const semi = state.round === 'semi';
  const category = input.category?.trim() ?? '';
  const fromStartKey = timedFromStartKey(input.journal);

  const columns: SheetColumn[] = [
    { key: 'rank', label: 'Rank', align: 'right', width: 26 },
    { key: 'bib', label: 'No.', align: 'right', width: 24 },
    { key: 'name', label: 'Name', align: 'left', width: 0 },
    { key: 'nation', label: 'Nation', align: 'center', width: 34 },
    ...Array.from({ length: sprintCount }, (_, index) => ({
      key: `sp${index + 1}`,
      label: `SP${index + 1}`,
      align: 'right' as const,
      width: 24,
    })),
    { key: 'final', label: 'Final', align: 'right', width: 28 },
    { key: 'total', label: 'Total', align: 'right', width: 30 },
    { key: 'time', label: 'Time', align: 'right', width: 44 },
    { key: 'mark', label: '', align: 'left', width: 76 },
  ];

  const rows = results.rows.map((row): SheetRow => {
    const noPoints = row.status === 'DQ' || row.status === 'DNS';
    const sprints = Array.from({ length: sprintCount }, (_, index) =>
      noPoints ? '' : points(row.sprints[index] ?? 0),
    );
    return {
      bib: row.bib,
      muted: row.status !== 'OK',
      cells: [
        row.rank === null ? '' : String(row.rank),
        String(row.bib),
        row.name,
        row.nation,
        ...sprints,
        noPoints ? '' : points(row.final),
        noPoints ? '' : String(row.total),
        row.time === null ? '' : `${row.time}${fromStartKey.has(row.bib) ? '*' : ''}`,
        markOf(row),
      ],
    };
  });

  const { format } = state;
  const sprintText =
    sprintCount === 0
      ? 'no intermediate sprints'
      : `intermediate sprints after laps ${format.sprintLaps.join(', ')}: ${list(format.intermediatePoints)} points`;
  const legend = [
    ...(semi
      ? [
          `Q  qualified for the final by ranking (first ${state.qualifiers})`,
          'q  advanced to the final by decision of the referee',
        ]
      : []),
    'DNF  did not finish (laps completed)',
    'LAPPED  lapped by the leader (laps completed)',
    'DQ  disqualified',
    'DNS  did not start',
    `${sprintCount > 0 ? `SP1-SP${sprintCount}  intermediate sprints, ` : ''}Final  final sprint (the finish), Total  points`,
    ...(results.rows.some((row) => row.time !== null && fromStartKey.has(row.bib))
      ? [
          '*  time from the timing loop, run from the start command (no gun wired to the decoder): short by the operator’s reaction',
        ]
      : []),
  ];

  return {
    meeting: input.meeting.trim(),
    venue: (input.venue ?? venueOf(input.meeting)).trim(),
    date: dated ? formatDate(dated, timeZone) : '',
    title: state.title,
    // A category the title already names ("Men · Mass Start ...") is not printed twice.
    category:
      category && !state.title.toLowerCase().includes(category.toLowerCase()) ? category : '',
    round: semi
      ? `Semi-final${state.qualifiers > 0 ? ` (first ${state.qualifiers} qualify for the final)` : ''}`
      : 'Final',
    format: `${format.laps} laps · ${sprintText} · final sprint: ${list(format.finalPoints)} points`,
    columns,
    rows,
    qualificationLine: semi ? results.qualificationLine : null,
    legend,
    official,
    status: official ? 'OFFICIAL' : 'UNOFFICIAL',
    confirmed: confirmedDate
      ? `Confirmed ${formatDate(confirmedDate, timeZone)} ${formatTime(confirmedDate, timeZone)}`
      : '',
    confirmedAt: official ? confirmedAt : null,
    startedAt,
    software: `${softwareName} ${input.version}`,
    documentTitle: `${state.title} · Results`,
  };
}
