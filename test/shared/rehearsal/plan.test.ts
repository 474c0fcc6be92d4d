import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/shared/race/events.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { computeStandings } from '../../../src/shared/race/standings.ts';
import { longestGapMs, planRehearsal } from '../../../src/shared/rehearsal/plan.ts';
import { parseRecording, RecordingError } from '../../../src/shared/rehearsal/recording.ts';
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
