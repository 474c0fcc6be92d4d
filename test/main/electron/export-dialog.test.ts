import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportWithDialog } from '../../../src/main/electron/export-dialog.ts';
import { exportHostMeeting } from '../../../src/main/results-out/meeting-export.ts';
import { openHost, type HostFixture } from '../../support/host-fixture.ts';

let fixture: HostFixture;
let out: string;
beforeEach(async () => {
  fixture = await openHost({ prefix: 'export-dialog' });
  out = await mkdtemp(join(tmpdir(), 'export-out-'));
});
afterEach(async () => {
  await fixture.close();
  await rm(out, { recursive: true, force: true });
});

/** Electron's dialog, answering as the operator would. */
function dialog(answer: { filePath?: string; folder?: string } | 'cancel') {
  const asked: unknown[] = [];
  return {
    asked,
    dialog: {
      showSaveDialog: (options: unknown) => {
        asked.push(options);
        return Promise.resolve(
          answer === 'cancel'
            ? { canceled: true, filePath: '' }
            : { canceled: false, filePath: answer.filePath ?? '' },
        );
      },
      showOpenDialog: (options: unknown) => {
        asked.push(options);
        return Promise.resolve(
          answer === 'cancel'
            ? { canceled: true, filePaths: [] }
            : { canceled: false, filePaths: answer.folder ? [answer.folder] : [] },
        );
      },
    },
  };
}

describe('File > Export results', () => {
  it('writes the active race results sheet where the operator chose', async () => {
    const target = join(out, 'semi.pdf');
    const { dialog: fake, asked } = dialog({ filePath: target });
    const written = await exportWithDialog(
      { dialog: fake, host: fixture.host, exportMeeting: exportHostMeeting },
      'race',
    );
    expect(written).toBe(target);
    expect(asked[0]).toMatchObject({ defaultPath: 'men-semi-1-results.pdf' });
    expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes the active race’s report where the operator chose', async () => {
    const target = join(out, 'semi-report.pdf');
    const { dialog: fake, asked } = dialog({ filePath: target });
    const written = await exportWithDialog(
      { dialog: fake, host: fixture.host, exportMeeting: exportHostMeeting },
      'report',
    );
    expect(written).toBe(target);
    expect(asked[0]).toMatchObject({
      title: 'Save the race report',
      defaultPath: 'men-semi-1-report.pdf',
    });
    expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes the whole meeting into the chosen folder; a cancel writes nothing', async () => {
    const { dialog: fake } = dialog({ folder: out });
    const written = await exportWithDialog(
      { dialog: fake, host: fixture.host, exportMeeting: exportHostMeeting },
      'meeting',
    );
    expect(written).toMatch(/files\)$/);
    const files = await readdir(out, { recursive: true });
    expect(files.some((name) => String(name).endsWith('meeting.json'))).toBe(true);
    expect(files.some((name) => String(name).endsWith('men-semi-1-results.csv'))).toBe(true);
    const cancelled = dialog('cancel');
    expect(
      await exportWithDialog(
        { dialog: cancelled.dialog, host: fixture.host, exportMeeting: exportHostMeeting },
        'race',
      ),
    ).toBeNull();
  });
});
