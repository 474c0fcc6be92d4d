import type { RaceHost } from '../host/host.ts';
import { raceFileNames } from '../../shared/export/meeting.ts';
import { hostRaceRecord } from '../export/meeting-export.ts';
import { renderPdf } from '../export/pdf-adapter.ts';

/** Options of raceResultsPdf. */
export interface RaceResultsPdfOptions {
  /** The venue; taken from the meeting name when absent. */
  readonly venue?: string;
  /** IANA time zone of the printed date and times; the host's own when absent. */
  readonly timeZone?: string;
}

/**
 * The official results sheet of one race of the host's program as PDF bytes, or null when the
 * race is not in the program. What the HTTP route, the console's Export button and the Electron
 * menu (File > Export results) all call.
 */
export async function raceResultsPdf(
  host: RaceHost,
  raceId: string,
  options: RaceResultsPdfOptions = {},
): Promise<Buffer | null> {
  const race = hostRaceRecord(host, raceId);
  if (!race) return null;
  return Buffer.from(await renderPdf({ meeting: host.program().meeting, race, ...options }));
}

/** The file name a race's results sheet is saved under: "<race-id>-results.pdf". */
export function resultsPdfFileName(raceId: string): string {
  return raceFileNames(raceId).pdf;
}
