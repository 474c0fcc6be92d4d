// The broadcast overlay as broadcast graphics (issue 18, part 5), in headless Chromium at
// 1920x1080 over a checkerboard (a stand-in for the programme), driven by a real host in auto
// mode as OBS would show it: a one-line laps bug; the standings with their title strip after
// each sprint, taken out again after `sprintBannerSeconds`; opaque panels; lower thirds that
// say the outcome (who goes to the final, the podium with medals and times, what they need in
// the last laps); German and Italian labels and a meeting's own word. Screenshots:
// test-results/board/overlay-*.png.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardModel } from '../../src/shared/board/model.ts';
import type { OverlayElement } from '../../src/shared/protocol/program.ts';
import {
  cutTexts,
  overlappingTexts,
  smallNames,
  squeezedNames,
  type Rect,
  type TextBox,
} from '../support/board-layout-check.ts';
import {
  demoSkaters,
  launchBrowser,
  openBoard,
  settled,
  startBoardHost,
  type BoardHost,
} from '../support/browser.ts';

const shots = 'test-results/board';
const size = { width: 1920, height: 1080 };

/** A line of a panel or lower third as the overlay reports it (widgets/overlay-line.ts). */
interface LineProbe {
  key: number;
  text: string;
  name: string;
  medal: 'gold' | 'silver' | 'bronze' | null;
  badge: string;
  note: string;
}
interface LowerThirdProbe {
  shown: boolean;
  kind: string | null;
  heading: string;
  note: string;
  lines: LineProbe[];
  columns: number;
  box: Rect;
}
/** What the overlay scene reports (src/renderer/board/scenes/overlay-scene.ts). */
interface OverlayView {
  elements: Record<OverlayElement, boolean>;
  bug: { shown: boolean; text: string; state: string; box: Rect };
  standings: { shown: boolean; title: string; lines: LineProbe[]; box: Rect };
  banner: LowerThirdProbe;
  result: LowerThirdProbe;
  needs: LowerThirdProbe;
  bounds: Record<OverlayElement, Rect | null>;
}
interface Overlay {
  view: OverlayView;
  model: BoardModel;
  boxes: TextBox[];
  safe: Rect;
}
type OverlayGlobal = {
  __board?: {
    probe(): OverlayView;
    model: BoardModel;
    layout: { safe: Rect; scale: number };
    textBoxes(): TextBox[];
  };
};

let browser: Browser;
let fixture: BoardHost;
let overlay: Page;

/** The page behind the canvas: a checkerboard in one of two phases (the canvas stays transparent). */
const checkerboard = (phase: 0 | 1) => `
  html[data-output='overlay'] {
    background: repeating-conic-gradient(#1d1d1d 0 25%, #f2f2f2 0 50%)
      ${phase * 40}px 0 / 80px 80px !important;
  }`;

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  [browser, fixture] = await Promise.all([
    launchBrowser(),
    startBoardHost({ skaters: 12, round: 'semi' }),
  ]);
  // The overlay follows the race (auto mode, the default); the sprint graphics stay 4 s (the
  // default is 8).
  expect(fixture.host.program().scenes.auto.overlay).toBe(true);
  await fixture.program({ type: 'display/configured', sprintBannerSeconds: 4 });
  overlay = await openBoard(browser, fixture.url({ output: 'overlay' }), size);
  await overlay.addStyleTag({ content: checkerboard(0) });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

/** Waits until the overlay drew the host's revision and settled; what it shows. */
async function shown(revision = fixture.host.revision): Promise<Overlay> {
  await settled(overlay, revision);
  return read();
}

function read(): Promise<Overlay> {
  return overlay.evaluate(() => {
    const board = (globalThis as unknown as OverlayGlobal).__board!;
    const { safe, scale } = board.layout;
    return JSON.parse(
      JSON.stringify({
        view: board.probe(),
        model: board.model,
        boxes: board.textBoxes(),
        safe: {
          x: safe.x * scale,
          y: safe.y * scale,
          width: safe.width * scale,
          height: safe.height * scale,
        },
      }),
    ) as Overlay;
  });
}

/** Waits (polling the page) until an element is on air or off it; returns when it happened. */
async function until(element: OverlayElement, onAir: boolean, timeout = 8_000): Promise<number> {
  await overlay.waitForFunction(
    ([name, wanted]) =>
      (globalThis as unknown as OverlayGlobal).__board!.probe().elements[name] === wanted,
    [element, onAir] as const,
    { timeout, polling: 50 },
  );
  return Date.now();
}

const shoot = (name: string) => overlay.screenshot({ path: `${shots}/overlay-${name}.png` });

/** The layout checks of issue 18, part 6, on what the overlay draws now. */
function layoutProblems({ boxes, safe, model }: Overlay): string[] {
  const names = new Set(
    model.rows.flatMap((row) => [row.name, ...row.names]).filter((name) => name !== ''),
  );
  return [
    ...overlappingTexts(boxes),
    ...cutTexts(boxes, { x: 0, y: 0, ...size }, safe),
    // Names on the overlay: at least 1.8 % of the height in cap height (as board-layout.test.ts).
    ...smallNames(boxes, names, 0.018 * size.height),
    ...squeezedNames(boxes, names),
  ].map((problem) => `${problem.check}: ${problem.text} ${problem.detail}`);
}

/** A screenshot's pixels (RGBA), with the page's checkerboard or transparent. */
async function pixels(omitBackground = false) {
  const png = PNG.sync.read(await overlay.screenshot({ omitBackground }));
  return (x: number, y: number) => {
    const i = (png.width * Math.round(y) + Math.round(x)) * 4;
    return [...png.data.subarray(i, i + 4)];
  };
}

/** Points on a grid over a box, kept a little inside its edges (rounded corners). */
function grid(box: Rect, step = 9): [number, number][] {
  const points: [number, number][] = [];
  for (let x = box.x + 10; x < box.x + box.width - 10; x += step)
    for (let y = box.y + 10; y < box.y + box.height - 10; y += step) points.push([x, y]);
  return points;
}

/**
 * Panels are opaque: over two checkerboards in opposite phases every pixel under each box is the
 * same (nothing of the picture shows through), and on a transparent page its alpha is 1.
 */
async function expectOpaque(boxes: Rect[]): Promise<void> {
  const first = await pixels();
  await overlay.addStyleTag({ content: checkerboard(1) });
  const second = await pixels();
  const alpha = await pixels(true);
  await overlay.addStyleTag({ content: checkerboard(0) });
  for (const box of boxes) {
    const points = grid(box);
    expect(points.length).toBeGreaterThan(20);
    const seeThrough = points.filter(
      ([x, y]) => first(x, y).join() !== second(x, y).join() || alpha(x, y)[3] !== 255,
    );
    expect(seeThrough, JSON.stringify(box)).toEqual([]);
  }
  // The instrument can fail: outside the panels the two checkerboards differ.
  const outside = grid({ x: 900, y: 400, width: 200, height: 100 });
  expect(outside.some(([x, y]) => first(x, y).join() !== second(x, y).join())).toBe(true);
}

/** The bug's texts all on one line: their ink boxes share a band as high as the smallest. */
function expectOneLine({ boxes, view, model }: Overlay): void {
  const bug = boxes.filter((box) => box.widget.includes('/bug/'));
  expect(bug.length).toBeGreaterThanOrEqual(1);
  const top = Math.max(...bug.map((box) => box.output.y));
  const bottom = Math.min(...bug.map((box) => box.output.y + box.output.height));
  expect(bottom - top).toBeGreaterThan(0.6 * Math.min(...bug.map((box) => box.output.height)));
  // A compact bug: one plate row, at most 6 % of the picture's height, with readable type.
  expect(view.bug.box.height).toBeLessThanOrEqual(0.06 * size.height);
  expect(Math.min(...bug.map((box) => box.capHeight))).toBeGreaterThanOrEqual(18);
  // What it says is the model's line: the plates stand where the first " · " is written.
  expect(bug.map((box) => box.text).join(' ')).toBe(model.overlay.bug.text.replace(' · ', ' '));
}

const onAir = (view: OverlayView) =>
  (Object.keys(view.elements) as OverlayElement[]).filter((name) => view.elements[name]);

describe('the overlay in auto mode: a clean picture, graphics when they tell something', () => {
  it('before the gun: only the one-line laps bug, on an opaque plate, inside the safe area', async () => {
    const state = await shown();
    expect(onAir(state.view)).toEqual(['lapsToGo']);
    expect(state.view.bug.text).toBe('16 LAPS TO GO');
    expectOneLine(state);
    expect(layoutProblems(state)).toEqual([]);
    await expectOpaque([state.view.bug.box]);
    await shoot('before-start');
  });

  it('the sprint lap: "13 LAPS TO GO · SPRINT 1 · 3-2-1" on one line, still nothing else', async () => {
    const state = await shown(
      await fixture.race({ type: 'race/started' }, { type: 'laps/corrected', lapsCompleted: 3 }),
    );
    expect(state.view.bug.text).toBe('13 LAPS TO GO · SPRINT 1 · 3-2-1');
    expectOneLine(state);
    // Auto no longer keeps the standings on air while racing.
    expect(fixture.host.program().scenes.overlay.standings).toBe(false);
    expect(onAir(state.view)).toEqual(['lapsToGo']);
    // The picture stays clean: the bug covers under 1.5 % of the frame (the standings were 11 %).
    const { width, height } = state.view.bug.box;
    expect((width * height) / (size.width * size.height)).toBeLessThan(0.015);
    await shoot('sprint-lap');
  });

  it('after a sprint: the standings with "STANDINGS AFTER SPRINT 1" and the placings, out after sprintBannerSeconds', async () => {
    await fixture.race({ type: 'laps/corrected', lapsCompleted: 4 });
    const placed = await fixture.race({ type: 'sprint/placed', sprint: 1, bibs: [7, 4, 2] });
    const cutIn = Date.now();
    const state = await shown(placed);
    expect(onAir(state.view)).toEqual(['lapsToGo', 'standings', 'sprint']);
    expect(state.view.standings.title).toBe('STANDINGS AFTER SPRINT 1');
    expect(state.view.standings.lines.map((line) => line.text)).toEqual([
      '1 Jorrit Bergsma 3',
      '2 Jordan Stolz 2',
      '3 Shomu Sasaki 1',
    ]);
    expect(state.view.banner).toMatchObject({ shown: true, kind: 'sprint', heading: 'SPRINT 1' });
    expect(state.view.banner.lines.map((line) => line.text)).toEqual([
      '1 Jorrit Bergsma 3 PTS',
      '2 Jordan Stolz 2 PTS',
      '3 Shomu Sasaki 1 PTS',
    ]);
    expect(layoutProblems(state)).toEqual([]);
    await shoot('after-sprint');
    await expectOpaque([state.view.standings.box, state.view.banner.box, state.view.bug.box]);

    // Taken out by the overlay itself after the 4 s (not the default 8); the bug stays.
    const out = await until('standings', false, 10_000);
    expect(out - cutIn).toBeGreaterThan(3_500);
    expect(out - cutIn).toBeLessThan(7_500);
    const after = await shown();
    expect(onAir(after.view)).toEqual(['lapsToGo']);
    await shoot('after-sprint-out');
  });

  it('a reconnecting overlay (OBS reloading the source) does not replay the standings', async () => {
    await overlay.reload();
    await overlay.waitForFunction(
      () => ((globalThis as unknown as OverlayGlobal).__board as { ready?: boolean })?.ready,
    );
    await overlay.addStyleTag({ content: checkerboard(0) });
    const state = await shown();
    expect(onAir(state.view)).toEqual(['lapsToGo']);
  });

  it('standings cut in by hand stay on air, whatever the clock; auto back on takes them out', async () => {
    const revision = await fixture.program({
      type: 'overlay/toggled',
      element: 'standings',
      visible: true,
    });
    expect(fixture.host.program().scenes.held.overlay).toBe(true);
    await shown(revision);
    await overlay.waitForTimeout(4_500);
    let state = await read();
    expect(state.view.elements.standings).toBe(true);
    expect(state.view.standings.title).toBe('STANDINGS AFTER SPRINT 1');
    state = await shown(
      await fixture.program({ type: 'output/auto', output: 'overlay', auto: true }),
    );
    expect(state.view.elements.standings).toBe(false);
  });

  it('in the last laps of a semi: WHAT THEY NEED around the qualification line', async () => {
    await fixture.race(
      { type: 'laps/corrected', lapsCompleted: 8 },
      { type: 'sprint/placed', sprint: 2, bibs: [1, 8, 9] },
      { type: 'laps/corrected', lapsCompleted: 12 },
      { type: 'sprint/placed', sprint: 3, bibs: [10, 11, 3] },
    );
    // The sprint's placings first (one lower third at a time), then what they need.
    await until('needs', true);
    await until('standings', false);
    let state = await shown(await fixture.race({ type: 'laps/corrected', lapsCompleted: 15 }));
    expect(state.view.bug).toMatchObject({
      text: 'LAST LAP · FINAL SPRINT · 60-40-20-10-6-3',
      state: 'bell',
    });
    expectOneLine(state);
    expect(onAir(state.view)).toEqual(['lapsToGo', 'needs']);
    const needs = state.view.needs;
    expect([needs.kind, needs.heading, needs.note]).toEqual([
      'needs',
      'WHAT THEY NEED',
      'QUALIFICATION · TOP 8',
    ]);
    // Drawn as the presenter decided, from the engine's outlook: two or three skaters, each
    // with what they need, the open ones as the venue board's rows say it.
    const model = state.model.overlay.needs!;
    expect(needs.lines.map((line) => line.key)).toEqual(model.lines.map((line) => line.key));
    expect(needs.lines.length).toBeGreaterThanOrEqual(2);
    expect(needs.lines.length).toBeLessThanOrEqual(3);
    const rows = new Map(state.model.rows.map((row) => [row.key, row]));
    for (const line of needs.lines) {
      const row = rows.get(line.key)!;
      if (row.qualification === 'open' && row.needs) expect(line.note).toBe(row.needs);
      expect(line.note).not.toBe('');
    }
    expect(layoutProblems(state)).toEqual([]);
    await expectOpaque([needs.box, state.view.bug.box]);
    await shoot('needs');
    // The bell plate is red with the white words on it.
    const at = await pixels();
    const { x, y, height } = state.view.bug.box;
    const [r, g, b] = at(x + 6, y + height / 2);
    expect(r).toBeGreaterThan(150);
    expect(Math.max(g!, b!)).toBeLessThan(90);

    // In a bottom corner the lower third stands beside the stack, never on it.
    await fixture.program({ type: 'display/configured', overlayPosition: 'bottom-right' });
    state = await shown(
      await fixture.program({ type: 'overlay/toggled', element: 'standings', visible: true }),
    );
    expect(onAir(state.view)).toEqual(['lapsToGo', 'standings', 'needs']);
    const { standings, lapsToGo } = state.view.bounds;
    for (const stack of [standings!, lapsToGo!])
      expect(overlaps(stack, state.view.needs.box), JSON.stringify(stack)).toBe(false);
    expect(layoutProblems(state)).toEqual([]);
    await shoot('needs-bottom-right');
    await fixture.program({ type: 'display/configured', overlayPosition: 'top-left' });
    await fixture.program({ type: 'output/auto', output: 'overlay', auto: true });
  });

  it('a finished semi: QUALIFIED FOR THE FINAL with the K names, nothing else on air', async () => {
    const order = [3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    await fixture.race({ type: 'finish/recorded', bibs: order });
    await until('sprint', false);
    const state = await shown();
    expect(onAir(state.view)).toEqual(['result']);
    const result = state.view.result;
    expect([result.kind, result.heading, result.note]).toEqual([
      'qualified',
      'QUALIFIED FOR THE FINAL',
      'UNOFFICIAL',
    ]);
    const through = state.model.rows.filter((row) => row.qualified === 'Q');
    expect(through).toHaveLength(8);
    expect(result.lines.map((line) => line.key)).toEqual(through.map((row) => row.key));
    expect(result.lines.every((line) => line.badge === 'Q')).toBe(true);
    // Names in their longest form that fits: the name or a shorter form of it.
    for (const line of result.lines)
      expect(state.model.rows.find((row) => row.key === line.key)!.names).toContain(line.name);
    expect(result.columns).toBe(4);
    expect(layoutProblems(state)).toEqual([]);
    await expectOpaque([result.box]);
    await shoot('result-semi');
  });

  it('German and Italian labels, and a meeting’s own word for any label', async () => {
    let state = await shown(await fixture.program({ type: 'display/configured', language: 'de' }));
    expect([state.view.result.heading, state.view.result.note]).toEqual([
      'FÜR DAS FINALE QUALIFIZIERT',
      'INOFFIZIELL',
    ]);
    expect(state.boxes.map((box) => box.text)).toContain('FÜR DAS FINALE QUALIFIZIERT');
    expect(layoutProblems(state)).toEqual([]);
    await shoot('result-semi-de');

    state = await shown(await fixture.program({ type: 'display/configured', language: 'it' }));
    expect([state.view.result.heading, state.view.result.note]).toEqual([
      'QUALIFICATI PER LA FINALE',
      'NON UFFICIALE',
    ]);
    expect(state.boxes.map((box) => box.text)).toContain('QUALIFICATI PER LA FINALE');
    expect(layoutProblems(state)).toEqual([]);
    await shoot('result-semi-it');

    // Milano's own word for the heading; the rest stays Italian.
    state = await shown(
      await fixture.program({
        type: 'display/configured',
        labels: { qualifiedForFinal: 'IN FINALE A MILANO' },
      }),
    );
    expect([state.view.result.heading, state.view.result.note]).toEqual([
      'IN FINALE A MILANO',
      'NON UFFICIALE',
    ]);
    expect(state.boxes.map((box) => box.text)).toContain('IN FINALE A MILANO');
    await shoot('result-semi-override');
    state = await shown(
      await fixture.program({ type: 'display/configured', language: 'en', labels: {} }),
    );
    expect(state.view.result.heading).toBe('QUALIFIED FOR THE FINAL');
  });

  it('a finished final: the podium with medal discs and times', async () => {
    const added = await fixture.host.programCommand(
      {
        type: 'race/added',
        id: 'men-final',
        title: 'Men · Mass Start · Final',
        category: 'Men',
        round: 'final',
        qualifiers: 0,
        format: 'isu-2018',
      },
      'test',
    );
    expect(added.ok).toBe(true);
    const submit = async (command: Parameters<BoardHost['race']>[0]) => {
      const reply = await fixture.host.submit({ kind: 'single', command }, 'test', 'men-final');
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
    };
    await submit({ type: 'startList/set', skaters: demoSkaters.slice(12, 24) });
    await fixture.program({ type: 'race/activated', raceId: 'men-final' });
    await submit({ type: 'race/started' });
    await submit({ type: 'laps/corrected', lapsCompleted: 15 });
    await submit({
      type: 'finish/recorded',
      bibs: [16, 19, 18, 13, 14, 15, 17, 20, 21, 22, 23, 24],
    });
    await submit({ type: 'finish/timed', bib: 16, time: 462_490 });
    await submit({ type: 'finish/timed', bib: 19, time: 462_610 });
    await submit({ type: 'finish/timed', bib: 18, time: 463_050 });
    await until('sprint', false);
    const state = await shown();
    expect(onAir(state.view)).toEqual(['result']);
    const result = state.view.result;
    expect([result.kind, result.heading, result.note]).toEqual(['podium', 'RESULTS', 'UNOFFICIAL']);
    expect(result.lines.map((line) => [line.medal, line.key, line.text.split(' ').at(-1)])).toEqual(
      [
        ['gold', 16, '7:42.49'],
        ['silver', 19, '7:42.61'],
        ['bronze', 18, '7:43.05'],
      ],
    );
    expect(layoutProblems(state)).toEqual([]);
    await expectOpaque([result.box]);
    await shoot('result-final');
    // The discs in their metals: gold, silver and bronze pixels at each line's place.
    const at = await pixels();
    const metals = await overlay.evaluate(() =>
      (globalThis as unknown as OverlayGlobal)
        .__board!.textBoxes()
        .filter((box) => /\/result\/line:\d+\/place$/.test(box.widget))
        .map((box) => ({ x: box.output.x - 4, y: box.output.y + box.output.height / 2 })),
    );
    expect(metals).toHaveLength(3);
    const [gold, silver, bronze] = metals.map(({ x, y }) => at(x, y));
    expect(gold![0]! - gold![2]!).toBeGreaterThan(80); // yellow: red well over blue
    expect(Math.abs(silver![0]! - silver![2]!)).toBeLessThan(40); // grey
    expect(bronze![0]! - bronze![2]!).toBeGreaterThan(60); // brown-orange
  });
});

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
