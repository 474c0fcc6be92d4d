import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RaceHost } from '../../../src/main/host/host.ts';
import {
  longestGapMs,
  parseRecording,
  planRehearsal,
  RecordingError,
  rehearsals,
} from '../../../src/main/host/rehearsal.ts';
import { parseProgramCommand } from '../../../src/shared/protocol/commands.ts';
import type { JournalEntry } from '../../../src/shared/race/events.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { computeStandings } from '../../../src/shared/race/standings.ts';
import { parseRaceSheet, sheetState } from '../../../src/shared/sheet/sheet.ts';

const recordingText = readFileSync('resources/demo/recorded-semi1.jsonl', 'utf8');
const recording = parseRecording(recordingText);
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

let dataDir: string;
let host: RaceHost | null = null;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rehearsal-'));
});
afterEach(async () => {
  await host?.close();
  host = null;
  await rm(dataDir, { recursive: true, force: true });
});

describe('the recorded semi-final (resources/demo/recorded-semi1.jsonl)', () => {
  const at = (entry: JournalEntry) => Date.parse(entry.at);
  const laps = recording.filter((entry) => entry.event.type === 'lap/completed');

  it('folds to the published result of Milano Cortina 2026 men’s semi-final 1 (the race sheet)', () => {
    const { state, problems } = foldJournal(recording);
    expect(problems).toEqual([]);
    expect(state.official).toBe(true);
    expect(rows(state)).toEqual(rows(sheetState(sheet)));
    expect(
      rows(state)
        .slice(0, 6)
        .map(([rank, bib, total]) => [rank, bib, total]),
    ).toEqual([
      [1, 1, 60],
      [2, 2, 40],
      [3, 3, 21],
      [4, 4, 11],
      [5, 5, 10],
      [6, 6, 3],
    ]);
  });

  it('runs in real time: about 29 s a lap, sprints placed after laps 4, 8 and 12, the winner home in 7:42.49', () => {
    const kept = laps.filter(
      (_, index) => at(laps[index]!) - (index > 0 ? at(laps[index - 1]!) : 0) > 5_000,
    );
    expect(kept).toHaveLength(16);
    const started = at(recording.find((entry) => entry.event.type === 'race/started')!);
    const gaps = kept.map(
      (entry, index) => (at(entry) - (index === 0 ? started : at(kept[index - 1]!))) / 1000,
    );
    for (const gap of gaps) expect(gap).toBeGreaterThan(26);
    for (const gap of gaps) expect(gap).toBeLessThan(34);
    expect(at(kept[15]!) - started).toBe(462_490);
    const placed = recording.filter((entry) => entry.event.type === 'sprint/placed');
    const lapOf = (entry: JournalEntry) => kept.filter((lap) => at(lap) <= at(entry)).length;
    expect(
      placed.map((entry) => [
        entry.event.type === 'sprint/placed' && entry.event.sprint,
        lapOf(entry),
      ]),
    ).toEqual([
      [1, 4],
      [2, 8],
      [2, 8],
      [3, 12],
    ]);
  });

  it('holds what a real operator does: a DNF, an undone double lap, a corrected sprint, a finish added to', () => {
    const types = recording.map((entry) => entry.event.type);
    expect(recording.find((entry) => entry.event.type === 'skater/statusChanged')!.event).toEqual({
      type: 'skater/statusChanged',
      bib: 11,
      status: 'DNF',
      laps: 9,
    });
    expect(types.filter((type) => type === 'event/voided')).toHaveLength(1);
    expect(types.filter((type) => type === 'finish/appended')).toHaveLength(2);
    expect(new Set(recording.map((entry) => entry.source))).toEqual(
      new Set(['ws', 'osc', 'timing']),
    );
  });
});

describe('planRehearsal', () => {
  it('sets the race up from the first entry and caps long waits', () => {
    const plan = planRehearsal(recording);
    expect(plan.setup).toMatchObject({ type: 'race/configured', round: 'semi', qualifiers: 8 });
    expect(plan.steps).toHaveLength(recording.length - 1);
    expect(Math.max(...plan.steps.map((step) => step.gapMs))).toBe(longestGapMs);
    expect(plan.steps[0]!.gapMs).toBe(0);
    expect(plan.durationMs).toBeGreaterThan(462_490);
    expect(plan.durationMs).toBeLessThan(462_490 + 6 * longestGapMs);
  });

  it('refuses a recording that does not start with the race set-up', () => {
    expect(() => planRehearsal(recording.slice(1))).toThrow(
      new RecordingError('the recording must begin with race/configured (the race set-up)'),
    );
  });

  it('refuses a recording the rules refuse, naming the entry, before anything starts', () => {
    const broken = recording.map((entry) =>
      entry.event.type === 'sprint/placed'
        ? { ...entry, event: { ...entry.event, bibs: [44] } }
        : entry,
    );
    expect(() => planRehearsal(broken)).toThrow(
      /entry #\d+ cannot be replayed: helmet number 44 is not on the start list/,
    );
  });

  it('names the line of an unreadable recording', () => {
    expect(() => parseRecording(`${recordingText.split('\n')[0]}\n{"seq": 2}\n`)).toThrow(
      /^line 2: /,
    );
    expect(() => parseRecording('not json')).toThrow(/^line 1: /);
  });
});

describe('rehearsal/started on the host', () => {
  const command = (speed = 1000, onBoards = true) =>
    parseProgramCommand({ type: 'rehearsal/started', recording, speed, onBoards });

  it('replays the recording into a new race, puts it on the boards, and auto mode cuts the scenes as it goes', async () => {
    host = await RaceHost.open({ dataDir });
    const scenes: string[] = [];
    host.subscribe(() => {
      const board = host!.program().scenes.board;
      if (scenes.at(-1) !== board) scenes.push(board);
    });
    expect(await host.programCommand(command(), 'test')).toMatchObject({ ok: true });
    const [rehearsal] = rehearsals(host);
    await rehearsal!.done;
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
    expect(rehearsals(host)).toEqual([]);
  });

  it('rehearsal/stopped stops a replay where it is; a second stop says none is running', async () => {
    host = await RaceHost.open({ dataDir });
    await host.programCommand(command(1), 'test');
    const [rehearsal] = rehearsals(host);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await host.programCommand({ type: 'rehearsal/stopped' }, 'test')).toMatchObject({
      ok: true,
    });
    await rehearsal!.done;
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
    host = await RaceHost.open({ dataDir });
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
  });

  it('leaves the boards alone when asked to, and closing the host stops a replay', async () => {
    host = await RaceHost.open({ dataDir });
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
    const [rehearsal] = rehearsals(host);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(host.activeRaceId).toBe('live-race');
    await host.close();
    host = null;
    await rehearsal!.done;
    expect(rehearsal!.running).toBe(false);
  });
});
