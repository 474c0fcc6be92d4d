import { describe, expect, it } from 'vitest';
import type { JournalEntry, RaceCommand, RaceEvent } from '../../../src/shared/race/events.ts';
import { foldJournal, RaceHistory, type FoldStep } from '../../../src/shared/race/history.ts';
import { pointsByBib } from '../../../src/shared/race/points.ts';
import { lapsToGo } from '../../../src/shared/race/progress.ts';
import { lapsTo, opening, race, refusal, skaters } from '../../support/race.ts';

const send = (history: RaceHistory, command: RaceCommand) => {
  const decision = history.decide(command, { at: '2026-02-21T15:00:00.000Z', source: 'test' });
  if (!decision.ok) throw new Error(decision.error);
  history.commit(decision);
  return decision.entry;
};

describe('undo, redo and corrections (events, not setters)', () => {
  it('undo voids the newest entry in force and redo voids the void', () => {
    const history = race(opening({ count: 4 }));
    send(history, { type: 'lap/completed' });
    const second = send(history, { type: 'lap/completed' });
    const undo = send(history, { type: 'undo' });
    expect(undo.event).toEqual({ type: 'event/voided', target: second.seq });
    expect(lapsToGo(history.state)).toBe(15);
    const redo = send(history, { type: 'redo' });
    expect(redo.event).toEqual({ type: 'event/voided', target: undo.seq });
    expect(lapsToGo(history.state)).toBe(14);
    expect(refusal(history, { type: 'redo' })).toBe('there is nothing to redo');
    // Undo after redo takes the same lap out again; the journal keeps all of it.
    send(history, { type: 'undo' });
    expect(lapsToGo(history.state)).toBe(15);
    expect(history.entries.map((e) => e.event.type).slice(-5)).toEqual([
      'lap/completed',
      'lap/completed',
      'event/voided',
      'event/voided',
      'event/voided',
    ]);
  });

  it('two undos are redone newest first, and a new action ends the redo chain', () => {
    const history = race(opening({ count: 4 }));
    send(history, { type: 'lap/completed' });
    send(history, { type: 'lap/completed' });
    send(history, { type: 'undo' });
    send(history, { type: 'undo' });
    expect(lapsToGo(history.state)).toBe(16);
    send(history, { type: 'redo' });
    expect(lapsToGo(history.state)).toBe(15);
    send(history, { type: 'redo' });
    expect(lapsToGo(history.state)).toBe(14);
    send(history, { type: 'undo' });
    send(history, { type: 'skater/statusChanged', bib: 1, status: 'DQ' });
    expect(refusal(history, { type: 'redo' })).toBe('there is nothing to redo');
  });

  it('refuses to void an entry that later entries depend on, naming them', () => {
    const history = race([...opening({ count: 6 }), lapsTo(3)]);
    const sprint = send(history, { type: 'sprint/placed', sprint: 1, bibs: [1, 2, 3] });
    const later = send(history, { type: 'skater/statusChanged', bib: 1, status: 'OK' });
    const lapsEntry = history.entries.find((e) => e.event.type === 'laps/corrected')!;
    expect(refusal(history, { type: 'event/voided', target: lapsEntry.seq })).toMatch(
      new RegExp(
        `cannot void #${lapsEntry.seq} \\(laps corrected to 3 completed\\): #${sprint.seq} \\(sprint 1: 1 2 3\\) depends on it`,
      ),
    );
    expect(later.seq).toBeGreaterThan(sprint.seq);
  });

  it('an old sprint can be corrected later, and the correction shows in the points', () => {
    const history = race([...opening({ count: 6 }), lapsTo(4)]);
    send(history, { type: 'sprint/placed', sprint: 1, bibs: [1, 2, 3] });
    send(history, { type: 'laps/corrected', lapsCompleted: 9 });
    send(history, { type: 'sprint/placed', sprint: 2, bibs: [4, 5, 6] });
    send(history, { type: 'sprint/placed', sprint: 1, bibs: [2, 1, 3] });
    const points = pointsByBib(history.state);
    expect([points.get(1)!.total, points.get(2)!.total, points.get(4)!.total]).toEqual([2, 3, 3]);
    expect(foldJournal(history.entries).state).toEqual(history.state);
  });

  it('a void of a void of a void takes the entry out again (the journal is folded newest first)', () => {
    const history = race(opening({ count: 3 }));
    const lap = send(history, { type: 'lap/completed' });
    const v1 = send(history, { type: 'event/voided', target: lap.seq });
    const v2 = send(history, { type: 'event/voided', target: v1.seq });
    send(history, { type: 'event/voided', target: v2.seq });
    expect(lapsToGo(history.state)).toBe(16);
    expect(refusal(history, { type: 'event/voided', target: lap.seq })).toBe(
      `journal entry ${lap.seq} is already voided`,
    );
  });
});

describe('the lap command: the lap key, decided by the host', () => {
  it('is the start before the start, then the leader crossing the line', () => {
    const history = race(opening({ count: 4 }).slice(0, 2));
    expect(send(history, { type: 'lap' }).event).toEqual({ type: 'race/started' });
    expect(lapsToGo(history.state)).toBe(16);
    expect(send(history, { type: 'lap' }).event).toEqual({ type: 'lap/completed' });
    expect(lapsToGo(history.state)).toBe(15);
  });

  it('is never journaled as itself, and undo takes out what it became', () => {
    const history = race(opening({ count: 4 }).slice(0, 2));
    send(history, { type: 'lap' });
    send(history, { type: 'lap' });
    expect(history.entries.map((entry) => entry.event.type).slice(-2)).toEqual([
      'race/started',
      'lap/completed',
    ]);
    send(history, { type: 'undo' });
    expect([history.state.started, lapsToGo(history.state)]).toEqual([true, 16]);
  });

  it('is refused as its event would be: an empty start list, a finished leader', () => {
    expect(history(race([]))).toMatchObject({ ok: false, code: 'emptyStartList' });
    expect(history(race([...opening({ count: 4 }), lapsTo(16)]))).toMatchObject({
      ok: false,
      code: 'leaderFinished',
      error: 'the leader has finished: laps to go cannot go below zero',
    });
    function history(h: RaceHistory) {
      return h.decide({ type: 'lap' }, { at: '', source: 'test' });
    }
  });
});

describe('RaceHistory.at: deciding on a pushed state', () => {
  it('decides events exactly as the history that folded the state', () => {
    const full = race([...opening({ count: 6 }), lapsTo(4)]);
    const pushed = JSON.parse(JSON.stringify(full.state)) as typeof full.state;
    const commands: RaceCommand[] = [
      { type: 'sprint/placed', sprint: 1, bibs: [1, 2, 3] },
      { type: 'sprint/placed', sprint: 1, bibs: [1, 9] },
      { type: 'finish/recorded', bibs: [1] },
      { type: 'skater/statusChanged', bib: 2, status: 'DNS' },
      { type: 'lap' },
    ];
    for (const command of commands) {
      const meta = { at: '', source: 'test' };
      const host = full.decide(command, meta);
      const view = RaceHistory.at(pushed).decide(command, meta);
      expect(view.ok).toBe(host.ok);
      if (!host.ok) expect(view).toEqual(host);
      else if (view.ok) expect(view.state).toEqual(host.state);
    }
  });

  it('has nothing to undo', () => {
    const pushed = race([...opening({ count: 6 }), lapsTo(4)]).state;
    expect(
      RaceHistory.at(pushed).decide({ type: 'undo' }, { at: '', source: 'test' }),
    ).toMatchObject({ ok: false, code: 'nothingToUndo' });
  });
});

describe('foldJournal, entry by entry', () => {
  it('shows each entry with the state before it and whether it is in force', () => {
    const history = race([...opening({ count: 4 }), lapsTo(4)]);
    const lap = send(history, { type: 'lap/completed' });
    const undo = send(history, { type: 'undo' });
    send(history, { type: 'redo' });
    const steps: FoldStep[] = [];
    const result = foldJournal(history.entries, (step) => steps.push(step));
    expect(result.state).toEqual(history.state);
    expect(steps.map((step) => step.entry.seq)).toEqual(history.entries.map((e) => e.seq));
    const bySeq = (seq: number) => steps.find((step) => step.entry.seq === seq)!;
    expect(bySeq(lap.seq)).toMatchObject({ inForce: true, voided: false });
    expect(bySeq(lap.seq).before.lapsCompleted).toBe(4);
    expect(bySeq(undo.seq)).toMatchObject({ inForce: false, voided: true });
    expect(bySeq(undo.seq).before.lapsCompleted).toBe(5);
  });
});

describe('the race facts the fold records: startedAt and confirmedAt (issue 19)', () => {
  const t = (seq: number) => new Date(Date.UTC(2026, 1, 21, 14, 0, seq)).toISOString();
  const setUp: RaceEvent[] = [{ type: 'startList/set', skaters: skaters(3) }]; // seq 1
  const finished: RaceEvent[] = [
    { type: 'laps/corrected', lapsCompleted: 15 },
    { type: 'finish/recorded', bibs: [1, 2, 3] },
  ];
  const journal = (events: RaceEvent[], at = t): JournalEntry[] =>
    events.map((event, index) => ({ seq: index + 1, at: at(index + 1), source: 'test', event }));
  const started: RaceEvent = { type: 'race/started' };
  const lap: RaceEvent = { type: 'lap/completed' };
  const confirm: RaceEvent = { type: 'results/confirmed' };
  const reopen: RaceEvent = { type: 'results/reopened' };
  const voidOf = (target: number): RaceEvent => ({ type: 'event/voided', target });

  it.each<[string, RaceEvent[], string | null, string | null, ((seq: number) => string)?]>([
    ['nothing before the start', setUp, null, null],
    ['the start entry’s time', [...setUp, started, lap, lap], t(2), null],
    [
      'an old journal: the lap before a start starts the race, at its time',
      [...setUp, lap, lap],
      t(2),
      null,
    ],
    ['a start voided is no start', [...setUp, started, voidOf(2)], null, null],
    [
      'a start voided, then a lap: the lap is the start',
      [...setUp, started, voidOf(2), lap],
      t(4),
      null,
    ],
    [
      'redo of a voided start brings its own time back',
      [...setUp, started, voidOf(2), voidOf(3)],
      t(2),
      null,
    ],
    ['the confirmation in force', [...setUp, started, ...finished, confirm], t(2), t(5)],
    ['reopened: none', [...setUp, started, ...finished, confirm, reopen], t(2), null],
    [
      'confirmed again: the second',
      [...setUp, started, ...finished, confirm, reopen, confirm],
      t(2),
      t(7),
    ],
    [
      'the second confirmation voided: reopened',
      [...setUp, started, ...finished, confirm, reopen, confirm, voidOf(7)],
      t(2),
      null,
    ],
    [
      'the reopening voided: the first confirmation again',
      [...setUp, started, ...finished, confirm, reopen, voidOf(6)],
      t(2),
      t(5),
    ],
    [
      'entries without a time (a race sheet): none',
      [...setUp, started, ...finished, confirm],
      null,
      null,
      () => '',
    ],
  ])('%s', (_name, events, startedAt, confirmedAt, at = t) => {
    const entries = journal(events, at);
    const { state, problems } = foldJournal(entries);
    expect(problems).toEqual([]);
    expect({ startedAt: state.startedAt, confirmedAt: state.confirmedAt }).toEqual({
      startedAt,
      confirmedAt,
    });
    // Deciding the same entries one by one, as the host does (voids through decideVoid), gives
    // the same state as the fresh fold.
    const history = new RaceHistory();
    for (const entry of entries) {
      const decision = history.decide(entry.event, { at: entry.at, source: entry.source });
      if (!decision.ok) throw new Error(decision.error);
      history.commit(decision);
    }
    expect(history.state).toEqual(state);
  });
});
