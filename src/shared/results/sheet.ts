import type { JournalEntry } from '../race/events.ts';
import { foldJournal } from '../race/history.ts';
import { printName } from '../race/skater-name.ts';
import type { RaceView } from '../race/view.ts';
import { dayText, localDayText, localTimeText } from './local-time.ts';
import type { MeetingFacts } from './meeting-facts.ts';
import { raceResults, type ResultRow } from './rows.ts';

/**
 * The official results sheet of a race (issue 11) as strings, cell by cell: the pure model that
 * src/main/results-out/pdf.ts lays out on A4 with pdfkit. Everything here is derived from the
 * meeting, the race and its journal, so one journal always prints the same sheet.
 */
export interface ResultsSheetInput {
  /** The meeting's name, venue, day and zone (issue 19): the header and every time print them. */
  readonly meeting: MeetingFacts;
  /** The race's category in the program ("Men"), if it has one. */
  readonly category?: string;
  readonly race: RaceView;
  /** The race's journal (all entries; voids are taken into account here). */
  readonly journal: readonly JournalEntry[];
  /** The software version (package.json), for the footer. */
  readonly version: string;
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
  /**
   * The meeting's day, "21 February 2026"; without one, the day of the race's start (or of its
   * confirmation) in the meeting's zone; '' when there is none of them.
   */
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
  /** "Confirmed 21 February 2026 15:42:10 CET" (in the meeting's zone), or '' while unofficial. */
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
  const { race, meeting } = input;
  const { state } = race;
  const results = raceResults(state);
  // The race's facts are the state's (RaceState.startedAt, confirmedAt: issue 19).
  const { startedAt, confirmedAt, official } = state;
  const zone = meeting.timeZone;
  const confirmedDay = localDayText(confirmedAt, zone);
  const sprintCount = state.format.sprintLaps.length;
  const semi = state.round === 'semi';
  const category = input.category?.trim() ?? '';
  const fromStartKey = timedFromStartKey(input.journal);
  // Official style (issue 19): "BERGSMA Jorrit", "CHUNG Jae-won"; the whole name without parts.
  const skaters = new Map(state.skaters.map((skater) => [skater.bib, skater]));
  const printed = (row: ResultRow) => {
    const skater = skaters.get(row.bib);
    return skater ? printName(skater) : row.name;
  };

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
        printed(row),
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
    meeting: meeting.name.trim(),
    venue: meeting.venue.trim(),
    date: meeting.date ? dayText(meeting.date) : localDayText(startedAt, zone) || confirmedDay,
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
    confirmed: confirmedDay ? `Confirmed ${confirmedDay} ${localTimeText(confirmedAt, zone)}` : '',
    confirmedAt,
    startedAt,
    software: `${softwareName} ${input.version}`,
    documentTitle: `${state.title} · Results`,
  };
}
