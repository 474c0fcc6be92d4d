import { describe, expect, it } from 'vitest';
import { needOf } from '../../../src/renderer/commentator/model/needs.ts';
import { standingsModel } from '../../../src/renderer/commentator/model/standings-rows.ts';
import type { Standing } from '../../../src/shared/race/standings.ts';
import { lapSix, lapsRun, raceAfter } from './fixtures.ts';

/** A standings row with the outlook under test (the rest does not matter to the wording). */
const row = (qualification: Standing['qualification'], safeFinish: number | null): Standing => ({
  rank: 1,
  bib: 7,
  name: 'Skater 7',
  nation: 'NOR',
  status: 'OK',
  crossed: null,
  laps: null,
  time: null,
  qualified: null,
  qualification,
  safeFinish,
  sprints: [0, 0, 0],
  final: 0,
  total: 0,
});

describe('needOf: what each needs, in the board words (issue 18)', () => {
  it('while the semi runs: clinched, eliminated, needs top p, needs to win, needs help', () => {
    expect(needOf(row('Q', null), 'live')).toEqual({ text: 'qualified', tone: 'clinched' });
    expect(needOf(row('out', null), 'live')).toEqual({ text: 'eliminated', tone: 'out' });
    expect(needOf(row('open', 5), 'live')).toEqual({ text: 'needs top 5', tone: 'open' });
    expect(needOf(row('open', 1), 'live')).toEqual({ text: 'needs to win', tone: 'open' });
    expect(needOf(row('open', null), 'live')).toEqual({ text: 'needs help', tone: 'open' });
  });

  it('once finished: Q by ranking, q by the referee, nothing for the rest; a final: nothing', () => {
    expect(needOf(row('Q', null), 'final').text).toBe('Q');
    expect(needOf(row('q', null), 'official').text).toBe('q · advanced');
    expect(needOf(row('out', null), 'final').text).toBe('');
    expect(needOf(row(null, null), 'live').text).toBe('');
  });
});

describe('standingsModel: points, needs and the loop, by helmet', () => {
  // Sprint 1: 3 5 12 (3-2-1); sprint 2: 12 3 7; the semi runs at 7 to go.
  const race = raceAfter([
    ...lapsRun(4),
    { type: 'sprint/placed', sprint: 1, bibs: [3, 5, 12] },
    ...Array.from({ length: 4 }, () => ({ type: 'lap/completed' }) as const),
    { type: 'sprint/placed', sprint: 2, bibs: [12, 3, 7] },
    { type: 'lap/completed' },
  ]);

  it('gives each sprint its column and the host ranking by points', () => {
    const model = standingsModel(race, null);
    expect(model.heading).toBe('Standings · top 8 qualify');
    expect(model.sprintColumns).toEqual(['SP1', 'SP2', 'SP3']);
    const top = model.rows
      .slice(0, 4)
      .map((line) => [line.rank, line.bib, ...line.sprints, line.total]);
    expect(top).toEqual([
      ['1', 3, '3', '2', '', '5'],
      ['2', 12, '1', '3', '', '4'],
      ['3', 5, '2', '', '', '2'],
      ['4', 7, '', '1', '', '1'],
    ]);
    // Names in the results sheets' style when the start list gave the parts.
    expect(model.rows[0]!.name).toBe('CHUNG Jae-won');
    expect(model.qualificationLine).toBe(race.standings.qualificationLine);
  });

  it('words every row’s outlook from the host’s qualification math', () => {
    const model = standingsModel(race, null);
    for (const [index, line] of model.rows.entries())
      expect(line.need).toEqual(needOf(race.standings.rows[index]!, race.standings.phase));
    expect(model.rows.some((line) => line.need.tone === 'open')).toBe(true);
  });

  it('without the loop: no gaps, no groups; with it: each skater’s own gap, group and last lap', () => {
    expect(
      standingsModel(race, null).rows.every((line) => line.gap === '' && line.group === null),
    ).toBe(true);
    const byBib = new Map(standingsModel(race, lapSix).rows.map((line) => [line.bib, line]));
    expect(byBib.get(3)).toMatchObject({ gap: 'lead', group: 1, lastLap: '30.05' });
    expect(byBib.get(9)).toMatchObject({ gap: '+4.6', group: 2, lastLap: '30.55' });
    expect(byBib.get(15)).toMatchObject({ gap: '+14.7', group: 3 });
    expect(byBib.get(16)).toMatchObject({ gap: '−1 lap', group: null, lastLap: '36.04' });
  });

  it('a skater out of the race has no gap (the groups leave him out), not an unknown one', () => {
    const out = raceAfter([...lapsRun(6), { type: 'skater/statusChanged', bib: 8, status: 'DQ' }]);
    const lines = new Map(standingsModel(out, lapSix).rows.map((line) => [line.bib, line]));
    expect(lines.get(8)).toMatchObject({ status: 'DQ', gap: '', lastLap: '', group: null });
    // Racing but not in the loop's list (no crossing read yet): unknown, a dash.
    const unseen = { ...lapSix, skaters: lapSix.skaters.filter((skater) => skater.bib !== 2) };
    expect(new Map(standingsModel(out, unseen).rows.map((l) => [l.bib, l])).get(2)).toMatchObject({
      gap: '–',
      lastLap: '–',
    });
  });

  it('a final has no needs column', () => {
    expect(standingsModel(raceAfter(lapsRun(2), 'final'), null)).toMatchObject({
      heading: 'Standings',
      needs: false,
      qualificationLine: null,
    });
  });
});
