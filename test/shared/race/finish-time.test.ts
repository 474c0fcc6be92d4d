// Issue 19, part 3: a finish time belongs to a skater in the finish order. One typed at 16 laps
// to go for a skater still racing was accepted (and the public feed showed it): the rules now
// refuse it at intake, with the skater's number in the words and the code, and the journal
// reads every time back ("time of #7: 8:04.15 (was 8:04.51)"). Journals written before the rule
// keep opening: the fold does not check it.
import { describe, expect, it } from 'vitest';
import type { JournalEntry, RaceCommand } from '../../../src/shared/race/events.ts';
import {
  describe as describeEvent,
  describeEntry,
  foldJournal,
  RaceHistory,
} from '../../../src/shared/race/history.ts';
import { finish, lapsTo, opening, race, refusal } from '../../support/race.ts';

const timed = (bib: number, time: number): RaceCommand => ({ type: 'finish/timed', bib, time });
const at16 = () => race(opening());
const finished = () => race([...opening(), ...finish([3, 1, 2]), lapsTo(16)]);

describe('a finish time for a skater who has not finished is refused', () => {
  it('at 16 laps to go, with the words and code that name the skater', () => {
    const history = at16();
    const decision = history.decide(timed(7, 484_510), { at: '', source: 'test' });
    expect(decision).toEqual({
      ok: false,
      error: '#7 has not finished: record the finish order first',
      code: 'notFinished',
      params: { bib: 7 },
    });
    expect(history.entries).toHaveLength(3);
    expect(history.state.times).toEqual({});
  });

  it('after the finish, for a skater not (yet) in the finish order, whatever his status', () => {
    const history = race([
      ...opening(),
      { type: 'skater/statusChanged', bib: 9, status: 'DNF', laps: 9 },
      { type: 'skater/statusChanged', bib: 10, status: 'LAPPED', laps: 15 },
      { type: 'skater/statusChanged', bib: 11, status: 'DQ' },
      ...finish([3, 1, 2]),
      lapsTo(16),
    ]);
    for (const bib of [7, 9, 10, 11])
      expect(refusal(history, timed(bib, 490_000))).toBe(
        `#${bib} has not finished: record the finish order first`,
      );
  });

  it('the rules of what was typed come first: an unknown or DNS skater is named as such', () => {
    const history = race([...opening(), { type: 'skater/statusChanged', bib: 5, status: 'DNS' }]);
    expect(refusal(history, timed(44, 1))).toBe('helmet number 44 is not on the start list');
    expect(refusal(history, timed(5, 1))).toBe('skater 5 did not start');
  });

  it('a finisher is timed, and timed again (a correction), whatever else he is', () => {
    const history = race([
      ...opening(),
      ...finish([3, 1, 2]),
      { type: 'skater/statusChanged', bib: 2, status: 'DQ' },
      timed(3, 484_510),
      timed(3, 484_150),
      timed(2, 490_000),
    ]);
    expect(history.state.times).toEqual({ 3: 484_150, 2: 490_000 });
  });

  it('a timing proposal (order, then times, as one batch) passes; times before the order do not', () => {
    const order: RaceCommand = { type: 'finish/appended', bibs: [7] };
    const after = race([...opening(), ...finish([3]), order, timed(7, 480_000)]);
    expect(after.state.times[7]).toBe(480_000);
    const before = race([...opening(), ...finish([3])]);
    expect(refusal(before, timed(7, 480_000))).toMatch(/^#7 has not finished/);
  });

  it('a view pre-checking what was typed (moment rules left out) gets the same refusal', () => {
    const history = RaceHistory.at(race(opening().slice(0, 2)).state); // not even started
    const decision = history.decide(
      timed(7, 1),
      { at: '', source: 'pre-check' },
      { moment: false },
    );
    expect(decision).toMatchObject({ ok: false, code: 'notFinished', params: { bib: 7 } });
  });
});

describe('journals written before the rule still open', () => {
  it('a time recorded for a skater still racing folds as it did, without a problem', () => {
    const entries: JournalEntry[] = [...race(opening()).entries];
    entries.push({
      seq: entries.length + 1,
      at: '2026-02-21T14:01:00.000Z',
      source: 'ws',
      event: { type: 'finish/timed', bib: 7, time: 484_510 },
    });
    const folded = foldJournal(entries);
    expect(folded.problems).toEqual([]);
    expect(folded.state.times).toEqual({ 7: 484_510 });
    // The host opens it (RaceHistory refuses nothing it holds), and refuses a new one.
    const history = new RaceHistory(entries);
    expect(history.problems).toEqual([]);
    expect(refusal(history, timed(8, 1))).toMatch(/^#8 has not finished/);
  });

  it('undoing a finish order that times hang on is still possible, as it was', () => {
    const history = race([...opening(), ...finish([3, 1, 2]), timed(1, 480_000)]);
    const order = history.entries.find((e) => e.event.type === 'finish/recorded')!.seq;
    const voided = history.decide(
      { type: 'event/voided', target: order },
      { at: '', source: 'test' },
    );
    expect(voided.ok).toBe(true);
  });
});

describe('the journal reads a time back', () => {
  it('"time of #7: 8:04.15", and what a retyped time replaced', () => {
    const event = { type: 'finish/timed', bib: 7, time: 484_150 } as const;
    expect(describeEvent(event)).toBe('time of #7: 8:04.15');
    const first = finished().state;
    expect(describeEntry(event, first)).toBe('time of #7: 8:04.15');
    const timedOnce = race([...opening(), ...finish([7]), timed(7, 484_510)]).state;
    expect(describeEntry(event, timedOnce)).toBe('time of #7: 8:04.15 (was 8:04.51)');
    // Hundredths as the results print them (truncated as timing does).
    expect(describeEvent({ ...event, time: 484_159 })).toBe('time of #7: 8:04.15');
  });
});
