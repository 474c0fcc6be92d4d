import { describe, expect, it } from 'vitest';
import { presentBoard } from '../../../src/shared/board/presenter.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { board, line, program, sheetFixture, snapshot } from '../../support/board.ts';
import { finish, formatWith, lapsTo, opening, sprintsAt } from '../../support/race.ts';

describe('standings rows (rules, "What boards and TV show")', () => {
  it('reads the Milano Cortina 2026 semi-final 1 as the results were published', () => {
    const model = presentBoard(snapshot(sheetFixture('mc2026-men-semi1'), program('results')), {
      bannerActive: false,
    });
    const stolz = model.rows.find((row) => row.name === 'Jordan Stolz')!;
    expect(stolz).toMatchObject({ rank: '4', sprints: ['3', '', '2'], final: '6', total: '11' });
    expect(stolz.qualified).toBe('Q');
    expect(model.rows.map(line)).toEqual([
      '1 #1 -|-|- 60 60 - Q -',
      '2 #2 -|-|- 40 40 - Q -',
      '3 #3 1|-|- 20 21 - Q -',
      '4 #4 3|-|2 6 11 - Q -',
      '5 #5 -|-|- 10 10 - Q -',
      '6 #6 -|-|- 3 3 - Q -',
      '7 #7 -|-|3 - 3 - Q -', // Bergsma: 7th of his semi on an intermediate sprint
      '8 #8 -|3|- - 3 - Q -',
      '9 #10 -|2|- - 2 - - -',
      '10 #9 2|-|- - 2 - - -',
      '11 #12 -|1|1 - 2 - - -',
      '12 #11 -|-|- - 0 DNF - 9 laps dim',
    ]);
    expect([model.qualificationLine, model.qualificationCertain]).toEqual([8, true]);
  });

  it('draws the line under the 8th row of a live semi, without Q marks until the semi is finished', () => {
    const live = board([...opening({ round: 'semi' }), ...sprintsAt([[12, 11, 10]])]);
    expect([live.qualificationLine, live.qualificationCertain]).toEqual([8, false]);
    expect(live.rows.map((row) => row.qualified)).toEqual(Array(12).fill(''));
    const finishing = board([...opening({ round: 'semi' }), ...finish([1, 2, 3])]);
    expect([finishing.qualificationLine, finishing.qualificationCertain]).toEqual([8, false]);
    expect(finishing.rows.filter((row) => row.qualified !== '')).toEqual([]);
  });

  it('has no qualification line in a final', () => {
    const model = board([
      ...opening({ round: 'final' }),
      ...finish([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    ]);
    expect([model.qualificationLine, model.qualificationCertain]).toEqual([null, true]);
    expect(model.rows.every((row) => row.qualified === '')).toBe(true);
  });

  it('marks a skater advanced by the referee q (rules, "Semi-finals")', () => {
    const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const model = board([
      ...opening({ round: 'semi' }),
      ...finish(all),
      { type: 'qualifier/advanced', bib: 9 },
    ]);
    expect(model.rows.map((row) => `${row.bib}${row.qualified}`).slice(7, 10)).toEqual([
      '8Q',
      '9q',
      '10',
    ]);
  });

  it('shows points only where a skater scored, totals from the start, and dims the unscored while live', () => {
    expect(board(opening({ count: 4 }).slice(0, 2)).rows.map(line)).toEqual([
      '- #1 -|-|- - - - - -',
      '- #2 -|-|- - - - - -',
      '- #3 -|-|- - - - - -',
      '- #4 -|-|- - - - - -',
    ]);
    expect(board(opening({ count: 4 })).rows.map(line)[0]).toBe('- #1 -|-|- - 0 - - - dim');
    expect(board([...opening({ count: 4 }), ...sprintsAt([[3, 1]])]).rows.map(line)).toEqual([
      '1 #3 3|-|- - 3 - - -',
      '2 #1 2|-|- - 2 - - -',
      '- #2 -|-|- - 0 - - - dim',
      '- #4 -|-|- - 0 - - - dim',
    ]);
  });

  it('leaves the final column empty for skaters yet to cross, and shows finish times', () => {
    const commands: RaceCommand[] = [
      ...opening({ count: 4 }),
      ...finish([2, 4]),
      { type: 'finish/timed', bib: 2, time: 462_490 },
    ];
    expect(board(commands).rows.map(line)).toEqual([
      '1 #2 -|-|- 60 60 - - 7:42.49',
      '2 #4 -|-|- 40 40 - - -',
      '3 #1 -|-|- - 0 - - -',
      '4 #3 -|-|- - 0 - - -',
    ]);
  });

  it('writes statuses and laps in the board language and dims skaters out of the race', () => {
    const commands: RaceCommand[] = [
      ...opening({ count: 6 }),
      { type: 'skater/statusChanged', bib: 6, status: 'DNS' },
      ...sprintsAt([[1, 2, 4]]),
      lapsTo(10),
      { type: 'skater/statusChanged', bib: 3, status: 'DNF', laps: 9 },
      { type: 'skater/statusChanged', bib: 4, status: 'LAPPED', laps: 1 },
      { type: 'skater/statusChanged', bib: 2, status: 'DQ' },
    ];
    const dutch = board(commands, program('live', { language: 'nl' }));
    expect(dutch.rows.map(line)).toEqual([
      '1 #1 3|-|- - 3 - - -',
      '2 #4 1|-|- - 1 GEDUBBELD - 1 ronde', // a lapped skater stays in the race (rule 6 default)
      '- #5 -|-|- - 0 - - - dim',
      '- #3 -|-|- - 0 DNF - 9 ronden dim',
      '- #2 -|-|- - - DQ - - dim',
      '- #6 -|-|- - - DNS - - dim',
    ]);
    const pulled = [
      opening({ format: formatWith({ lappedSkaters: 'pull' }) })[0]!,
      ...commands.slice(1),
    ];
    expect(board(pulled).rows.find((row) => row.bib === '4')).toMatchObject({
      rank: '',
      dimmed: true,
    });
    const english = board(commands);
    expect(english.rows.map((row) => [row.status, row.detail])).toContainEqual(['LAPPED', '1 lap']);
    expect(english.columns).toMatchObject({ rank: 'RANK', total: 'PTS', detail: 'TIME' });
    expect(dutch.columns).toMatchObject({ rank: 'POS', bib: 'NR', name: 'NAAM', nation: 'LAND' });
  });
});
