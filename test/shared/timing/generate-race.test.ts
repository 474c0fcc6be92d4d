import { describe, expect, it } from 'vitest';
import { journalEntrySchema, type JournalEntry } from '../../../src/shared/race/events.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { computeStandings } from '../../../src/shared/race/standings.ts';
import { planRehearsal } from '../../../src/shared/rehearsal/plan.ts';
import {
  defaultTransponder,
  generateRace,
  passingsFromRecording,
} from '../../../src/shared/timing/race-passings.ts';
import { checkNoise, checkRules, crossings, recorded } from '../../support/race-passings-rules.ts';

describe('generateRace', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

  it.each([4, 8, 12, 16, 24])('writes a valid, finished semi-final journal for %i skaters', (n) => {
    for (const seed of seeds) {
      const journal = generateRace({ skaters: n, seed });
      expect(journal.map((e) => journalEntrySchema.parse(e))).toEqual(journal);
      expect(journal.map((e) => e.seq)).toEqual(journal.map((_, i) => i + 1));
      expect(journal.every((e) => e.source === 'simulator')).toBe(true);
      const times = journal.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(() => planRehearsal(journal)).not.toThrow();

      const { state, problems } = foldJournal(journal);
      expect(problems).toEqual([]);
      expect(state).toMatchObject({ round: 'semi', qualifiers: 8, lapsCompleted: 16 });
      expect(state.format.name).toBe('isu-2018');
      expect(state.skaters).toEqual(
        Array.from({ length: n }, (_, i) => ({
          bib: i + 1,
          name: `Sim Skater ${i + 1}`,
          nation: expect.stringMatching(/^[A-Z]{3}$/),
          transponder: String(defaultTransponder(i + 1)),
        })),
      );
      const standings = computeStandings(state);
      expect(standings.phase).toBe('official');
      expect(standings.qualificationLine).toBe(Math.min(8, n));

      const statuses = Object.entries(state.status);
      expect(statuses.map(([, s]) => s).sort()).toEqual(['DNF', 'LAPPED']);
      const dnf = Number(statuses.find(([, s]) => s === 'DNF')![0]);
      const lapped = Number(statuses.find(([, s]) => s === 'LAPPED')![0]);
      expect(state.lapsByBib[lapped]).toBe(15);
      expect(state.lapsByBib[dnf]).toBeGreaterThanOrEqual(5);
      expect(state.lapsByBib[dnf]).toBeLessThanOrEqual(11);
      // Everyone but the DNF finishes; the lapped skater crosses last.
      expect([...state.finishOrder].sort((a, b) => a - b)).toEqual(
        state.skaters.map((s) => s.bib).filter((bib) => bib !== dnf),
      );
      expect(state.finishOrder.at(-1)).toBe(lapped);
      // Every finisher has a time but the lapped skater, who did not skate the distance.
      const timed = state.finishOrder.filter((bib) => bib !== lapped);
      for (const bib of timed) expect(state.times[bib]).toBeGreaterThan(0);
      expect(state.times[lapped]).toBeUndefined();
      const finishTimes = timed.map((bib) => state.times[bib]!);
      expect(finishTimes).toEqual([...finishTimes].sort((a, b) => a - b));
      state.sprints.forEach((placing, i) => {
        const lap = state.format.sprintLaps[i]!;
        const eligible = n - 1 - (state.lapsByBib[dnf]! >= lap ? 0 : 1);
        expect(placing).toHaveLength(Math.min(3, eligible));
        expect(placing).not.toContain(lapped);
        if (state.lapsByBib[dnf]! < lap) expect(placing).not.toContain(dnf);
      });
      expect(state.sprints).toHaveLength(3);
    }
  });

  it('runs slower early and faster late, around the lap time it is given', () => {
    for (const seed of seeds) {
      for (const lapSeconds of [32, 5]) {
        const { laps } = recorded(generateRace({ seed, lapSeconds }));
        const lapTimes = laps.map((t, k) => t - (laps[k - 1] ?? 0));
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        expect(mean(lapTimes.slice(0, 4))).toBeGreaterThan(mean(lapTimes.slice(12)));
        expect(lapTimes[0]).toBeGreaterThan(lapTimes[15]!);
        expect(mean(lapTimes) / 1000).toBeGreaterThan(lapSeconds * 0.85);
        expect(mean(lapTimes) / 1000).toBeLessThan(lapSeconds * 1.1);
      }
    }
  });

  it('has breakaways: some stay away to the finish (a gap of seconds), some are caught', () => {
    let away = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { state } = recorded(generateRace({ seed }));
      const times = state.finishOrder.slice(0, -1).map((bib) => state.times[bib]!);
      if (times.some((t, i) => i > 0 && i <= 2 && t - times[i - 1]! >= 1500)) away += 1;
    }
    expect(away).toBeGreaterThan(3);
    expect(away).toBeLessThan(27);
  });

  it('is seeded, and checks its options', () => {
    expect(generateRace({ seed: 42 })).toEqual(generateRace({ seed: 42 }));
    expect(generateRace({ seed: 42 })).not.toEqual(generateRace({ seed: 43 }));
    expect(generateRace({ seed: 1, title: 'Test semi' })[0]!.event).toMatchObject({
      title: 'Test semi',
    });
    expect(() => generateRace({ seed: 1, skaters: 3 })).toThrow(RangeError);
    expect(() => generateRace({ seed: 1, skaters: 25 })).toThrow(RangeError);
    expect(() => generateRace({ seed: 1, lapSeconds: 1 })).toThrow(RangeError);
  });

  it.each([4, 12, 16, 24])('converts to passings that satisfy every rule (%i skaters)', (n) => {
    for (const seed of seeds) {
      const journal = generateRace({ skaters: n, seed });
      const sim = passingsFromRecording(journal, { seed });
      checkRules(journal, sim);
      checkNoise(sim, passingsFromRecording(journal, { seed, noise: false }));
      expect(sim.entries).toEqual(journal);
    }
  });

  /** A generated journal with some entries changed (null: left out), renumbered in time order. */
  function edited(journal: JournalEntry[], change: (entry: JournalEntry) => JournalEntry | null) {
    return journal
      .map(change)
      .filter((entry): entry is JournalEntry => entry !== null)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .map((entry, i) => ({ ...entry, seq: i + 1 }));
  }

  it('keeps a lapped skater out of a sprint it drifts into (a sprint on lap 15)', () => {
    // Seeds 7, 12 (8 skaters), 13 and 19 (12 skaters) put the lapped skater's 14th crossing
    // among the first three of lap 15, were it not kept out.
    for (let seed = 1; seed <= 20; seed++) {
      for (const n of [8, 12]) {
        const journal = generateRace({ skaters: n, seed });
        const lap15 = journal.filter((e) => e.event.type === 'lap/completed')[14]!;
        const late = edited(journal, (entry) => {
          const { event } = entry;
          if (event.type === 'race/configured')
            return {
              ...entry,
              event: { ...event, format: { ...event.format, sprintLaps: [4, 8, 15] } },
            };
          if (event.type === 'sprint/placed' && event.sprint === 3)
            return { ...entry, at: new Date(Date.parse(lap15.at) + 3000).toISOString() };
          return entry;
        });
        checkRules(late, passingsFromRecording(late, { seed }));
      }
    }
  });

  it('lets a lapped skater the format pulls complete its laps before the finish', () => {
    for (const seed of seeds) {
      for (const laps of [15, 12, 9]) {
        const journal = generateRace({ skaters: 10, seed });
        const lapped = Number(
          Object.keys(recorded(journal).state.status).find(
            (bib) => recorded(journal).state.status[Number(bib)] === 'LAPPED',
          ),
        );
        const pulled = edited(journal, (entry) => {
          const { event } = entry;
          if (event.type === 'race/configured')
            return {
              ...entry,
              event: { ...event, format: { ...event.format, lappedSkaters: 'pull' } },
            };
          if (event.type === 'finish/recorded')
            return { ...entry, event: { ...event, bibs: event.bibs.filter((b) => b !== lapped) } };
          if (event.type === 'finish/timed' && event.bib === lapped) return null;
          if (event.type === 'skater/statusChanged' && event.bib === lapped)
            return { ...entry, event: { ...event, laps } };
          return entry;
        });
        const { state } = recorded(pulled);
        expect(computeStandings(state).phase).toBe('official');
        const sim = passingsFromRecording(pulled, { seed, noise: false });
        checkRules(pulled, sim);
        expect(crossings(sim).filter((p) => p.bib === lapped)).toHaveLength(laps);
      }
    }
  });

  it('converts a race with short laps (for fast simulator tests)', () => {
    const journal = generateRace({ skaters: 10, seed: 3, lapSeconds: 3 });
    checkRules(journal, passingsFromRecording(journal, { seed: 3 }));
  });
});
