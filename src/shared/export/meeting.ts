import type { MeetingFacts } from '../results/meeting-facts.ts';
import { resultsCsv, type CsvDelimiter } from './csv.ts';
import { resultsDocument, type RaceRecord, type ResultsDocument } from './results-document.ts';
import { stateToSheet } from './sheet-export.ts';

/** A whole meeting as the exports read it: its facts and its races in program order. */
export interface MeetingRecord {
  readonly meeting: MeetingFacts;
  readonly races: readonly RaceRecord[];
}

/** The meeting's JSON (meeting.json of an export): the program and every race's results. */
export interface MeetingDocument {
  readonly version: 1;
  readonly meeting: string;
  readonly program: readonly {
    readonly id: string;
    readonly category: string;
    readonly title: string;
    readonly round: 'semi' | 'final';
    readonly skaters: number;
    readonly phase: ResultsDocument['phase'];
    /** The files of this race in the export (the PDF only where the build makes PDFs). */
    readonly files: { readonly csv: string; readonly sheet: string; readonly pdf: string };
  }[];
  /** Each race's results document (resources/schemas/results.schema.json), in program order. */
  readonly races: readonly ResultsDocument[];
  /** Where the meeting is held (issue 19; the fields below were appended after `races`). */
  readonly venue: string;
  /** The meeting's day, YYYY-MM-DD, or null. */
  readonly meetingDate: string | null;
  /** The IANA zone the documents' local times are in. */
  readonly timeZone: string;
}

/**
 * The file names of a race's exports, in a meeting export and as downloads: `<id>-results.csv`,
 * `<id>-results.json`, `<id>-sheet.json`, `<id>-results.pdf` (as the PDF route names it).
 */
export function raceFileNames(raceId: string) {
  const safe = safeFileStem(raceId);
  return {
    csv: `${safe}-results.csv`,
    json: `${safe}-results.json`,
    sheet: `${safe}-sheet.json`,
    pdf: `${safe}-results.pdf`,
  };
}

/** Letters that do not decompose into a base letter and a mark. */
const letterNames: Readonly<Record<string, string>> = {
  ø: 'o',
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  þ: 'th',
};

/** A name fit for a file: letters, digits and dashes (diacritics dropped), never empty. */
export function safeFileStem(name: string, fallback = 'race'): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øœæßđłþ]/g, (letter) => letterNames[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return stem || fallback;
}

/** The meeting's JSON document. */
export function meetingDocument(record: MeetingRecord): MeetingDocument {
  const races = record.races.map((race) => resultsDocument(record.meeting, race));
  const { meeting } = record;
  return {
    version: 1,
    meeting: meeting.name,
    program: record.races.map((race, index) => {
      const { csv, sheet, pdf } = raceFileNames(race.id);
      return {
        id: race.id,
        category: race.category,
        title: race.state.title,
        round: race.state.round,
        skaters: race.state.skaters.length,
        phase: races[index]!.phase,
        files: { csv, sheet, pdf },
      };
    }),
    races,
    venue: meeting.venue,
    meetingDate: meeting.date,
    timeZone: meeting.timeZone,
  };
}

/** JSON as the exports write it: two-space indent, a final newline. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The text files of a meeting export, by file name: meeting.json, and for every race its CSV
 * and its race sheet. (The PDFs are made in src/main/results-out, where the PDF renderer lives.)
 */
export function meetingTextFiles(
  record: MeetingRecord,
  options: { delimiter?: CsvDelimiter } = {},
): Map<string, string> {
  const files = new Map<string, string>();
  files.set('meeting.json', jsonText(meetingDocument(record)));
  for (const race of record.races) {
    const names = raceFileNames(race.id);
    files.set(names.csv, resultsCsv(race.state, options));
    files.set(names.sheet, jsonText(stateToSheet(race.state)));
  }
  return files;
}
