/** One race's exports as text and file names: what the routes and the CLI send or write. */
import { resultsCsv, type CsvDelimiter } from '../../shared/export/csv.ts';
import { jsonText, raceFileNames } from '../../shared/export/meeting.ts';
import { resultsDocument, type RaceRecord } from '../../shared/export/results-document.ts';
import { stateToSheet } from '../../shared/export/sheet-export.ts';
import type { MeetingFacts } from '../../shared/results/meeting-facts.ts';

/** The CSV of a race's results (UTF-8 with BOM). */
export const raceCsv = (race: RaceRecord, delimiter: CsvDelimiter = ','): string =>
  resultsCsv(race.state, { delimiter });

/** The results document of a race as JSON text; `meeting` null for a race read from a sheet. */
export const raceResultsJson = (meeting: MeetingFacts | null, race: RaceRecord): string =>
  jsonText(resultsDocument(meeting, race));

/** The race sheet of a race as JSON text. */
export const raceSheetJson = (race: RaceRecord): string => jsonText(stateToSheet(race.state));

/** The file names a race's exports are offered under. */
export const raceDownloadNames = (race: RaceRecord) => raceFileNames(race.id);
