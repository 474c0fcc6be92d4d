import { basename } from 'node:path';
import type { JournalEntry, RaceCommand } from '../../shared/race/events.ts';
import {
  describeCommand,
  RaceHistory,
  type CommandMeta,
  type Decision,
} from '../../shared/race/history.ts';
import type { RaceState } from '../../shared/race/state.ts';
import {
  JournalWriteError,
  openJournal,
  type Journal,
  type JournalOptions,
  type RecoveredTornLine,
} from './journal.ts';

/**
 * The outcome of one command: the durable entry and the revision after it, or the refusal.
 * `stale`: sent against an older revision; `unavailable`: the journal could not be written
 * (disk full, read-only, ...), so nothing was recorded and it can be sent again once fixed.
 */
export type SubmitResult =
  | { readonly ok: true; readonly entry: JournalEntry; readonly revision: number }
  | {
      readonly ok: false;
      readonly error: string;
      readonly stale?: true;
      readonly unavailable?: true;
      readonly conflict?: true;
    };

/** The outcome of a batch: all entries durable, or none written and the refused command's index. */
export type BatchResult =
  | { readonly ok: true; readonly entries: readonly JournalEntry[]; readonly revision: number }
  | {
      readonly ok: false;
      readonly error: string;
      readonly index: number;
      readonly stale?: true;
      readonly unavailable?: true;
      readonly conflict?: true;
    };

type Accepted = Extract<Decision, { ok: true }>;

/** The race as its queue has it, for an admission rule. */
export interface QueuedRace {
  readonly state: RaceState;
  readonly entries: readonly JournalEntry[];
  readonly voided: ReadonlySet<number>;
}

/**
 * A rule checked in the race's queue before its commands are decided (so it sees every command
 * ahead of them): the refusal's words, or null. A refusal is a conflict (409): nothing written.
 */
export type Admission = (race: QueuedRace, commands: readonly RaceCommand[]) => string | null;

/** A command in the operator's words: "undo", "lap completed", "sprint 1: 4 9 3". */
const nameOf = (command: RaceCommand): string => describeCommand(command);

/**
 * One race's durable store: its RaceHistory and its journal. Commands are decided, made
 * durable (write + fsync) and only then committed, one at a time in the order submitted, so
 * the state never shows an event that a crash could take back.
 */
export class RaceStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly journal: Journal,
    private readonly history: RaceHistory,
    /** The torn last line that opening set aside, if any. */
    readonly recovered: RecoveredTornLine | null,
  ) {}

  /**
   * Opens (or creates) the race journal at `path` and replays it; throws if an entry fails.
   * `options.log` hears of bytes a failed write left that a later append set aside.
   */
  static async open(path: string, options: JournalOptions = {}): Promise<RaceStore> {
    const { journal, entries, recovered } = await openJournal(path, options);
    const history = new RaceHistory(entries);
    const problem = history.problems[0];
    if (problem) {
      await journal.close();
      const more = history.problems.length > 1 ? ` (and ${history.problems.length - 1} more)` : '';
      throw new Error(
        `journal ${path}: entry seq ${problem.seq} cannot be replayed: ${problem.message}${more}`,
      );
    }
    return new RaceStore(journal, history, recovered);
  }

  /** The file this store writes. */
  get path(): string {
    return this.journal.path;
  }

  /** The race state after every durable entry. */
  get state(): RaceState {
    return this.history.state;
  }

  /** Durable entries in journal order. */
  get entries(): readonly JournalEntry[] {
    return this.history.entries;
  }

  /** Sequence numbers that voids took out. */
  get voided(): ReadonlySet<number> {
    return this.history.voided;
  }

  /** Number of durable entries; views use it to tell a newer state from an older one. */
  get revision(): number {
    return this.history.entries.length;
  }

  /**
   * Decides a command; if accepted, makes it durable, then commits it. A refusal writes nothing.
   * If the disk refuses the write, the state stays as it was and the answer is a refusal
   * marked `unavailable`; the next command retries the disk (no reopen needed). A batch of one
   * (issue 20: one command path), answered in a single command's words.
   */
  async submit(
    command: RaceCommand,
    meta: CommandMeta,
    expectedRevision?: number,
    admit?: Admission,
  ): Promise<SubmitResult> {
    const result = await this.submitBatch([command], meta, expectedRevision, admit, true);
    if (!result.ok) {
      const { index: _index, ...refusal } = result;
      return refusal;
    }
    return { ok: true, entry: result.entries[0]!, revision: result.revision };
  }

  /**
   * All or nothing: decides every command on a scratch copy; one refusal writes nothing and
   * names its index, otherwise all entries go to disk in one write and one fsync. `single`: a
   * request of one command, whose refusal is the engine's own words.
   */
  submitBatch(
    commands: readonly RaceCommand[],
    meta: CommandMeta,
    expectedRevision?: number,
    admit?: Admission,
    single = false,
  ): Promise<BatchResult> {
    return this.serialized(async () => {
      const stale = this.staleness(expectedRevision);
      if (stale) return { ok: false, error: stale, index: 0, stale: true };
      const conflict = admit?.(this.queued(), commands);
      if (conflict) return { ok: false, error: conflict, index: 0, conflict: true };
      // A batch of one decides on the history itself (decide changes nothing; the fork copies
      // the journal's entries, which a long race would pay on every command).
      const scratch = commands.length === 1 ? null : this.history.fork();
      const accepted: Accepted[] = [];
      for (const [index, command] of commands.entries()) {
        const decision = (scratch ?? this.history).decide(command, meta);
        if (!decision.ok) {
          const what = nameOf(command);
          const error = single
            ? decision.error
            : `batch refused at command ${index + 1} of ${commands.length} (index ${index}, ${what}): ${decision.error}; nothing was written`;
          return { ok: false, error, index };
        }
        scratch?.commit(decision);
        accepted.push(decision);
      }
      // Several entries carry the seq of the last one, so recovery can tell an unfinished batch.
      const batchEnd = accepted.length > 1 ? accepted.at(-1)?.entry.seq : undefined;
      const marked = accepted.map((d) =>
        batchEnd === undefined ? d : { ...d, entry: { ...d.entry, batchEnd } },
      );
      const what = single
        ? `the command "${nameOf(commands[0]!)}"`
        : `the batch of ${commands.length} commands`;
      const unwritten = await this.written(
        this.journal.appendBatch(marked.map((decision) => decision.entry)),
        what,
      );
      if (unwritten) return { ...unwritten, index: 0 };
      for (const decision of marked) this.history.commit(decision);
      return { ok: true, entries: marked.map((d) => d.entry), revision: this.revision };
    });
  }

  /**
   * A standby's copy (issue 20): entries the primary decided, appended as they are (write +
   * fsync) and folded as a restart would. They must follow on from this journal's last entry.
   */
  adopt(entries: readonly JournalEntry[]): Promise<{ ok: true } | { ok: false; error: string }> {
    return this.serialized(async () => {
      const next = this.history.nextSeq;
      if (entries.length === 0) return { ok: true };
      if (entries[0]!.seq !== next)
        return { ok: false, error: `entry seq ${entries[0]!.seq} does not follow seq ${next - 1}` };
      const folded = this.history.foldOn(entries);
      if ('seq' in folded)
        return {
          ok: false,
          error: `entry seq ${folded.seq} cannot be replayed: ${folded.message}`,
        };
      const unwritten = await this.written(this.journal.appendBatch(entries), 'the copied entries');
      if (unwritten) return unwritten;
      this.history.take(entries, folded);
      return { ok: true };
    });
  }

  private queued(): QueuedRace {
    return { state: this.state, entries: this.entries, voided: this.voided };
  }

  /** Waits for pending submissions, then closes the journal. */
  async close(): Promise<void> {
    await this.queue;
    await this.journal.close();
  }

  /**
   * Waits for a journal write; a disk refusal becomes the operator's refusal, naming the cause,
   * what was not recorded and what to do. Other errors (a closed journal) still reject.
   */
  private async written(
    write: Promise<void>,
    what: string,
  ): Promise<{ ok: false; error: string; unavailable: true } | null> {
    try {
      await write;
      return null;
    } catch (error) {
      if (!(error instanceof JournalWriteError)) throw error;
      return {
        ok: false,
        error: `the race journal could not be written: ${error.reason} — ${what} was NOT recorded; ${error.remedy} and send it again`,
        unavailable: true,
      };
    }
  }

  /**
   * A command sent against an older revision is refused (as NodeCG refuses stale replicant
   * writes). Checked inside the queue, so two commands sent against the same revision at the
   * same moment cannot both pass.
   */
  private staleness(expectedRevision: number | undefined): string | null {
    if (expectedRevision === undefined || expectedRevision === this.revision) return null;
    const race = basename(this.path, '.jsonl');
    return `stale revision: you sent ${expectedRevision}, race "${race}" is at ${this.revision}; reload and try again`;
  }

  /** Runs tasks one at a time: each decides against the state the previous one left. */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
