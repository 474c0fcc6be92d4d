// File > Export results (issue 11) and the race report (issue 21): asks where with the system
// dialog, then writes the files the API serves (results-out/race-pdf.ts, race-report.ts, the
// meeting export). Electron's dialog is passed in, so this is tested in plain Node with a stand-in.
import { writeFile } from 'node:fs/promises';
import type { Dialog } from 'electron';
import type { RaceHost } from '../host/host.ts';
import { raceResultsPdf, resultsPdfFileName } from '../results-out/race-pdf.ts';
import { raceReportPdf, reportFileName } from '../results-out/race-report.ts';
import type { ExportWhat } from './app-menu.ts';

/** What the export needs: the dialog, the host, and the meeting export (a folder). */
export interface ExportDialogDeps {
  readonly dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  readonly host: RaceHost;
  /** Writes the whole meeting into a folder; resolves with what it wrote. */
  readonly exportMeeting: (host: RaceHost, folder: string) => Promise<string>;
}

/**
 * Runs one export: the active race's results sheet or race report (PDF), or the meeting into a
 * folder.
 */
export async function exportWithDialog(
  deps: ExportDialogDeps,
  what: ExportWhat,
): Promise<string | null> {
  const { dialog, host } = deps;
  if (what === 'meeting') {
    const chosen = await dialog.showOpenDialog({
      title: 'Export the whole meeting into a folder',
      properties: ['openDirectory', 'createDirectory'],
    });
    const folder = chosen.filePaths[0];
    if (chosen.canceled || !folder) return null;
    return deps.exportMeeting(host, folder);
  }
  const raceId = host.activeRaceId;
  if (raceId === null) throw new Error('no race is active: choose one in the program first');
  const report = what === 'report';
  const pdf = report ? await raceReportPdf(host, raceId) : await raceResultsPdf(host, raceId);
  if (!pdf) throw new Error(`race "${raceId}" is not in the program`);
  const chosen = await dialog.showSaveDialog({
    title: report ? 'Save the race report' : 'Export the results sheet',
    defaultPath: report ? reportFileName(raceId) : resultsPdfFileName(raceId),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (chosen.canceled || !chosen.filePath) return null;
  await writeFile(chosen.filePath, pdf);
  return chosen.filePath;
}
