// The passing log (issue 21, part 3) on the real file system: lines appended in the background in
// the order received, read back after the writer is gone; a full disk (/dev/full) is logged once,
// counted and tried again, and never reaches the caller; the queue is bounded.
import { mkdir, mkdtemp, readFile, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  parsePassingLog,
  PassingLog,
  passingLogPath,
  readPassingLog,
} from '../../../src/main/timing/passing-log.ts';
import type { Passing } from '../../../src/shared/timing/tracker.ts';
import { until } from '../../support/fake-decoder.ts';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'passing-log-'));
  folders.push(dir);
  await mkdir(join(dir, 'races'));
  return dir;
}

const passing = (n: number, extra: Partial<Passing> = {}): Passing => ({
  passingNumber: n,
  transponder: String(7000 + (n % 12)),
  decoderMs: 1_771_682_400_000 + n * 337,
  receivedAt: 1_771_682_397_500 + n * 337 + 12,
  ...extra,
});

describe('the passing log', () => {
  it('appends each race’s passings in the order received, and reads them back', async () => {
    const dir = await dataDir();
    const lines: string[] = [];
    const log = new PassingLog({ dataDir: dir, log: (line) => lines.push(line) });
    const sent = Array.from({ length: 300 }, (_, i) => passing(i + 1));
    sent[7] = passing(8, { transponderCode: 'KX-12345' });
    // Two races, interleaved, in bursts as a bunch crosses the line.
    for (const [index, each] of sent.entries()) {
      log.append(index % 3 === 0 ? 'men-semi-2' : 'men-semi-1', each);
      if (index % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await log.close();
    expect(log.status).toEqual({ written: 300, failedWrites: 0, dropped: 0, queued: 0 });
    const semi1 = await readPassingLog(passingLogPath(dir, 'men-semi-1'));
    const semi2 = await readPassingLog(passingLogPath(dir, 'men-semi-2'));
    expect(semi1).toEqual({ passings: sent.filter((_, i) => i % 3 !== 0), skipped: 0 });
    expect(semi2).toEqual({ passings: sent.filter((_, i) => i % 3 === 0), skipped: 0 });
    expect(semi1!.passings.find((p) => p.passingNumber === 8)).toEqual(sent[7]);
    expect(await readPassingLog(passingLogPath(dir, 'men-final'))).toBeNull();
    // Beside the journal, under a name the host's journal scan does not take for a race.
    expect(passingLogPath(dir, 'men-semi-1')).toBe(join(dir, 'races', 'men-semi-1.passings.jsonl'));
    expect(/^[a-z0-9-]+\.jsonl$/.test('men-semi-1.passings.jsonl')).toBe(false);
    // A closed log takes no more.
    log.append('men-semi-1', passing(999));
    expect(log.status.queued).toBe(0);
    expect(lines).toEqual([]);
  });

  it('a full disk is logged once and counted; the passings wait and are written when it works again', async () => {
    const dir = await dataDir();
    const path = passingLogPath(dir, 'men-semi-1');
    await symlink('/dev/full', path);
    const lines: string[] = [];
    const log = new PassingLog({ dataDir: dir, log: (line) => lines.push(line), retryMs: 20 });
    for (let n = 1; n <= 40; n += 1)
      expect(() => log.append('men-semi-1', passing(n))).not.toThrow();
    await until(() => log.status.failedWrites >= 3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /passing log: cannot write .*men-semi-1\.passings\.jsonl: the disk is full \(ENOSPC\); free space on .*Timing goes on/,
    );
    expect(log.status).toMatchObject({ written: 0, dropped: 0, queued: 40 });
    // Space again: the queued passings go out, after a newline (a failed write may leave half a line).
    await unlink(path);
    await until(() => log.status.written === 40);
    log.append('men-semi-1', passing(41));
    await log.close();
    expect(lines[1]).toMatch(/passing log: writing .* again/);
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('\n')).toBe(true);
    expect(parsePassingLog(text)).toEqual({
      passings: Array.from({ length: 41 }, (_, i) => passing(i + 1)),
      skipped: 0,
    });
  });

  it('keeps at most maxQueued while writes fail: the oldest go, counted; close says what was lost', async () => {
    const dir = await dataDir();
    await symlink('/dev/full', passingLogPath(dir, 'men-semi-1'));
    const lines: string[] = [];
    const log = new PassingLog({ dataDir: dir, log: (line) => lines.push(line), maxQueued: 10 });
    for (let n = 1; n <= 25; n += 1) log.append('men-semi-1', passing(n));
    await until(() => log.status.failedWrites >= 1);
    expect(log.status).toMatchObject({ queued: 10, dropped: 15 });
    await log.close();
    expect(log.status).toMatchObject({ queued: 0, dropped: 25, written: 0 });
    expect(lines.filter((line) => /oldest are dropped/.test(line))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(
      /10 passings not written at close \(the disk is full \(ENOSPC\)\)/,
    );
  });

  it('reads a torn or damaged line as skipped, never as a passing', () => {
    const good = JSON.stringify(passing(1));
    const text = `${good}\n{"passingNumber":2,"transponder":"70\n\n{"passingNumber":"3"}\n${JSON.stringify(passing(4))}\n{"passingNumber":5`;
    expect(parsePassingLog(text)).toEqual({ passings: [passing(1), passing(4)], skipped: 3 });
  });
});
