import { describe, expect, it } from 'vitest';
import { sprintHistory } from '../../../src/renderer/commentator/model/sprint-history.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { lapsRun, raceAfter } from './fixtures.ts';

const lap: RaceCommand = { type: 'lap/completed' };
const placings = (line: { placings: readonly { bib: number; points: string }[] }) =>
  line.placings.map((placing) => `${placing.bib} ${placing.points}`.trim());

describe('sprintHistory: who placed in each sprint and the points each took', () => {
  it('lists every sprint of the format with its lap, the figure and the table, then the finish', () => {
    const lines = sprintHistory(raceAfter([]));
    expect(lines.map((line) => [line.heading, line.when, line.state])).toEqual([
      ['Sprint 1', 'lap 4 · 12 to go · 3-2-1', 'coming'],
      ['Sprint 2', 'lap 8 · 8 to go · 3-2-1', 'coming'],
      ['Sprint 3', 'lap 12 · 4 to go · 3-2-1', 'coming'],
      ['Finish', 'lap 16 · final sprint · 60-40-20-10-6-3', 'coming'],
    ]);
  });

  it('pays the intermediate table by placing (3-2-1) and says which sprint is run or due', () => {
    const running = sprintHistory(raceAfter(lapsRun(3)));
    expect(running[0]!.state).toBe('running');
    const due = sprintHistory(raceAfter(lapsRun(4)));
    expect(due[0]!.state).toBe('due');
    const placed = sprintHistory(
      raceAfter([...lapsRun(4), { type: 'sprint/placed', sprint: 1, bibs: [3, 5, 12] }]),
    );
    expect(placed[0]!.state).toBe('done');
    expect(placings(placed[0]!)).toEqual(['3 +3', '5 +2', '12 +1']);
    expect(placed[0]!.placings[0]).toMatchObject({ place: 1, name: 'CHUNG' });
  });

  it('pays the finish by crossing order (60-40-20-10-6-3), nothing below sixth', () => {
    const order = [12, 3, 5, 7, 9, 1, 2, 4];
    const lines = sprintHistory(
      raceAfter([...lapsRun(15), lap, { type: 'finish/recorded', bibs: order }]),
    );
    expect(placings(lines[3]!)).toEqual([
      '12 +60',
      '3 +40',
      '5 +20',
      '7 +10',
      '9 +6',
      '1 +3',
      '2',
      '4',
    ]);
  });

  it('a skater disqualified since shows DQ where his points were; they are not handed down', () => {
    const lines = sprintHistory(
      raceAfter([
        ...lapsRun(4),
        { type: 'sprint/placed', sprint: 1, bibs: [3, 5, 12] },
        { type: 'skater/statusChanged', bib: 5, status: 'DQ' },
      ]),
    );
    expect(placings(lines[0]!)).toEqual(['3 +3', '5 DQ', '12 +1']);
  });
});
