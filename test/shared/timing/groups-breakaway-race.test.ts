// The race with known groups (src/shared/timing/breakaway-race.ts) checked from its passings and
// its journal, not from its layout: what it calls the truth must be plain in what the loop reads
// (packs 1.5 s or more apart, under 0.7 s within), and the journal must tell the same race.
import { describe, expect, it } from 'vitest';
import { foldJournal } from '../../../src/shared/race/history.ts';
import {
  breakawayRace,
  type BreakawayRace,
  type TrueLap,
} from '../../../src/shared/timing/breakaway-race.ts';
import type { SimPassing } from '../../../src/shared/timing/race-passings.ts';

/** Every crossing of a lap the loop read or missed, in time order. */
function lapCrossings(race: BreakawayRace, lap: number): SimPassing[] {
  return [...race.race.passings, ...(race.race.missed ?? [])]
    .filter((p) => p.lap === lap && p.noise === undefined)
    .sort((a, b) => a.raceMs - b.raceMs);
}

/** What one lap's truth gets wrong against its crossings (nothing: []). */
function lapProblems(race: BreakawayRace, truth: TrueLap): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${race.race.title}, lap ${truth.lap}: ${what}`);
  };
  const crossings = lapCrossings(race, truth.lap);
  const next = lapCrossings(race, truth.lap + 1)[0]?.raceMs ?? Infinity;
  const at = new Map(crossings.map((p) => [p.bib!, p.raceMs]));
  const first = crossings[0]!.raceMs;
  check(truth.leader === crossings[0]!.bib, 'the leader is the first across');
  // The groups are the lap's crossings in order, lapped skaters left out.
  const onLeadLap = crossings.filter((p) => p.raceMs < next).map((p) => p.bib!);
  const grouped = truth.groups.flatMap((g) => g.helmets);
  check(grouped.join() === onLeadLap.join(), `groups ${grouped.join()} are the crossings`);
  for (const bib of truth.lapped) {
    const own = at.get(bib);
    check(own === undefined || own - next >= 1000, `lapped ${bib} crosses 1 s after the leader`);
  }
  for (const bib of onLeadLap) check(next - at.get(bib)! >= 1000, `${bib} 1 s before the leader`);
  truth.groups.forEach((group, i) => {
    const times = group.helmets.map((bib) => at.get(bib)!);
    const gap = Math.round((times[0]! - first) / 10) / 100;
    check(group.behindLeaderSeconds === gap, `group ${i} is ${gap} s behind`);
    times.slice(1).forEach((t, k) => check(t - times[k]! < 700, `group ${i} under 0.7 s apart`));
    const ahead = truth.groups[i - 1];
    if (ahead)
      check(times[0]! - at.get(ahead.helmets.at(-1)!)! >= 1500, `group ${i} 1.5 s or more back`);
  });
  check(truth.completeMs === Math.max(...onLeadLap.map((bib) => at.get(bib)!)), 'complete');
  if (truth.breakaway) {
    check(truth.breakaway.helmets.join() === truth.groups[0]!.helmets.join(), 'away: the front');
    check(truth.breakaway.leadSeconds === truth.groups[1]!.behindLeaderSeconds, 'its lead');
    check(truth.breakaway.helmets.length * 2 < onLeadLap.length, 'fewer than half the field');
  }
  return problems;
}

describe('a race with known groups', () => {
  it('is the same race for the same seed, another for another', () => {
    expect(breakawayRace({ seed: 7 })).toEqual(breakawayRace({ seed: 7 }));
    expect(breakawayRace({ seed: 8 }).race.passings).not.toEqual(
      breakawayRace({ seed: 7 }).race.passings,
    );
  });

  it('tells in its passings the groups it calls the truth, for every size of field', () => {
    const told = { caught: 0, away: 0, chase: 0, lapped: 0 };
    for (let seed = 1; seed <= 40; seed += 1) {
      const race = breakawayRace({ seed, skaters: 6 + (seed % 19), lapSeconds: 28 + (seed % 13) });
      const { story, truth } = race;
      expect(truth).toHaveLength(16);
      expect(truth.flatMap((lap) => lapProblems(race, lap))).toEqual([]);
      // The story as the truth shows it: away from its lap until caught, 1-4 of them.
      const awayLaps = truth.filter((lap) => lap.breakaway).map((lap) => lap.lap);
      const lastAway = (story.caughtAtLap ?? 17) - 1;
      expect(awayLaps).toEqual(
        Array.from({ length: lastAway - story.awayFromLap + 1 }, (_, i) => story.awayFromLap + i),
      );
      for (const lap of awayLaps)
        expect([...truth[lap - 1]!.breakaway!.helmets].sort()).toEqual([...story.away].sort());
      expect(story.away.length).toBeGreaterThanOrEqual(1);
      expect(story.away.length).toBeLessThanOrEqual(4);
      if (story.chaseLaps)
        for (let lap = story.chaseLaps.from; lap <= story.chaseLaps.to; lap += 1)
          expect([...truth[lap - 1]!.groups[1]!.helmets].sort()).toEqual([...story.chase].sort());
      if (story.lappedAtLap !== null)
        expect(truth.findIndex((lap) => lap.lapped.includes(story.straggler)) + 1).toBe(
          story.lappedAtLap,
        );
      told.caught += story.caughtAtLap === null ? 0 : 1;
      told.away += story.caughtAtLap === null ? 1 : 0;
      told.chase += story.chaseLaps ? 1 : 0;
      told.lapped += story.lappedAtLap === null ? 0 : 1;
    }
    // Every kind of story is told, and the straggler is always lapped.
    expect(told.caught).toBeGreaterThan(8);
    expect(told.away).toBeGreaterThan(8);
    expect(told.chase).toBeGreaterThan(8);
    expect(told.lapped).toBe(40);
  });

  it('journals the race the loop reads: laps, sprints, finish and times, the lapped skater', () => {
    const race = breakawayRace({ seed: 21, skaters: 14 });
    const { state, problems } = foldJournal(race.race.entries);
    expect(problems).toEqual([]);
    const gun = Date.parse(race.race.entries.find((e) => e.event.type === 'race/started')!.at);
    const laps = race.race.entries
      .filter((e) => e.event.type === 'lap/completed')
      .map((e) => Date.parse(e.at) - gun);
    expect(laps).toEqual(race.truth.map((lap) => lapCrossings(race, lap.lap)[0]!.raceMs));
    expect(race.race.finishMs).toBe(laps.at(-1));
    expect(state.sprints).toEqual(
      [4, 8, 12].map((lap) =>
        lapCrossings(race, lap)
          .map((p) => p.bib)
          .slice(0, 3),
      ),
    );
    const straggler = race.story.straggler;
    const finish = lapCrossings(race, 16);
    expect(state.finishOrder).toEqual([...finish.map((p) => p.bib), straggler]);
    for (const p of finish) expect(state.times[p.bib!]).toBe(p.raceMs);
    const own = race.race.passings.filter((p) => p.bib === straggler && p.lap !== null);
    expect(state.status[straggler]).toBe('LAPPED');
    expect(state.lapsByBib[straggler]).toBe(own.length);
    // His last read is his first after the leader's finish.
    expect(own.at(-1)!.raceMs).toBeGreaterThan(race.race.finishMs);
    expect(own.at(-2)!.raceMs).toBeLessThan(race.race.finishMs);
    expect(state.skaters.map((s) => s.transponder)).toEqual(
      race.race.skaters.map((s) => String(s.transponder)),
    );
  });

  it('mixes in double reads and missed reads without moving a clean crossing', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const clean = breakawayRace({ seed, noise: false }).race;
      const noisy = breakawayRace({ seed, noise: { doubleReads: 5, missedReads: 3 } }).race;
      expect(clean.missed).toEqual([]);
      const missed = noisy.missed ?? [];
      expect(missed.length).toBeGreaterThan(0);
      expect(noisy.passings.filter((p) => p.noise !== 'double')).toEqual(
        clean.passings.filter((p) => !missed.some((m) => same(m, p))),
      );
      for (const m of missed) {
        expect(m.lap).toBeGreaterThanOrEqual(4);
        expect(m.lap).toBeLessThan(16);
        // Never a lap's first.
        const lap = clean.passings.filter((p) => p.lap === m.lap);
        expect(lap[0]!.bib).not.toBe(m.bib);
      }
      const doubles = noisy.passings.filter((p) => p.noise === 'double');
      expect(doubles).toHaveLength(5);
      for (const d of doubles) {
        const read = clean.passings.find(
          (p) => p.bib === d.bib && d.raceMs - p.raceMs >= 50 && d.raceMs - p.raceMs <= 400,
        );
        expect(read, `double read of ${d.bib} at ${d.raceMs}`).toBeDefined();
        expect(d.lap).toBeNull();
      }
    }
  });

  it('refuses options out of range, naming them', () => {
    expect(() => breakawayRace({ seed: 1, skaters: 5 })).toThrow(/skaters .* 6 to 24, not 5/);
    expect(() => breakawayRace({ seed: 1, skaters: 12.5 })).toThrow(/skaters/);
    expect(() => breakawayRace({ seed: 1, lapSeconds: 20 })).toThrow(/lapSeconds .* 28 to 40/);
    expect(() => breakawayRace({ seed: 1, noise: { missedReads: -1 } })).toThrow(/missedReads/);
  });
});

const same = (a: SimPassing, b: SimPassing) => a.bib === b.bib && a.lap === b.lap;
