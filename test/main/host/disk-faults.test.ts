import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RaceHost, type HostChange, type HostResult } from '../../../src/main/host/host.ts';
import { RaceStore } from '../../../src/main/host/race-store.ts';
import { loadOrCreateTokens, type ApiTokens } from '../../../src/main/host/tokens.ts';
import { startServer, type RunningServer } from '../../../src/main/server/http-api.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import {
  Ext4Disk,
  ext4Unavailable,
  pageSize,
  SmallDisk,
  tmpfsUnavailable,
} from '../../support/disk.ts';
import { opening, skaters } from '../../support/race.ts';

// The disk fills up or turns read-only mid-race: the command is refused (503, never
// acknowledged), the boards keep the last good state, and once the disk is back the next
// command is accepted by the same host, with no restart. Real file systems, mounted as root.

const noTmpfs = await tmpfsUnavailable();
const noExt4 = noTmpfs ?? (await ext4Unavailable());
if (noTmpfs) console.warn(`disk-fault tests skipped: ${noTmpfs}`);
else if (noExt4) console.warn(`ext4 read-only disk-fault test skipped: ${noExt4}`);

const clock = () => new Date('2026-02-21T15:00:00.000Z');
const lap: RaceCommand = { type: 'lap/completed' };
const single = (command: RaceCommand) => ({ kind: 'single' as const, command });

/** A host on `dataDir` with one started semi of 12 skaters and a lap done; logs what it says. */
async function raceOn(dataDir: string) {
  const logged: string[] = [];
  const host = await RaceHost.open({ dataDir, clock, log: (line) => logged.push(line) });
  const added = await host.programCommand(
    {
      type: 'race/added',
      title: 'Men Semi 1',
      category: 'Men',
      round: 'semi',
      qualifiers: 8,
      format: 'isu-2018',
    },
    'test',
  );
  if (!added.ok) throw new Error(added.error);
  const raceId = added.raceId!;
  for (const command of [
    { type: 'startList/set', skaters: skaters(12) },
    { type: 'race/started' },
    lap,
  ] as RaceCommand[]) {
    const result = await host.submit(single(command), 'test', raceId);
    if (!result.ok) throw new Error(result.error);
  }
  const changes: HostChange[] = [];
  host.subscribe((change) => changes.push(change));
  const journalPath = join(dataDir, 'races', `${raceId}.jsonl`);
  return { host, raceId, journalPath, logged, changes };
}

/**
 * Edits a skater's name until the journal ends `slack` bytes before a page boundary: a tmpfs
 * allocates whole pages, so when it is full the next write gets exactly `slack` bytes in
 * (0: none, the clean refusal; a few: a torn partial line).
 */
async function padJournal(host: RaceHost, path: string, slack: number): Promise<void> {
  let size = (await stat(path)).size;
  let overhead: number | null = null; // the bytes of an edit line besides the name
  for (let attempt = 0; attempt < 6; attempt++) {
    const left = (pageSize - (size % pageSize)) % pageSize;
    if (left === slack) return;
    let growth = (left - slack + pageSize) % pageSize;
    while (growth < (overhead ?? 0) + 1) growth += pageSize;
    const name = 'A'.repeat(overhead === null ? 1 : growth - overhead);
    const result = await host.submit(single({ type: 'skater/edited', bib: 1, name }), 'test');
    if (!result.ok) throw new Error(result.error);
    const next = (await stat(path)).size;
    if (overhead === null) overhead = next - size - 1;
    size = next;
  }
  throw new Error(`could not pad ${path} to ${slack} bytes before a page boundary`);
}

const tornFiles = async (dir: string) =>
  (await readdir(dir)).filter((name) => name.includes('.torn-')).sort();

/** Every line of the journal is a complete entry, and a fold of it is the live state. */
async function expectJournalMatches(host: RaceHost, raceId: string, path: string) {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  const entries = text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Parameters<typeof foldJournal>[0][number]);
  expect(entries).toEqual(host.journal(raceId)!.entries);
  expect(foldJournal(entries).state).toEqual(host.race(raceId)!.state);
}

const diskFull = (dir: string, what: string) =>
  `the race journal could not be written: the disk is full (ENOSPC) — ${what} was NOT recorded; free space on ${join(dir, 'races')} and send it again`;

describe.skipIf(noTmpfs !== null)('a full or read-only disk mid-race (tmpfs)', () => {
  let disk: SmallDisk;
  beforeEach(async () => {
    disk = await SmallDisk.mount(256);
  });
  afterEach(async () => {
    await disk.unmount();
  });

  it('program changes and new races on a full disk are refused with 503, change nothing, and leave no empty journal', async () => {
    const { host, raceId, logged } = await raceOn(disk.dir);
    const before = host.program();
    const racesBefore = await readdir(join(disk.dir, 'races'));
    disk.fill();
    const cut = await host.programCommand(
      { type: 'scene/shown', output: 'board', scene: 'blank' },
      'test',
    );
    expect(cut).toMatchObject({ ok: false, status: 503 });
    expect((cut as { error: string }).error).toMatch(
      /^program\.json could not be written: the disk is full \(ENOSPC\); nothing was changed: free space on .* and send it again$/,
    );
    expect(logged.at(-1)).toBe((cut as { error: string }).error);
    const added = await host.programCommand(
      {
        type: 'race/added',
        title: 'Men Semi 2',
        category: 'Men',
        round: 'semi',
        qualifiers: 8,
        format: 'isu-2018',
      },
      'test',
    );
    expect(added).toMatchObject({ ok: false, status: 503 });
    expect(host.program()).toEqual(before);
    expect(await readdir(join(disk.dir, 'races'))).toEqual(racesBefore);
    await disk.free();
    expect(
      await host.programCommand({ type: 'scene/shown', output: 'board', scene: 'blank' }, 'test'),
    ).toMatchObject({ ok: true });
    expect(host.program().scenes.board).toBe('blank');
    expect(host.race(raceId)).not.toBeNull();
    await host.close();
  });

  it('over HTTP: a lap on a full disk is refused with 503 and the state kept; freed, the next lap is accepted without a restart', async () => {
    const { host, raceId, journalPath, logged, changes } = await raceOn(disk.dir);
    const tokens: ApiTokens = await loadOrCreateTokens(disk.dir);
    const server: RunningServer = await startServer({ host, tokens, port: 0 });
    const post = async (body: unknown) => {
      const response = await fetch(`${server.url}/api/v1/races/${raceId}/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.control}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const race = async () =>
      (await (
        await fetch(`${server.url}/api/v1/races/${raceId}`, {
          headers: { authorization: `Bearer ${tokens.view}` },
        })
      ).json()) as { revision: number; state: { lapsCompleted: number } };
    try {
      await padJournal(host, journalPath, 0);
      changes.length = 0;
      const before = await race();
      const bytes = await readFile(journalPath);
      disk.fill();
      expect(disk.freeBytes()).toBe(0);

      for (let attempt = 0; attempt < 2; attempt++) {
        const refused = await post(lap);
        expect(refused).toEqual({
          status: 503,
          json: { ok: false, error: diskFull(disk.dir, 'the command "lap completed"') },
        });
      }
      const batch = await post({ commands: [lap, lap] });
      expect(batch.status).toBe(503);
      expect(batch.json.error).toBe(diskFull(disk.dir, 'the batch of 2 commands'));
      // Nothing announced, nothing shown, nothing of it in the journal.
      expect(changes).toEqual([]);
      expect(await race()).toEqual(before);
      expect(await readFile(journalPath)).toEqual(bytes);
      expect(logged.filter((line) => line.includes('ENOSPC'))).toEqual([
        `race ${raceId}: http command refused: ${diskFull(disk.dir, 'the command "lap completed"')}`,
        `race ${raceId}: http command refused: ${diskFull(disk.dir, 'the command "lap completed"')}`,
        `race ${raceId}: http command refused: ${diskFull(disk.dir, 'the batch of 2 commands')}`,
      ]);

      await disk.free();
      const accepted = await post(lap);
      expect(accepted.status).toBe(200);
      expect(accepted.json).toMatchObject({ ok: true, raceRevision: before.revision + 1 });
      const after = await race();
      expect(after.revision).toBe(before.revision + 1);
      expect(after.state.lapsCompleted).toBe(before.state.lapsCompleted + 1);
      expect(changes).toHaveLength(1);
      expect(await tornFiles(join(disk.dir, 'races'))).toEqual([]);
      await expectJournalMatches(host, raceId, journalPath);
    } finally {
      await server.close();
    }
    const live = host.race(raceId)!;
    await host.close();

    const restarted = await RaceHost.open({ dataDir: disk.dir, clock });
    expect(restarted.race(raceId)!.revision).toBe(live.revision);
    expect(restarted.race(raceId)!.state).toEqual(live.state);
    await restarted.close();
  });

  it('a torn partial line the failed write left is set aside, not kept in the journal (and kept while the disk is still full)', async () => {
    const { host, raceId, journalPath } = await raceOn(disk.dir);
    await padJournal(host, journalPath, 30);
    const good = await readFile(journalPath);
    const revision = host.race(raceId)!.revision;
    disk.fill();

    const refused = await host.submit(single(lap), 'console');
    expect(refused).toEqual({
      ok: false,
      status: 503,
      error: diskFull(disk.dir, 'the command "lap completed"'),
    });
    // The failed write got 30 bytes into the last page before the disk said no.
    const torn = (await readFile(journalPath)).subarray(good.length);
    expect(torn.length).toBe(30);
    expect(torn.toString()).toBe(
      `{"seq":${revision + 1},"at":"2026-02-21T15:00:00.000Z","`.slice(0, 30),
    );

    // Still full: the torn bytes cannot be set aside, so they stay and the lap is refused again.
    expect(await host.submit(single(lap), 'console')).toMatchObject({ ok: false, status: 503 });
    expect((await readFile(journalPath)).subarray(0, good.length)).toEqual(good);
    expect((await stat(journalPath)).size).toBe(good.length + 30);
    expect(await tornFiles(join(disk.dir, 'races'))).toEqual([]); // no half-written copy left

    await disk.free();
    const accepted = await host.submit(single(lap), 'console');
    expect(accepted).toMatchObject({ ok: true, raceRevision: revision + 1 });
    const aside = await tornFiles(join(disk.dir, 'races'));
    expect(aside).toEqual([expect.stringMatching(new RegExp(`^${raceId}\\.torn-.*\\.jsonl$`))]);
    expect(await readFile(join(disk.dir, 'races', aside[0]!))).toEqual(torn);
    // The accepted lap's line starts where the torn bytes were.
    const text = await readFile(journalPath, 'utf8');
    expect(text.slice(good.length)).toBe(
      `${JSON.stringify(host.journal(raceId)!.entries.at(-1))}\n`,
    );
    expect(text.slice(good.length).startsWith(torn.toString())).toBe(true);
    await expectJournalMatches(host, raceId, journalPath);
    const live = host.race(raceId)!;
    await host.close();

    const restartLog: string[] = [];
    const restarted = await RaceHost.open({
      dataDir: disk.dir,
      clock,
      log: (line) => restartLog.push(line),
    });
    expect(restartLog.filter((line) => line.includes('torn'))).toEqual([]);
    expect(restarted.race(raceId)!.state).toEqual(live.state);
    await restarted.close();
  });

  it('read-only: refused with the cause while the folder is read-only, accepted again once it is writable', async () => {
    const { host, raceId, journalPath, changes } = await raceOn(disk.dir);
    await padJournal(host, journalPath, 0);
    changes.length = 0;
    const revision = host.race(raceId)!.revision;
    const lapsCompleted = host.race(raceId)!.state.lapsCompleted;
    const bytes = await readFile(journalPath);
    // While the journal is open for writing, the kernel refuses `remount,ro` (EBUSY); after a
    // failed write the host lets go of the file, so the disk can be remounted and repaired.
    disk.fill();
    expect(await host.submit(single(lap), 'console')).toMatchObject({ ok: false, status: 503 });
    await disk.free();
    disk.readOnly();

    const refused: HostResult = await host.submit(single(lap), 'console');
    expect(refused).toEqual({
      ok: false,
      status: 503,
      error: `the race journal could not be written: the disk is read-only (EROFS) — the command "lap completed" was NOT recorded; make ${join(disk.dir, 'races')} writable again and send it again`,
    });
    expect(host.race(raceId)!.revision).toBe(revision);
    expect(host.race(raceId)!.state.lapsCompleted).toBe(lapsCompleted);
    expect(changes).toEqual([]);
    expect(await readFile(journalPath)).toEqual(bytes);

    disk.readWrite();
    expect(await host.submit(single(lap), 'console')).toMatchObject({
      ok: true,
      raceRevision: revision + 1,
    });
    expect(host.race(raceId)!.state.lapsCompleted).toBe(lapsCompleted + 1);
    await expectJournalMatches(host, raceId, journalPath);
    const live = host.race(raceId)!.state;
    await host.close();
    const restarted = await RaceHost.open({ dataDir: disk.dir, clock });
    expect(restarted.race(raceId)!.state).toEqual(live);
    await restarted.close();
  });

  it('the race store: a batch on a full disk commits none of its entries, and the next one goes through', async () => {
    const path = join(disk.dir, 'races', 'store.jsonl');
    const logged: string[] = [];
    const store = await RaceStore.open(path, { log: (line) => logged.push(line) });
    const meta = { at: clock().toISOString(), source: 'test' };
    for (const command of opening()) expect((await store.submit(command, meta)).ok).toBe(true);
    const entries = [...store.entries];
    const state = store.state;
    expect((await stat(path)).size % pageSize).not.toBe(0); // the batch gets some bytes in
    disk.fill();
    // Big enough to need a new page whatever room the last one has.
    const big: RaceCommand = { type: 'skater/edited', bib: 2, name: 'B'.repeat(pageSize) };
    const refused = await store.submitBatch([lap, big, lap], meta);
    expect(refused).toEqual({
      ok: false,
      index: 0,
      unavailable: true,
      error: diskFull(disk.dir, 'the batch of 3 commands'),
    });
    expect(store.entries).toEqual(entries);
    expect(store.state).toBe(state);
    expect(await store.submit(big, meta)).toMatchObject({ ok: false, unavailable: true });
    expect(store.revision).toBe(entries.length);

    await disk.free();
    expect(await store.submitBatch([lap, lap], meta)).toMatchObject({
      ok: true,
      revision: entries.length + 2,
    });
    expect(store.state.lapsCompleted).toBe(2);
    // The refused batch tore its write; the next append set that aside and said so.
    const aside = await tornFiles(join(disk.dir, 'races'));
    expect(aside).toHaveLength(1);
    expect(logged).toEqual([
      `journal ${path}: a failed write (the disk is full (ENOSPC)) had left ${(await stat(join(disk.dir, 'races', aside[0]!))).size} bytes that were never acknowledged; moved them to ${join(disk.dir, 'races', aside[0]!)} and cut the journal back to its last durable entry (seq ${entries.length})`,
    ]);
    await store.close();
    const again = await RaceStore.open(path);
    expect(again.entries).toEqual(store.entries);
    expect(again.state).toEqual(store.state);
    expect(again.recovered).toBeNull();
    await again.close();
  });
});

describe.skipIf(noExt4 !== null)('a disk the kernel turns read-only mid-race (ext4)', () => {
  let disk: Ext4Disk;
  beforeEach(async () => {
    disk = await Ext4Disk.mount();
  });
  afterEach(async () => {
    await disk.unmount();
  });

  it('refuses while the disk is read-only under the open journal; after unmount, check and mount, accepts without a restart', async () => {
    const { host, raceId, journalPath, changes } = await raceOn(disk.dir);
    changes.length = 0;
    const revision = host.race(raceId)!.revision;
    const state = host.race(raceId)!.state;
    const bytes = await readFile(journalPath);
    disk.fail(); // as after a disk error with errors=remount-ro

    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await host.submit(single(lap), 'console')).toEqual({
        ok: false,
        status: 503,
        error: `the race journal could not be written: the disk is read-only (EROFS) — the command "lap completed" was NOT recorded; make ${join(disk.dir, 'races')} writable again and send it again`,
      });
    }
    expect(host.race(raceId)!.revision).toBe(revision);
    expect(host.race(raceId)!.state).toEqual(state);
    expect(changes).toEqual([]);
    expect(await readFile(journalPath)).toEqual(bytes);

    // Unmounting works only because the host let go of the journal after the failed write.
    disk.repair();
    expect(await host.submit(single(lap), 'console')).toMatchObject({
      ok: true,
      raceRevision: revision + 1,
    });
    expect(host.race(raceId)!.state.lapsCompleted).toBe(state.lapsCompleted + 1);
    await expectJournalMatches(host, raceId, journalPath);
    const live = host.race(raceId)!.state;
    await host.close();
    const restarted = await RaceHost.open({ dataDir: disk.dir, clock });
    expect(restarted.race(raceId)!.state).toEqual(live);
    await restarted.close();
  });
});
