import { mkdir, open, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { journalEntrySchema, type JournalEntry } from '../../shared/race/events.ts';

/** A damaged line that cannot be a torn last write (more lines follow it): a person must look. */
export class JournalCorruptError extends Error {
  override readonly name = 'JournalCorruptError';
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
  options: { readonly now?: Date } = {},
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
    const aside = await setAside(path, content.subarray(completeBytes), options.now ?? new Date());
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
  return { journal: new Journal(path, handle, entries.at(-1)?.seq ?? 0), entries, recovered };
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
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'entry';
    return { unreadable: `not a journal entry (${where}: ${issue?.message ?? 'invalid'})` };
  }
  if (previous && parsed.data.seq <= previous.seq) {
    return { outOfOrder: `seq ${parsed.data.seq} does not follow seq ${previous.seq}` };
  }
  return { entry: parsed.data };
}

/** Writes the torn bytes durably next to the journal, never over an earlier file. */
async function setAside(path: string, bytes: Buffer, now: Date): Promise<string> {
  const stem = join(dirname(path), basename(path, extname(path)));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let attempt = 1; ; attempt++) {
    const target = `${stem}.torn-${stamp}${attempt > 1 ? `-${attempt}` : ''}.jsonl`;
    try {
      await writeFile(target, bytes, { flag: 'wx', flush: true });
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
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
 * An open journal. Appends run one at a time in call order, and each promise resolves only
 * after its bytes are written and fsynced. After a failed write the file may end in a partial
 * line, so the journal refuses further appends: reopen it, which sets that line aside.
 */
export class Journal {
  private queue: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private closed = false;

  /** Made by openJournal; `lastSeq` is the seq of the last entry in the file (0 when empty). */
  constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private lastSeq: number,
  ) {}

  /** Appends one entry; resolves once it is durable on disk. */
  append(entry: JournalEntry): Promise<void> {
    return this.appendBatch([entry]);
  }

  /** Appends several entries with one write and one fsync; resolves once all are durable. */
  appendBatch(entries: readonly JournalEntry[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.path} is closed`));
    const run = this.queue.then(() => this.write(entries));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for pending appends, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.handle.close();
  }

  private async write(entries: readonly JournalEntry[]): Promise<void> {
    if (this.failure) {
      const reason = this.failure.message;
      throw new Error(`journal ${this.path} refuses appends after a failed write (${reason})`);
    }
    let seq = this.lastSeq;
    for (const entry of entries) {
      if (entry.seq <= seq) {
        throw new Error(`journal ${this.path}: entry seq ${entry.seq} does not follow seq ${seq}`);
      }
      seq = entry.seq;
    }
    if (entries.length === 0) return;
    const lines = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
    try {
      await this.handle.appendFile(lines, 'utf8'); // loops until every byte is written
      await this.handle.datasync();
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
    this.lastSeq = seq;
  }
}
