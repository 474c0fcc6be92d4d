/**
 * The disk's own cost of what the journal does for every command (src/main/host/journal.ts):
 * append one line to a file and fdatasync it, measured on the folder the bench's hosts keep
 * their data in. Issue 20's yardstick: everything beyond the disk may cost at most 2 ms for 100
 * views (command -> all views p99 <= this p99 + 2 ms).
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { quantile, tempDataDir } from './host-bench-common.ts';

/** Milliseconds per append + datasync of a `lineBytes` line, `count` times in a row. */
export async function appendSyncMs(dir: string, count = 1000, lineBytes = 250): Promise<number[]> {
  const handle = await open(join(dir, 'disk-probe.jsonl'), 'a');
  const line = Buffer.from(`${'x'.repeat(lineBytes - 1)}\n`);
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await handle.appendFile(line);
      await handle.datasync();
      samples.push(performance.now() - started);
    }
  } finally {
    await handle.close();
  }
  return samples;
}

/** Part 0 of bench:host and bench:standby: the disk's p50 / p99 on a fresh data folder. */
export async function measureDisk(name: string): Promise<{ p50: number; p99: number }> {
  const { dir, remove } = await tempDataDir(name);
  try {
    const samples = await appendSyncMs(dir);
    return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) };
  } finally {
    await remove();
  }
}
