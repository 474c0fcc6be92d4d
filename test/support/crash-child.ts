/**
 * Child process for the crash test (test/main/host/crash.test.ts): opens the race store in the
 * folder given as argument, prints `ready <revision>`, then reads one command per stdin line
 * (a RaceCommand, or `{"batch": [...]}`) and prints `ack <seq>` for each entry once it is
 * durable, or `nak <reason>` for a refusal. The test kills it with SIGKILL at random moments.
 * Run: node --import tsx test/support/crash-child.ts DIR
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { RaceStore } from '../../src/main/host/race-store.ts';
import { raceCommandSchema } from '../../src/shared/race/events.ts';
import { describeIssues } from '../../src/shared/validation.ts';

/** One stdin line: a single command or an all-or-nothing batch. */
const inputSchema = z.union([z.object({ batch: z.array(raceCommandSchema) }), raceCommandSchema]);

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-child DIR');
const store = await RaceStore.open(join(dir, 'race.jsonl'));
// Pipes are synchronous on Linux, so a line written here has left the process before the next.
process.stdout.write(`ready ${store.revision}\n`);

for await (const text of createInterface({ input: process.stdin })) {
  const input = inputSchema.safeParse(parseJson(text));
  const meta = { at: new Date().toISOString(), source: 'crash-test' };
  if (!input.success) {
    process.stdout.write(`nak invalid command: ${describeIssues(input.error, '', '; ')}\n`);
  } else if ('batch' in input.data) {
    const result = await store.submitBatch(input.data.batch, meta);
    const acks = result.ok ? result.entries.map((entry) => `ack ${entry.seq}\n`) : [];
    process.stdout.write(result.ok ? acks.join('') : `nak ${result.error}\n`);
  } else {
    const result = await store.submit(input.data, meta);
    process.stdout.write(result.ok ? `ack ${result.entry.seq}\n` : `nak ${result.error}\n`);
  }
}
await store.close();

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
