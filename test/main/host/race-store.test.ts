import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { RaceStore } from '../../../src/main/host/race-store.ts';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'race-store-test-'));
  path = join(dir, 'race.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const meta = { at: '2026-02-21T12:00:00.000Z', source: 'test' };
const opening: RaceCommand[] = [
  { type: 'race/configured', title: 'Semi-final 1', round: 'semi', qualifiers: 8, format: isu2018 },
  {
    type: 'startList/set',
    skaters: Array.from({ length: 12 }, (_, i) => ({
      bib: i + 1,
      name: `Skater ${i + 1}`,
      nation: '',
    })),
  },
];
const lap: RaceCommand = { type: 'lap/completed' };

async function openedWith(commands: readonly RaceCommand[]): Promise<RaceStore> {
  const store = await RaceStore.open(path);
  for (const command of commands) expect((await store.submit(command, meta)).ok).toBe(true);
  return store;
}

describe('RaceStore', () => {
  it('journals accepted commands and replays them on open', async () => {
    const store = await openedWith(opening);
    const result = await store.submit(lap, meta);
    expect(result).toEqual({
      ok: true,
      revision: 3,
      entry: { seq: 3, ...meta, event: { type: 'lap/completed' } },
    });
    expect(store.state.lapsCompleted).toBe(1);
    await store.close();

    const again = await RaceStore.open(path);
    expect(again.revision).toBe(3);
    expect(again.state).toEqual(store.state);
    expect(again.recovered).toBeNull();
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(4);
    await again.close();
  });

  it('writes no line for a refused command', async () => {
    const store = await openedWith(opening);
    const before = await readFile(path);
    const result = await store.submit({ type: 'finish/recorded', bibs: [1] }, meta);
    expect(result).toEqual({ ok: false, error: 'the race has not started' });
    expect(await readFile(path)).toEqual(before);
    expect(store.revision).toBe(2);
    await store.close();
  });

  it('gives concurrent submits consecutive seqs, each decided on the state before it', async () => {
    const store = await openedWith(opening);
    const results = await Promise.all(Array.from({ length: 17 }, () => store.submit(lap, meta)));
    const seqs = results.map((result) => (result.ok ? result.entry.seq : result.error));
    expect(seqs).toEqual([
      ...Array.from({ length: 16 }, (_, i) => i + 3),
      'the leader has finished: laps to go cannot go below zero',
    ]);
    const undo = await Promise.all([
      store.submit({ type: 'undo' }, meta),
      store.submit({ type: 'redo' }, meta),
    ]);
    expect(undo.map((result) => result.ok && result.entry.event)).toEqual([
      { type: 'event/voided', target: 18 },
      { type: 'event/voided', target: 19 },
    ]);
    await store.close();
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines.map((text) => (JSON.parse(text) as { seq: number }).seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('writes a batch in full, or nothing and names the refused command', async () => {
    const store = await openedWith(opening);
    const before = await readFile(path);
    const refused = await store.submitBatch(
      [{ type: 'race/started' }, lap, { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] }],
      meta,
    );
    expect(refused.ok).toBe(false);
    expect(refused).toMatchObject({ index: 2 });
    expect(!refused.ok && refused.error).toMatch(
      /^batch refused at command 3 of 3 \(index 2, sprint 1: 4 9 3\): sprint 1 is decided at 12 laps to go; the race is at 15; nothing was written$/,
    );
    expect(await readFile(path)).toEqual(before);
    expect(store.state.started).toBe(false);

    const accepted = await store.submitBatch(
      [
        { type: 'race/started' },
        lap,
        lap,
        lap,
        { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] },
      ],
      meta,
    );
    expect(accepted.ok && accepted.entries.map((entry) => entry.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(accepted.ok && accepted.revision).toBe(7);
    expect(store.state.sprints).toEqual([[4, 9, 3], [], []]);
    await store.close();
    const again = await RaceStore.open(path);
    expect(again.state).toEqual(store.state);
    await again.close();
  });

  it('recovers a torn last line on open and appends cleanly after it', async () => {
    await (await openedWith(opening)).close();
    await appendFile(path, '{"seq":3,"at":"2026');
    const store = await RaceStore.open(path);
    expect(store.recovered?.message).toContain(`journal ${path}: line 3 was torn`);
    expect(store.revision).toBe(2);
    expect((await store.submit(lap, meta)).ok).toBe(true);
    await store.close();
    const again = await RaceStore.open(path);
    expect(again.entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(again.state).toEqual(foldJournal(again.entries).state);
    await again.close();
  });

  it('refuses to open a journal whose entries do not replay, naming file and seq', async () => {
    const entry = { seq: 1, ...meta, event: { type: 'lap/completed' } };
    await writeFile(path, `${JSON.stringify(entry)}\n`);
    await expect(RaceStore.open(path)).rejects.toThrow(
      `journal ${path}: entry seq 1 cannot be replayed: the start list is empty: load the skaters first`,
    );
  });
});
