/** One race's exports as bytes and file names: what the routes and the CLI send or write. */
import { resultsCsv, type CsvDelimiter } from '../../shared/export/csv.ts';
import { jsonText, raceFileNames } from '../../shared/export/meeting.ts';
import { resultsDocument, type RaceRecord } from '../../shared/export/results-document.ts';
import { stateToSheet } from '../../shared/export/sheet-export.ts';
import { renderPdf } from './pdf-adapter.ts';

/** The CSV of a race's results (UTF-8 with BOM). */
export const raceCsv = (race: RaceRecord, delimiter: CsvDelimiter = ','): string =>
  resultsCsv(race.state, { delimiter });

/** The results document of a race as JSON text. */
export const raceResultsJson = (meeting: string | null, race: RaceRecord): string =>
  jsonText(resultsDocument(meeting, race));

/** The race sheet of a race as JSON text. */
export const raceSheetJson = (race: RaceRecord): string => jsonText(stateToSheet(race.state));

/** The PDF results sheet of a race. */
export const racePdf = (meeting: string | null, race: RaceRecord): Promise<Uint8Array> =>
  renderPdf({ meeting, race });

/** The file names a race's exports are offered under. */
export const raceDownloadNames = (race: RaceRecord) => raceFileNames(race.id);
