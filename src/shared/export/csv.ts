import Papa from 'papaparse/papaparse.js';
import type { RaceState } from '../race/state.ts';
import { raceResults, type ResultRow } from '../results/rows.ts';

/** The field separator of a results CSV: comma, or semicolon for Dutch and European spreadsheets. */
export type CsvDelimiter = ',' | ';';

/** Options of resultsCsv. */
export interface CsvOptions {
  readonly delimiter?: CsvDelimiter;
  /** Starts the text with a UTF-8 byte order mark so spreadsheets read the diacritics (default true). */
  readonly bom?: boolean;
}

/** The byte order mark spreadsheet programs look for to read a CSV as UTF-8. */
export const utf8Bom = '\uFEFF';

/**
 * Reads a delimiter as given on a command line or in a query (`,` `;` `comma` `semicolon`);
 * null when it is none of them.
 */
export function parseDelimiter(text: string): CsvDelimiter | null {
  switch (text.trim().toLowerCase()) {
    case ',':
    case 'comma':
      return ',';
    case ';':
    case 'semicolon':
      return ';';
    default:
      return null;
  }
}

/** The header row: Rank, Helmet, Name, First name, Last name, Nation, SP1..SPn, Final, Total, Time, Status, Laps, Q. */
export function csvHeaders(sprints: number): string[] {
  return [
    'Rank',
    'Helmet',
    'Name',
    'First name',
    'Last name',
    'Nation',
    ...Array.from({ length: sprints }, (_, index) => `SP${index + 1}`),
    'Final',
    'Total',
    'Time',
    'Status',
    'Laps',
    'Q',
  ];
}

/** One results row as CSV cells (empty for what it does not have). */
function csvCells(row: ResultRow, sprints: number): CsvCell[] {
  return [
    row.rank ?? '',
    row.bib,
    row.name,
    row.firstName,
    row.lastName,
    row.nation,
    ...Array.from({ length: sprints }, (_, index) => row.sprints[index] ?? 0),
    row.final,
    row.total,
    row.time ?? '',
    row.status,
    row.laps ?? '',
    row.qualified ?? '',
  ];
}

/** A CSV cell: text, a number, or empty. */
export type CsvCell = string | number;

// The start-list import's typings of Papa Parse (src/shared/startlist/papaparse.d.ts, which keeps
// @types/papaparse and its Node globals out of src/shared) name only `parse`.
const papa = Papa as unknown as { unparse(data: unknown, config: object): string };

/**
 * A text cell a spreadsheet would run as a formula: one that starts with = + - @, a tab or a
 * line break (OWASP "CSV Injection"; ASVS 1.2.10 adds NUL). Anchored at the start only, unlike
 * Papa Parse's own /^[=+\-@\t\r].*$/, which a line break later in the cell gets past.
 */
export const formulaStart = /^[=+\-@\t\r\n\0]/;

/**
 * Rows as CSV text, the one writer of the results CSV and the feed CSV (issue 17): RFC 4180
 * quoting, CRLF line ends, a UTF-8 byte order mark unless `bom: false`. A text cell that
 * starts like a formula (formulaStart) is quoted with a ' in front, so "=HYPERLINK(...)" and
 * "-3" as a name stay text; numbers are written as they are (-3 as a number is a number, and no
 * points or time column here is ever negative).
 */
export function csvText(
  fields: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const text = papa.unparse(
    { fields, data: rows },
    { delimiter: options.delimiter ?? ',', newline: '\r\n', escapeFormulae: formulaStart },
  );
  return `${options.bom === false ? '' : utf8Bom}${text}\r\n`;
}

/** A race's results as CSV text (csvText), in ranking order. */
export function resultsCsv(state: RaceState, options: CsvOptions = {}): string {
  const sprints = state.format.sprintLaps.length;
  const { rows } = raceResults(state);
  return csvText(
    csvHeaders(sprints),
    rows.map((row) => csvCells(row, sprints)),
    options,
  );
}
