import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appLogPath, openAppLog } from '../../../src/main/electron/app-log.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'applog-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const clock = () => new Date('2026-02-21T15:00:00.000Z');

describe('app log', () => {
  it('appends timestamped lines to DATA/logs/app.log, errors with their stack', async () => {
    const echoed: string[] = [];
    const log = openAppLog(dataDir, { clock, echo: (line) => echoed.push(line) });
    expect(log.path).toBe(join(dataDir, 'logs', 'app.log'));
    log.info('board renderer gone (crashed, exit code 139): reloading in 100 ms');
    log.error('stopping failed', new Error('disk full'));
    log.error('rejected', { code: 42 });
    const text = await readFile(appLogPath(dataDir), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      '2026-02-21T15:00:00.000Z info board renderer gone (crashed, exit code 139): reloading in 100 ms',
    );
    expect(lines[1]).toBe('2026-02-21T15:00:00.000Z error stopping failed: Error: disk full');
    expect(lines[2]).toMatch(/^ {4,}at /); // the stack, indented under its line
    expect(text).toContain('error rejected: {"code":42}');
    expect(echoed).toHaveLength(3);
  });

  it('moves a full log to app.1.log', async () => {
    await mkdir(join(dataDir, 'logs'));
    await writeFile(appLogPath(dataDir), 'x'.repeat(950) + '\n');
    const log = openAppLog(dataDir, { clock, maxBytes: 1000 });
    log.info('a line that does not fit any more in the old file');
    expect(await readFile(join(dataDir, 'logs', 'app.1.log'), 'utf8')).toHaveLength(951);
    expect(await readFile(appLogPath(dataDir), 'utf8')).toContain('a line that does not fit');
  });
});
