import { describe, expect, it } from 'vitest';
import { journalEntrySchema } from '../../../src/shared/race/events.ts';
import { RecordingError } from '../../../src/shared/rehearsal/recording.ts';
import { passingsFromRecording } from '../../../src/shared/timing/race-passings.ts';
import { checkNoise, checkRules, demo } from '../../support/race-passings-rules.ts';

describe('passingsFromRecording: the demo recording (a void, a corrected sprint, a DNF)', () => {
  const sim = passingsFromRecording(demo);
  const clean = passingsFromRecording(demo, { noise: false });

  it('keeps the recording, with a transponder for each skater on the start list', () => {
    expect(sim.title).toBe('Men · Mass Start · Semi-final 1');
    expect(sim.entries).toHaveLength(demo.length);
    sim.entries.forEach((entry, i) => {
      if (entry.event.type !== 'startList/set') expect(entry).toEqual(demo[i]);
    });
    const startList = sim.entries.find((e) => e.event.type === 'startList/set')!;
    expect(startList.event.type === 'startList/set' && startList.event.skaters).toEqual(
      (demo[1]!.event.type === 'startList/set' ? demo[1]!.event.skaters : []).map((s) => ({
        ...s,
        transponder: String(100000 + s.bib * 7),
      })),
    );
    expect(sim.skaters).toEqual(
      Array.from({ length: 12 }, (_, i) => ({ bib: i + 1, transponder: 100000 + (i + 1) * 7 })),
    );
    expect(journalEntrySchema.array().parse(sim.entries)).toEqual(sim.entries);
  });

  it('satisfies every rule, with noise and without', () => {
    checkRules(demo, sim);
    checkRules(demo, clean);
  });

  it('adds the default noise and nothing else; noise: false leaves the start and the laps', () => {
    checkNoise(sim, clean);
    expect(sim.missed).toHaveLength(1);
    expect(clean.passings.every((p) => p.noise === undefined || p.noise === 'start')).toBe(true);
    expect(clean.missed).toEqual([]);
    // 12 start reads; 11 finishers x 16 laps; skater 11 (DNF) 9 laps. The demo has no lapped skater.
    expect(clean.passings).toHaveLength(12 + 11 * 16 + 9);
  });

  it('takes the noise counts it is given', () => {
    const counts = { doubleReads: 5, missedReads: 2, warmup: 0, unknown: 2 };
    const custom = passingsFromRecording(demo, { seed: 4, noise: counts });
    checkRules(demo, custom);
    checkNoise(custom, passingsFromRecording(demo, { seed: 4, noise: false }), {
      double: 5,
      warmup: 0,
      unknown: 2,
    });
    expect(custom.missed).toHaveLength(2);
    expect(() => passingsFromRecording(demo, { noise: { doubleReads: -1 } })).toThrow(RangeError);
  });

  it('is seeded: the same seed gives the same passings, another seed others', () => {
    expect(passingsFromRecording(demo, { seed: 9 })).toEqual(
      passingsFromRecording(demo, { seed: 9 }),
    );
    expect(passingsFromRecording(demo, { seed: 10 }).passings).not.toEqual(
      passingsFromRecording(demo, { seed: 9 }).passings,
    );
  });

  it('lets a DNS skater never cross and keeps transponders the start list names', () => {
    const withDns = demo.map((entry) =>
      entry.event.type === 'startList/set'
        ? {
            ...entry,
            event: {
              ...entry.event,
              skaters: [
                ...entry.event.skaters.map((s) =>
                  s.bib === 5 ? { ...s, transponder: '4242' } : s,
                ),
                { bib: 13, name: 'Reserve Skater', nation: 'NED' },
              ],
            },
          }
        : entry,
    );
    withDns.splice(2, 0, {
      seq: 99,
      at: '2026-02-21T13:59:00.000Z',
      source: 'test',
      event: { type: 'skater/statusChanged', bib: 13, status: 'DNS' },
    });
    const race = passingsFromRecording(withDns);
    checkRules(withDns, race);
    expect(race.skaters.find((s) => s.bib === 5)!.transponder).toBe(4242);
    expect(race.passings.some((p) => p.bib === 13 || p.transponder === 100091)).toBe(false);
  });

  it('refuses recordings it cannot turn into passings, saying why', () => {
    const without = (type: string) => demo.filter((e) => e.event.type !== type);
    expect(() => passingsFromRecording(without('race/started'))).toThrow(/race\/started/);
    expect(() =>
      passingsFromRecording(without('finish/recorded').filter((e) => e.seq < 28)),
    ).toThrow(/finish order/);
    const chips = (transponder: (bib: number) => string) =>
      demo.map((entry) =>
        entry.event.type === 'startList/set'
          ? {
              ...entry,
              event: {
                ...entry.event,
                skaters: entry.event.skaters.map((s) => ({
                  ...s,
                  transponder: transponder(s.bib),
                })),
              },
            }
          : entry,
      );
    expect(() => passingsFromRecording(chips((bib) => (bib < 3 ? '77' : String(bib))))).toThrow(
      /share transponder 77/,
    );
    expect(() => passingsFromRecording(chips(() => 'FL-94890'))).toThrow(RecordingError);
  });
});
