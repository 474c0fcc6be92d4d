/**
 * The whole meeting at once (issue 11): meeting.json (the program and every race's results
 * document), and per race its CSV, its race sheet and, when this build has the PDF results
 * sheet, its PDF; written to a folder or packed into a zip.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { CsvDelimiter } from '../../shared/export/csv.ts';
import {
  meetingTextFiles,
  raceFileNames,
  type MeetingRecord,
} from '../../shared/export/meeting.ts';
import type { RaceHost } from '../host/host.ts';
import { hostMeetingRecord } from './host-records.ts';
import { racePdf } from './race-pdf.ts';

/** Options of a meeting export. */
export interface MeetingExportOptions {
  readonly delimiter?: CsvDelimiter;
  /** Include one PDF per race when the build has them (default true). */
  readonly pdf?: boolean;
}

/** The files of a meeting export by name, in the order they are written. */
export async function meetingFiles(
  record: MeetingRecord,
  options: MeetingExportOptions = {},
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const [name, text] of meetingTextFiles(record, options)) files.set(name, strToU8(text));
  if (options.pdf !== false) {
    for (const race of record.races) {
      files.set(raceFileNames(race.id).pdf, await racePdf(record.meeting, race));
    }
  }
  return files;
}

/** A meeting export as one zip file's bytes (the files at its root). */
export async function meetingZip(
  record: MeetingRecord,
  options: MeetingExportOptions = {},
): Promise<Uint8Array> {
  const files = await meetingFiles(record, options);
  return zipSync(Object.fromEntries(files), { level: 6 });
}

/** What a meeting export wrote. */
export interface WrittenExport {
  readonly path: string;
  readonly kind: 'zip' | 'folder';
  readonly files: readonly string[];
}

/**
 * Writes a meeting export: to `out` as a zip when it ends in .zip, otherwise into the folder
 * `out` (made when missing; files of an earlier export there are replaced).
 */
export async function writeMeetingExport(
  record: MeetingRecord,
  out: string,
  options: MeetingExportOptions = {},
): Promise<WrittenExport> {
  const files = await meetingFiles(record, options);
  if (/\.zip$/i.test(out)) {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, zipSync(Object.fromEntries(files), { level: 6 }));
    return { path: out, kind: 'zip', files: [...files.keys()] };
  }
  await mkdir(out, { recursive: true });
  for (const [name, bytes] of files) await writeFile(join(out, name), bytes);
  return { path: out, kind: 'folder', files: [...files.keys()] };
}

/**
 * The meeting of a running host into a folder (or a zip by its .zip name); resolves with what
 * was written, in words. What File > Export (src/main/electron/export-dialog.ts) needs.
 */
export async function exportHostMeeting(host: RaceHost, out: string): Promise<string> {
  const written = await writeMeetingExport(hostMeetingRecord(host), out);
  return `${written.path} (${written.files.length} files)`;
}
