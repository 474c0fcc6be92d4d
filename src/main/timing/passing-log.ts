/**
 * The passings of a race on disk (issue 21, the race report): DATA/races/<id>.passings.jsonl,
 * beside the race's journal, append-only JSON lines of the raw passings as the decoder sent them
 * (duplicates and resends included: the replay drops them as the tracker does). The tracker keeps
 * passings only in memory; this log lets a report replay the race after the host has stopped.
 *
 * The lap path never waits on it: `append` only queues a line; the lines are appended in the
 * background, one write at a time. A write that fails (a full disk, a folder made read-only) is
 * logged once, counted, and tried again a little later; the lines wait in memory up to a bound,
 * past which the oldest are dropped and counted. Timing and the host go on either way: a lost
 * passing costs the report a line of its lap chart, never a lap of the race.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Passing } from '../../shared/timing/tracker.ts';
import { storageProblem } from '../host/storage-errors.ts';

/** A race's passing log: DATA/races/<id>.passings.jsonl (the journal's name does not match it). */
export const passingLogPath = (dataDir: string, raceId: string): string =>
  join(dataDir, 'races', `${raceId}.passings.jsonl`);

/** What the timing feed hands each passing of the tracked race to. */
export interface PassingRecorder {
  append(raceId: string, passing: Passing): void;
  /** Writes what is queued (tries once more), then takes no more. */
  close(): Promise<void>;
}

/** Options of the passing log. */
export interface PassingLogOptions {
  readonly dataDir: string;
  readonly log: (line: string) => void;
  /** Lines kept in memory while writes fail (default 100,000: a day of a busy oval). */
  readonly maxQueued?: number;
  /** How long after a failed write it tries again (default 1 s). */
  readonly retryMs?: number;
}

/** How it went so far. */
export interface PassingLogCounts {
  /** Passings written to disk. */
  readonly written: number;
  /** Writes that failed (each tried again later). */
  readonly failedWrites: number;
  /** Passings dropped because writes kept failing and the queue was full. */
  readonly dropped: number;
  /** Passings waiting to be written. */
  readonly queued: number;
}

/** The raw passing as a line: the fields the decoder gave, in a fixed order. */
function passingLine(passing: Passing): string {
  const { passingNumber, transponder, transponderCode, decoderMs, receivedAt } = passing;
  return `${JSON.stringify({
    passingNumber,
    transponder,
    ...(transponderCode === undefined ? {} : { transponderCode }),
    decoderMs,
    receivedAt,
  })}\n`;
}

/** Appends each race's passings to its log in the background (see the module comment). */
export class PassingLog implements PassingRecorder {
  private readonly queues = new Map<string, string[]>();
  /** Logs whose last write failed: it may have left half a line, so the next write starts afresh. */
  private readonly torn = new Set<string>();
  private queuedLines = 0;
  private writing: Promise<void> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  /** The problem of the failing streak under way (logged once), or null. */
  private failing: string | null = null;
  private closed = false;
  private gaveUp = false;
  private counts = { written: 0, failedWrites: 0, dropped: 0 };
  private readonly maxQueued: number;

  constructor(private readonly options: PassingLogOptions) {
    this.maxQueued = Math.max(1, options.maxQueued ?? 100_000);
  }

  /** Queues a passing of a race for its log; returns at once and never throws (closed: ignored). */
  append(raceId: string, passing: Passing): void {
    if (this.closed) return;
    let queue = this.queues.get(raceId);
    if (!queue) this.queues.set(raceId, (queue = []));
    queue.push(passingLine(passing));
    this.queuedLines += 1;
    if (this.queuedLines > this.maxQueued) this.dropOldest();
    this.kick();
  }

  /** Written, failed, dropped and waiting, for the tests and the log. */
  get status(): PassingLogCounts {
    return { ...this.counts, queued: this.queuedLines };
  }

  /** Resolves once what is queued now is written, or a write failed (it is tried again later). */
  async flush(): Promise<void> {
    this.kick();
    while (this.writing) await this.writing;
  }

  /** Writes what is queued (one more try after a failure), then takes no more passings. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.flush();
    if (this.queuedLines > 0) {
      this.options.log(
        `passing log: ${this.queuedLines} passings not written at close (${this.failing ?? 'no reason'})`,
      );
      this.counts.dropped += this.queuedLines;
      this.queues.clear();
      this.queuedLines = 0;
    }
  }

  private kick(): void {
    if (this.writing || this.retry || this.gaveUp || this.queuedLines === 0) return;
    this.writing = this.drain().finally(() => {
      this.writing = null;
      // Lines queued while the last write finished.
      this.kick();
    });
  }

  /** Writes every race's queued lines, a race at a time, until none are left or a write fails. */
  private async drain(): Promise<void> {
    while (this.queuedLines > 0) {
      for (const [raceId, queue] of this.queues) {
        if (queue.length === 0) continue;
        const batch = queue.splice(0);
        this.queuedLines -= batch.length;
        const path = passingLogPath(this.options.dataDir, raceId);
        try {
          await appendFile(path, `${this.torn.has(path) ? '\n' : ''}${batch.join('')}`);
        } catch (error) {
          this.failed(path, error, queue, batch);
          return;
        }
        this.torn.delete(path);
        this.counts.written += batch.length;
        if (this.failing !== null) {
          this.options.log(`passing log: writing ${path} again`);
          this.failing = null;
        }
      }
    }
  }

  /** A write failed: the batch goes back to the front of its queue, and it is tried again later. */
  private failed(path: string, error: unknown, queue: string[], batch: string[]): void {
    this.counts.failedWrites += 1;
    this.torn.add(path);
    queue.unshift(...batch);
    this.queuedLines += batch.length;
    while (this.queuedLines > this.maxQueued) this.dropOldest();
    if (this.failing === null) {
      const problem = storageProblem(path, error);
      this.failing = problem.reason;
      this.options.log(
        `passing log: cannot write ${path}: ${problem.reason}; ${problem.remedy}. Timing goes on; the passings wait in memory and are written when it works again`,
      );
    }
    // Closing: that was the last try.
    if (this.closed) {
      this.gaveUp = true;
      return;
    }
    this.retry = setTimeout(() => {
      this.retry = null;
      this.kick();
    }, this.options.retryMs ?? 1000);
    this.retry.unref?.();
  }

  /** The queue is full: the oldest line of the longest queue goes (counted, logged once). */
  private dropOldest(): void {
    let longest: string[] | null = null;
    for (const queue of this.queues.values())
      if (!longest || queue.length > longest.length) longest = queue;
    if (!longest || longest.length === 0) return;
    longest.shift();
    this.queuedLines -= 1;
    if (this.counts.dropped === 0)
      this.options.log(
        `passing log: more than ${this.maxQueued} passings wait to be written; the oldest are dropped (the race report will miss them)`,
      );
    this.counts.dropped += 1;
  }
}

/** A passing log read back: the passings in the order received, and the lines that were not one. */
export interface PassingLogRead {
  readonly passings: Passing[];
  /** Lines that are not a passing (a write torn by a crash or a full disk). */
  readonly skipped: number;
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** One line as a passing, or null when it is not one. */
function parsePassing(line: string): Passing | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { passingNumber, transponder, transponderCode, decoderMs, receivedAt } = value as Record<
    string,
    unknown
  >;
  if (!Number.isInteger(passingNumber) || typeof transponder !== 'string') return null;
  if (!isNumber(decoderMs) || !isNumber(receivedAt)) return null;
  if (transponderCode !== undefined && typeof transponderCode !== 'string') return null;
  return {
    passingNumber: passingNumber as number,
    transponder,
    ...(transponderCode === undefined ? {} : { transponderCode }),
    decoderMs,
    receivedAt,
  };
}

/** Reads a passing log text: every line that is a passing; blank lines and damage skipped. */
export function parsePassingLog(text: string): PassingLogRead {
  const passings: Passing[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const passing = parsePassing(line);
    if (passing) passings.push(passing);
    else skipped += 1;
  }
  return { passings, skipped };
}

/** Reads a race's passing log; null when the race has none (no decoder reported during it). */
export async function readPassingLog(path: string): Promise<PassingLogRead | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parsePassingLog(text);
}
