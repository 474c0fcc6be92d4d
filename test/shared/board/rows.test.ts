import { describe, expect, it } from 'vitest';
import { presentBoard } from '../../../src/shared/board/presenter.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { nameForms } from '../../../src/shared/board/names.ts';
import { qualificationOutlook } from '../../../src/shared/race/qualification.ts';
import { board, line, program, sheetFixture, snapshot } from '../../support/board.ts';
import { finish, formatWith, lapsTo, opening, race, sprintsAt } from '../../support/race.ts';

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

  it('draws the line under the last ranked row while fewer than 8 have points, under the 8th once 8 do', () => {
    // Issue 18: never between skaters without points (their order, by helmet number, says nothing).
    const afterSprint1 = board([...opening({ round: 'semi' }), ...sprintsAt([[12, 11, 10]])]);
    expect([afterSprint1.qualificationLine, afterSprint1.qualificationCertain]).toEqual([3, false]);
    expect(afterSprint1.qualification).toEqual({
      after: 3,
      places: 8,
      label: 'QUALIFICATION · TOP 8',
      note: '3 IN THE POINTS · 5 DECIDED AT THE FINISH',
      certain: false,
    });
    expect(afterSprint1.rows.map((row) => row.band)).toEqual([
      ...Array(3).fill('ranked'),
      ...Array(9).fill('unranked'),
    ]);
    expect(afterSprint1.rows.map((row) => row.qualified)).toEqual(Array(12).fill(''));
    // Before anyone scores: the line above every row, all eight places open.
    const started = board(opening({ round: 'semi' }));
    expect(started.qualification).toMatchObject({
      after: 0,
      note: '0 IN THE POINTS · 8 DECIDED AT THE FINISH',
    });
    // Nine ranked after three sprints: under the 8th, nothing left to say.
    const threeSprints = board([
      ...opening({ round: 'semi' }),
      ...sprintsAt([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ]),
    ]);
    expect(threeSprints.qualification).toMatchObject({ after: 8, note: '' });
    const finishing = board([...opening({ round: 'semi' }), ...finish([1, 2, 3])]);
    expect([finishing.qualificationLine, finishing.qualificationCertain]).toEqual([8, false]);
    expect(finishing.rows.filter((row) => row.qualified !== '')).toEqual([]);
    // Before the start there is nothing to draw.
    expect(board(opening({ round: 'semi' }).slice(0, 2)).qualification).toBeNull();
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

  it('shows points only where a skater scored, totals from the start; no points yet is not out', () => {
    expect(board(opening({ count: 4 }).slice(0, 2)).rows.map(line)).toEqual([
      '- #1 -|-|- - - - - -',
      '- #2 -|-|- - - - - -',
      '- #3 -|-|- - - - - -',
      '- #4 -|-|- - - - - -',
    ]);
    expect(board(opening({ count: 4 })).rows.map(line)[0]).toBe('- #1 -|-|- - 0 - - -');
    const model = board([...opening({ count: 4 }), ...sprintsAt([[3, 1]])]);
    expect(model.rows.map(line)).toEqual([
      '1 #3 3|-|- - 3 - - -',
      '2 #1 2|-|- - 2 - - -',
      '- #2 -|-|- - 0 - - -',
      '- #4 -|-|- - 0 - - -',
    ]);
    expect(model.rows.map((row) => row.band)).toEqual(['ranked', 'ranked', 'unranked', 'unranked']);
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
      // A lapped skater stays in the race (rule 6 default), but he is a lap down: grey.
      '2 #4 1|-|- - 1 GEDUBBELD - 1 ronde dim',
      '- #5 -|-|- - 0 - - -',
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

  it('says what each open skater needs in the last laps of a semi, and marks the clinched Q', () => {
    const sprints = sprintsAt([
      [1, 2, 3],
      [1, 4, 5],
      [1, 6, 7],
    ]);
    const commands: RaceCommand[] = [...opening({ round: 'semi' }), ...sprints, lapsTo(13)];
    const model = board(commands);
    const outlook = qualificationOutlook(race(commands).state);
    for (const row of model.rows) {
      const seen = outlook.get(Number(row.bib))!;
      expect(row.qualification).toBe(seen.qualification);
      // After the last intermediate sprint: "NEEDS TOP p" for every open skater with a safe place.
      const needs =
        seen.qualification === 'open' && seen.safeFinish !== null
          ? seen.safeFinish === 1
            ? 'NEEDS TO WIN'
            : `NEEDS TOP ${seen.safeFinish}`
          : '';
      expect(row.needs, row.bib).toBe(needs);
    }
    expect(model.rows.some((row) => row.needs !== '')).toBe(true);
    // Before the last intermediate sprint (7 to go, sprint 3 still to come): nothing yet.
    const earlier = board([...opening({ round: 'semi' }), ...sprints.slice(0, 4), lapsTo(9)]);
    expect(earlier.rows.every((row) => row.needs === '')).toBe(true);
  });

  it('gives the final podium medal discs once it is finished', () => {
    const model = board([...opening({ round: 'final', count: 5 }), ...finish([4, 2, 5, 1, 3])]);
    expect(model.rows.map((row) => `${row.bib}:${row.medal ?? ''}`)).toEqual([
      '4:gold',
      '2:silver',
      '5:bronze',
      '1:',
      '3:',
    ]);
  });

  it('offers shorter forms of long names, longest first', () => {
    const name = { name: 'Antoine Gélinas-Beaulieu', firstName: 'Antoine' };
    expect(nameForms({ ...name, lastName: 'Gélinas-Beaulieu' })).toEqual([
      'Antoine Gélinas-Beaulieu',
      'A. GÉLINAS-BEAULIEU',
      'GÉLINAS-BEAULIEU',
    ]);
    expect(nameForms({ name: 'Ørjan Test', firstName: 'Ørjan', lastName: 'Test' })[1]).toBe(
      'Ø. TEST',
    );
    expect(nameForms({ name: 'Bergsma' })).toEqual(['Bergsma']);
  });
});
