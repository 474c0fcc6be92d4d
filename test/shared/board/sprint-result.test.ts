import { describe, expect, it } from 'vitest';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { board, program } from '../../support/board.ts';
import { finish, opening, sprintsAt } from '../../support/race.ts';

describe('the sprint result (banner and overlay)', () => {
  it('is the highest intermediate sprint placed, with its points', () => {
    const model = board([
      ...opening(),
      ...sprintsAt([
        [3, 1, 2],
        [5, 6],
      ]),
    ]);
    expect(model.sprintResult).toEqual({
      sprint: 2,
      heading: 'SPRINT 2',
      key: '2:5,6',
      placings: [
        { place: '1', bib: '5', name: 'Skater 5', nation: 'NED', points: '3' },
        { place: '2', bib: '6', name: 'Skater 6', nation: 'NED', points: '2' },
      ],
    });
    expect(board(opening()).sprintResult).toBeNull();
  });

  it('changes its key when a placing is corrected, so the banner comes up again', () => {
    const placed = [...opening(), ...sprintsAt([[3, 1, 2]])];
    const corrected: RaceCommand[] = [
      ...placed,
      { type: 'sprint/placed', sprint: 1, bibs: [3, 2, 1] },
    ];
    expect(board(placed).sprintResult?.key).toBe('1:3,1,2');
    expect(board(corrected).sprintResult?.key).toBe('1:3,2,1');
    expect(board([...corrected, { type: 'undo' }]).sprintResult?.key).toBe('1:3,1,2');
  });

  it('is the final sprint once the finish order has entries: the first six by crossing order', () => {
    const running = [...opening(), ...sprintsAt([[3, 1, 2], [5, 6], [7]])];
    const first = board([...running, ...finish([9])], program('live', { language: 'nl' }));
    expect(first.sprintResult).toMatchObject({
      sprint: 'final',
      heading: 'EINDSPRINT',
      key: 'final:9',
    });
    const all = board([...running, ...finish([9, 8, 7, 6, 5, 4, 3, 2])]).sprintResult!;
    expect(all.key).toBe('final:9,8,7,6,5,4');
    expect(all.placings.map((p) => `${p.place}. #${p.bib} ${p.points}`)).toEqual([
      '1. #9 60',
      '2. #8 40',
      '3. #7 20',
      '4. #6 10',
      '5. #5 6',
      '6. #4 3',
    ]);
  });

  it('does not hand a disqualified skater’s points down (rules, "Ranking" 5)', () => {
    const commands: RaceCommand[] = [
      ...opening(),
      ...finish([9, 8, 7, 6, 5, 4, 3]),
      { type: 'skater/statusChanged', bib: 8, status: 'DQ' },
    ];
    const result = board(commands).sprintResult!;
    expect(result.placings.map((p) => `#${p.bib} ${p.points}`)).toEqual([
      '#9 60',
      '#8 DQ',
      '#7 20',
      '#6 10',
      '#5 6',
      '#4 3',
    ]);
    expect(result.key).toBe('final:9,8,7,6,5,4');
  });
});
