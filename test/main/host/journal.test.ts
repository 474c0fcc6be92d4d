import {
  appendFile,
  mkdtemp,
  type FileHandle,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/shared/race/events.ts';
import {
  Journal,
  JournalCorruptError,
  JournalWriteError,
  openJournal,
} from '../../../src/main/host/journal.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = '2026-02-21T12:00:00.000Z';
function lap(seq: number): JournalEntry {
  return { seq, at, source: 'test', event: { type: 'lap/completed' } };
}
const line = (entry: JournalEntry): string => `${JSON.stringify(entry)}\n`;

describe('journal', () => {
  it('creates the folder and file, and reads back what it appended', async () => {
    const path = join(dir, 'nested', 'race.jsonl');
    const opened = await openJournal(path);
    expect(opened.entries).toEqual([]);
    expect(opened.recovered).toBeNull();
    const sprint: JournalEntry = {
      seq: 2,
      at,
      source: 'console',
      event: { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] },
    };
    await opened.journal.append(lap(1));
    await opened.journal.append(sprint);
    await opened.journal.close();

    const again = await openJournal(path);
    expect(again.entries).toEqual([lap(1), sprint]);
    expect(again.recovered).toBeNull();
    await again.journal.close();
  });

  it('has the bytes in the file as soon as append resolves', async () => {
    const path = join(dir, 'race.jsonl');
    const { journal } = await openJournal(path);
    await journal.append(lap(1));
    expect(await readFile(path, 'utf8')).toBe(line(lap(1)));
    await journal.appendBatch([lap(2), lap(3), lap(4)]);
    expect(await readFile(path, 'utf8')).toBe([1, 2, 3, 4].map((seq) => line(lap(seq))).join(''));
    await journal.close();
  });

  it('refuses an append while one is under way: its race runs one queue (issue 20)', async () => {
    const path = join(dir, 'race.jsonl');
    const { journal } = await openJournal(path);
    const first = journal.append(lap(1));
    await expect(journal.append(lap(2))).rejects.toThrow('an append is under way');
    await first;
    await journal.append(lap(2));
    await journal.close();
    expect(await readFile(path, 'utf8')).toBe([lap(1), lap(2)].map(line).join(''));
  });

  it('refuses an entry whose seq does not follow, writing nothing', async () => {
    const path = join(dir, 'race.jsonl');
    const { journal } = await openJournal(path);
    await journal.append(lap(1));
    await expect(journal.append(lap(1))).rejects.toThrow('entry seq 1 does not follow seq 1');
    await expect(journal.appendBatch([lap(2), lap(2)])).rejects.toThrow('does not follow');
    await journal.append(lap(2));
    await journal.close();
    expect(await readFile(path, 'utf8')).toBe(line(lap(1)) + line(lap(2)));
    await expect(journal.append(lap(3))).rejects.toThrow(`journal ${path} is closed`);
  });

  it.each([
    ['a cut-off line', (text: string) => text.slice(0, 25), 'no trailing newline'],
    [
      'a complete line missing only its newline',
      (text: string) => text.trimEnd(),
      'no trailing newline',
    ],
    ['zero bytes from a power cut', () => '\0'.repeat(40), 'no trailing newline'],
    ['an unreadable line with its newline', () => '{"seq":3,"at":\n', 'not valid JSON'],
    ['a line that is not an entry', () => '{"seq":3}\n', 'not a journal entry'],
  ])('sets aside a torn last line: %s', async (_, tear, reason) => {
    const path = join(dir, 'race.jsonl');
    const good = line(lap(1)) + line(lap(2));
    const torn = tear(line(lap(3)));
    await writeFile(path, good + torn);

    const now = new Date('2026-02-21T12:34:56.789Z');
    const { journal, entries, recovered } = await openJournal(path, { now });
    expect(entries).toEqual([lap(1), lap(2)]);
    const setAsidePath = join(dir, 'race.torn-2026-02-21T12-34-56-789Z.jsonl');
    expect(recovered).toMatchObject({ line: 3, bytes: Buffer.byteLength(torn), setAsidePath });
    expect(recovered?.reason).toContain(reason);
    expect(recovered?.message).toContain(`journal ${path}: line 3 was torn`);
    expect(recovered?.message).toContain('kept the 2 complete entries');
    expect(await readFile(setAsidePath, 'utf8')).toBe(torn);
    expect(await readFile(path, 'utf8')).toBe(good);

    await journal.append(lap(3));
    await journal.close();
    const again = await openJournal(path, { now });
    expect(again.entries).toEqual([lap(1), lap(2), lap(3)]);
    expect(again.recovered).toBeNull();
    await again.journal.close();
  });

  it('sets aside the complete lines of an unfinished batch with its torn tail (all or nothing)', async () => {
    const path = join(dir, 'race.jsonl');
    const batch = (seq: number): JournalEntry => ({ ...lap(seq), batchEnd: 5 });
    const good = line(lap(1)) + line(lap(2));
    const unfinished = line(batch(3)) + line(batch(4)) + line(batch(5)).slice(0, 20);
    await writeFile(path, good + unfinished);
    const { journal, entries, recovered } = await openJournal(path, { now: new Date(at) });
    expect(entries).toEqual([lap(1), lap(2)]);
    expect(recovered).toMatchObject({ line: 3, bytes: Buffer.byteLength(unfinished) });
    expect(recovered?.reason).toBe(
      'an unfinished batch: entries 3-4 of a batch ending at 5, then no trailing newline',
    );
    expect(await readFile(path, 'utf8')).toBe(good);
    await journal.close();
    // A finished batch is kept whole.
    await writeFile(path, good + line(batch(3)) + line(batch(4)) + line(batch(5)));
    const whole = await openJournal(path, { now: new Date(at) });
    expect(whole.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(whole.recovered).toBeNull();
    await whole.journal.close();
  });

  it('never overwrites an earlier set-aside file', async () => {
    const path = join(dir, 'race.jsonl');
    const now = new Date('2026-02-21T12:00:00.000Z');
    for (const torn of ['{"seq', '{"se']) {
      await appendFile(path, torn);
      await (await openJournal(path, { now })).journal.close();
    }
    const files = (await readdir(dir)).sort();
    expect(files).toEqual([
      'race.jsonl',
      'race.torn-2026-02-21T12-00-00-000Z-2.jsonl',
      'race.torn-2026-02-21T12-00-00-000Z.jsonl',
    ]);
  });

  it('throws JournalCorruptError naming the file and line for a bad line in the middle', async () => {
    const path = join(dir, 'race.jsonl');
    await writeFile(path, line(lap(1)) + '{"seq":2,"at":"x"\n' + line(lap(3)));
    const error = await openJournal(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalCorruptError);
    expect((error as Error).message).toMatch(
      new RegExp(`^journal ${path} is corrupt at line 2: not valid JSON`),
    );
    expect(await readFile(path, 'utf8')).toContain(line(lap(3))); // nothing dropped
  });

  it('throws naming the line where sequence numbers stop increasing', async () => {
    const path = join(dir, 'race.jsonl');
    await writeFile(path, line(lap(1)) + line(lap(2)) + line(lap(2)));
    await expect(openJournal(path)).rejects.toThrow(
      `journal ${path} is corrupt at line 3: seq 2 does not follow seq 2`,
    );
  });

  it('treats an empty line in the middle as damage', async () => {
    const path = join(dir, 'race.jsonl');
    await writeFile(path, line(lap(1)) + '\n' + line(lap(2)));
    await expect(openJournal(path)).rejects.toThrow(JournalCorruptError);
    await expect(openJournal(path)).rejects.toThrow('at line 2');
  });

  it('names the cause of a failed write and where to fix it', async () => {
    const causes: Record<string, string> = {
      ENOSPC: `the disk is full (ENOSPC); free space on ${dir}`,
      EROFS: `the disk is read-only (EROFS); make ${dir} writable again`,
      EACCES: `the host has no permission to write it (EACCES); give the host write permission on ${dir}`,
      EIO: `the disk reported an I/O error (EIO); check the disk that holds ${dir}`,
    };
    for (const [code, words] of Object.entries(causes)) {
      const failure = Object.assign(new Error(`${code}: failed`), { code });
      const handle = fakeHandle(() => Promise.reject(failure));
      const journal = new Journal(join(dir, 'race.jsonl'), handle, 0, 0);
      const error = await journal.append(lap(1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JournalWriteError);
      expect(error).toMatchObject({ code, cause: failure });
      expect((error as Error).message).toBe(
        `journal ${join(dir, 'race.jsonl')} could not be written: ${words}`,
      );
    }
  });

  it('after a failed write, the next append sets the torn bytes aside, cuts back and writes', async () => {
    const path = join(dir, 'race.jsonl');
    await writeFile(path, line(lap(1)));
    const half = line(lap(2)).slice(0, 20);
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    let closed = false;
    const handle = fakeHandle(
      async () => {
        await appendFile(path, half); // a short write, then the disk is full
        throw full;
      },
      () => (closed = true),
    );
    const logged: string[] = [];
    const journal = new Journal(path, handle, 1, line(lap(1)).length, (l) => logged.push(l));
    await expect(journal.append(lap(2))).rejects.toThrow('the disk is full (ENOSPC)');
    expect(closed).toBe(true); // lets go of the file, so the disk can be remounted
    expect(await readFile(path, 'utf8')).toBe(line(lap(1)) + half);

    await journal.append(lap(2));
    await journal.append(lap(3));
    await journal.close();
    expect(await readFile(path, 'utf8')).toBe(line(lap(1)) + line(lap(2)) + line(lap(3)));
    const aside = (await readdir(dir)).filter((name) => name.includes('.torn-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(half);
    expect(logged).toEqual([
      expect.stringMatching(
        /a failed write \(the disk is full \(ENOSPC\)\) had left 20 bytes that were never acknowledged; moved them to .*race\.torn-.*\.jsonl and cut the journal back to its last durable entry \(seq 1\)$/,
      ),
    ]);
    const again = await openJournal(path);
    expect(again.entries).toEqual([lap(1), lap(2), lap(3)]);
    expect(again.recovered).toBeNull();
    await again.journal.close();
  });

  it('after a failed write that left nothing, writes again without setting anything aside', async () => {
    const path = join(dir, 'race.jsonl');
    await writeFile(path, line(lap(1)));
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const journal = new Journal(
      path,
      fakeHandle(() => Promise.reject(full)),
      1,
      line(lap(1)).length,
    );
    await expect(journal.append(lap(2))).rejects.toThrow('ENOSPC');
    await journal.append(lap(2));
    await journal.close();
    expect(await readFile(path, 'utf8')).toBe(line(lap(1)) + line(lap(2)));
    expect((await readdir(dir)).filter((name) => name.includes('.torn-'))).toEqual([]);
  });

  it('does not start a vanished journal again empty: it refuses, naming the missing file', async () => {
    const path = join(dir, 'race.jsonl');
    const eio = Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    const journal = new Journal(
      path,
      fakeHandle(() => Promise.reject(eio)),
      1,
      100,
    );
    await expect(journal.append(lap(2))).rejects.toThrow('EIO');
    await expect(journal.append(lap(2))).rejects.toThrow(
      `journal ${path} could not be written: the journal file is gone (ENOENT); put the data folder back at ${dir}`,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses to write over a journal that became shorter than its durable bytes', async () => {
    const path = join(dir, 'race.jsonl');
    await writeFile(path, line(lap(1)));
    const eio = Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    const journal = new Journal(
      path,
      fakeHandle(() => Promise.reject(eio)),
      2,
      2 * line(lap(1)).length,
    );
    await expect(journal.append(lap(3))).rejects.toThrow('EIO');
    await expect(journal.append(lap(3))).rejects.toThrow(
      /is shorter .* than its \d+ durable bytes/,
    );
    expect(await readFile(path, 'utf8')).toBe(line(lap(1)));
  });
});

/** A FileHandle whose appendFile does what the test says; the rest is never reached. */
function fakeHandle(
  append: () => Promise<void>,
  onClose: () => void = () => undefined,
): FileHandle {
  return {
    appendFile: append,
    datasync: () => Promise.resolve(),
    close: () => {
      onClose();
      return Promise.resolve();
    },
  } as unknown as FileHandle;
}
