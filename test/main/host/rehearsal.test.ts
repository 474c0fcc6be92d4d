import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RaceHost } from '../../../src/main/host/host.ts';
import { parseProgramCommand } from '../../../src/shared/protocol/commands.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { computeStandings } from '../../../src/shared/race/standings.ts';
import { planRehearsal } from '../../../src/shared/rehearsal/plan.ts';
import { parseRecording } from '../../../src/shared/rehearsal/recording.ts';
import { parseRaceSheet, sheetState } from '../../../src/shared/sheet/sheet.ts';
import { ManualScheduler } from '../../support/manual-scheduler.ts';

const recording = parseRecording(readFileSync('resources/demo/recorded-semi1.jsonl', 'utf8'));
const sheet = parseRaceSheet(readFileSync('test/fixtures/sheets/mc2026-men-semi1.json', 'utf8'));
const rows = (state: Parameters<typeof computeStandings>[0]) =>
  computeStandings(state).rows.map((row) => [
    row.rank,
    row.bib,
    row.total,
    row.qualified,
    row.status,
    row.laps,
  ]);

const start = '2026-02-21T15:00:00.000Z';
let dataDir: string;
let host: RaceHost | null = null;
let scheduler: ManualScheduler;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rehearsal-'));
  // The rehearsal waits on the host's scheduler and its entries take its time: the tests move
  // it, nothing sleeps on the wall clock.
  scheduler = new ManualScheduler(start);
});
afterEach(async () => {
  await host?.close();
  host = null;
  await rm(dataDir, { recursive: true, force: true });
});

describe('rehearsal/started on the host', () => {
  const command = (speed = 10, onBoards = true) =>
    parseProgramCommand({ type: 'rehearsal/started', recording, speed, onBoards });

  it('replays the recording into a new race, puts it on the boards, and auto mode cuts the scenes as it goes', async () => {
    host = await RaceHost.open({ dataDir, scheduler });
    const scenes: string[] = [];
    host.subscribe(() => {
      const board = host!.program().scenes.board;
      if (scenes.at(-1) !== board) scenes.push(board);
    });
    expect(await host.programCommand(command(), 'test')).toMatchObject({ ok: true });
    const [rehearsal] = host.rehearsals;
    await scheduler.runUntil(rehearsal!.done);
    const id = rehearsal!.raceId!;
    expect(id).toBe('rehearsal-men-mass-start-semi-final-1');
    expect(host.activeRaceId).toBe(id);
    expect(host.race(id)!.state.title).toBe('Rehearsal · Men · Mass Start · Semi-final 1');
    expect(rows(host.race(id)!.state)).toEqual(rows(sheetState(sheet)));
    // Auto mode cuts the board as the rehearsal race goes, as in a live race: no cuts of its own.
    expect(scenes).toEqual(['startList', 'live', 'results']);
    const journal = host.journal(id)!;
    expect(journal.entries.slice(1).map((entry) => entry.event)).toEqual(
      recording.slice(1).map((entry) => entry.event),
    );
    expect(journal.voided).toEqual([...foldJournal(recording).voided]);
    expect(new Set(journal.entries.slice(1).map((entry) => entry.source))).toEqual(
      new Set(['rehearsal']),
    );
    expect(host.rehearsals).toEqual([]);
  });

  it('waits the recorded gaps divided by the speed, on the host scheduler, stamping entries with its time', async () => {
    host = await RaceHost.open({ dataDir, scheduler });
    await host.programCommand(command(10), 'test');
    const [rehearsal] = host.rehearsals;
    await scheduler.runUntil(rehearsal!.done);
    const { durationMs } = planRehearsal(recording);
    expect(scheduler.elapsedSince(start)).toBeCloseTo(durationMs / 10, 3);
    const entries = host.journal(rehearsal!.raceId!)!.entries;
    expect(entries[0]!.at).toBe(start);
    const took = Date.parse(entries.at(-1)!.at) - Date.parse(start);
    expect(Math.abs(took - durationMs / 10)).toBeLessThan(1);
    expect(scheduler.pending).toBe(0);
  });

  it('rehearsal/stopped stops a replay where it is; a second stop says none is running', async () => {
    host = await RaceHost.open({ dataDir, scheduler });
    await host.programCommand(command(1), 'test');
    const [rehearsal] = host.rehearsals;
    // The first wait of the replay (the set-up and the start list are in, the gun is not).
    await scheduler.whenWaiting();
    expect(await host.programCommand({ type: 'rehearsal/stopped' }, 'test')).toMatchObject({
      ok: true,
    });
    await rehearsal!.done;
    expect(scheduler.pending).toBe(0); // the wait was cancelled, not left to run out
    const state = host.race(rehearsal!.raceId)!.state;
    expect(state.started).toBe(false);
    expect(state.skaters).toHaveLength(12);
    expect(await host.programCommand({ type: 'rehearsal/stopped' }, 'test')).toEqual({
      ok: false,
      status: 404,
      error: 'no rehearsal is running',
    });
  });

  it('a broken recording is refused with the reason and adds nothing', async () => {
    host = await RaceHost.open({ dataDir, scheduler });
    const result = await host.programCommand(
      parseProgramCommand({ type: 'rehearsal/started', recording: recording.slice(2) }),
      'test',
    );
    expect(result).toEqual({
      ok: false,
      status: 400,
      error: 'recording: the recording must begin with race/configured (the race set-up)',
    });
    expect(host.program().races).toEqual([]);
    expect(host.rehearsals).toEqual([]);
  });

  it('leaves the boards alone when asked to, and closing the host stops a replay', async () => {
    host = await RaceHost.open({ dataDir, scheduler });
    await host.programCommand(
      {
        type: 'race/added',
        title: 'Live race',
        category: '',
        round: 'final',
        qualifiers: 0,
        format: 'isu-2018',
      },
      'test',
    );
    await host.programCommand(command(1, false), 'test');
    const [rehearsal] = host.rehearsals;
    await scheduler.whenWaiting();
    expect(rehearsal!.raceId).toBe('rehearsal-men-mass-start-semi-final-1');
    expect(host.activeRaceId).toBe('live-race');
    await host.close();
    host = null;
    await rehearsal!.done;
    expect(rehearsal!.running).toBe(false);
    expect(scheduler.pending).toBe(0);
  });

  it('stops the rehearsal in a race that is removed from the program', async () => {
    host = await RaceHost.open({ dataDir, scheduler });
    await host.programCommand(command(1), 'test');
    const [rehearsal] = host.rehearsals;
    await scheduler.whenWaiting();
    const raceId = rehearsal!.raceId!;
    expect(await host.programCommand({ type: 'race/removed', raceId }, 'test')).toMatchObject({
      ok: true,
    });
    await rehearsal!.done;
    expect(rehearsal!.running).toBe(false);
    expect(host.program().races).toEqual([]);
    expect(scheduler.pending).toBe(0);
  });
});
