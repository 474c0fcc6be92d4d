// The breakaway on the venue board and the overlay (issue 21, part 2), in headless Chromium: a
// real host and server, the real boards at the five sizes the layout test checks and the overlay
// at 1080p. The groups and gaps reach them as the host's timing service publishes them: the
// channel's `gaps` value, derived by the real `raceGaps` from crossings of known groups (a
// break of #4 #7 #2 forming after lap 3, its lead 8.0 s, 8.5 s, 9.8 s). Screenshots:
// test-results/board/breakaway-*.png.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardModel } from '../../src/shared/board/model.ts';
import { gapsName } from '../../src/shared/protocol/channel.ts';
import type { GapsView } from '../../src/shared/timing/gaps-view.ts';
import { raceGaps } from '../../src/shared/timing/groups.ts';
import {
  cutTexts,
  overlappingTexts,
  smallNames,
  squeezedNames,
  type Rect,
  type TextBox,
} from '../support/board-layout-check.ts';
import { launchBrowser, openBoard, startBoardHost, type BoardHost } from '../support/browser.ts';

const shots = 'test-results/board';

/**
 * The venue board sizes of the layout test (test/e2e/board-layout.test.ts). One page goes through
 * them all, the one with the finest glyphs first (a board resized past its glyphs reloads).
 */
const boards = {
  '2304x576': { width: 2304, height: 576 },
  '3840x2160': { width: 3840, height: 2160 },
  '1920x1080': { width: 1920, height: 1080 },
  '1280x1024': { width: 1280, height: 1024 },
  '1536x256': { width: 1536, height: 256 },
} as const;
type BoardSize = keyof typeof boards;

/** What the pages report (src/renderer/board/inspect.ts, the scenes' probes). */
interface StripProbe {
  shown: boolean;
  text: string;
  lines: number;
  scale: number;
  box: Rect | null;
}
interface LowerThirdProbe {
  shown: boolean;
  kind: string | null;
  heading: string;
  note: string;
  lines: { key: number; text: string }[];
}
interface Drawn {
  view: {
    breakaway?: StripProbe | LowerThirdProbe;
    gap?: { shown: boolean; text: string; box: Rect };
    bug?: { shown: boolean; text: string; box: Rect };
    elements?: Record<string, boolean>;
    gapColumn?: boolean;
    columnHeaders?: { text: string }[];
    rows: { key: number; shown: boolean; drawn: { gap: string; name: string } }[];
  };
  gaps: {
    raceId: string;
    strip: { text: string } | null;
    gaps: Record<string, string> | null;
  } | null;
  model: BoardModel;
  boxes: TextBox[];
  layout: { aspect: string; scale: number; safe: Rect };
}
type Global = {
  __board?: {
    probe(): Drawn['view'];
    gaps: Drawn['gaps'];
    model: BoardModel;
    layout: Drawn['layout'];
    idle: boolean;
    textBoxes(): TextBox[];
    flagsSettled(): Promise<void>;
  };
};

let browser: Browser;
let fixture: BoardHost;
let board: Page;
let overlay: Page;

/** The break: these three away from lap 4, the other nine together behind them. */
const away = [4, 7, 2];
const chase = [1, 3, 5, 6, 8, 9, 10, 11, 12];
const lapMs = 30_000;

/**
 * The groups and gaps as the timing service derives them (src/shared/timing/groups.ts) from
 * crossings where everyone is together to lap 3 and then the break leads by `leads[lap]`
 * seconds; published on the host's channel as the service publishes them.
 */
let seq = 0;
function publishGaps(
  laps: number,
  leads: Record<number, number>,
  raceId = fixture.raceId,
): GapsView {
  const state = fixture.host.race()!.state;
  const crossing = (bib: number, lap: number) => {
    const lead = lap >= 4 ? (leads[lap] ?? 0) : 0;
    const inBreak = lap >= 4 && away.includes(bib);
    const order = inBreak
      ? away.indexOf(bib)
      : lap >= 4
        ? chase.indexOf(bib)
        : [...away, ...chase].indexOf(bib);
    return { decoderMs: lap * lapMs + (inBreak ? 0 : lead * 1000) + order * 300, inferred: false };
  };
  const gaps = raceGaps({
    state,
    startMs: 0,
    skaters: [...away, ...chase].map((bib) => ({
      bib,
      laps: Array.from({ length: laps }, (_, k) => crossing(bib, k + 1)),
    })),
    thresholdMs: 1000,
  });
  seq += 1;
  const view: GapsView = { ...gaps, raceId, seq };
  fixture.host.channel.publish(gapsName, 'doc', seq, view);
  return view;
}

/** Waits until a page draws the strip `strip` (null: none) and has settled; what it draws. */
async function drawnGaps(page: Page, strip: string | null): Promise<Drawn> {
  await page.waitForFunction(
    (wanted) => {
      const board = (globalThis as unknown as Global).__board!;
      return (board.gaps?.strip?.text ?? null) === wanted && board.idle;
    },
    strip,
    { timeout: 10_000, polling: 50 },
  );
  await page.evaluate(() => (globalThis as unknown as Global).__board!.flagsSettled());
  return page.evaluate(() => {
    const board = (globalThis as unknown as Global).__board!;
    return JSON.parse(
      JSON.stringify({
        view: board.probe(),
        gaps: board.gaps,
        model: board.model,
        boxes: board.textBoxes(),
        layout: board.layout,
      }),
    ) as Drawn;
  });
}

/** The layout checks of issue 18, part 6, on what a page draws now. */
function layoutProblems(drawn: Drawn, size: { width: number; height: number }, least: number) {
  const { safe, scale } = drawn.layout;
  const names = new Set(drawn.model.rows.flatMap((row) => [row.name, ...row.names]));
  return [
    ...overlappingTexts(drawn.boxes),
    ...cutTexts(
      drawn.boxes,
      { x: 0, y: 0, ...size },
      {
        x: safe.x * scale,
        y: safe.y * scale,
        width: safe.width * scale,
        height: safe.height * scale,
      },
    ),
    ...smallNames(drawn.boxes, names, least * size.height),
    ...squeezedNames(drawn.boxes, names),
  ].map((problem) => `${problem.check}: ${problem.text} ${problem.detail}`);
}

/** Waits until the overlay has the breakaway lower third on air, or off it. */
async function lowerThird(onAir: boolean): Promise<void> {
  await overlay.waitForFunction(
    (wanted) => (globalThis as unknown as Global).__board!.probe().elements?.breakaway === wanted,
    onAir,
    { timeout: 10_000, polling: 50 },
  );
}

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  [browser, fixture] = await Promise.all([
    launchBrowser(),
    startBoardHost({ skaters: 12, round: 'semi' }),
  ]);
  // The lower third's time is the meeting's sprintBannerSeconds: 8 s by default.
  expect(fixture.host.program().display.sprintBannerSeconds).toBe(8);
  await fixture.race(
    { type: 'race/started' },
    { type: 'laps/corrected', lapsCompleted: 4 },
    { type: 'sprint/placed', sprint: 1, bibs: [4, 7, 2] },
  );
  [board, overlay] = await Promise.all([
    openBoard(browser, fixture.url(), boards['2304x576']),
    openBoard(browser, fixture.url({ output: 'overlay' })),
  ]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

describe('the breakaway from the loop on the board and the overlay', () => {
  it('draws nothing of it without timing', async () => {
    const drawn = await drawnGaps(board, null);
    expect(drawn.gaps).toBeNull();
    expect(drawn.view.breakaway).toMatchObject({ shown: false, text: '' });
    expect(drawn.view.gapColumn).toBe(false);
    const onAir = await drawnGaps(overlay, null);
    expect(onAir.view.elements).toMatchObject({ breakaway: false, gap: false });
  });

  it('shows the strip, the gap bug and the lower third when a break forms; the layout holds at every size', async () => {
    publishGaps(3, {});
    for (const page of [board, overlay]) await drawnGaps(page, null);
    const view = publishGaps(4, { 4: 8 });
    expect(view.breakaway).toMatchObject({ helmets: away, leadSeconds: 8, changeSeconds: null });
    const text = 'BREAKAWAY · #4 #7 #2 · +8.0 s';

    // The overlay, following the race: the lower third comes up by itself, the gap bug beside
    // the laps bug.
    await lowerThird(true);
    const onAir = await drawnGaps(overlay, text);
    expect(onAir.view.elements).toMatchObject({ lapsToGo: true, breakaway: true, gap: true });
    expect(onAir.view.gap).toMatchObject({ shown: true, text: 'BREAKAWAY +8.0 s' });
    expect(onAir.view.breakaway).toMatchObject({
      shown: true,
      kind: 'breakaway',
      heading: 'BREAKAWAY',
      note: '+8.0 s',
    });
    expect((onAir.view.breakaway as LowerThirdProbe).lines.map((line) => line.key)).toEqual(away);
    // Beside the laps bug, on its line, not over it.
    const bug = onAir.view.bug!.box;
    expect(onAir.view.gap!.box.x).toBeGreaterThanOrEqual(bug.x + bug.width);
    expect(onAir.view.gap!.box.y).toBe(bug.y);
    expect(layoutProblems(onAir, { width: 1920, height: 1080 }, 0.018)).toEqual([]);
    await overlay.screenshot({ path: `${shots}/breakaway-overlay.png` });

    // The venue board at every size: the strip, and the standings whole.
    const problems: string[] = [];
    const gapColumns: string[] = [];
    for (const [name, size] of Object.entries(boards) as [
      BoardSize,
      (typeof boards)[BoardSize],
    ][]) {
      await board.setViewportSize(size);
      // Laid out for the new size: 1080 virtual lines on screens, 256 on ribbons.
      const scale = size.height / (size.width / size.height >= 3 ? 256 : 1080);
      await board.waitForFunction(
        (wanted) => (globalThis as unknown as Global).__board?.layout.scale === wanted,
        scale,
      );
      const drawn = await drawnGaps(board, text);
      expect(drawn.view.breakaway, name).toMatchObject({ shown: true, text });
      const least = drawn.layout.aspect === 'ribbon' ? 0.08 : 0.05;
      problems.push(...layoutProblems(drawn, size, least).map((p) => `${name} ${p}`));
      if (drawn.view.gapColumn) gapColumns.push(name);
      await board.screenshot({ path: `${shots}/breakaway-${name}.png` });
    }
    expect(problems).toEqual([]);
    // Where the gap column fits this field's names: the wide screens (not on 4:3, where
    // "GÉLINAS-BEAULIEU" would have to shrink, nor on a ribbon's cards).
    expect(gapColumns).toEqual(['3840x2160', '1920x1080']);
  }, 60_000);

  it('puts the lower third up again only after the lead moved by more than a second', async () => {
    await lowerThird(false);
    publishGaps(5, { 4: 8, 5: 8.5 });
    let onAir = await drawnGaps(overlay, 'BREAKAWAY · #4 #7 #2 · +8.5 s · ↑ +0.5 s');
    expect(onAir.view.elements).toMatchObject({ breakaway: false, gap: true });
    expect(onAir.view.gap).toMatchObject({ shown: true, text: 'BREAKAWAY +8.5 s ↑' });
    publishGaps(6, { 4: 8, 5: 8.5, 6: 9.8 });
    onAir = await drawnGaps(overlay, 'BREAKAWAY · #4 #7 #2 · +9.8 s · ↑ +1.3 s');
    expect(onAir.view.elements).toMatchObject({ breakaway: true });
    expect(onAir.view.breakaway).toMatchObject({ note: '+9.8 s · ↑ +1.3 s' });
  });

  it("shows each skater's gap in the standings where the column fits", async () => {
    await board.setViewportSize(boards['1920x1080']);
    const drawn = await drawnGaps(board, 'BREAKAWAY · #4 #7 #2 · +9.8 s · ↑ +1.3 s');
    expect(drawn.view.gapColumn).toBe(true);
    expect(drawn.view.columnHeaders!.map((header) => header.text)).toContain('GAP');
    const gaps = Object.fromEntries(drawn.view.rows.map((row) => [row.key, row.drawn.gap]));
    // The leader none; the break 0.3 s apart; the chase 9.8 s behind, 0.3 s apart.
    expect(gaps).toMatchObject({ 4: '', 7: '+0.3', 2: '+0.6', 1: '+9.8', 3: '+10.1', 12: '+12.2' });
    await board.screenshot({ path: `${shots}/breakaway-gaps-1920x1080.png` });
  });

  it('cuts the gap bug and the lower third by hand', async () => {
    // Out by hand while its time after the change still runs; then in, for as long as the break
    // lasts.
    await fixture.program({ type: 'overlay/toggled', element: 'breakaway', visible: false });
    await lowerThird(false);
    await fixture.program({ type: 'overlay/toggled', element: 'gap', visible: false });
    await fixture.program({ type: 'overlay/toggled', element: 'breakaway', visible: true });
    await lowerThird(true);
    const onAir = await drawnGaps(overlay, 'BREAKAWAY · #4 #7 #2 · +9.8 s · ↑ +1.3 s');
    expect(onAir.view.elements).toMatchObject({ lapsToGo: true, breakaway: true, gap: false });
    expect(fixture.host.program().scenes.held.overlay).toBe(true);
  });

  it("draws nothing of another race's gaps", async () => {
    publishGaps(6, { 4: 8, 5: 8.5, 6: 9.8 }, 'another-race');
    const drawn = await drawnGaps(board, null);
    expect(drawn.gaps).toBeNull();
    expect(drawn.view.breakaway).toMatchObject({ shown: false });
    expect(drawn.view.gapColumn).toBe(false);
    await lowerThird(false);
  });
});
