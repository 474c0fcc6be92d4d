import type { RaceHost } from '../host/host.ts';
import { appVersion } from './app-version.ts';
import { renderResultsPdf } from './pdf.ts';

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
  const race = host.race(raceId);
  const journal = host.journal(raceId);
  if (!race || !journal) return null;
  const program = host.program();
  const category = program.races.find((entry) => entry.id === raceId)?.category;
  return renderResultsPdf({
    meeting: program.meeting,
    ...(options.venue?.trim() ? { venue: options.venue.trim() } : {}),
    ...(category ? { category } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    race,
    journal: journal.entries,
    version: appVersion(),
  });
}

/** The file name a race's results sheet is saved under: "<race-id>-results.pdf". */
export function resultsPdfFileName(raceId: string): string {
  return `${raceId.replace(/[^A-Za-z0-9._-]+/g, '_')}-results.pdf`;
}
