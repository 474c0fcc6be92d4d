// The race replayed from its journal and passing log (issue 21, part 3) against the truth: the
// race written from the rules (a solo breakaway, a skater lapped, one stepping off) and races
// generated for the decoder simulator, whose passings are what the simulator sends.
import { describe, expect, it } from 'vitest';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { breakawayRace } from '../../../src/shared/timing/breakaway-race.ts';
import { replayRace } from '../../../src/shared/timing/race-replay.ts';
import { defaultTimingSettings } from '../../../src/shared/timing/settings.ts';
import { TRUTH } from '../../support/truth-race.ts';
import { generatedRace, simulated, truth, truthRace } from './report-races.ts';

const settings = { ...defaultTimingSettings, minLapSeconds: 20 };

/** Lap times by the lap key in a journal: lap k's entry less lap k - 1's (the start's for lap 1). */
function keyedLapTimes(journal: ReturnType<typeof truthRace>['journal']): number[] {
  const times: number[] = [];
  let last = NaN;
  foldJournal(journal, ({ entry, inForce }) => {
    if (!inForce) return;
    if (entry.event.type === 'race/started') last = Date.parse(entry.at);
    if (entry.event.type === 'lap/completed') {
      times.push(Date.parse(entry.at) - last);
      last = Date.parse(entry.at);
    }
  });
  return times;
}

describe('replayRace: the race from the rules', () => {
  const race = truthRace();
  const replay = replayRace({ ...race, settings });

  it('gives every lap its true leader, race time and lap time', () => {
    expect(replay.startSource).toBe('signal');
    expect(replay.laps).toHaveLength(TRUTH.laps);
    for (const lap of replay.laps) {
      const first = truth.leaderAt(lap.lap);
      expect(lap.leader, `lap ${lap.lap}`).toBe(first.bib);
      expect(lap.raceMs).toBe(first.raceMs);
      expect(lap.lapMs).toBe(
        first.raceMs - (lap.lap === 1 ? 0 : truth.leaderAt(lap.lap - 1).raceMs),
      );
    }
  });

  it('shows the breakaway from lap 6 with its true lead, the bunch one group behind', () => {
    for (const lap of replay.laps) {
      if (lap.lap < 6) {
        expect(lap.breakaway, `lap ${lap.lap}`).toBeNull();
        continue;
      }
      // The lead: the bunch's head less the breakaway, as the skaters truly crossed.
      const across = truth.crossings.filter((c) => c.lap === lap.lap);
      const lead = (across.find((c) => c.bib !== 5)!.raceMs - across[0]!.raceMs) / 1000;
      expect(lead).toBeGreaterThan(3);
      expect(lap.breakaway, `lap ${lap.lap}`).toMatchObject({ helmets: [5], leadSeconds: lead });
      expect(lap.groups[0]!.helmets).toEqual([5]);
      expect(lap.groups[1]!.behindLeaderSeconds).toBe(lead);
      // The bunch: everyone on the lead lap but the breakaway and the skater dropping back.
      const onIce = lap.lap <= TRUTH.stopsAfter ? TRUTH.skaters : TRUTH.skaters - 1;
      expect(lap.groups[1]!.helmets).toHaveLength(onIce - 2);
    }
  });

  it('keeps the laps of a skater the referee took out later, and places the lapped after the lead lap', () => {
    // Helmet 11's DNF came after lap 8: he was racing when he skated laps 1-7.
    const stopping = replay.laps.map((lap) => lap.places.some((p) => p.bib === TRUTH.stopping));
    expect(stopping).toEqual(Array.from({ length: TRUTH.laps }, (_, i) => i < TRUTH.stopsAfter));
    for (const lap of replay.laps) {
      const order = truth.crossings.filter((c) => c.lap === lap.lap).map((c) => c.bib);
      expect(lap.places.map((p) => p.bib)).toEqual(order);
      expect(lap.places.map((p) => p.position)).toEqual(order.map((_, i) => i + 1));
      // Lapped once the leader had crossed the next lap before he crossed this one.
      const crossed = truth.crossings.find((c) => c.bib === TRUTH.dropping && c.lap === lap.lap);
      if (!crossed) continue;
      const dropping = lap.places.find((p) => p.bib === TRUTH.dropping)!;
      const next = lap.lap < TRUTH.laps ? truth.leaderAt(lap.lap + 1).raceMs : Infinity;
      expect(dropping.lapped, `lap ${lap.lap}`).toBe(crossed.raceMs > next);
      expect(dropping.position).toBe(lap.places.length);
    }
    expect(replay.laps.some((lap) => lap.places.some((p) => p.lapped))).toBe(true);
  });

  it('folded against the journal’s end instead, the stopped skater would lose his laps', () => {
    // The point of replaying against the race as it stood: with the DNF in force from the start,
    // the tracker drops every passing of helmet 11.
    const early = truthRace({ dnfAfterMs: 1_000 });
    const replayed = replayRace({ ...early, settings });
    expect(replayed.laps.some((lap) => lap.places.some((p) => p.bib === TRUTH.stopping))).toBe(
      false,
    );
  });

  it('counts duplicates once: the log holds resends as received', () => {
    const resent = [...race.passings, ...race.passings.slice(40, 50)];
    const again = replayRace({ journal: race.journal, passings: resent, settings });
    expect(again.counters.duplicates).toBe(10);
    expect(again.laps.map((lap) => lap.places)).toEqual(replay.laps.map((lap) => lap.places));
  });
});

describe('replayRace: generated races, the passings the decoder simulator sends', () => {
  it.each([5, 7, 11])(
    'seed %i: each lap’s leader is the simulator’s, each lap time the journal’s',
    (seed) => {
      const race = generatedRace(seed);
      const replay = replayRace({ journal: race.journal, passings: race.passings, settings });
      const laps = foldJournal(race.journal).state.format.laps;
      expect(replay.laps).toHaveLength(laps);
      const keyed = keyedLapTimes(race.journal);
      for (const lap of replay.laps) {
        const crossings = race.sim.passings.filter((p) => p.lap === lap.lap);
        const first = crossings.reduce((a, b) => (b.raceMs < a.raceMs ? b : a));
        expect(lap.leader, `lap ${lap.lap}`).toBe(first.bib);
        expect(lap.raceMs).toBe(first.raceMs);
        expect(lap.lapMs).toBe(keyed[lap.lap - 1]);
        // The places: the simulator's crossing order (a crossing the loop missed is estimated).
        const missed = (race.sim.missed ?? []).filter((p) => p.lap === lap.lap);
        const truthOrder = [...crossings, ...missed]
          .sort((a, b) => a.raceMs - b.raceMs)
          .map((p) => p.bib);
        if (missed.length === 0) expect(lap.places.map((p) => p.bib)).toEqual(truthOrder);
        else expect(new Set(lap.places.map((p) => p.bib))).toEqual(new Set(truthOrder));
      }
    },
  );
});

describe('replayRace: races with known groups (breakaway-race.ts), as the simulator sends them', () => {
  it.each([1, 2, 3, 4])(
    'seed %i: each lap’s leader, groups and breakaway are the truth',
    (seed) => {
      const { race, truth: laps } = breakawayRace({ seed });
      const replay = replayRace({ ...simulated(race), settings });
      expect(replay.laps).toHaveLength(laps.length);
      for (const lap of replay.laps) {
        const known = laps[lap.lap - 1]!;
        expect(lap.leader, `lap ${lap.lap}`).toBe(known.leader);
        expect(lap.breakaway?.helmets ?? null, `lap ${lap.lap}`).toEqual(
          known.breakaway?.helmets ?? null,
        );
        // Where the loop missed a crossing its time is an estimate: the groups as far as it tells.
        if ((race.missed ?? []).some((p) => p.lap === lap.lap)) continue;
        const groups = lap.groups.map(({ helmets, behindLeaderSeconds }) => ({
          helmets,
          behindLeaderSeconds,
        }));
        expect(groups, `lap ${lap.lap}`).toEqual(known.groups);
        if (known.breakaway) expect(lap.breakaway!.leadSeconds).toBe(known.breakaway.leadSeconds);
        for (const bib of known.lapped)
          expect(lap.places.find((p) => p.bib === bib)?.lapped ?? true).toBe(true);
      }
    },
  );
});
