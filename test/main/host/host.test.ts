import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RaceHost, type HostChange } from '../../../src/main/host/host.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { addRace } from '../../support/host-fixture.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'host-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const clock = () => new Date('2026-02-21T15:00:00.000Z');
const single = (command: RaceCommand, revision?: number) => ({
  kind: 'single' as const,
  command,
  ...(revision === undefined ? {} : { revision }),
});

const semiWithSkaters = (host: RaceHost, title: string) => addRace(host, { title });

describe('the race host', () => {
  it('journals, applies and announces a command, stamping time and source at intake', async () => {
    const host = await RaceHost.open({ dataDir, clock });
    const id = await semiWithSkaters(host, 'Men Semi 1');
    const changes: HostChange[] = [];
    host.subscribe((change) => changes.push(change));
    const result = await host.submit(single({ type: 'lap/completed' }), 'http');
    expect(result).toMatchObject({ ok: true, raceId: id, raceRevision: 3 });
    expect(changes).toEqual([{ revision: host.revision, raceId: id }]);
    expect(host.race()!.lapsToGo).toBe(15);
    const lines = (await readFile(join(dataDir, 'races', `${id}.jsonl`), 'utf8'))
      .trim()
      .split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual({
      seq: 3,
      at: '2026-02-21T15:00:00.000Z',
      source: 'http',
      event: { type: 'lap/completed' },
    });
    await host.close();
  });

  it('refuses a stale revision (409) and a refused command writes nothing', async () => {
    const host = await RaceHost.open({ dataDir, clock });
    const id = await semiWithSkaters(host, 'Men Semi 1');
    const file = join(dataDir, 'races', `${id}.jsonl`);
    const before = await readFile(file);
    expect(await host.submit(single({ type: 'lap/completed' }, 1), 'console')).toMatchObject({
      ok: false,
      status: 409,
      error: expect.stringMatching(/stale revision: you sent 1, race "men-semi-1" is at 2/),
    });
    expect(
      await host.submit(single({ type: 'qualifier/advanced', bib: 77 }), 'console'),
    ).toMatchObject({ ok: false, status: 400, error: 'helmet number 77 is not on the start list' });
    expect(await host.submit(single({ type: 'lap/completed' }), 'console', 'nope')).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await readFile(file)).toEqual(before);
    expect(await host.submit(single({ type: 'lap/completed' }, 2), 'console')).toMatchObject({
      ok: true,
      raceRevision: 3,
    });
    await host.close();
  });

  it('of two commands sent at the same moment against the same revision, only the first passes', async () => {
    const host = await RaceHost.open({ dataDir, clock });
    await semiWithSkaters(host, 'Men Semi 1');
    const results = await Promise.all([
      host.submit(single({ type: 'lap/completed' }, 2), 'a'),
      host.submit(single({ type: 'lap/completed' }, 2), 'b'),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.status))).toEqual(['ok', 409]);
    expect(host.race()!.lapsToGo).toBe(15);
    await host.close();
  });

  it('resumes exactly where it was after a restart: program, active race, scenes and every journal', async () => {
    const first = await RaceHost.open({ dataDir, clock });
    const semi1 = await semiWithSkaters(first, 'Men Semi 1');
    const semi2 = await semiWithSkaters(first, 'Men Semi 2');
    await first.programCommand({ type: 'race/activated', raceId: semi2 }, 'test');
    await first.programCommand(
      { type: 'scene/shown', output: 'board', scene: 'startList' },
      'test',
    );
    await first.submit(
      {
        kind: 'batch',
        commands: [{ type: 'lap/completed' }, { type: 'lap/completed' }, { type: 'undo' }],
      },
      'test',
    );
    const program = first.program();
    const states = [first.race(semi1)!.state, first.race(semi2)!.state];
    await first.close();

    const second = await RaceHost.open({ dataDir, clock });
    expect(second.program()).toEqual(program);
    expect([second.race(semi1)!.state, second.race(semi2)!.state]).toEqual(states);
    expect(second.race()!.lapsToGo).toBe(15);
    const journal = second.journal(semi2)!;
    expect(foldJournal(journal.entries).state).toEqual(states[1]);
    expect(journal.voided).toEqual([4]);
    await second.close();
  });

  it('builds a final from two finished semis with helmet numbers from the semi ranking', async () => {
    const host = await RaceHost.open({ dataDir, clock });
    const semis: [string, string] = [
      await semiWithSkaters(host, 'Men Semi 1'),
      await semiWithSkaters(host, 'Men Semi 2'),
    ];
    expect(
      await host.programCommand(
        { type: 'final/built', semis, title: 'Men Final', category: 'Men' },
        'test',
      ),
    ).toMatchObject({
      ok: false,
      status: 400,
      error: 'semi-final 1 ("Men Semi 1") has no complete finish order yet',
    });
    for (const id of semis) {
      const finish = Array.from({ length: 12 }, (_, i) => i + 1);
      const result = await host.submit(
        {
          kind: 'batch',
          commands: [
            { type: 'race/started' },
            { type: 'laps/corrected', lapsCompleted: 15 },
            { type: 'finish/recorded', bibs: id === semis[0] ? finish : finish.reverse() },
          ],
        },
        'test',
        id,
      );
      expect(result.ok).toBe(true);
    }
    const built = await host.programCommand(
      { type: 'final/built', semis, title: 'Men Final', category: 'Men' },
      'test',
    );
    expect(built).toMatchObject({ ok: true, raceId: 'men-final' });
    const final = host.race('men-final')!.state;
    expect(final.round).toBe('final');
    // Semi 1 winner (bib 1) wears 1; semi 2 winner (bib 12 crossed first there) wears 2.
    expect(final.skaters.slice(0, 4).map((s) => [s.bib, s.name])).toEqual([
      [1, 'Skater 1'],
      [2, 'Skater 12'],
      [3, 'Skater 2'],
      [4, 'Skater 11'],
    ]);
    expect(final.skaters).toHaveLength(16);
    await host.close();
  });

  it('stops with an error naming file and line when a journal line in the middle is corrupt', async () => {
    const host = await RaceHost.open({ dataDir, clock });
    const id = await semiWithSkaters(host, 'Men Semi 1');
    await host.submit(single({ type: 'lap/completed' }), 'test');
    await host.close();
    const file = join(dataDir, 'races', `${id}.jsonl`);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = '{"seq":2,"at":"x","sour';
    await writeFile(file, lines.join('\n'));
    await expect(RaceHost.open({ dataDir, clock })).rejects.toThrow(
      new RegExp(`${id}\\.jsonl.*line 2`),
    );
  });

  it('refuses a data directory that another running host holds, and takes over a stale lock', async () => {
    // More in test/main/host/data-lock.test.ts (hosts in other processes, killed, zombies).
    const first = await RaceHost.open({ dataDir, clock });
    await expect(RaceHost.open({ dataDir, clock })).rejects.toThrow(
      `is in use by another race host (process ${process.pid})`,
    );
    await first.close();
    await writeFile(join(dataDir, 'host.lock'), `${process.ppid}\n`);
    const host = await RaceHost.open({ dataDir, clock });
    expect(await readFile(join(dataDir, 'host.lock'), 'utf8')).toContain(
      `pid      ${process.pid}\n`,
    );
    await host.close();
    await expect(readFile(join(dataDir, 'host.lock'))).rejects.toThrow(/ENOENT/);
  });

  it('adopts a race journal that a crash left out of the program', async () => {
    const host = await RaceHost.open({ dataDir, clock });
    const id = await semiWithSkaters(host, 'Men Semi 1');
    await host.close();
    await writeFile(
      join(dataDir, 'program.json'),
      JSON.stringify({
        version: 1,
        meeting: 'M',
        races: [],
        activeRaceId: null,
        scenes: {
          board: 'live',
          overlay: { lapsToGo: true, standings: true, sprint: true, result: false },
        },
      }),
    );
    const logged: string[] = [];
    const reopened = await RaceHost.open({ dataDir, clock, log: (line) => logged.push(line) });
    expect(reopened.program().races.map((r) => r.id)).toEqual([id]);
    expect(logged).toEqual([`recovered race ${id}: its journal was not yet in the program`]);
    await reopened.close();
  });
});

describe('program revisions (issue 10)', () => {
  const scene = (board: 'blank' | 'live') =>
    ({ type: 'scene/shown', output: 'board', scene: board }) as const;

  it('a program command sent against an older program revision is refused (409), as a race command is', async () => {
    const host = await RaceHost.open({ dataDir, clock });
    await semiWithSkaters(host, 'Men Semi 1');
    const at = host.program().revision;
    expect(at).toBe(1); // the race added
    expect(await host.programCommand(scene('blank'), 'console', at)).toMatchObject({ ok: true });
    expect(host.program().revision).toBe(at + 1);
    expect(
      await host.programCommand({ type: 'display/configured', language: 'nl' }, 'console', at),
    ).toEqual({
      ok: false,
      status: 409,
      error: `stale revision: you sent ${at}, the program is at ${at + 1}; reload and try again`,
    });
    expect(host.program().display.language).toBe('en');
    // Without a revision there is no check (the menu, OSC, rehearsals).
    expect(await host.programCommand(scene('live'), 'menu')).toMatchObject({ ok: true });
    await host.close();
  });

  it('of two consoles changing the program at the same moment against the same revision, only the first passes', async () => {
    const host = await RaceHost.open({ dataDir, clock });
    await semiWithSkaters(host, 'Men Semi 1');
    const at = host.program().revision;
    const results = await Promise.all([
      host.programCommand(
        { type: 'overlay/toggled', element: 'standings', visible: false },
        'a',
        at,
      ),
      host.programCommand(
        { type: 'overlay/toggled', element: 'standings', visible: true },
        'b',
        at,
      ),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.status))).toEqual(['ok', 409]);
    expect(host.program().scenes.overlay.standings).toBe(false);
    expect(host.program().revision).toBe(at + 1);
    await host.close();
  });

  it('the program revision and the host revision carry on after a restart, where they were', async () => {
    const first = await RaceHost.open({ dataDir, clock });
    const semi1 = await semiWithSkaters(first, 'Men Semi 1');
    await semiWithSkaters(first, 'Men Semi 2');
    await first.programCommand(scene('blank'), 'test');
    await first.submit(
      { kind: 'batch', commands: [{ type: 'race/started' }, { type: 'lap/completed' }] },
      'test',
      semi1,
    );
    const { revision: programRevision } = first.program();
    const hostRevision = first.revision;
    expect(programRevision).toBe(3);
    await first.close();

    const second = await RaceHost.open({ dataDir, clock });
    expect(second.program().revision).toBe(programRevision);
    expect(second.revision).toBe(hostRevision);
    expect(second.snapshot().revision).toBe(hostRevision);
    // A console that read the program before the restart can still send against it.
    expect(await second.programCommand(scene('live'), 'console', programRevision)).toMatchObject({
      ok: true,
      revision: hostRevision + 1,
    });
    await second.close();
  });

  it('removing a race never takes the host revision back, before or after a restart', async () => {
    const first = await RaceHost.open({ dataDir, clock });
    await semiWithSkaters(first, 'Men Semi 1');
    const semi2 = await semiWithSkaters(first, 'Men Semi 2');
    await first.submit(
      { kind: 'batch', commands: [{ type: 'lap/completed' }, { type: 'undo' }] },
      'test',
      semi2,
    );
    const before = first.revision;
    const removed = await first.programCommand({ type: 'race/removed', raceId: semi2 }, 'test');
    expect(removed).toMatchObject({ ok: true, revision: before + 1 });
    expect(first.revision).toBe(before + 1);
    await first.close();
    const second = await RaceHost.open({ dataDir, clock });
    expect(second.revision).toBe(before + 1);
    await second.close();
  });

  it('a program.json written before revisions existed starts the program at revision 0', async () => {
    const host = await RaceHost.open({ dataDir, clock });
    const id = await semiWithSkaters(host, 'Men Semi 1');
    await host.close();
    const file = join(dataDir, 'program.json');
    const old = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    delete old.revision;
    delete old.removedRevisions;
    await writeFile(file, JSON.stringify(old));
    const reopened = await RaceHost.open({ dataDir, clock });
    expect(reopened.program().revision).toBe(0);
    expect(reopened.revision).toBe(reopened.race(id)!.revision);
    await reopened.close();
  });
});
