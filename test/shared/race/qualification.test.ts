/**
 * The qualification outlook of a running semi-final, worked out by hand (issue 18, part 2).
 * The property tests (qualification.properties.test.ts) hold it to every completion of the race
 * on small fields; these cases show what it says on a real-sized one, and why.
 */
import { describe, expect, it } from 'vitest';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { qualificationOutlook } from '../../../src/shared/race/qualification.ts';
import { finish, formatWith, opening, race, sprintsAt } from '../../support/race.ts';

const status = (bib: number, s: 'DNF' | 'DQ', laps?: number): RaceCommand => ({
  type: 'skater/statusChanged',
  bib,
  status: s,
  ...(laps === undefined ? {} : { laps }),
});

/** The outlook as `bib: Q`, `bib: open, safe 6`, `bib: out`, in start-list order. */
function outlook(commands: RaceCommand[]): string[] {
  return [...qualificationOutlook(race(commands).state)].map(
    ([bib, { qualification, safeFinish }]) =>
      `${bib}: ${qualification}${safeFinish === null ? '' : `, safe ${safeFinish}`}`,
  );
}

describe('qualification outlook, worked by hand', () => {
  it('a semi of 12 (K = 8, ISU 2018) after sprint 2', () => {
    // Sprint 1: 1-2-3 (3-2-1 points); sprint 2: 1-4-2. Points: #1 6, #2 3, #4 2, #3 1, the rest 0.
    // #11 disqualified, #12 out after 6 laps: 10 skaters race on. Left: sprint 3 (3-2-1, one
    // value each) and the finish (60-40-20-10-6-3). A podium place (1st-3rd) is rank 1-3, so
    // safe; below it the skater is beaten by the 3 on the podium plus every other who ends with
    // more points, or equal points and crossing first. K - 3 = 5 more put the skater 9th.
    const commands = [
      ...opening({ count: 12, round: 'semi', qualifiers: 8 }),
      ...sprintsAt([
        [1, 2, 3],
        [1, 4, 2],
      ]),
      status(11, 'DQ'),
      status(12, 'DNF', 6),
    ];
    expect(outlook(commands)).toEqual([
      // #1 (6) is through whatever happens. At worst he crosses last with 6 points, six
      // skaters ahead of him with 10, 6, 3, 0, 0, 0 final points, and a sprint value each (3, 2,
      // 1). Of the five strongest others, ahead of him (winning a tie), #2 needs 3, #4 4, #3 5
      // and the two without points 6; a 0-place and one sprint value make 3 at most, so four of
      // them need a scoring place, and there are three: 4 + the podium's 3 above, rank 8.
      '1: Q',
      // #2 (3): 6th gives 6 points; the 4th and 5th (10, 6) are above, but behind him nobody
      // gets more than 3 from the sprint and only #1 (6) reaches 7: 2 + 1 + 3 above, rank 7.
      // 7th gives no final points: the 10 and 6 ahead go to two skaters without points, the 3
      // ahead to #3 (4), #4 takes the 2 behind him (4) and #1 has 6: five more, rank 9.
      '2: open, safe 6',
      // #3 (1): 5th (7 points) leaves the 10 ahead and only the 3-place behind: #1 (needs 2
      // behind) and one of #2/#4 with the 3-place and a sprint value: 3 more, rank 7. 6th (4
      // points): 10 and 6 ahead to two skaters without points, and behind him #1 (any), #2 (+2)
      // and #4 (+3) pass him: five, rank 9.
      '3: open, safe 5',
      // #4 (2): 6th (5 points): 10 and 6 ahead, behind him #1 (6 > 5) and #2 with the 3 (6);
      // #3 would need 5 from the sprint: four more, rank 8. 7th (2 points): the three places
      // ahead (10, 6, 3) and #1, #2 make five: rank 9.
      '4: open, safe 6',
      // The skaters without points: 5th (6 points) gives the 10 ahead to one of them, the 3-place
      // behind plus a value to one of #2/#3/#4, and #1 takes a value: 3 more, rank 7. 6th (3):
      // 10 and 6 ahead, then #1, #2 (+1), #4 (+2): five, rank 9.
      '5: open, safe 5',
      '6: open, safe 5',
      '7: open, safe 5',
      '8: open, safe 5',
      '9: open, safe 5',
      '10: open, safe 5',
      // Disqualified: no rank. Stopped: below the 10 finishers, so 11th at best.
      '11: out',
      '12: out',
    ]);
  });

  it('skaters who stopped are through when fewer than K race on', () => {
    // Semi of 6, K = 4: three race on and rank 1-3; of those who stopped, 4 (5 laps) ranks
    // 4th ahead of 5 (3 laps): rule 4, more laps first.
    const commands = [
      ...opening({ count: 6, round: 'semi', qualifiers: 4 }),
      ...sprintsAt([[1, 2, 3]]),
      status(4, 'DNF', 5),
      status(5, 'DNF', 3),
      status(6, 'DQ'),
    ];
    expect(outlook(commands)).toEqual(['1: Q', '2: Q', '3: Q', '4: Q', '5: out', '6: out']);
  });

  it('in a points race a skater can be out while still racing, or need sprint points', () => {
    // No podium by finish order: 5 for a sprint, 1 for the finish. #1 won sprints 1 and 2.
    const format = formatWith({
      laps: 12,
      sprintLaps: [3, 6, 9],
      intermediatePoints: [5],
      finalPoints: [1],
      podiumByFinishOrder: 0,
    });
    const run = (qualifiers: number): string[] =>
      outlook([
        ...opening({ count: 4, round: 'semi', qualifiers, format }),
        ...sprintsAt([[1], [1]], format),
      ]);
    // K = 1: the others can reach 5 + 1 = 6 at best, under #1's 10.
    expect(run(1)).toEqual(['1: Q', '2: out', '3: out', '4: out']);
    // K = 2: #1 is through; the others are open, but no finishing place is safe on its own (the
    // finish pays 1): winning it leaves #1 and whoever takes sprint 3 (5) above.
    expect(run(2)).toEqual(['1: Q', '2: open', '3: open', '4: open']);
  });

  it('has nothing to say outside a running semi-final', () => {
    const semi = [...opening({ count: 4, round: 'semi', qualifiers: 2 }), ...sprintsAt([[1]])];
    expect(outlook(semi)).toHaveLength(4);
    expect(outlook([...opening({ count: 4, round: 'final' }), ...sprintsAt([[1]])])).toEqual([]);
    // From the first finisher on, the standings rank the race.
    expect(outlook([...semi, ...finish([2])])).toEqual([]);
  });
});
