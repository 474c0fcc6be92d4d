import { describe, expect, it } from 'vitest';
import { groupsModel } from '../../../src/renderer/commentator/model/group-lines.ts';
import { gapsOf, type GapsView } from '../../../src/shared/timing/gaps-view.ts';
import { raceGaps } from '../../../src/shared/timing/groups.ts';
import { lapSix, lapsRun, raceAfter } from './fixtures.ts';

const race = raceAfter(lapsRun(6));

describe('groupsModel: the breakaway and the groups from the front', () => {
  it('says the break, its lead over the chase and whether it is gaining', () => {
    const model = groupsModel(race, lapSix);
    expect(model.state).toBe('live');
    expect(model.breakaway).toEqual({
      text: 'BREAKAWAY · #3 #12 #5 · +4.2 s · gaining 0.8 s',
      trend: 'gaining',
    });
    const losing = { ...lapSix, breakaway: { ...lapSix.breakaway!, changeSeconds: -0.34 } };
    expect(groupsModel(race, losing).breakaway!.text).toMatch(/· losing 0\.3 s$/);
    const fresh = { ...lapSix, breakaway: { ...lapSix.breakaway!, changeSeconds: null } };
    expect(groupsModel(race, fresh).breakaway).toMatchObject({ trend: 'new' });
    const holding = { ...lapSix, breakaway: { ...lapSix.breakaway!, changeSeconds: 0.04 } };
    expect(groupsModel(race, holding).breakaway).toMatchObject({ trend: 'same' });
  });

  it('lists each group with helmets, names, the gap in seconds and in metres', () => {
    const model = groupsModel(race, lapSix);
    expect(
      model.groups.map((group) => [
        group.number,
        group.helmets.map((h) => h.bib),
        group.gap,
        group.metres,
        group.away,
      ]),
    ).toEqual([
      [1, [3, 12, 5], 'lead', '', true],
      [2, [7, 9], '+4.2', '56 m', false],
      [3, [1, 2, 4, 6, 8, 10, 11, 13, 14, 15], '+12.9', '172 m', false],
    ]);
    // Family names in capitals from the start list's parts (3 is written family first).
    expect(model.groups[0]!.helmets[0]).toEqual({ bib: 3, name: 'CHUNG' });
    expect(model.lapped).toEqual(['#16 −1 lap']);
    expect(model.note).toBe('new group after 1.0 s · leader’s last lap 30.00');
  });

  it('invents nothing: no feed, a feed of another race, or no lap yet', () => {
    expect(groupsModel(race, null)).toMatchObject({ state: 'none', groups: [], breakaway: null });
    expect(gapsOf(lapSix, 'men-semi-2')).toBeNull();
    const none: GapsView = {
      ...lapSix,
      groups: [],
      breakaway: null,
      skaters: [],
      laps: [],
      leaderLapMs: null,
    };
    expect(groupsModel(race, none)).toMatchObject({
      state: 'waiting',
      note: 'new group after 1.0 s',
    });
  });

  it('reads the groups the host derives from crossings (groups.ts), not only a hand-made value', () => {
    // Lap 1 at 30 s: 1, 2 and 3 cross together, 4 to 7 cross 5 s later: two groups, the
    // three away (fewer than half of the seven) by 5.9 s: 1 crossed at 30.0, 4 at 35.9.
    const start = 1_000_000;
    const crossing = (bib: number) => ({
      bib,
      laps: [
        { decoderMs: start + 30_000 + (bib - 1) * 300 + (bib > 3 ? 5_000 : 0), inferred: false },
      ],
    });
    const derived = raceGaps({
      state: race.state,
      startMs: start,
      skaters: [1, 2, 3, 4, 5, 6, 7].map(crossing),
      thresholdMs: 1000,
    });
    const model = groupsModel(race, { ...derived, raceId: race.id, seq: 1 });
    expect(model.groups.map((group) => group.helmets.map((h) => h.bib))).toEqual([
      [1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(model.breakaway!.text).toBe('BREAKAWAY · #1 #2 #3 · +5.9 s · new');
  });
});
