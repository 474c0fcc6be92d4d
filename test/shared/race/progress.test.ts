import { describe, expect, it } from 'vitest';
import { isBellLap, lapsToGo, sprintLap, sprintsDone } from '../../../src/shared/race/progress.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { formatWith, opening, race } from '../../support/race.ts';

describe('the lap board (rules document, "The race")', () => {
  it('counts laps to go from 16 to 0 as the leader crosses the line, flagging sprint laps and the bell', () => {
    const history = race(opening({ count: 4 }));
    const seen: string[] = [];
    for (let lap = 0; lap <= 16; lap++) {
      const { state } = history;
      seen.push(
        `${lapsToGo(state)}${sprintLap(state) === null ? '' : ` S${sprintLap(state)}`}${isBellLap(state) ? ' bell' : ''} [${sprintsDone(state).join(',')}]`,
      );
      if (lap < 16)
        history.commit(ok(history.decide({ type: 'lap/completed' }, { at: '', source: 'test' })));
    }
    expect(seen).toEqual([
      '16 []',
      '15 []',
      '14 []',
      '13 S1 []',
      '12 [1]',
      '11 [1]',
      '10 [1]',
      '9 S2 [1]',
      '8 [1,2]',
      '7 [1,2]',
      '6 [1,2]',
      '5 S3 [1,2]',
      '4 [1,2,3]',
      '3 [1,2,3]',
      '2 [1,2,3]',
      '1 Sfinal bell [1,2,3]',
      '0 [1,2,3]',
    ]);
  });

  it('shows 0 laps to go as soon as the first finisher is recorded', () => {
    const history = race([
      ...opening({ count: 3 }),
      { type: 'laps/corrected', lapsCompleted: 15 },
      { type: 'finish/recorded', bibs: [2] },
    ]);
    expect(lapsToGo(history.state)).toBe(0);
    expect(isBellLap(history.state)).toBe(false);
  });

  it('has no sprint lap or bell before the start', () => {
    const history = race(opening({ count: 3 }).slice(0, 2));
    expect([lapsToGo(history.state), sprintLap(history.state), isBellLap(history.state)]).toEqual([
      16,
      null,
      false,
    ]);
  });

  it('follows the laps and sprint laps of a custom format (a 10-lap junior race, sprints after 3 and 6)', () => {
    const format = formatWith({ name: 'junior', laps: 10, sprintLaps: [3, 6] });
    const history = race([
      ...opening({ count: 3, format }),
      ...Array<RaceCommand>(2).fill({ type: 'lap/completed' }),
    ]);
    expect([lapsToGo(history.state), sprintLap(history.state)]).toEqual([8, 1]);
  });

  it('the first lap press starts a race that was not started explicitly', () => {
    const history = race([...opening({ count: 3 }).slice(0, 2), { type: 'lap/completed' }]);
    expect([history.state.started, lapsToGo(history.state)]).toEqual([true, 15]);
  });
});

function ok<T extends { ok: boolean }>(decision: T): Extract<T, { ok: true }> {
  if (!decision.ok) throw new Error('refused');
  return decision as Extract<T, { ok: true }>;
}
