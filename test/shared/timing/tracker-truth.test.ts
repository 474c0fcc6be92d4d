// The lap tracker against a race written from the rules alone (test/support/truth-race.ts), not
// against the decoder simulator: a solo breakaway whose read is missed, a skater who falls back
// and is lapped, one who steps off, a read resent late, a gun wired to the decoder (issue 17).
import { describe, expect, it } from 'vitest';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { applyEvent } from '../../../src/shared/race/apply.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';
import type { RaceState } from '../../../src/shared/race/state.ts';
import { acceptProposal, timingProposals } from '../../../src/shared/timing/proposals.ts';
import { LapTracker, type Passing } from '../../../src/shared/timing/tracker.ts';
import { race } from '../../support/race.ts';
import {
  TRUTH,
  trueLeaderLaps,
  trueOrder,
  truthCrossings,
  type TrueCrossing,
} from '../../support/truth-race.ts';

const START = Date.parse('2026-02-21T14:00:00Z');
/** The decoder's clock runs 2.5 s ahead of the host's; passings arrive 15 ms after a crossing. */
const OFFSET = 2_500;
const DELAY = 15;

function startedRace(lappedSkaters: 'rank' | 'pull' = 'rank'): RaceState {
  return race([
    {
      type: 'race/configured',
      title: 'Semi 1',
      round: 'semi',
      qualifiers: 8,
      format: { ...isu2018, lappedSkaters },
    },
    {
      type: 'startList/set',
      skaters: Array.from({ length: TRUTH.skaters }, (_, i) => ({
        bib: i + 1,
        name: `Skater ${i + 1}`,
        nation: 'NED',
        transponder: String(500 + i + 1),
      })),
    },
    { type: 'race/started' },
  ]).state;
}

let numbers = 1;
function passingOf(bib: number | string, raceMs: number, passingNumber = numbers++): Passing {
  const decoderMs = START + OFFSET + raceMs;
  return {
    passingNumber,
    transponder: typeof bib === 'number' ? String(500 + bib) : bib,
    decoderMs,
    receivedAt: decoderMs - OFFSET + DELAY,
  };
}

const at = (state: RaceState) => ({ state, startedAt: START });

/** Plays the crossings (those in `missed` not read), the start reads first. */
function play(
  crossings: readonly TrueCrossing[],
  missed: (crossing: TrueCrossing) => boolean,
  each?: (tracker: LapTracker, crossing: TrueCrossing) => void,
  state = startedRace(),
): LapTracker {
  const tracker = new LapTracker({ minLapMs: 20_000 });
  for (let bib = 1; bib <= TRUTH.skaters; bib += 1)
    tracker.observe(passingOf(bib, 200 + bib * 40), at(state));
  for (const crossing of crossings) {
    if (missed(crossing)) continue;
    tracker.observe(passingOf(crossing.bib, crossing.raceMs), at(state));
    each?.(tracker, crossing);
  }
  return tracker;
}

describe('LapTracker against a race written from the rules', () => {
  const crossings = truthCrossings();
  const leaderMissedAt10 = (c: TrueCrossing) => c.bib === TRUTH.breakaway && c.lap === 10;

  it('reads every lap right when no read is missed', () => {
    const lags: number[] = [];
    const tracker = play(
      crossings,
      () => false,
      (t, crossing) => lags.push(trueLeaderLaps(crossings, crossing.raceMs) - t.leaderLaps),
    );
    expect(lags.every((lag) => lag === 0)).toBe(true);
    expect(tracker.counters.missedReads).toBe(0);
    expect(tracker.leaderLaps).toBe(16);
  });

  it('gives a solo breakaway back his lead at his next read after a missed one', () => {
    const lagAt: { lap: number; bib: number; lag: number }[] = [];
    const tracker = play(crossings, leaderMissedAt10, (t, crossing) =>
      lagAt.push({
        lap: crossing.lap,
        bib: crossing.bib,
        lag: trueLeaderLaps(crossings, crossing.raceMs) - t.leaderLaps,
      }),
    );
    // Lap 10 is counted when the bunch crosses (unavoidable: the loop never saw him); from his
    // next read on, every crossing finds the count in step with the real leader.
    const lagging = lagAt.filter((row) => row.lag !== 0);
    expect(lagging).toEqual([]);
    expect(tracker.counters.missedReads).toBe(1);
    const notesOf5 = tracker.recent.filter((row) => row.bib === TRUTH.breakaway);
    expect(notesOf5.every((row) => row.note !== 'lapped')).toBe(true);
    // Every sprint is proposed as the line saw it: sprint 3 is 5 then the front of the bunch.
    const state = withLaps(startedRace(), 16);
    const sprints = timingProposals(tracker, state).filter((p) => p.kind === 'sprint');
    expect(sprints.map((p) => (p.kind === 'sprint' ? p.bibs : []))).toEqual([
      trueOrder(crossings, 4, 3),
      trueOrder(crossings, 8, 3),
      trueOrder(crossings, 12, 3),
    ]);
    expect(trueOrder(crossings, 12, 3)[0]).toBe(TRUTH.breakaway);
  });

  it('a missed read on the sprint lap still places the breakaway first, marked as inferred', () => {
    const tracker = play(crossings, (c) => c.bib === TRUTH.breakaway && c.lap === 12);
    const state = withLaps(startedRace(), 16);
    const sprint3 = timingProposals(tracker, state).find(
      (p) => p.kind === 'sprint' && p.sprint === 3,
    );
    expect(sprint3).toMatchObject({ bibs: trueOrder(crossings, 12, 3), inferred: [5] });
  });

  it('the lap in between is known again when the lost read is resent late', () => {
    const lost = crossings.find(leaderMissedAt10)!;
    const resent: string[] = [];
    const tracker = play(crossings, leaderMissedAt10, (t, crossing) => {
      if (crossing.bib !== TRUTH.breakaway || crossing.lap !== 11) return;
      const { row } = t.observe(passingOf(lost.bib, lost.raceMs), at(startedRace()));
      resent.push(`${row.note} ${row.lap}`);
    });
    expect(resent).toEqual(['late 10']);
    expect(tracker.counters.missedReads).toBe(0);
    expect(tracker.leaderOf(10)).toEqual({
      bib: 5,
      decoderMs: START + OFFSET + lost.raceMs,
      inferred: false,
    });
  });

  it('a skater who loses time after a fall is not credited a lap he did not skate', () => {
    // Helmet 3 falls on lap 11 and loses 40 s: his next read comes 2.3 of his laps after the
    // last. That is a skater who lost time, not a missed read: he is lapped, not promoted.
    const fallen = crossings
      .map((c) => (c.bib === 3 && c.lap >= 11 ? { ...c, raceMs: c.raceMs + 40_000 } : c))
      .sort((a, b) => a.raceMs - b.raceMs);
    const rows: string[] = [];
    const lags: number[] = [];
    const tracker = play(
      fallen,
      () => false,
      (t, crossing) => {
        lags.push(trueLeaderLaps(fallen, crossing.raceMs) - t.leaderLaps);
        if (crossing.bib === 3 && crossing.lap === 11)
          rows.push(`${t.recent[0]!.lap} ${t.recent[0]!.note}`);
      },
    );
    expect(rows).toEqual(['11 lapped']);
    expect(lags.filter((lag) => lag !== 0)).toEqual([]);
    expect(tracker.counters.missedReads).toBe(0);
  });

  it('laps credited for missed reads never make a leader whose next laps are overdue', () => {
    // Three skaters on 30 s laps; 1 leads, 2 follows 2 s behind. After lap 3 the loop reads
    // neither of them for a while; 2 is read again 69 s after his last read (2.3 laps: within a
    // missed read's slack of 2 laps), later than the leader's next two laps were due (90 s + 2 x
    // 30 s x 1.15 = 159 s): credited one lap, not two.
    const state = startedRace();
    const tracker = new LapTracker({ minLapMs: 20_000 });
    for (let lap = 1; lap <= 3; lap += 1) {
      tracker.observe(passingOf(1, lap * 30_000), at(state));
      tracker.observe(passingOf(2, lap * 30_000 + 2_000), at(state));
    }
    const late = tracker.observe(passingOf(2, 92_000 + 69_000), at(state));
    expect(late.row).toMatchObject({ lap: 4, note: 'leader' });
    expect(tracker.counters.missedReads).toBe(0);
    // Read again at 152 s (two laps of 30 s): credited both, and leads.
    const fresh = new LapTracker({ minLapMs: 20_000 });
    for (let lap = 1; lap <= 3; lap += 1) {
      fresh.observe(passingOf(1, lap * 30_000), at(state));
      fresh.observe(passingOf(2, lap * 30_000 + 2_000), at(state));
    }
    expect(fresh.observe(passingOf(2, 152_000), at(state)).row).toMatchObject({
      lap: 5,
      note: 'leader',
    });
    expect(fresh.counters.missedReads).toBe(1);
  });

  it('proposes a lapped skater as LAPPED with his laps and no time; the one who stopped is named', () => {
    const tracker = play(crossings, () => false);
    for (const lappedSkaters of ['rank', 'pull'] as const) {
      const state = withLaps(startedRace(lappedSkaters), 16);
      const finish = timingProposals(tracker, state).find((p) => p.kind === 'finish');
      if (finish?.kind !== 'finish') throw new Error('no finish proposal');
      const leadLap = crossings
        .filter((c) => c.lap === 16)
        .map((c) => c.bib)
        .filter((bib) => bib !== TRUTH.dropping);
      expect(finish.lapped).toEqual([{ bib: TRUTH.dropping, laps: 15 }]);
      expect(finish.times[TRUTH.dropping]).toBeUndefined();
      // 11 stopped after lap 7 with no status yet: the finish waits for the referee's call.
      expect(finish.complete).toBe(false);
      expect(finish.bibs).toEqual(leadLap);
      const commands = acceptProposal(finish, state);
      expect(commands[0]).toEqual({
        type: 'skater/statusChanged',
        bib: TRUTH.dropping,
        status: 'LAPPED',
        laps: 15,
      });
      expect(commands.some((c) => c.type === 'finish/timed' && c.bib === TRUTH.dropping)).toBe(
        false,
      );
    }
    // Once 11 is DNF, a format that ranks lapped skaters places 9 after every finisher.
    let state = withLaps(startedRace('rank'), 16);
    state = applyEvent(state, { type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 7 });
    const finish = timingProposals(tracker, state).find((p) => p.kind === 'finish')!;
    if (finish.kind !== 'finish') throw new Error('no finish proposal');
    expect(finish.complete).toBe(true);
    expect(finish.bibs.at(-1)).toBe(TRUTH.dropping);
    state = acceptProposal(finish, state).reduce(
      (s, command) => applyEvent(s, command as never),
      state,
    );
    expect(state.status[TRUTH.dropping]).toBe('LAPPED');
    expect(state.lapsByBib[TRUTH.dropping]).toBe(15);
    expect(state.times[TRUTH.dropping]).toBeUndefined();
    expect(timingProposals(tracker, state).some((p) => p.kind === 'finish')).toBe(false);
  });

  it('names a skater whose reads stopped for more than two of his laps, while the race runs', () => {
    const stop = crossings.find((c) => c.bib === TRUTH.stopping && c.lap === TRUTH.stopsAfter)!;
    const upTo = crossings.filter((c) => c.raceMs <= stop.raceMs + 70_000);
    const tracker = play(upTo, () => false);
    const state = withLaps(startedRace(), trueLeaderLaps(crossings, stop.raceMs + 70_000));
    const hostNow = START + stop.raceMs + 70_000;
    expect(tracker.silent(state, hostNow)).toEqual([
      { bib: TRUTH.stopping, sinceLap: TRUTH.stopsAfter, sinceMs: 70_000 - DELAY },
    ]);
  });

  it('counts a double read at the finish line as a double read', () => {
    const tracker = play(crossings, () => false);
    const finish = crossings.find((c) => c.bib === 1 && c.lap === 16)!;
    const before = tracker.counters.afterFinish;
    const double = tracker.observe(passingOf(1, finish.raceMs + 120), at(startedRace()));
    expect(double.row.note).toBe('double');
    expect(tracker.counters.afterFinish).toBe(before);
    const cooling = tracker.observe(passingOf(1, finish.raceMs + 40_000), at(startedRace()));
    expect(cooling.row.note).toBe('afterFinish');
  });

  it('keeps the unknown transponders bounded, whatever the decoder floods it with', () => {
    const tracker = new LapTracker({ minLapMs: 20_000 });
    const state = startedRace();
    for (let i = 0; i < 100_000; i += 1)
      tracker.observe(passingOf(String(900_000 + (i % 60_000)), 1_000 + i), at(state));
    expect(tracker.unknown).toHaveLength(50);
    // The most recent ones, each once, newest last.
    expect(tracker.unknown.at(-1)).toMatchObject({
      transponder: String(900_000 + (99_999 % 60_000)),
    });
    expect(new Set(tracker.unknown.map((u) => u.transponder)).size).toBe(50);
    expect(tracker.unknownTotals).toEqual({ transponders: 100_000, passings: 100_000 });
  });

  it('times run from the gun when the start input is wired to the decoder', () => {
    const tracker = new LapTracker({ minLapMs: 20_000, startSignal: '9992' });
    const state = startedRace();
    // The gun fires 420 ms before the operator's start command reaches the host.
    const gun = passingOf('9992', -420);
    const signal = tracker.observe(gun, { state, startedAt: START });
    expect(signal.row.note).toBe('startSignal');
    expect(tracker.startSource).toBe('signal');
    expect(tracker.startDecoderMs).toBe(START + OFFSET - 420);
    const noGun = new LapTracker({ minLapMs: 20_000, startSignal: '9992' });
    noGun.observe(passingOf(1, 30_000), { state, startedAt: START });
    expect(noGun.startSource).toBe('command');
    expect(tracker.unknown).toEqual([]);
  });
});

/** The race after `laps` leader laps, as a host that counted them would have it. */
function withLaps(state: RaceState, laps: number): RaceState {
  const command: RaceCommand = { type: 'laps/corrected', lapsCompleted: laps };
  return applyEvent(state, command);
}
