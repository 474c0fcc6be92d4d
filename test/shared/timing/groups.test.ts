// Groups and gaps (issue 21) on hand-made laps, each expected value worked out from the rules in
// src/shared/timing/groups.ts's header (a new group where consecutive skaters cross at least the
// threshold apart; a group's gap is its head's behind the lap's first; a lap time is a skater's
// own read to read; a lapped skater is in no group; a breakaway is fewer than half the field),
// never from its code. Reads go through the real lap tracker.
import { describe, expect, it } from 'vitest';
import { isu2018 } from '../../../src/shared/race/format.ts';
import { Loop, startedState } from './groups-loop.ts';

/** A started semi of `count` skaters wearing transponders 7001, 7002, ... */
function loop(count: number, thresholdMs = 1000): Loop {
  const state = startedState([
    { type: 'race/configured', title: 'Semi 1', round: 'semi', qualifiers: 8, format: isu2018 },
    {
      type: 'startList/set',
      skaters: Array.from({ length: count }, (_, i) => ({
        bib: i + 1,
        name: `Skater ${i + 1}`,
        nation: 'NED',
        transponder: String(7001 + i),
      })),
    },
    { type: 'race/started' },
  ]);
  return new Loop(state, thresholdMs);
}

/** Reads helmets at race times in seconds: [[helmet, seconds], ...]. */
function cross(on: Loop, reads: readonly (readonly [number, number])[]): void {
  for (const [helmet, s] of reads) on.read(7000 + helmet, Math.round(s * 1000));
}

const shape = (groups: readonly { helmets: readonly number[]; behindLeaderSeconds: number }[]) =>
  groups.map((group) => [group.helmets, group.behindLeaderSeconds]);

describe('groups and gaps from the rules', () => {
  it('splits a lap where two skaters cross the threshold or more apart, gaps from the first', () => {
    const on = loop(6);
    cross(on, [
      [1, 32],
      [2, 32.4],
      [3, 33.05],
      [4, 34.4], // 1.35 s behind 3: a new group, 2.4 s behind the first
      [5, 34.9],
      [6, 35.35],
    ]);
    const gaps = on.gaps();
    expect(gaps.groups).toEqual([
      { helmets: [1, 2, 3], behindLeaderSeconds: 0, behindLeaderMetres: 0, lap: 1 },
      // 2.4 s at the leader's 32 s over 400 m: 30 m.
      { helmets: [4, 5, 6], behindLeaderSeconds: 2.4, behindLeaderMetres: 30, lap: 1 },
    ]);
    expect(gaps.laps).toEqual([
      { lap: 1, leader: 1, lapMs: 32_000, groups: gaps.groups, breakaway: null },
    ]);
    expect(gaps.skaters.map((s) => [s.bib, s.group, s.behindLeaderSeconds, s.lastLapMs])).toEqual([
      [1, 0, 0, 32_000],
      [2, 0, 0.4, 32_400],
      [3, 0, 1.05, 33_050],
      [4, 1, 2.4, 34_400],
      [5, 1, 2.9, 34_900],
      [6, 1, 3.35, 35_350],
    ]);
    expect([gaps.leaderLaps, gaps.leaderLapMs, gaps.thresholdSeconds]).toEqual([1, 32_000, 1]);
  });

  it('starts a new group at exactly the threshold, not a millisecond under it', () => {
    const apart = (ms: number) => {
      const on = loop(3, 1500);
      on.read(7001, 32_000);
      on.read(7002, 32_000 + ms);
      on.read(7003, 32_000 + ms + 200);
      return shape(on.gaps().groups);
    };
    expect(apart(1500)).toEqual([
      [[1], 0],
      [[2, 3], 1.5],
    ]);
    expect(apart(1499)).toEqual([[[1, 2, 3], 0]]);
  });

  it('runs lap 1 from the start: the gun on the decoder’s start input', () => {
    const on = loop(2);
    cross(on, [
      [1, 33.21],
      [2, 33.5],
    ]);
    const gaps = on.gaps();
    expect(gaps.leaderLapMs).toBe(33_210);
    expect(gaps.skaters.map((s) => s.lapTimesMs)).toEqual([[33_210], [33_500]]);
    expect(gaps.laps[0]!.lapMs).toBe(33_210);
  });

  it('knows no lap time that touches a missed read, and never averages one', () => {
    const on = loop(4);
    // Laps of 30 s after a 32 s first lap, 0.4 s apart; the loop misses helmet 2 at lap 3.
    for (let lap = 1; lap <= 5; lap += 1)
      for (let place = 0; place < 4; place += 1)
        if (!(place === 1 && lap === 3)) on.read(7001 + place, 2_000 + lap * 30_000 + place * 400);
    const gaps = on.gaps();
    const two = gaps.skaters.find((s) => s.bib === 2)!;
    expect(two.lapTimesMs).toEqual([32_400, 30_000, null, null, 30_000]);
    expect(two.lastLapMs).toBe(30_000);
    expect(gaps.skaters.find((s) => s.bib === 3)!.lapTimesMs).toEqual([
      32_800, 30_000, 30_000, 30_000, 30_000,
    ]);
    // Lap 3's groups still have him, where the reads around it put him.
    expect(shape(gaps.laps[2]!.groups)).toEqual([[[1, 2, 3, 4], 0]]);
  });

  it('leaves a lapped skater out of the bunch he crosses the line beside, and lists him last', () => {
    const on = loop(5);
    // The bunch (1-4) on 30 s laps, 0.3 s apart; helmet 5 on 38 s laps from the gun.
    const bunch = (lap: number) =>
      [1, 2, 3, 4].map((bib, place) => [bib, 2 + lap * 30 + place * 0.3] as const);
    for (let lap = 1; lap <= 4; lap += 1) {
      cross(on, bunch(lap));
      if (lap < 4) cross(on, [[5, 38 * lap]]);
    }
    cross(on, bunch(5));
    // His lap 4, 0.3 s behind helmet 4's lap 5: the leader had crossed lap 5 before he did.
    cross(on, [[5, 152.2]]);
    const gaps = on.gaps();
    expect(shape(gaps.groups)).toEqual([[[1, 2, 3, 4], 0]]);
    const five = gaps.skaters.at(-1)!;
    expect(five).toMatchObject({ bib: 5, laps: 4, lapsBehind: 1, group: null });
    expect(shape(gaps.laps[3]!.groups)).toEqual([[[1, 2, 3, 4], 0]]);
    // Until then he was a lap behind no one: a group of his own, behind the bunch.
    expect(shape(gaps.laps[2]!.groups)).toEqual([
      [[1, 2, 3, 4], 0],
      [[5], 22],
    ]);
  });

  it('puts a group that has not yet crossed the leader’s lap at least that long behind', () => {
    const on = loop(5);
    cross(on, [
      [1, 32],
      [2, 34],
      [3, 34.3],
      [4, 34.6],
      [1, 62], // the breakaway's lap 2; the bunch is still on lap 1 ...
      [5, 70], // ... when helmet 5, a lap down after a fall, crosses: 8 s after helmet 1
    ]);
    const gaps = on.gaps();
    expect(shape(gaps.groups)).toEqual([
      [[1], 0],
      [[2, 3, 4], 8],
    ]);
    expect(gaps.groups.map((g) => g.lap)).toEqual([2, 1]);
  });

  it.each([
    // [field, the leading group, away?]: fewer than half the field, or no breakaway.
    [6, 2, true],
    [6, 3, false],
    [7, 3, true],
    [8, 4, false],
    [5, 1, true],
  ] as const)(
    'in a field of %i, a leading group of %i is a breakaway: %s',
    (count, front, away) => {
      const on = loop(count);
      for (let place = 0; place < count; place += 1)
        on.read(7001 + place, 32_000 + place * 400 + (place >= front ? 2_000 : 0));
      const gaps = on.gaps();
      expect(gaps.groups.map((g) => g.helmets.length)).toEqual([front, count - front]);
      const expected = away
        ? {
            helmets: gaps.groups[0]!.helmets,
            leadSeconds: (front * 400 + 2_000) / 1000,
            changeSeconds: null,
            lap: 1,
          }
        : null;
      expect(gaps.breakaway).toEqual(expected);
      expect(gaps.laps[0]!.breakaway).toEqual(expected);
    },
  );
});
