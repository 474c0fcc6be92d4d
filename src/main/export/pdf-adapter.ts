/**
 * The one door from the exports to the PDF results sheet (src/main/results/pdf.ts): a race
 * record of the exports made into the renderer's input.
 */
import type { RaceRecord } from '../../shared/export/results-document.ts';
import { raceView } from '../../shared/race/view.ts';
import { appVersion } from '../results/app-version.ts';
import { renderResultsPdf } from '../results/pdf.ts';

/** What a results sheet is made from: the meeting's name and the race (venue and zone optional). */
export interface PdfInput {
  readonly meeting: string | null;
  readonly race: RaceRecord;
  /** The venue; taken from the meeting name when absent. */
  readonly venue?: string;
  /** IANA time zone of the printed date and times; the host's own when absent. */
  readonly timeZone?: string;
}

/** The PDF results sheet of a race. */
export async function renderPdf({ meeting, race, venue, timeZone }: PdfInput): Promise<Uint8Array> {
  return renderResultsPdf({
    meeting: meeting ?? '',
    ...(venue?.trim() ? { venue: venue.trim() } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(race.category ? { category: race.category } : {}),
    race: raceView(race.id, race.journal.length, race.state),
    journal: race.journal,
    version: appVersion(),
  });
}
