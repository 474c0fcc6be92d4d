import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RaceHost } from '../../../src/main/host/host.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { parseProgramCommand } from '../../../src/shared/protocol/commands.ts';
import { addRace } from '../../support/host-fixture.ts';
import { finish, skaters } from '../../support/race.ts';

let dataDir: string;
let host: RaceHost | null = null;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'program-faults-'));
});
afterEach(async () => {
  await host?.close();
  host = null;
  await rm(dataDir, { recursive: true, force: true });
});

let tick = 0;
const clock = () => new Date(Date.UTC(2026, 1, 21, 15, 0, tick++));
const logged: string[] = [];
const open = async () => {
  logged.length = 0;
  host = await RaceHost.open({ dataDir, clock, log: (line) => logged.push(line) });
  return host;
};

const addSemi = (h: RaceHost, title: string) => addRace(h, { title }, skaters(10));

async function send(h: RaceHost, raceId: string, ...commands: RaceCommand[]): Promise<void> {
  for (const command of commands) {
    const result = await h.submit({ kind: 'single', command }, 'test', raceId);
    if (!result.ok) throw new Error(`${command.type}: ${result.error}`);
  }
}

describe('auto mode on the host: the boards follow the race', () => {
  it('start list, live at the gun, results at the finish, a manual cut held until the next phase', async () => {
    const h = await open();
    const id = await addSemi(h, 'Men Semi 1');
    const scenes = () => h.program().scenes;
    expect(scenes()).toMatchObject({
      board: 'startList',
      auto: { board: true, overlay: true },
      held: { board: false, overlay: false },
    });
    expect(scenes().overlay).toMatchObject({ standings: false, result: false });
    await send(h, id, { type: 'race/started' });
    expect(scenes().board).toBe('live');
    // Issue 18: the standings are not on air all race in auto; the overlay times them after
    // each sprint, and "what they need" is armed.
    expect(scenes().overlay).toMatchObject({
      lapsToGo: true,
      standings: false,
      result: false,
      needs: true,
      breakaway: false,
      gap: true,
    });

    // The operator cuts to blank mid-race: it holds for the rest of the live phase.
    expect(
      await h.programCommand({ type: 'scene/shown', output: 'board', scene: 'blank' }, 'test'),
    ).toMatchObject({ ok: true });
    await send(h, id, { type: 'lap/completed' }, { type: 'lap/completed' });
    expect(scenes()).toMatchObject({ board: 'blank', held: { board: true } });
    // An overlay element cut in holds too, on top of what auto showed.
    await h.programCommand({ type: 'overlay/toggled', element: 'standings', visible: true }, 't');
    expect(scenes().overlay).toEqual({
      lapsToGo: true,
      standings: true,
      sprint: true,
      result: false,
      needs: true,
      breakaway: false,
      gap: true,
    });

    // The finish order complete: the next phase, auto takes over again.
    await send(h, id, ...finish([3, 1, 2, 4, 5, 6, 7, 8, 9, 10]));
    expect(scenes()).toMatchObject({ board: 'results', held: { board: false, overlay: false } });
    expect(scenes().overlay).toMatchObject({ result: true, standings: false, lapsToGo: false });
    await send(h, id, { type: 'results/confirmed' });
    expect(scenes().board).toBe('results');
    expect(h.snapshot().race!.state.official).toBe(true);
  });

  it('auto off holds every cut; the switch and the holds survive a restart', async () => {
    let h = await open();
    const id = await addSemi(h, 'Men Semi 1');
    await h.programCommand({ type: 'output/auto', output: 'board', auto: false }, 'test');
    expect(h.program().scenes).toMatchObject({ board: 'startList', auto: { board: false } });
    await send(h, id, { type: 'race/started' });
    expect(h.program().scenes.board).toBe('startList'); // no auto cut to live
    expect(h.program().scenes.overlay.needs).toBe(true); // the overlay is still on auto
    await h.close();
    h = await open();
    expect(h.program().scenes).toMatchObject({
      board: 'startList',
      auto: { board: false, overlay: true },
    });
    await h.programCommand({ type: 'output/auto', output: 'board', auto: true }, 'test');
    expect(h.program().scenes.board).toBe('live');
  });

  it('refuses an unknown output or a missing switch, naming the field', () => {
    expect(() =>
      parseProgramCommand({ type: 'output/auto', output: 'screen', auto: true }),
    ).toThrow(/output/);
    expect(() => parseProgramCommand({ type: 'output/auto', output: 'board' })).toThrow(/auto/);
  });
});

describe('race/removed', () => {
  it('takes a race out of the program and moves its journal to DATA/removed/, never deleting it', async () => {
    const h = await open();
    const first = await addSemi(h, 'Men Semi 1');
    const rehearsal = await addSemi(h, 'Rehearsal');
    const journal = await readFile(join(dataDir, 'races', `${rehearsal}.jsonl`), 'utf8');
    expect(
      await h.programCommand({ type: 'race/removed', raceId: rehearsal }, 'test'),
    ).toMatchObject({ ok: true });
    expect(h.program().races.map((race) => race.id)).toEqual([first]);
    expect(await readdir(join(dataDir, 'races'))).toEqual([`${first}.jsonl`]);
    const removed = await readdir(join(dataDir, 'removed'));
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatch(new RegExp(`^${rehearsal}\\.2026-02-21T15-00-\\d\\d-000Z\\.jsonl$`));
    expect(await readFile(join(dataDir, 'removed', removed[0]!), 'utf8')).toBe(journal);
    expect(logged.at(-1)).toContain(`race ${rehearsal} removed from the program`);
    // Not in the program, not on disk in races/: a restart does not bring it back.
    await h.close();
    const again = await open();
    expect(again.program().races.map((race) => race.id)).toEqual([first]);
    // And its id can be used again without touching the removed journal.
    expect(await addSemi(again, 'Rehearsal')).toBe(rehearsal);
    expect(await readdir(join(dataDir, 'removed'))).toEqual(removed);
  });

  it('is refused for the active race while it runs, and for a race not in the program', async () => {
    const h = await open();
    const id = await addSemi(h, 'Men Semi 1');
    await send(h, id, { type: 'race/started' });
    expect(await h.programCommand({ type: 'race/removed', raceId: id }, 'test')).toEqual({
      ok: false,
      status: 409,
      error: `race "${id}" is running on the boards: finish it, or activate another race, before removing it`,
    });
    expect(h.program().races).toHaveLength(1);
    expect(await readdir(join(dataDir, 'races'))).toEqual([`${id}.jsonl`]);
    expect(await h.programCommand({ type: 'race/removed', raceId: 'nope' }, 'test')).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it('removing the active race before its start leaves no race on the boards', async () => {
    const h = await open();
    const id = await addSemi(h, 'Men Semi 1');
    await h.programCommand({ type: 'race/removed', raceId: id }, 'test');
    expect(h.program()).toMatchObject({ activeRaceId: null, races: [] });
    expect(h.snapshot().race).toBeNull();
    expect(h.program().scenes.board).toBe('blank');
  });
});

describe('program.json missing or damaged at start', () => {
  async function meetingOfTwo(): Promise<{ semi1: string; semi2: string }> {
    const h = await open();
    const semi1 = await addSemi(h, 'Men Semi 1');
    const semi2 = await addSemi(h, 'Men Semi 2');
    await h.programCommand({ type: 'race/activated', raceId: semi2 }, 'test');
    await send(h, semi2, { type: 'race/started' }, { type: 'lap/completed' });
    // Semi 2 was written to last: it is the race that was running.
    await h.close();
    host = null;
    return { semi1, semi2 };
  }

  it('a corrupt program.json is set aside, and the program rebuilt from the journals', async () => {
    const { semi1, semi2 } = await meetingOfTwo();
    await writeFile(join(dataDir, 'program.json'), '{"version": 1, "meeting": "Milano');
    const h = await open();
    expect(h.program().races.map((race) => race.id)).toEqual([semi1, semi2]);
    expect(h.program().races.map((race) => race.title)).toEqual(['Men Semi 1', 'Men Semi 2']);
    expect(h.activeRaceId).toBe(semi2);
    expect(h.race()!.state.lapsCompleted).toBe(1);
    const files = await readdir(dataDir);
    const aside = files.find((name) => name.startsWith('program.damaged-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dataDir, aside!), 'utf8')).toBe('{"version": 1, "meeting": "Milano');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      /^program\.json could not be read \(.*is not valid JSON.*moved it to .*program\.damaged-/,
    );
    expect(logged[0]).toContain(
      `rebuilt the program from 2 race journals (${semi1}, ${semi2}), active race ${semi2}; nothing was deleted`,
    );
    // The rebuilt program is written: the next start reads it without a word.
    await h.close();
    await open();
    expect(logged).toEqual([]);
  });

  it('a program.json of the wrong shape is set aside too; a missing one is rebuilt', async () => {
    const { semi1, semi2 } = await meetingOfTwo();
    await writeFile(join(dataDir, 'program.json'), JSON.stringify({ version: 1, races: 'x' }));
    let h = await open();
    expect(h.program().races.map((race) => race.id)).toEqual([semi1, semi2]);
    expect(logged[0]).toMatch(/is damaged: meeting: /);
    await h.close();
    await rm(join(dataDir, 'program.json'));
    h = await open();
    expect(h.program().races.map((race) => race.id)).toEqual([semi1, semi2]);
    expect(logged).toEqual([
      `program.json was missing: rebuilt the program from 2 race journals (${semi1}, ${semi2}), active race ${semi2}; nothing was deleted`,
    ]);
  });
});
