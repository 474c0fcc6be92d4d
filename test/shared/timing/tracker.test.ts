import { describe, expect, it } from 'vitest';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { applyEvent } from '../../../src/shared/race/apply.ts';
import type { RaceState } from '../../../src/shared/race/state.ts';
import { acceptProposal, timingProposals } from '../../../src/shared/timing/proposals.ts';
import { LapTracker, type Passing } from '../../../src/shared/timing/tracker.ts';
import { race } from '../../support/race.ts';

const START = Date.parse('2026-02-21T14:00:00Z');
/** The decoder runs 3.5 s ahead of the host; passings arrive 20 ms after the crossing. */
const OFFSET = 3500;

/** A race of `count` skaters (bib n wears transponder 1000+n), started at START. */
function started(count = 6, extra: RaceCommand[] = []): RaceState {
  return race([
    {
      type: 'race/configured',
      title: 'Semi',
      round: 'semi',
      qualifiers: 8,
      format: {
        name: 'isu-2018',
        laps: 16,
        sprintLaps: [4, 8, 12],
        intermediatePoints: [3, 2, 1],
        finalPoints: [60, 40, 20, 10, 6, 3],
        podiumByFinishOrder: 3,
        nonFinishersKeepPoints: true,
        disqualifiedLosePoints: true,
        lappedSkaters: 'rank',
      },
    },
    {
      type: 'startList/set',
      skaters: Array.from({ length: count }, (_, i) => ({
        bib: i + 1,
        name: `Skater ${i + 1}`,
        nation: 'NED',
        transponder: String(1000 + i + 1),
      })),
    },
    { type: 'race/started' },
    ...extra,
  ]).state;
}

let number = 1;
/** A crossing `raceMs` after the start by the decoder's clock. */
function crossing(bib: number | string, raceMs: number, passingNumber = number++): Passing {
  const decoderMs = START + OFFSET + raceMs;
  return {
    passingNumber,
    transponder: typeof bib === 'number' ? String(1000 + bib) : bib,
    decoderMs,
    receivedAt: decoderMs - OFFSET + 20,
  };
}

const tracked = (state: RaceState) => ({ state, startedAt: START });

/** Feeds a lap: the bibs in crossing order, 0.4 s apart, the first at `atMs`. */
function lap(tracker: LapTracker, state: RaceState, bibs: number[], atMs: number) {
  return bibs.map((bib, i) => tracker.observe(crossing(bib, atMs + i * 400), tracked(state)));
}

describe('LapTracker', () => {
  it('counts the leader crossing the line, ignores the bunch behind and the start read', () => {
    const state = started();
    const tracker = new LapTracker({ minLapMs: 20_000 });
    const atGun = lap(tracker, state, [1, 2, 3, 4, 5, 6], 300);
    expect(atGun.map((o) => o.row.note)).toEqual(Array(6).fill('start'));
    const first = lap(tracker, state, [3, 1, 2, 4, 5, 6], 35_000);
    expect(first.map((o) => o.row.note)).toEqual(['leader', 'lap', 'lap', 'lap', 'lap', 'lap']);
    expect(first[0]!.leaderLap).toBe(1);
    expect(first.slice(1).every((o) => o.leaderLap === null)).toBe(true);
    expect(tracker.leaderLaps).toBe(1);
    expect(timingProposals(tracker, state)).toEqual([
      { id: 'lap-1', kind: 'lap', lap: 1, leader: 3 },
    ]);
  });

  it('filters double reads by the minimum lap time and duplicates by passing number', () => {
    const state = started();
    const tracker = new LapTracker({ minLapMs: 20_000 });
    tracker.observe(crossing(1, 35_000, 50), tracked(state));
    const double = tracker.observe(crossing(1, 35_150), tracked(state));
    const duplicate = tracker.observe(crossing(1, 35_000, 50), tracked(state));
    expect([double.row.note, duplicate.row.note]).toEqual(['double', 'duplicate']);
    expect(tracker.leaderLaps).toBe(1);
    expect(tracker.counters).toMatchObject({ doubleReads: 1, duplicates: 1, passings: 2 });
  });

  it('shows unknown transponders and passings before the start, and never counts them', () => {
    const notStarted = race([
      {
        type: 'race/configured',
        title: 'x',
        round: 'final',
        qualifiers: 0,
        format: started().format,
      },
      {
        type: 'startList/set',
        skaters: [{ bib: 1, name: 'A', nation: 'NED', transponder: '1001' }],
      },
    ]).state;
    const tracker = new LapTracker({ minLapMs: 20_000 });
    const early = tracker.observe(crossing(1, -60_000), { state: notStarted, startedAt: null });
    const stranger = tracker.observe(crossing('777', 40_000), tracked(started()));
    expect([early.row.note, stranger.row.note]).toEqual(['beforeStart', 'unknown']);
    expect(tracker.unknown).toEqual([expect.objectContaining({ transponder: '777', passings: 1 })]);
    expect(tracker.leaderLaps).toBe(0);
  });

  it('proposes the first three distinct skaters of a sprint lap, and the finish with times', () => {
    let state = started(6);
    const tracker = new LapTracker({ minLapMs: 20_000 });
    lap(tracker, state, [1, 2, 3, 4, 5, 6], 200);
    for (let k = 1; k <= 4; k += 1) {
      const order = k === 4 ? [5, 5, 2, 6, 1, 3, 4] : [1, 2, 3, 4, 5, 6];
      const bibs = k === 4 ? order.filter((b, i) => order.indexOf(b) === i) : order;
      // (a double read of 5 on the sprint line counts once)
      if (k === 4) tracker.observe(crossing(5, k * 32_000 - 100), tracked(state));
      lap(tracker, state, bibs, k * 32_000);
      state = applyEvent(state, { type: 'lap/completed' });
    }
    const sprint = timingProposals(tracker, state).find((p) => p.kind === 'sprint');
    expect(sprint).toEqual({
      id: 'sprint-1',
      kind: 'sprint',
      sprint: 1,
      bibs: [5, 2, 6],
      complete: true,
      inferred: [],
    });
    // The operator types the sprint by hand: the proposal closes.
    const placed = applyEvent(state, { type: 'sprint/placed', sprint: 1, bibs: [5, 6, 2] });
    expect(timingProposals(tracker, placed).some((p) => p.kind === 'sprint')).toBe(false);
    // Dismissed: gone too.
    expect(timingProposals(tracker, state, new Set(['sprint-1']))).toEqual([]);
  });

  it('proposes the finish order with race times; accepting it records order and times', () => {
    let state = started(4);
    const tracker = new LapTracker({ minLapMs: 20_000 });
    for (let k = 1; k <= 16; k += 1) {
      lap(tracker, state, k === 16 ? [2, 1, 4, 3] : [1, 2, 3, 4], k * 30_000);
      if (k < 16) state = applyEvent(state, { type: 'lap/completed' });
    }
    const [lapProposal] = timingProposals(tracker, state);
    expect(lapProposal).toMatchObject({ kind: 'lap', lap: 16, leader: 2 });
    state = applyEvent(state, { type: 'lap/completed' });
    const finish = timingProposals(tracker, state).find((p) => p.kind === 'finish')!;
    expect(finish).toMatchObject({ kind: 'finish', bibs: [2, 1, 4, 3], complete: true });
    if (finish.kind !== 'finish') throw new Error('not a finish');
    // Race times by the decoder's clock, off by no more than the delivery delay (20 ms here).
    expect(Math.abs(finish.times[2]! - 480_000)).toBeLessThanOrEqual(20);
    expect(finish.times[3]! - finish.times[2]!).toBe(3 * 400);
    const commands = acceptProposal(finish, state, [2, 1]);
    expect(commands).toEqual([
      { type: 'finish/recorded', bibs: [2, 1] },
      // Timed by the loop from the operator's start key (no gun wired to the decoder).
      { type: 'finish/timed', bib: 2, time: finish.times[2], timedFrom: 'startKey' },
      { type: 'finish/timed', bib: 1, time: finish.times[2]! + 400, timedFrom: 'startKey' },
    ]);
    state = commands.reduce((s, command) => applyEvent(s, command as never), state);
    const rest = timingProposals(tracker, state).find((p) => p.kind === 'finish')!;
    expect(rest).toMatchObject({ bibs: [4, 3] });
    expect(acceptProposal(rest, state)[0]).toEqual({ type: 'finish/appended', bibs: [4, 3] });
  });

  it('ignores lapped skaters for the leader and infers a lap the loop missed', () => {
    const state = started(3);
    const tracker = new LapTracker({ minLapMs: 20_000 });
    // 1 and 2 lead; 3 drifts back (45 s laps) and is lapped; the loop misses 2 at lap 3.
    const crossings: [number, number][] = [];
    for (let k = 1; k <= 6; k += 1) {
      crossings.push([1, k * 30_000]);
      if (k !== 3) crossings.push([2, k * 30_000 + 500]);
      if (k <= 4) crossings.push([3, k * 45_000 + 900]);
    }
    crossings.sort((a, b) => a[1] - b[1]);
    for (const [bib, at] of crossings) tracker.observe(crossing(bib, at), tracked(state));
    expect(tracker.leaderLaps).toBe(6);
    expect(tracker.counters.missedReads).toBe(1);
    const notes = tracker.recent.filter((row) => row.bib === 3).map((row) => row.note);
    expect(notes).toContain('lapped');
    expect(tracker.recent.find((row) => row.bib === 2)).toMatchObject({ lap: 6, note: 'lap' });
    expect(tracker.recent.find((row) => row.bib === 3)).toMatchObject({ lap: 4, note: 'lapped' });
  });

  it('never lets a skater lead a lap sooner than the minimum lap time after the last one', () => {
    const state = started(2);
    const tracker = new LapTracker({ minLapMs: 20_000 });
    tracker.observe(crossing(1, 30_000), tracked(state));
    // Skater 2 wrongly credited (a long gap after a fall): crosses right behind the leader.
    tracker.observe(crossing(2, 95_000), tracked(state));
    tracker.observe(crossing(1, 60_000 + 40_000), tracked(state));
    expect(tracker.leaderLaps).toBeLessThanOrEqual(3);
    expect(tracker.recent[1]).toMatchObject({ bib: 2 });
    expect(tracker.recent[1]!.note).not.toBe('leader');
  });

  it('starts afresh when the start is undone and given again', () => {
    const state = started(2);
    const tracker = new LapTracker({ minLapMs: 20_000 });
    tracker.observe(crossing(1, 30_000), tracked(state));
    expect(tracker.leaderLaps).toBe(1);
    const again = tracker.observe(crossing(1, 70_000), { state, startedAt: START + 60_000 });
    expect(again.row.note).toBe('start');
    expect(tracker.leaderLaps).toBe(0);
  });
});
