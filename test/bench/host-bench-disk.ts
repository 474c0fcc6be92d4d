/**
 * The disk's own cost of what the journal does for every command (src/main/host/journal.ts):
 * append one line to a file and fdatasync it, measured on the folder the bench's hosts keep
 * their data in. Issue 20's yardstick: everything beyond the disk may cost at most 2 ms for 100
 * views (command -> all views p99 <= this p99 + 2 ms).
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';

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
