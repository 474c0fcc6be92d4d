/**
 * The race report of one race as PDF bytes (issue 21, part 3), from a running host (the HTTP
 * route, the console's button, the Electron menu) or from a data folder read without changing it
 * (`massstart report --data`): the race's journal, its passing log (DATA/races/<id>.passings.jsonl,
 * src/main/timing/passing-log.ts), the meeting's facts and timing settings.
 */
import { safeFileStem } from '../../shared/export/meeting.ts';
import type { RaceRecord } from '../../shared/export/results-document.ts';
import type { MeetingFacts } from '../../shared/results/meeting-facts.ts';
import { raceView } from '../../shared/race/view.ts';
import {
  raceReport,
  type RaceReport,
  type ReportPassings,
} from '../../shared/timing/race-report.ts';
import { defaultTimingSettings, type TimingSettings } from '../../shared/timing/settings.ts';
import type { RaceHost } from '../host/host.ts';
import { programPath } from '../host/data-folder.ts';
import { readProgramFile } from '../host/program-file.ts';
import { loadPeer } from '../standby/peer-file.ts';
import { passingLogPath, readPassingLog } from '../timing/passing-log.ts';
import { appVersion } from './app-version.ts';
import { DataReadError, readMeetingRace } from './data-reader.ts';
import { hostRaceRecord } from './host-records.ts';
import { meetingFacts } from './meeting-facts.ts';
import { renderReportPdf } from './report-pdf.ts';

/**
 * The passings of a race in a data folder: its passing log, or none, and then whether this is a
 * standby's folder (a standby never reads the decoder; DATA/peer.json keeps its role).
 */
export async function reportPassings(dataDir: string, raceId: string): Promise<ReportPassings> {
  const path = passingLogPath(dataDir, raceId);
  let read;
  try {
    read = await readPassingLog(path);
  } catch (error) {
    throw new DataReadError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (read && read.passings.length > 0)
    return { kind: 'log', passings: read.passings, skipped: read.skipped };
  return { kind: 'none', standby: (await loadPeer(dataDir))?.role === 'standby' };
}

/** The report of a race: its model and its PDF bytes. */
export async function renderRaceReport(
  meeting: MeetingFacts,
  race: RaceRecord,
  timing: TimingSettings,
  passings: ReportPassings,
): Promise<{ report: RaceReport; pdf: Buffer }> {
  const report = raceReport({
    meeting,
    ...(race.category ? { category: race.category } : {}),
    race: raceView(race.id, race.journal.length, race.state),
    journal: race.journal,
    version: appVersion(),
    passings,
    timing,
  });
  return { report, pdf: await renderReportPdf(report) };
}

/**
 * The race report of a race of the host's program as PDF bytes, or null when the race is not in
 * the program. The passings are read from the host's data folder: what the timing feed has
 * appended by now (it writes in the background, a write behind at most).
 */
export async function raceReportPdf(host: RaceHost, raceId: string): Promise<Buffer | null> {
  const race = hostRaceRecord(host, raceId);
  if (!race) return null;
  const program = host.program();
  const passings = await reportPassings(host.internals.dataDir, raceId);
  return (await renderRaceReport(meetingFacts(program), race, program.timing, passings)).pdf;
}

/**
 * The race report of a race in a data folder, read only (no lock, nothing written): safe beside
 * a running host. DataReadError names the problem (an unknown race names the races there).
 */
export async function dataFolderReportPdf(
  dataDir: string,
  raceId: string,
): Promise<{
  pdf: Buffer;
  report: RaceReport;
  notes: readonly string[];
  passings: ReportPassings;
}> {
  const { meeting, race, notes } = await readMeetingRace(dataDir, raceId);
  // The timing settings of the meeting; a program.json that cannot be read gives the defaults
  // (readMeetingRace has said so in its notes).
  const timing = await readProgramFile(programPath(dataDir)).then(
    (program) => program?.timing ?? defaultTimingSettings,
    () => defaultTimingSettings,
  );
  const passings = await reportPassings(dataDir, raceId);
  return { ...(await renderRaceReport(meeting, race, timing, passings)), notes, passings };
}

/** The file name a race's report is saved under: "<race-id>-report.pdf". */
export function reportFileName(raceId: string): string {
  return `${safeFileStem(raceId)}-report.pdf`;
}
