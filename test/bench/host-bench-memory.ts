/**
 * Child process of `npm run bench:host`, part 2 (run with --expose-gc): 100,000 commands into
 * an in-process race host (fsync on every command, as always) with the session's FanOut
 * and one fake view socket, so every command is also derived and serialized as on a real
 * server. Heap after GC at the start (after warm-up), after 50,000 and after 100,000, against
 * the journal's size on disk and in memory. Then an undo + redo on the 100,000-entry journal.
 */
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RaceHost } from '../../src/main/host/host.ts';
import type { StateSink } from '../../src/main/host/channel.ts';
import { HostSession, subscribedNames } from '../../src/main/host/session.ts';
import { parseRaceRequest } from '../../src/shared/protocol/commands.ts';
import type { JournalEntry } from '../../src/shared/race/events.ts';
import {
  benchRaceSetUp,
  benchSemi,
  cycleCommand,
  progress,
  tempDataDir,
} from './host-bench-common.ts';
import { tellParent } from './host-bench-child.ts';

const COMMANDS = Number(process.env.HOST_BENCH_COMMANDS ?? 100_000);
const WARMUP = 2_000;
const FSYNC_PROBE = 500;

export interface MemoryResult {
  readonly type: 'memory';
  readonly commands: number;
  readonly fsyncPerSecond: number;
  readonly heap: { readonly start: number; readonly half: number; readonly end: number };
  readonly rss: { readonly start: number; readonly end: number };
  readonly journalBytesOnDisk: number;
  readonly journalEntries: number;
  /** Bytes on disk added by the measured commands. */
  readonly journalBytesMeasured: number;
  /** Heap of a JSON-parsed copy of the journal entries, per entry (what the history holds). */
  readonly heapPerParsedEntry: number;
  readonly seconds: number;
  readonly firstHalfSeconds: number;
  readonly secondHalfSeconds: number;
  readonly viewBytes: number;
  readonly undoMs: number[];
  readonly redoMs: number[];
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc!();
  return process.memoryUsage().heapUsed;
}

const { dir, remove } = await tempDataDir('memory');
try {
  // fsync rate on this disk: small appends + datasync, like the journal does.
  const probe = await open(join(dir, 'fsync-probe.jsonl'), 'a');
  const probeStart = performance.now();
  for (let i = 0; i < FSYNC_PROBE; i++) {
    await probe.appendFile(
      `{"seq":${i},"at":"2026-02-14T13:00:00.000Z","source":"bench","event":{"type":"lap/completed"}}\n`,
    );
    await probe.datasync();
  }
  const fsyncPerSecond = FSYNC_PROBE / ((performance.now() - probeStart) / 1000);
  await probe.close();
  const estimate = COMMANDS / fsyncPerSecond;
  progress(
    `memory: ${fsyncPerSecond.toFixed(0)} append+fsync/s on ${dir}; ${COMMANDS.toLocaleString('en')} fsyncs alone take ~${estimate.toFixed(0)} s${estimate > 90 ? ' (over 90 s: running them anyway, it is the requirement)' : ''}`,
  );

  const host = await RaceHost.open({ dataDir: dir });
  const added = await host.programCommand(benchSemi, 'bench');
  if (!added.ok || !added.raceId) throw new Error('race/added refused');
  const raceId = added.raceId;
  for (const command of benchRaceSetUp()) {
    const result = await host.submit({ kind: 'single', command }, 'bench', raceId);
    if (!result.ok) throw new Error(`set-up refused: ${result.error}`);
  }
  let viewBytes = 0;
  const fakeView: StateSink = {
    isOpen: () => true,
    backedUp: () => false,
    send: (data, written) => {
      viewBytes += data.length;
      written();
    },
  };
  const hub = new HostSession(host);
  hub.follow(fakeView, subscribedNames(null, false), { replace: true });
  const journalFile = join(dir, 'races', `${raceId}.jsonl`);

  let sent = 0;
  const run = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++) {
      // Parsed and validated from JSON text, as the server does with a client's frame.
      const text = JSON.stringify({ command: cycleCommand(sent++) });
      const result = await host.submit(parseRaceRequest(JSON.parse(text)), 'bench', raceId);
      if (!result.ok) throw new Error(`command ${sent} (${text}) refused: ${result.error}`);
      if (sent % 10_000 === 0) progress(`memory: ${sent.toLocaleString('en')} commands sent`);
    }
  };

  await run(WARMUP);
  const heapStart = heapAfterGc();
  const rssStart = process.memoryUsage().rss;
  const bytesStart = (await stat(journalFile)).size;
  const t0 = performance.now();
  await run(COMMANDS / 2);
  const t1 = performance.now();
  const heapHalf = heapAfterGc();
  const t2 = performance.now();
  await run(COMMANDS / 2);
  const t3 = performance.now();
  const heapEnd = heapAfterGc();
  const rssEnd = process.memoryUsage().rss;
  const journalBytesOnDisk = (await stat(journalFile)).size;
  const entries = host.journal(raceId)!.entries;

  // What the same entries cost in memory as plain parsed JSON (a replayed journal).
  const lines = entries.map((entry) => JSON.stringify(entry));
  const beforeCopy = heapAfterGc();
  let copy: JournalEntry[] | null = lines.map((line) => JSON.parse(line) as JournalEntry);
  const heapPerParsedEntry = (heapAfterGc() - beforeCopy) / copy.length;
  copy = null;

  // Undo and redo on the long journal: every void refolds the whole journal.
  const undoMs: number[] = [];
  const redoMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    for (const [type, list] of [
      ['undo', undoMs],
      ['redo', redoMs],
    ] as const) {
      const start = performance.now();
      const result = await host.submit({ kind: 'single', command: { type } }, 'bench', raceId);
      list.push(performance.now() - start);
      if (!result.ok) throw new Error(`${type} refused: ${result.error}`);
    }
  }

  hub.close();
  await host.close();
  const result: MemoryResult = {
    type: 'memory',
    commands: COMMANDS,
    fsyncPerSecond,
    heap: { start: heapStart, half: heapHalf, end: heapEnd },
    rss: { start: rssStart, end: rssEnd },
    journalBytesOnDisk,
    journalEntries: entries.length,
    journalBytesMeasured: journalBytesOnDisk - bytesStart,
    heapPerParsedEntry,
    seconds: (t1 - t0 + (t3 - t2)) / 1000,
    firstHalfSeconds: (t1 - t0) / 1000,
    secondHalfSeconds: (t3 - t2) / 1000,
    viewBytes,
    undoMs,
    redoMs,
  };
  await tellParent(result);
} finally {
  await remove();
}
