// Which overlay elements are on air (issue 18, part 5): the host's choice, the board's clocks.
import { describe, expect, it } from 'vitest';
import type { BoardModel, OverlayModel } from '../../../src/shared/board/model.ts';
import { nextStandingsWindow, overlayOnAir } from '../../../src/shared/board/overlay-on-air.ts';
import type { OverlayVisibility } from '../../../src/shared/protocol/program.ts';
import { board, program } from '../../support/board.ts';
import { finish, lapsTo, opening, sprintsAt } from '../../support/race.ts';

/** A semi at the bell after three sprints: every element has something to show. */
const atTheBell = (): BoardModel =>
  board([
    ...opening({ round: 'semi', count: 12 }),
    ...sprintsAt([
      [1, 2, 3],
      [4, 5, 6],
      [7, 1, 9],
    ]),
    lapsTo(15),
  ]);
const none: OverlayVisibility = {
  lapsToGo: false,
  standings: false,
  sprint: false,
  result: false,
  needs: false,
  breakaway: false,
  gap: false,
};
const all: OverlayVisibility = {
  lapsToGo: true,
  standings: true,
  sprint: true,
  result: true,
  needs: true,
  breakaway: true,
  gap: true,
};
const withOverlay = (model: BoardModel, changes: Partial<OverlayModel>): OverlayModel => ({
  ...model.overlay,
  ...changes,
});
/** On air as a list of names, for short table rows. */
const onAir = (overlay: OverlayModel, bannerActive: boolean, standingsWindow: boolean) =>
  Object.entries(overlayOnAir(overlay, false, { bannerActive, standingsWindow }))
    .filter(([, shown]) => shown)
    .map(([name]) => name);

describe('what the overlay puts on air', () => {
  const model = atTheBell();
  it.each([
    // host cuts in, follows the race, banner up, standings' time runs: on air
    [
      'auto: the standings after a sprint, with its placings',
      { ...none, lapsToGo: true, sprint: true, needs: true },
      true,
      true,
      true,
      ['lapsToGo', 'standings', 'sprint'],
    ],
    [
      'auto: the time runs out, what they need comes up',
      { ...none, lapsToGo: true, sprint: true, needs: true },
      true,
      false,
      false,
      ['lapsToGo', 'needs'],
    ],
    [
      'a manual cut holds (not following): no standings after a sprint',
      { ...none, lapsToGo: true, sprint: true },
      false,
      true,
      true,
      ['lapsToGo', 'sprint'],
    ],
    [
      'standings cut in by hand stay, whatever the clock',
      { ...none, standings: true },
      false,
      false,
      false,
      ['standings'],
    ],
    [
      'one lower third at a time: the result first',
      all,
      true,
      true,
      true,
      ['lapsToGo', 'standings', 'result'],
    ],
    [
      'then a sprint banner while it is up',
      { ...all, result: false },
      true,
      true,
      false,
      ['lapsToGo', 'standings', 'sprint'],
    ],
    [
      'a sprint cut in shows nothing while no banner is up',
      { ...none, sprint: true },
      true,
      false,
      false,
      [],
    ],
  ] as const)('%s', (_, visible, follows, bannerActive, standingsWindow, expected) => {
    expect(onAir(withOverlay(model, { visible, follows }), bannerActive, standingsWindow)).toEqual(
      expected,
    );
  });

  it('an element with nothing to show stays off: no needs before the last laps, no result before points', () => {
    const early = board([...opening({ round: 'semi', count: 12 }), lapsTo(2)]).overlay;
    expect(onAir({ ...early, visible: all, follows: true }, false, true)).toEqual([
      'lapsToGo',
      'standings',
    ]);
  });

  it('nothing without an active race', () => {
    expect(
      overlayOnAir({ ...model.overlay, visible: all }, true, {
        bannerActive: true,
        standingsWindow: true,
      }),
    ).toEqual(none);
  });
});

describe('the standings’ time after a sprint', () => {
  const afterSprint = (sprints: number[][]) =>
    board([...opening({ round: 'semi', count: 12 }), ...sprintsAt(sprints)]).overlay;
  const one = afterSprint([[1, 2, 3]]);
  const two = afterSprint([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const seconds = one.afterSprintSeconds * 1000;

  it('comes up for sprintBannerSeconds when a sprint comes in, then goes', () => {
    const first = nextStandingsWindow(null, one, 0);
    const up = nextStandingsWindow(first, two, 1_000);
    expect(up.active).toBe(true);
    expect(nextStandingsWindow(up, two, 1_000 + seconds - 1).active).toBe(true);
    const down = nextStandingsWindow(up, two, 1_000 + seconds);
    expect(down.active).toBe(false);
    // The same sprint again (another push, a reconnect's resend) does not bring them back.
    expect(nextStandingsWindow(down, two, 1_000 + 2 * seconds).active).toBe(false);
  });

  it('a reconnecting overlay does not replay the last sprint’s standings', () => {
    expect(nextStandingsWindow(null, two, 5_000).active).toBe(false);
  });

  it('a corrected sprint brings them back; the finish takes them down at once', () => {
    const up = nextStandingsWindow(nextStandingsWindow(null, one, 0), two, 0);
    const corrected = board([
      ...opening({ round: 'semi', count: 12 }),
      ...sprintsAt([
        [1, 2, 3],
        [4, 5, 7],
      ]),
    ]).overlay;
    const down = nextStandingsWindow(up, two, seconds + 1);
    expect(nextStandingsWindow(down, corrected, seconds + 2).active).toBe(true);
    const finished = board([
      ...opening({ round: 'semi', count: 12 }),
      ...sprintsAt([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      ...finish([1, 2, 3]),
    ]).overlay;
    expect(finished.standings.key).toBeNull();
    expect(nextStandingsWindow(up, finished, 10).active).toBe(false);
  });

  it('lasts the display settings’ sprintBannerSeconds', () => {
    const long = board(
      [...opening({ round: 'semi', count: 12 }), ...sprintsAt([[1, 2, 3]])],
      program('live', { sprintBannerSeconds: 20 }),
    ).overlay;
    expect(long.afterSprintSeconds).toBe(20);
    const up = nextStandingsWindow({ shownKey: null, until: 0, active: false }, long, 0);
    expect(nextStandingsWindow(up, long, 19_999).active).toBe(true);
    expect(nextStandingsWindow(up, long, 20_000).active).toBe(false);
  });
});
