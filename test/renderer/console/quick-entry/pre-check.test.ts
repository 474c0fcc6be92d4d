import { describe, expect, it } from 'vitest';
import {
  parseQuickEntry,
  type QuickEntryMode,
} from '../../../../src/renderer/console/quick-entry/parse.ts';
import { preCheckQuickEntry } from '../../../../src/renderer/console/quick-entry/pre-check.ts';
import type { RaceView } from '../../../../src/shared/race/view.ts';
import { laps, semi } from '../fixtures.ts';

const check = (text: string, mode: QuickEntryMode, race: RaceView | null) =>
  preCheckQuickEntry(parseQuickEntry(text, mode), race);
const sprint = (n: number): QuickEntryMode => ({ kind: 'sprint', sprint: n });

describe('preCheckQuickEntry: sprint placings', () => {
  const afterLap4 = semi(laps(4));

  it('names each skater as the numbers are typed and sends one sprint/placed', () => {
    const result = check('4 9 3', sprint(1), afterLap4);
    expect(result.items.map((item) => [item.bib, item.name, item.nation])).toEqual([
      [4, 'Jordan Stolz', 'USA'],
      [9, 'Demo Skater Nine', 'NOR'],
      [3, 'Chung Jae-won', 'KOR'],
    ]);
    expect(result.problems).toMatchObject([]);
    expect(result.request).toEqual({
      commands: [{ type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] }],
    });
  });

  it('shows names while typing, even before the entry is complete', () => {
    expect(check('4 ', sprint(1), afterLap4).items.map((item) => item.name)).toEqual([
      'Jordan Stolz',
    ]);
  });

  it('marks unknown and repeated numbers, and sends nothing', () => {
    const result = check('44 4 4', sprint(1), afterLap4);
    expect(result.items.map((item) => item.problem?.code ?? null)).toEqual([
      'unknownBib',
      null,
      'twice',
    ]);
    expect(result.items[0]!.name).toBeNull();
    expect(result.request).toBeNull();
  });

  it('refuses more numbers than the sprint scores, and a sprint the format lacks', () => {
    expect(check('1 2 3 4', sprint(1), afterLap4).problems).toMatchObject([
      { code: 'tooMany', params: { sprint: 1, places: 3, count: 4 } },
    ]);
    expect(check('1', sprint(4), afterLap4).problems).toMatchObject([
      { code: 'noSprint', params: { sprint: 4, count: 3 } },
    ]);
  });

  it('refuses a skater who did not start', () => {
    const race = semi([{ type: 'skater/statusChanged', bib: 6, status: 'DNS' }, ...laps(4)]);
    expect(check('6', sprint(1), race).problems).toMatchObject([
      { code: 'dns', params: { bib: 6 } },
    ]);
  });

  it('a second entry for a placed sprint is a correction: it says what it replaces and carries the revision', () => {
    const race = semi([...laps(4), { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] }]);
    const result = check('4 3 9', sprint(1), race);
    expect(result.replaces).toEqual([4, 9, 3]);
    expect(result.request).toEqual({
      commands: [{ type: 'sprint/placed', sprint: 1, bibs: [4, 3, 9] }],
      revision: race.revision,
    });
  });

  it('an empty entry sends nothing and shows no problem', () => {
    expect(check('', sprint(1), afterLap4)).toMatchObject({
      items: [],
      problems: [],
      request: null,
    });
  });

  it('without a race, typing says so', () => {
    expect(check('4', sprint(1), null).problems).toMatchObject([{ code: 'noRace' }]);
  });
});

describe('preCheckQuickEntry: the finish order', () => {
  const lastLap = semi([...laps(16)]);

  it('records the first finishers, then adds more as the photo finish comes in', () => {
    expect(check('1 2 3', { kind: 'finish' }, lastLap).request).toEqual({
      commands: [{ type: 'finish/recorded', bibs: [1, 2, 3] }],
    });
    const partial = semi([...laps(16), { type: 'finish/recorded', bibs: [1, 2, 3] }]);
    expect(check('5 4', { kind: 'finish' }, partial).request).toEqual({
      commands: [{ type: 'finish/appended', bibs: [5, 4] }],
    });
  });

  it('refuses a skater already in the order, naming the place', () => {
    const partial = semi([...laps(16), { type: 'finish/recorded', bibs: [1, 2, 3] }]);
    expect(check('5 2', { kind: 'finish' }, partial).problems).toMatchObject([
      { code: 'alreadyFinished', params: { bib: 2, place: 2 } },
    ]);
  });

  it('refuses a DNF skater until they are back in the race', () => {
    const race = semi([
      ...laps(10),
      { type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 },
    ]);
    expect(check('11', { kind: 'finish' }, race).problems).toMatchObject([
      { code: 'dnf', params: { bib: 11 } },
    ]);
  });

  it('replacing the order is a correction with the revision', () => {
    const partial = semi([...laps(16), { type: 'finish/recorded', bibs: [1, 2, 3] }]);
    const result = check('1 3 2', { kind: 'finishReplace' }, partial);
    expect(result.replaces).toEqual([1, 2, 3]);
    expect(result.request).toEqual({
      commands: [{ type: 'finish/recorded', bibs: [1, 3, 2] }],
      revision: partial.revision,
    });
  });
});

describe('preCheckQuickEntry: status, q and times', () => {
  const lap10 = semi(laps(10));

  it('DNF with the laps typed, or the leader’s laps by default', () => {
    expect(check('11 9', { kind: 'status', status: 'DNF' }, lap10)).toMatchObject({
      laps: 9,
      request: { commands: [{ type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 }] },
    });
    expect(check('11', { kind: 'status', status: 'DNF' }, lap10).laps).toBe(10);
    expect(check('11 17', { kind: 'status', status: 'DNF' }, lap10).problems).toMatchObject([
      { code: 'lapsRange', params: { laps: 16 } },
    ]);
    expect(check('11 9 3', { kind: 'status', status: 'DNF' }, lap10).problems).toMatchObject([
      { code: 'dnfArgs' },
    ]);
  });

  it('DQ, lapped and back in the race take several numbers as one all-or-nothing batch', () => {
    expect(check('4 5', { kind: 'status', status: 'DQ' }, lap10).request).toEqual({
      commands: [
        { type: 'skater/statusChanged', bib: 4, status: 'DQ' },
        { type: 'skater/statusChanged', bib: 5, status: 'DQ' },
      ],
    });
  });

  it('referee q: only in a semi-final, not twice', () => {
    const race = semi([...laps(16), { type: 'qualifier/advanced', bib: 9 }]);
    expect(check('9', { kind: 'advance' }, race).problems).toMatchObject([
      { code: 'alreadyAdvanced', params: { bib: 9 } },
    ]);
    expect(check('10', { kind: 'advance' }, race).request).toEqual({
      commands: [{ type: 'qualifier/advanced', bib: 10 }],
    });
  });

  it('finish time: a helmet number and a time', () => {
    const race = semi([...laps(16), { type: 'finish/recorded', bibs: [1] }]);
    expect(check('1 7:42.49', { kind: 'time' }, race).request).toEqual({
      commands: [{ type: 'finish/timed', bib: 1, time: 462_490 }],
    });
    expect(check('1', { kind: 'time' }, race).problems).toMatchObject([{ code: 'timeArgs' }]);
  });
});
