/**
 * The one door from the exports to the PDF results sheet (src/main/results/pdf.ts): a race
 * record of the exports made into the renderer's input.
 */
import type { RaceRecord } from '../../shared/export/results-document.ts';
import { raceView } from '../../shared/race/view.ts';
import { appVersion } from '../results/app-version.ts';
import { renderResultsPdf } from '../results/pdf.ts';

/** What a results sheet is made from: the meeting's name and the race. */
export interface PdfInput {
  readonly meeting: string | null;
  readonly race: RaceRecord;
}

/** The PDF results sheet is not in this build. */
export class PdfUnavailableError extends Error {
  override readonly name = 'PdfUnavailableError';
  constructor(options?: ErrorOptions) {
    super('the PDF results sheet is not available in this build', options);
  }
}

/** Whether this build can make PDF results sheets (it always can: kept for the exports' callers). */
export function pdfAvailable(): Promise<boolean> {
  return Promise.resolve(true);
}

/** The PDF results sheet of a race; PdfUnavailableError when this build has none. */
export async function renderPdf({ meeting, race }: PdfInput): Promise<Uint8Array> {
  return renderResultsPdf({
    meeting: meeting ?? '',
    ...(race.category ? { category: race.category } : {}),
    race: raceView(race.id, race.journal.length, race.state),
    journal: race.journal,
    version: appVersion(),
  });
}
