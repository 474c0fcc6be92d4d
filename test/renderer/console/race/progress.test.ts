import { describe, expect, it } from 'vitest';
import {
  announcements,
  currentSprint,
  suggestedMode,
} from '../../../../src/renderer/console/race/progress.ts';
import type { RaceCommand } from '../../../../src/shared/race/events.ts';
import { laps, semi } from '../fixtures.ts';

const keys = (count: number, extra: Parameters<typeof semi>[0] = []) =>
  announcements(semi([...laps(count), ...extra])).map((line) => [line.key, line.params ?? {}]);

describe('what the console announces and offers', () => {
  it('before the gun: ready; the entry offers sprint 1', () => {
    expect(announcements(semi())).toEqual([{ key: 'announce.ready', tone: 'calm' }]);
    expect(suggestedMode(semi())).toEqual({ kind: 'sprint', sprint: 1 });
  });

  it('flags the sprint lap (13, 9, 5 to go) and asks for the placings once decided', () => {
    expect(keys(3)).toEqual([['announce.sprintLap', { sprint: 1 }]]);
    expect(keys(4)).toEqual([
      ['announce.sprintDue', { sprint: 1 }],
      ['announce.lapsLeft', { sprint: 2, laps: 3 }],
    ]);
    expect(keys(4, [{ type: 'sprint/placed', sprint: 1, bibs: [4] }])).toEqual([
      ['announce.lapsLeft', { sprint: 2, laps: 3 }],
    ]);
  });

  it('rings the bell on the last lap and offers the finish order', () => {
    expect(
      keys(15, [
        { type: 'sprint/placed', sprint: 1, bibs: [4] },
        { type: 'sprint/placed', sprint: 2, bibs: [8] },
        { type: 'sprint/placed', sprint: 3, bibs: [7] },
      ]),
    ).toEqual([['announce.bell', {}]]);
    expect(suggestedMode(semi(laps(15)))).toEqual({ kind: 'finish' });
  });

  it('the current sprint: the one being run, else the newest decided', () => {
    expect(currentSprint(semi(laps(3)))).toBe(1);
    expect(currentSprint(semi(laps(6)))).toBe(1);
    expect(currentSprint(semi(laps(7)))).toBe(2);
  });

  it('after the finish: how much of the order is known, then confirm', () => {
    const placed: RaceCommand[] = [
      { type: 'sprint/placed', sprint: 1, bibs: [4] },
      { type: 'sprint/placed', sprint: 2, bibs: [8] },
      { type: 'sprint/placed', sprint: 3, bibs: [7] },
    ];
    expect(keys(16, [...placed])).toEqual([['announce.finishDue', {}]]);
    expect(keys(16, [...placed, { type: 'finish/recorded', bibs: [1, 2, 3] }])).toEqual([
      ['announce.finishPartial', { count: 3, total: 12 }],
    ]);
    expect(
      keys(16, [
        ...placed,
        { type: 'finish/recorded', bibs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
      ]),
    ).toEqual([['announce.final', {}]]);
  });
});
