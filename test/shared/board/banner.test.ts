import { describe, expect, it } from 'vitest';
import {
  bannerRemainingMs,
  nextBanner,
  type BannerState,
} from '../../../src/shared/board/banner.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { board } from '../../support/board.ts';
import { finish, opening, sprintsAt } from '../../support/race.ts';

/** Feeds keys at times (ms) through the schedule and records whether the banner is up. */
function run(steps: readonly [key: string | null, now: number][], seconds = 8): boolean[] {
  let state: BannerState | null = null;
  return steps.map(([key, now]) => (state = nextBanner(state, key, now, seconds)).active);
}

describe('the sprint banner schedule', () => {
  it('does not replay a sprint that was already placed when the board (re)connects', () => {
    expect(
      run([
        ['1:3,1,2', 0],
        ['1:3,1,2', 1000],
      ]),
    ).toEqual([false, false]);
  });

  it('shows a new sprint result for the configured seconds', () => {
    expect(
      run([
        [null, 0],
        ['1:3,1,2', 1000],
        ['1:3,1,2', 8999],
        ['1:3,1,2', 9000],
      ]),
    ).toEqual([false, true, true, false]);
  });

  it('shows a corrected result again, from the correction on', () => {
    expect(
      run([
        [null, 0],
        ['1:3,1,2', 1000],
        ['1:3,2,1', 5000],
        ['1:3,2,1', 12_000],
        ['1:3,2,1', 13_000],
      ]),
    ).toEqual([false, true, true, true, false]);
  });

  it('takes the banner down when the result is withdrawn (undo)', () => {
    expect(
      run([
        [null, 0],
        ['1:3,1,2', 1000],
        [null, 2000],
      ]),
    ).toEqual([false, true, false]);
  });

  it('keeps the same state object while nothing changes', () => {
    const up = nextBanner(nextBanner(null, null, 0, 8), '2:5', 100, 8);
    expect(nextBanner(up, '2:5', 200, 8)).toBe(up);
  });

  it('tells the renderer how long until it must check again', () => {
    const up = nextBanner(nextBanner(null, null, 0, 5), 'final:9', 1000, 5);
    expect(up).toEqual({ shownKey: 'final:9', until: 6000, active: true });
    expect(bannerRemainingMs(up, 2500)).toBe(3500);
    expect(bannerRemainingMs(up, 7000)).toBe(0);
    expect(bannerRemainingMs(nextBanner(up, 'final:9', 7000, 5), 7000)).toBe(0);
  });

  it('comes up for each sprint of a real race and for a correction of the finish', () => {
    const running = [...opening(), ...sprintsAt([[3, 1, 2]])];
    const snapshots: RaceCommand[][] = [
      opening(),
      running,
      [...running, ...finish([4])],
      [...running, ...finish([4]), { type: 'finish/appended', bibs: [5] }],
      [...running, ...finish([5, 4])],
    ];
    const keys = snapshots.map((commands) => board(commands).sprintResult?.key ?? null);
    expect(keys).toEqual([null, '1:3,1,2', 'final:4', 'final:4,5', 'final:5,4']);
    expect(run(keys.map((key, index) => [key, index * 60_000]))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });
});
