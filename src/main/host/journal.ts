import { constants as fsConstants } from 'node:fs';
import { mkdir, open, readFile, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { journalEntrySchema, type JournalEntry } from '../../shared/race/events.ts';
import { realScheduler } from './scheduler.ts';
import { storageProblem } from './storage-errors.ts';
import { describeFirstIssue } from '../../shared/validation.ts';

/** A damaged line that cannot be a torn last write (more lines follow it): a person must look. */
export class JournalCorruptError extends Error {
  override readonly name = 'JournalCorruptError';
}

/**
 * A write the disk refused (full, read-only, no permission, I/O error): nothing of it counts.
 * `reason` and `remedy` are operator words: "the disk is full (ENOSPC)", "free space on DIR".
 */
export class JournalWriteError extends Error {
  override readonly name = 'JournalWriteError';

  constructor(
    readonly path: string,
    /** The error code of the failed call (ENOSPC, EROFS, EACCES, EIO, ...), if it had one. */
    readonly code: string | undefined,
    readonly reason: string,
    readonly remedy: string,
    options?: ErrorOptions,
  ) {
    super(`journal ${path} could not be written: ${reason}; ${remedy}`, options);
  }
}

/** Names the cause of a failed journal write and what the operator can do about it. */
function writeFailure(path: string, error: unknown): JournalWriteError {
  if (error instanceof JournalWriteError) return error;
  const { code, reason: generic, remedy } = storageProblem(path, error);
  const reason = code === 'ENOENT' ? 'the journal file is gone (ENOENT)' : generic;
  return new JournalWriteError(path, code, reason, remedy, { cause: error });
}

/** Options of openJournal. */
export interface JournalOptions {
  /** The stamp of a torn line set aside at open. */
  readonly now?: Date;
  /** The clock that stamps the files of torn bytes set aside later (the host's scheduler). */
  readonly clock?: () => Date;
  /** Told when a later append sets aside the bytes a failed write had left. */
  readonly log?: (line: string) => void;
}

/** A torn last line found at open: its 1-based line number, why, and where it was moved. */
export interface RecoveredTornLine {
  readonly line: number;
  readonly bytes: number;
  readonly reason: string;
  readonly setAsidePath: string;
  /** One sentence for the operator and the log. */
  readonly message: string;
}

/** What opening a journal found: the entries in order and the torn line it set aside, if any. */
export interface OpenedJournal {
  readonly journal: Journal;
  readonly entries: readonly JournalEntry[];
  readonly recovered: RecoveredTornLine | null;
}

type TornTail = Omit<RecoveredTornLine, 'setAsidePath' | 'message'>;

/**
 * Opens (creating if absent) an append-only JSON Lines journal, one JournalEntry per line.
 * A torn last line (crash or power cut mid-write) is moved to `<name>.torn-<now>.jsonl` and cut
 * off; damage anywhere else throws JournalCorruptError: an accepted event is never dropped.
 */
export async function openJournal(
  path: string,
  options: JournalOptions = {},
): Promise<OpenedJournal> {
  await mkdir(dirname(path), { recursive: true });
  const content = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  });
  const { entries, completeBytes, torn } = withoutUnfinishedBatch(
    parseJournal(path, content),
    content.length,
  );
  let recovered: RecoveredTornLine | null = null;
  if (torn) {
    const aside = await setAside(
      path,
      content.subarray(completeBytes),
      options.now ?? (options.clock ?? (() => realScheduler.now()))(),
    );
    const message = `journal ${path}: line ${torn.line} was torn (${torn.reason}, ${torn.bytes} bytes), as after a crash or power cut mid-write; moved it to ${aside} and kept the ${entries.length} complete entries before it`;
    recovered = { ...torn, setAsidePath: aside, message };
  }
  const handle = await open(path, 'a');
  try {
    if (torn) await handle.truncate(completeBytes);
    await handle.sync(); // what was read may never have been synced by a crashed host
    await fsyncFolder(dirname(path));
  } catch (error) {
    await handle.close();
    throw error;
  }
  const journal = new Journal(
    path,
    handle,
    entries.at(-1)?.seq ?? 0,
    completeBytes,
    options.log,
    options.clock ?? (() => realScheduler.now()),
  );
  return { journal, entries, recovered };
}

interface ParsedJournal {
  readonly entries: JournalEntry[];
  /** Byte offset where each entry's line starts. */
  readonly offsets: number[];
  readonly completeBytes: number;
  readonly torn: TornTail | null;
}

/**
 * A batch is all or nothing: if the journal ends inside one (a power cut tore the write of a
 * batch spanning several pages), its complete lines are set aside with the torn tail.
 */
function withoutUnfinishedBatch(parsed: ParsedJournal, length: number): ParsedJournal {
  const last = parsed.entries.at(-1);
  if (last?.batchEnd === undefined || last.batchEnd === last.seq) return parsed;
  let first = parsed.entries.length - 1;
  while (first > 0 && parsed.entries[first - 1]!.batchEnd === last.batchEnd) first--;
  const completeBytes = parsed.offsets[first]!;
  const reason = `an unfinished batch: entries ${parsed.entries[first]!.seq}-${last.seq} of a batch ending at ${last.batchEnd}${parsed.torn ? `, then ${parsed.torn.reason}` : ''}`;
  return {
    entries: parsed.entries.slice(0, first),
    offsets: parsed.offsets.slice(0, first),
    completeBytes,
    torn: { line: first + 1, bytes: length - completeBytes, reason },
  };
}

function parseJournal(path: string, content: Buffer): ParsedJournal {
  const entries: JournalEntry[] = [];
  const offsets: number[] = [];
  let start = 0;
  for (let line = 1; start < content.length; line++) {
    const end = content.indexOf(0x0a, start);
    const torn = (reason: string): TornTail => ({ line, bytes: content.length - start, reason });
    if (end === -1)
      return { entries, offsets, completeBytes: start, torn: torn('no trailing newline') };
    const check = checkLine(content.subarray(start, end).toString('utf8'), entries.at(-1));
    // Only the last line can be a torn write; an unreadable line with more after it is damage.
    if ('unreadable' in check && end === content.length - 1) {
      return { entries, offsets, completeBytes: start, torn: torn(check.unreadable) };
    }
    if (!('entry' in check)) {
      const problem = 'unreadable' in check ? check.unreadable : check.outOfOrder;
      throw new JournalCorruptError(
        `journal ${path} is corrupt at line ${line}: ${problem}. More lines follow, so it is not a torn last write; repair or restore the file (nothing was dropped)`,
      );
    }
    entries.push(check.entry);
    offsets.push(start);
    start = end + 1;
  }
  return { entries, offsets, completeBytes: start, torn: null };
}

type LineCheck = { entry: JournalEntry } | { unreadable: string } | { outOfOrder: string };

/** Parses one line as the entry that follows `previous`. */
function checkLine(text: string, previous: JournalEntry | undefined): LineCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { unreadable: 'not valid JSON' };
  }
  const parsed = journalEntrySchema.safeParse(json);
  if (!parsed.success) {
    return { unreadable: `not a journal entry (${describeFirstIssue(parsed.error, 'entry')})` };
  }
  if (previous && parsed.data.seq <= previous.seq) {
    return { outOfOrder: `seq ${parsed.data.seq} does not follow seq ${previous.seq}` };
  }
  return { entry: parsed.data };
}

/**
 * Writes the torn bytes durably next to the journal, never over an earlier file. If that fails
 * (the disk is still full), the half-written copy is removed and the error thrown.
 */
async function setAside(path: string, bytes: Buffer, now: Date): Promise<string> {
  const stem = join(dirname(path), basename(path, extname(path)));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let attempt = 1; ; attempt++) {
    const target = `${stem}.torn-${stamp}${attempt > 1 ? `-${attempt}` : ''}.jsonl`;
    try {
      await writeFile(target, bytes, { flag: 'wx', flush: true });
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        await unlink(target).catch(() => undefined); // 'wx' created it: it is ours
        throw error;
      }
    }
  }
}

async function closeQuietly(handle: FileHandle): Promise<void> {
  try {
    await handle.close();
  } catch {
    // the handle was already unusable; its bytes are handled by the next repair
  }
}

/** Makes new directory entries durable; best effort (Windows cannot fsync a folder). */
async function fsyncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/**
 * An open journal. Its owner runs appends one at a time (the race's one queue, race-store.ts;
 * issue 20): an append while another is under way is a bug and is refused. Each promise
 * resolves only after its bytes are written and fsynced. A failed write rejects with JournalWriteError and
 * lets go of the file (so the disk can be remounted or unmounted); the next append repairs in
 * place: it reopens the file, sets aside whatever the failed write left past the last durable
 * byte (`<name>.torn-<time>.jsonl`), cuts the file back, and only then writes. While the repair
 * itself fails (the disk is still full or read-only), appends are refused with the cause.
 */
export class Journal {
  /** The append under way (null: none). */
  private pending: Promise<void> | null = null;
  /** Why the last write failed; null while the open handle is good. */
  private failure: JournalWriteError | null = null;
  private closed = false;

  /**
   * Made by openJournal; `lastSeq` is the seq of the last entry in the file (0 when empty) and
   * `length` the file's byte length after it: every byte before it is durable and acknowledged.
   */
  constructor(
    readonly path: string,
    private handle: FileHandle | null,
    private lastSeq: number,
    private length: number,
    private readonly log?: (line: string) => void,
    private readonly clock: () => Date = () => realScheduler.now(),
  ) {}

  /** Appends one entry; resolves once it is durable on disk. */
  append(entry: JournalEntry): Promise<void> {
    return this.appendBatch([entry]);
  }

  /**
   * Appends several entries with one write and one fsync; resolves once all are durable.
   * Rejects with JournalWriteError when the disk refuses: then nothing of them counts.
   */
  appendBatch(entries: readonly JournalEntry[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.path} is closed`));
    if (this.pending)
      return Promise.reject(
        new Error(
          `journal ${this.path}: an append is under way (its race's queue runs one at a time)`,
        ),
      );
    const run = this.write(entries).finally(() => {
      this.pending = null;
    });
    this.pending = run.catch(() => undefined);
    return run;
  }

  /** Waits for pending appends, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pending;
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private async write(entries: readonly JournalEntry[]): Promise<void> {
    let seq = this.lastSeq;
    for (const entry of entries) {
      if (entry.seq <= seq) {
        throw new Error(`journal ${this.path}: entry seq ${entry.seq} does not follow seq ${seq}`);
      }
      seq = entry.seq;
    }
    if (entries.length === 0) return;
    const bytes = Buffer.from(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    const handle = this.handle ?? (await this.repair());
    try {
      await handle.appendFile(bytes); // loops until every byte is written
      await handle.datasync();
    } catch (error) {
      // The file may now end in part of these lines, and the handle may be dead (a read-only
      // remount): let go of it; the next append repairs from the last durable length.
      this.failure = writeFailure(this.path, error);
      this.handle = null;
      await closeQuietly(handle);
      throw this.failure;
    }
    this.length += bytes.length;
    this.lastSeq = seq;
  }

  /** Reopens the file after a failed write and cuts it back to its last durable byte. */
  private async repair(): Promise<FileHandle> {
    let handle: FileHandle;
    try {
      // No O_CREAT: a journal that vanished is not silently started again empty.
      handle = await open(this.path, fsConstants.O_RDWR | fsConstants.O_APPEND);
    } catch (error) {
      throw writeFailure(this.path, error);
    }
    try {
      const { size } = await handle.stat();
      if (size < this.length) {
        throw new JournalWriteError(
          this.path,
          undefined,
          `the file is shorter (${size} bytes) than its ${this.length} durable bytes: it was changed outside the host`,
          `restore ${this.path}`,
        );
      }
      if (size > this.length) await this.setTornAside(handle, size);
    } catch (error) {
      await closeQuietly(handle);
      throw writeFailure(this.path, error);
    }
    this.handle = handle;
    this.failure = null;
    return handle;
  }

  /**
   * Copies the bytes past the durable length (never acknowledged) aside, then cuts them off.
   * If the copy cannot be written, they stay where they are and the append is refused.
   */
  private async setTornAside(handle: FileHandle, size: number): Promise<void> {
    const torn = Buffer.alloc(size - this.length);
    for (let read = 0; read < torn.length;) {
      const { bytesRead } = await handle.read(torn, read, torn.length - read, this.length + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    const aside = await setAside(this.path, torn, this.clock());
    try {
      await fsyncFolder(dirname(this.path));
      await handle.truncate(this.length);
    } catch (error) {
      await unlink(aside).catch(() => undefined); // the bytes are still in the journal
      throw error;
    }
    const why = this.failure ? ` (${this.failure.reason})` : '';
    this.log?.(
      `journal ${this.path}: a failed write${why} had left ${torn.length} bytes that were never acknowledged; moved them to ${aside} and cut the journal back to its last durable entry (seq ${this.lastSeq})`,
    );
  }
}
