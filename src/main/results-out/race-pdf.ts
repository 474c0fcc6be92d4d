/**
 * The PDF results sheet of one race (src/main/results-out/pdf.ts) from what the outputs hold: a
 * race record and its meeting, or a race of the running host.
 */
import { raceFileNames } from '../../shared/export/meeting.ts';
import type { RaceRecord } from '../../shared/export/results-document.ts';
import type { MeetingFacts } from '../../shared/results/meeting-facts.ts';
import { raceView } from '../../shared/race/view.ts';
import type { RaceHost } from '../host/host.ts';
import { appVersion } from './app-version.ts';
import { hostRaceRecord } from './host-records.ts';
import { meetingFacts, noMeeting } from './meeting-facts.ts';
import { renderResultsPdf } from './pdf.ts';

/** The PDF results sheet of a race; `meeting` null for a race read from a sheet alone. */
export async function racePdf(meeting: MeetingFacts | null, race: RaceRecord): Promise<Uint8Array> {
  return renderResultsPdf({
    meeting: meeting ?? noMeeting(),
    ...(race.category ? { category: race.category } : {}),
    race: raceView(race.id, race.journal.length, race.state),
    journal: race.journal,
    version: appVersion(),
  });
}

/** Options of raceResultsPdf. */
export interface RaceResultsPdfOptions {
  /** A venue for this sheet instead of the meeting's (the route's `?venue=`). */
  readonly venue?: string;
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
  const meeting = meetingFacts(host.program());
  const venue = options.venue?.trim();
  return Buffer.from(await racePdf(venue ? { ...meeting, venue } : meeting, race));
}

/** The file name a race's results sheet is saved under: "<race-id>-results.pdf". */
export function resultsPdfFileName(raceId: string): string {
  return raceFileNames(raceId).pdf;
}
