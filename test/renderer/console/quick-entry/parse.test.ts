import { describe, expect, it } from 'vitest';
import {
  modeCycle,
  modeKey,
  parseQuickEntry,
  stepMode,
  type QuickEntryMode,
} from '../../../../src/renderer/console/quick-entry/parse.ts';

const sprint1: QuickEntryMode = { kind: 'sprint', sprint: 1 };

describe('parseQuickEntry: what the operator types', () => {
  it.each([
    ['12 7 3', [12, 7, 3]],
    ['  12   7 3  ', [12, 7, 3]],
    ['12,7,3', [12, 7, 3]],
    ['12.7.3', [12, 7, 3]],
    ['12/7*3', [12, 7, 3]],
    ['12 7 3 ', [12, 7, 3]],
    ['', []],
  ])('reads "%s" as helmet numbers %j', (text, numbers) => {
    const parsed = parseQuickEntry(text, sprint1);
    expect(parsed.numbers).toEqual(numbers);
    expect(parsed.problems).toEqual([]);
    expect(parsed.mode).toEqual(sprint1);
  });

  it('names every word that is not a helmet number', () => {
    expect(parseQuickEntry('12 x7 0 1000', sprint1).problems).toEqual([
      { code: 'notBib', params: { token: 'x7' } },
      { code: 'notBib', params: { token: '0' } },
      { code: 'notBib', params: { token: '1000' } },
    ]);
  });

  it.each<[string, QuickEntryMode]>([
    ['s2 8 10 12', { kind: 'sprint', sprint: 2 }],
    ['S3 7 4 12', { kind: 'sprint', sprint: 3 }],
    ['f 1 2 3', { kind: 'finish' }],
    ['fr 1 2 3', { kind: 'finishReplace' }],
    ['dnf 11 9', { kind: 'status', status: 'DNF' }],
    ['DQ 4', { kind: 'status', status: 'DQ' }],
    ['lapped 4', { kind: 'status', status: 'LAPPED' }],
    ['ok 4', { kind: 'status', status: 'OK' }],
    ['q 9', { kind: 'advance' }],
    ['t 1 7:42.49', { kind: 'time' }],
  ])('a leading word chooses the mode: "%s"', (text, mode) => {
    expect(parseQuickEntry(text, sprint1).mode).toEqual(mode);
  });

  it('refuses a leading word that is not a mode, naming it', () => {
    expect(parseQuickEntry('dns 4', sprint1).problems).toEqual([
      { code: 'unknownKeyword', params: { word: 'dns' } },
    ]);
  });

  it('DNF takes the helmet number and the laps completed (0 allowed)', () => {
    expect(parseQuickEntry('11 9', { kind: 'status', status: 'DNF' }).numbers).toEqual([11, 9]);
    expect(parseQuickEntry('11 0', { kind: 'status', status: 'DNF' }).numbers).toEqual([11, 0]);
    expect(parseQuickEntry('11 0', { kind: 'status', status: 'DQ' }).problems).toHaveLength(1);
  });

  it('time mode reads a helmet number and a race time', () => {
    expect(parseQuickEntry('1 7:42.49', { kind: 'time' })).toMatchObject({
      numbers: [1],
      time: 462_490,
      problems: [],
    });
    expect(parseQuickEntry('1 7:42,49', { kind: 'time' }).time).toBe(462_490);
    expect(parseQuickEntry('1 soon', { kind: 'time' }).problems).toEqual([{ code: 'timeArgs' }]);
  });
});

describe('entry modes', () => {
  it('↑ and ↓ walk through every mode and wrap around', () => {
    const cycle = modeCycle(3).map(modeKey);
    expect(cycle).toEqual([
      'sprint-1',
      'sprint-2',
      'sprint-3',
      'finish',
      'finishReplace',
      'status-DNF',
      'status-DQ',
      'status-LAPPED',
      'status-OK',
      'advance',
      'time',
    ]);
    expect(stepMode(sprint1, -1, 3)).toEqual({ kind: 'time' });
    expect(stepMode({ kind: 'time' }, 1, 3)).toEqual(sprint1);
    expect(stepMode({ kind: 'sprint', sprint: 3 }, 1, 3)).toEqual({ kind: 'finish' });
  });
});
