import { describe, expect, it } from 'vitest';
import { isu2014 } from '../../../src/shared/race/format.ts';
import { finish, formatWith, lapsTo, opening, race, sprintsAt, table } from '../../support/race.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';

const status = (
  bib: number,
  s: 'DNF' | 'DQ' | 'DNS' | 'LAPPED' | 'OK',
  laps?: number,
): RaceCommand => ({
  type: 'skater/statusChanged',
  bib,
  status: s,
  ...(laps === undefined ? {} : { laps }),
});

// Each case: commands after the opening, and the expected table (rank #bib total [Q] [status]).
const cases: {
  rule: string;
  options?: Parameters<typeof opening>[0];
  commands: RaceCommand[];
  expected: string[];
}[] = [
  {
    rule: 'rule 1: the first three across the line are 1-2-3 even when intermediate points would say otherwise',
    options: { count: 5, format: formatWith({ intermediatePoints: [50, 30, 10] }) },
    commands: [...sprintsAt([[5, 4], [], []]), ...finish([1, 2, 3, 4, 5])],
    // 5: 50 + 6 for crossing 5th, 4: 30 + 10
    expected: ['1 #1 60', '2 #2 40', '3 #3 20', '4 #5 56', '5 #4 40'],
  },
  {
    rule: 'rule 2: from 4th by total points; equal points broken by finish order',
    options: { count: 7 },
    commands: [...sprintsAt([[7, 6], [6], [5, 7]]), ...finish([1, 2, 3, 4, 5, 6, 7])],
    // 4: 10; 5: 3 (SP3) + 6 = 9; 6: 2 + 3 + 3 = 8; 7: 3 + 2 = 5
    expected: ['1 #1 60', '2 #2 40', '3 #3 20', '4 #4 10', '5 #5 9', '6 #6 8', '7 #7 5'],
  },
  {
    rule: 'rule 2: a tie on points goes to the skater who crossed the line first',
    options: { count: 6 },
    commands: [...sprintsAt([[5], [], []]), ...finish([1, 2, 3, 4, 6, 5])],
    // 6: 6 for crossing 5th; 5: 3 (SP1) + 3 for crossing 6th: a tie, 6 crossed first
    expected: ['1 #1 60', '2 #2 40', '3 #3 20', '4 #4 10', '5 #6 6', '6 #5 6'],
  },
  {
    rule: 'rule 3: finishers with points above finishers without, who rank in finish order',
    options: { count: 10 },
    commands: [...sprintsAt([[10], [], []]), ...finish([1, 2, 3, 4, 5, 6, 9, 7, 8, 10])],
    expected: [
      '1 #1 60',
      '2 #2 40',
      '3 #3 20',
      '4 #4 10',
      '5 #5 6',
      '6 #6 3',
      '7 #10 3',
      '8 #9 0',
      '9 #7 0',
      '10 #8 0',
    ],
  },
  {
    rule: 'rule 4: non-finishers below every finisher, points then laps (default keeps points)',
    options: { count: 6 },
    commands: [
      ...sprintsAt([[6], [], []]),
      status(6, 'DNF', 9),
      status(5, 'DNF', 12),
      status(4, 'DNF', 3),
      ...finish([1, 2, 3]),
    ],
    expected: ['1 #1 60', '2 #2 40', '3 #3 20', '4 #6 3 DNF', '5 #5 0 DNF', '6 #4 0 DNF'],
  },
  {
    rule: 'rule 4 setting: non-finishers ranked by laps only when they do not keep points',
    options: { count: 5, format: formatWith({ nonFinishersKeepPoints: false }) },
    commands: [
      ...sprintsAt([[5], [], []]),
      status(5, 'DNF', 9),
      status(4, 'DNF', 12),
      ...finish([1, 2, 3]),
    ],
    expected: ['1 #1 60', '2 #2 40', '3 #3 20', '4 #4 0 DNF', '5 #5 3 DNF'],
  },
  {
    rule: 'rule 4: non-finishers with the same points and laps share a rank',
    options: { count: 5 },
    commands: [status(4, 'DNF', 5), status(5, 'DNF', 5), ...finish([1, 2, 3])],
    expected: ['1 #1 60', '2 #2 40', '3 #3 20', '4 #4 0 DNF', '4 #5 0 DNF'],
  },
  {
    rule: 'rule 5: a disqualified skater loses rank and points; placings are not handed down',
    options: { count: 6 },
    commands: [...sprintsAt([[6, 5], [], []]), ...finish([1, 6, 2, 3, 4, 5]), status(6, 'DQ')],
    // 6 crossed 2nd: 2 keeps 20 for crossing 3rd but ranks 2nd; 3 crossed 4th: 10; 5: 2 + 3 = 5
    expected: ['1 #1 60', '2 #2 20', '3 #3 10', '4 #4 6', '5 #5 5', '- #6 0 DQ'],
  },
  {
    rule: 'rule 5 setting: a disqualified skater may keep points (shown) but never a rank',
    options: { count: 4, format: formatWith({ disqualifiedLosePoints: false }) },
    commands: [...sprintsAt([[4], [], []]), ...finish([1, 2, 3, 4]), status(4, 'DQ')],
    expected: ['1 #1 60', '2 #2 40', '3 #3 20', '- #4 13 DQ'],
  },
  {
    rule: 'rule 5: DNS skaters are listed without rank, after DQ',
    options: { count: 5 },
    commands: [status(5, 'DNS'), status(4, 'DQ'), ...finish([1, 2, 3])],
    expected: ['1 #1 60', '2 #2 40', '3 #3 20', '- #4 0 DQ', '- #5 0 DNS'],
  },
  {
    rule: 'rule 6: a lapped finisher ranks after lead-lap skaters with the same points',
    options: { count: 7 },
    commands: [status(6, 'LAPPED'), ...finish([1, 2, 3, 6, 4, 5, 7])],
    // 6 crossed 4th (10 points) but lapped; equal points only matter for the zero-point group
    expected: ['1 #1 60', '2 #2 40', '3 #3 20', '4 #6 10 LAPPED', '5 #4 6', '6 #5 3', '7 #7 0'],
  },
  {
    rule: 'rule 6: lapped skaters with the same points rank after the lead lap',
    options: { count: 6 },
    commands: [status(4, 'LAPPED'), ...finish([1, 2, 3, 5, 6, 4])],
    expected: ['1 #1 60', '2 #2 40', '3 #3 20', '4 #5 10', '5 #6 6', '6 #4 3 LAPPED'],
  },
  {
    rule: 'rule 6 setting: the format can pull lapped skaters, who then rank as non-finishers',
    options: { count: 5, format: formatWith({ lappedSkaters: 'pull' }) },
    commands: [status(5, 'LAPPED', 13), status(4, 'DNF', 14), ...finish([1, 2, 3])],
    expected: ['1 #1 60', '2 #2 40', '3 #3 20', '4 #4 0 DNF', '5 #5 0 LAPPED'],
  },
  {
    rule: 'live: by points so far, equal points share a rank, skaters without points unranked by bib',
    options: { count: 6 },
    commands: [
      ...sprintsAt([
        [6, 2, 4],
        [2, 6],
      ]),
      lapsTo(10),
    ],
    expected: ['1 #2 5', '1 #6 5', '3 #4 1', '- #1 0', '- #3 0', '- #5 0'],
  },
  {
    rule: 'live: DNF, DQ and DNS sit below the racing skaters, without rank',
    options: { count: 5 },
    commands: [...sprintsAt([[3, 4]]), status(4, 'DNF', 5), status(5, 'DQ'), status(1, 'OK')],
    expected: ['1 #3 3', '- #1 0', '- #2 0', '- #4 2 DNF', '- #5 0 DQ'],
  },
  {
    rule: 'isu-2014 preset: 5-3-1 intermediate, 60-40-20 final',
    options: { count: 5, format: isu2014 },
    commands: [...sprintsAt([[4, 5, 1]], isu2014), ...finish([1, 2, 3, 4, 5], isu2014)],
    expected: ['1 #1 61', '2 #2 40', '3 #3 20', '4 #4 5', '5 #5 3'],
  },
  {
    rule: 'a track-cycling points race: 40 laps, sprints every 10, points only (no podium by finish)',
    options: {
      count: 4,
      format: formatWith({
        name: 'points race',
        laps: 40,
        sprintLaps: [10, 20, 30],
        intermediatePoints: [5, 3, 2, 1],
        finalPoints: [10, 6, 4, 2],
        podiumByFinishOrder: 0,
      }),
    },
    commands: [
      ...sprintsAt(
        [
          [4, 3, 2, 1],
          [4, 3, 1, 2],
          [4, 2, 3, 1],
        ],
        formatWith({ laps: 40, sprintLaps: [10, 20, 30] }),
      ),
      ...finish([1, 2, 3, 4], formatWith({ laps: 40, sprintLaps: [10, 20, 30] })),
    ],
    // 4: 15 + 2, 1: 4 + 10, 2: 6 + 6, 3: 8 + 4; 2 and 3 tie on 12, 2 crossed first
    expected: ['1 #4 17', '2 #1 14', '3 #2 12', '4 #3 12'],
  },
];

describe('ranking (rules document, "Ranking")', () => {
  it.each(cases)('$rule', ({ options, commands, expected }) => {
    expect(table(race([...opening(options), ...commands]))).toEqual(expected);
  });
});
