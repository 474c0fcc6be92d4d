// The breakaway as the board and the overlay draw it (issue 21, part 2): the strings from the
// loop's groups and gaps (src/renderer/board/gaps/present-gaps.ts), when the overlay puts its
// lower third up (gaps/breakaway-clock.ts) and what it puts on air (overlay-on-air.ts). The gaps
// are the real `raceGaps` of crossings with known groups; nothing here is hand-written.
import { describe, expect, it } from 'vitest';
import { boardLabelKeys, boardLabelTables } from '../../../src/shared/board/labels.ts';
import { overlayOnAir } from '../../../src/shared/board/overlay-on-air.ts';
import { defaultDisplaySettings } from '../../../src/shared/protocol/program.ts';
import type { OverlayVisibility } from '../../../src/shared/protocol/program.ts';
import { gapsOf, type GapsView } from '../../../src/shared/timing/gaps-view.ts';
import { raceGaps } from '../../../src/shared/timing/groups.ts';
import {
  breakawayRemainingMs,
  isNews,
  nextBreakawayWindow,
  type BreakawayClockState,
} from '../../../src/renderer/board/gaps/breakaway-clock.ts';
import { gapFigure, presentGaps, trendOf } from '../../../src/renderer/board/gaps/present-gaps.ts';
import { presentBoard } from '../../../src/shared/board/presenter.ts';
import type { BoardModel } from '../../../src/shared/board/model.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { raceView } from '../../../src/shared/race/view.ts';
import { defaultTimingSettings } from '../../../src/shared/timing/settings.ts';
import { lapsTo, opening, race, sprintsAt } from '../../support/race.ts';

/** The board of a race built from commands, live, the overlay following it (auto mode). */
function board(raceCommands: RaceCommand[]): BoardModel {
  const program = {
    meeting: 'Milano Cortina 2026',
    revision: 0,
    races: [],
    activeRaceId: 'race-1',
    scenes: {
      board: 'live' as const,
      overlay: {
        lapsToGo: true,
        standings: false,
        sprint: true,
        result: false,
        needs: true,
        breakaway: false,
        gap: true,
      },
      auto: { board: true, overlay: true },
      held: { board: false, overlay: false },
    },
    display: defaultDisplaySettings,
    timing: defaultTimingSettings,
    publicFeed: false,
    venue: '',
    meetingDate: null,
    timeZone: null,
    epoch: 1,
  };
  const state = race(raceCommands).state;
  return presentBoard(
    { type: 'state', revision: 1, program, race: raceView('race-1', 1, state) },
    { bannerActive: false },
  );
}

const commands = [...opening({ round: 'semi', count: 12 }), lapsTo(6)];
const state = race(commands).state;
const model = board(commands);
const away = [4, 7, 2];
const chase = [1, 3, 5, 6, 8, 9, 10, 11, 12];

/**
 * The groups after `laps` laps of 30 s: everyone together (0.3 s apart) to lap 3, then the
 * break leads the chase by `leads[lap]` seconds. As the host derives and publishes them.
 */
function gaps(laps: number, leads: Record<number, number>, raceId = 'race-1'): GapsView {
  const crossing = (bib: number, lap: number) => {
    const broken = lap >= 4;
    const inBreak = broken && away.includes(bib);
    const order = inBreak
      ? away.indexOf(bib)
      : broken
        ? chase.indexOf(bib)
        : [...away, ...chase].indexOf(bib);
    const behind = broken && !inBreak ? (leads[lap] ?? 0) * 1000 : 0;
    return { decoderMs: lap * 30_000 + behind + order * 300, inferred: false };
  };
  const derived = raceGaps({
    state,
    startMs: 0,
    skaters: [...away, ...chase].map((bib) => ({
      bib,
      laps: Array.from({ length: laps }, (_, k) => crossing(bib, k + 1)),
    })),
    thresholdMs: 1000,
  });
  return { ...derived, raceId, seq: laps };
}

const english = defaultDisplaySettings;

describe('what the board draws of the groups and gaps', () => {
  it('draws nothing without timing, or of another race (gapsOf)', () => {
    expect(presentGaps(null, model, english)).toBeNull();
    expect(presentGaps(gapsOf(gaps(4, { 4: 8 }, 'race-2'), 'race-1'), model, english)).toBeNull();
  });

  it('has no strip, lower third or bug while the field is together, but the gap column', () => {
    const drawn = presentGaps(gaps(3, {}), model, english)!;
    expect(drawn).toMatchObject({ strip: null, lowerThird: null, bug: null, breakaway: null });
    expect(drawn.column).toBe('GAP');
    expect(drawn.gaps).toMatchObject({ 4: '', 7: '+0.3', 2: '+0.6', 1: '+0.9', 12: '+3.3' });
  });

  it('tells a break: the strip, the lower third with its skaters, the bug', () => {
    const drawn = presentGaps(gaps(4, { 4: 8 }), model, english)!;
    expect(drawn.strip).toEqual({
      text: 'BREAKAWAY · #4 #7 #2 · +8.0 s',
      label: 'BREAKAWAY',
      helmets: ['4', '7', '2'],
      lead: '+8.0 s',
      trend: '',
      direction: null,
    });
    expect(drawn.breakaway).toEqual({ helmets: away, leadSeconds: 8 });
    expect(drawn.lowerThird).toMatchObject({
      kind: 'breakaway',
      title: 'BREAKAWAY',
      note: '+8.0 s',
    });
    expect(drawn.lowerThird!.lines.map((line) => [line.key, line.value, line.place])).toEqual([
      [4, '#4', ''],
      [7, '#7', ''],
      [2, '#2', ''],
    ]);
    expect(drawn.bug).toEqual({
      text: 'BREAKAWAY +8.0 s',
      label: 'BREAKAWAY',
      figure: '+8.0 s',
      arrow: '',
    });
    expect(drawn.gaps).toMatchObject({ 4: '', 2: '+0.6', 1: '+8.0', 3: '+8.3' });
  });

  it.each([
    [{ 4: 8, 5: 9.2 }, '↑ +1.2 s', 'gaining', '↑'],
    [{ 4: 8, 5: 7.2 }, '↓ −0.8 s', 'losing', '↓'],
    [{ 4: 8, 5: 8 }, '±0.0 s', 'holding', ''],
  ])('says whether the break gains over the lap: %j gives %s', (leads, trend, direction, arrow) => {
    const drawn = presentGaps(gaps(5, leads), model, english)!;
    expect(drawn.strip).toMatchObject({ trend, direction });
    expect(drawn.strip!.text.endsWith(` · ${trend}`)).toBe(true);
    expect(drawn.lowerThird!.note).toBe(`${drawn.strip!.lead} · ${trend}`);
    expect(drawn.bug!.arrow).toBe(arrow);
  });

  it.each([
    ['en', 'BREAKAWAY', 'GAP'],
    ['nl', 'ONTSNAPPING', 'VERSCHIL'],
    ['de', 'AUSREISSER', 'ABSTAND'],
    ['it', 'FUGA', 'DISTACCO'],
  ] as const)('speaks the board language %s', (language, label, column) => {
    const drawn = presentGaps(gaps(4, { 4: 8 }), model, { language, labels: {} })!;
    expect(drawn.strip!.text).toBe(`${label} · #4 #7 #2 · +8.0 s`);
    expect(drawn.column).toBe(column);
    expect(drawn.lowerThird!.title).toBe(label);
  });

  it("takes the meeting's own words", () => {
    const drawn = presentGaps(gaps(4, { 4: 8 }), model, {
      language: 'it',
      labels: { breakaway: 'IN FUGA', 'column.gap': 'DIST.' },
    })!;
    expect(drawn.strip!.label).toBe('IN FUGA');
    expect(drawn.column).toBe('DIST.');
  });

  it('has every new word in every language, drawable by the shipped font', () => {
    for (const key of ['breakaway', 'column.gap'] as const) {
      expect(boardLabelKeys).toContain(key);
      for (const table of Object.values(boardLabelTables)) expect(table[key]).toMatch(/^[A-Z.]+$/);
    }
  });

  it.each([
    [0.04, '+0.0'],
    [12.94, '+12.9'],
    [12.95, '+13.0'],
    [59.96, '+1:00.0'],
    [62.34, '+1:02.3'],
  ])('writes a gap of %f s as %s', (seconds, text) => {
    expect(gapFigure(seconds)).toBe(text);
  });

  it('rounds a change the same way up and down', () => {
    expect(trendOf(0.85).text).toBe('↑ +0.9 s');
    expect(trendOf(-0.85).text).toBe('↓ −0.9 s');
    expect(trendOf(-0.04)).toEqual({ text: '±0.0 s', direction: 'holding' });
    expect(trendOf(null)).toEqual({ text: '', direction: null });
  });
});

describe("the overlay's breakaway lower third, put up by the board", () => {
  const seconds = 8;
  const breakAt = (leadSeconds: number, helmets = away) => ({ helmets, leadSeconds });
  /** Runs the clock over (time, break) steps; says at each whether the lower third's time runs. */
  const run = (steps: [number, ReturnType<typeof breakAt> | null][]): boolean[] => {
    let clock: BreakawayClockState | null = null;
    return steps.map(([ms, now]) => {
      clock = nextBreakawayWindow(clock, now, ms, seconds);
      return clock.active;
    });
  };

  it('comes up when a break forms, for the lower-third time, and not again for small moves', () => {
    expect(
      run([
        [0, null], // the first groups the overlay gets: together
        [1_000, breakAt(8)], // the break forms
        [8_999, breakAt(8.5)],
        [9_000, breakAt(8.9)], // its time is up; 0.9 s is no news
        [30_000, breakAt(9)], // 1.0 s since shown: not more than a second
        [60_000, breakAt(9.01)], // more than a second: up again
        [68_009, breakAt(9.01)],
      ]),
    ).toEqual([false, true, true, false, false, true, false]);
  });

  it('does not replay a break already away when the overlay comes on (a reconnect)', () => {
    expect(
      run([
        [0, breakAt(8)],
        [1_000, breakAt(8.5)],
        [2_000, breakAt(9.5)],
      ]),
    ).toEqual([false, false, true]);
  });

  it('comes up for another break, not for the same one going again', () => {
    const other = [1, 3];
    expect(
      run([
        [0, null],
        [1_000, breakAt(8)],
        [20_000, null], // caught
        [40_000, breakAt(8.4)], // the same skaters away again at about the same lead
        [60_000, breakAt(3, other)], // others went
      ]),
    ).toEqual([false, true, false, false, true]);
    expect(isNews(breakAt(8), breakAt(8, [2, 9]))).toBe(false); // #2 still in it
  });

  it('says when its time is up', () => {
    const up = nextBreakawayWindow(
      nextBreakawayWindow(null, null, 0, seconds),
      breakAt(8),
      500,
      seconds,
    );
    expect(breakawayRemainingMs(up, 2_500)).toBe(6_000);
    expect(breakawayRemainingMs(nextBreakawayWindow(up, breakAt(8), 9_000, seconds), 9_000)).toBe(
      0,
    );
  });
});

describe('what the overlay puts on air of the breakaway (overlay-on-air.ts)', () => {
  const none: OverlayVisibility = {
    lapsToGo: false,
    standings: false,
    sprint: false,
    result: false,
    needs: false,
    breakaway: false,
    gap: false,
  };
  const onAir = (
    visible: Partial<OverlayVisibility>,
    follows: boolean,
    breakaway: { now: boolean; window: boolean } | undefined,
    bannerActive = false,
  ) =>
    Object.entries(
      overlayOnAir({ ...model.overlay, visible: { ...none, ...visible }, follows }, false, {
        bannerActive,
        standingsWindow: false,
        breakaway,
      }),
    )
      .filter(([, shown]) => shown)
      .map(([name]) => name);
  const live = { lapsToGo: true, sprint: true, needs: true, gap: true };

  it.each([
    ['no timing: nothing of it', live, true, undefined, ['lapsToGo']],
    ['timing, no break: nothing of it', live, true, { now: false, window: false }, ['lapsToGo']],
    [
      'auto, a break formed: the lower third and the gap bug',
      live,
      true,
      { now: true, window: true },
      ['lapsToGo', 'breakaway', 'gap'],
    ],
    [
      'auto, its time is up: the gap bug stays',
      live,
      true,
      { now: true, window: false },
      ['lapsToGo', 'gap'],
    ],
    [
      'held by a manual cut: no lower third by itself',
      live,
      false,
      { now: true, window: true },
      ['lapsToGo', 'gap'],
    ],
    [
      'cut in by hand: on air while the break lasts',
      { ...live, breakaway: true },
      false,
      { now: true, window: false },
      ['lapsToGo', 'breakaway', 'gap'],
    ],
    [
      'the gap bug cut out by hand',
      { ...live, gap: false },
      false,
      { now: true, window: false },
      ['lapsToGo'],
    ],
  ] as const)('%s', (_, visible, follows, breakaway, shown) => {
    expect(onAir(visible, follows, breakaway)).toEqual(shown);
  });

  it("gives way to a sprint's placings: one lower third at a time", () => {
    const sprinted = board([...opening({ round: 'semi', count: 12 }), ...sprintsAt([[4, 7, 2]])]);
    const shown = Object.entries(
      overlayOnAir({ ...sprinted.overlay, visible: { ...none, ...live }, follows: true }, false, {
        bannerActive: true,
        standingsWindow: false,
        breakaway: { now: true, window: true },
      }),
    )
      .filter(([, on]) => on)
      .map(([name]) => name);
    expect(shown).toEqual(['lapsToGo', 'sprint', 'gap']);
  });
});
