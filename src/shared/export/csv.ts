import Papa from 'papaparse';
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
function csvCells(row: ResultRow, sprints: number): (string | number)[] {
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

/**
 * A race's results as CSV text (RFC 4180 quoting, CRLF line ends), in ranking order, with a
 * UTF-8 byte order mark unless `bom: false`. Cells that a spreadsheet would run as a formula
 * (starting with = + - @) are quoted and prefixed with ' (papaparse's escapeFormulae).
 */
export function resultsCsv(state: RaceState, options: CsvOptions = {}): string {
  const sprints = state.format.sprintLaps.length;
  const { rows } = raceResults(state);
  const text = Papa.unparse(
    { fields: csvHeaders(sprints), data: rows.map((row) => csvCells(row, sprints)) },
    { delimiter: options.delimiter ?? ',', newline: '\r\n', escapeFormulae: true },
  );
  return `${options.bom === false ? '' : utf8Bom}${text}\r\n`;
}
