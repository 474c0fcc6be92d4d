// The board's layout checked by measurement, not by eye (issue 18, part 6): the real board and
// overlay in headless Chromium at every output size, driven by a real host through the scenes of
// a semi-final and a final. For each output and scene it reads every text as drawn
// (`window.__board.textBoxes()`) and the rows (`probe()`), on every page of a paging board, runs
// the checks of test/support/board-layout-check.ts and saves test-results/board/<size>-<scene>.png
// (and <size>-<scene>-page2.png ... for further pages).
//
// What today's board gets wrong is listed in `knownViolations`: the test fails on any finding
// not listed, and on any listed one that no longer happens (delete it: the list only shrinks).
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardModel } from '../../src/shared/board/model.ts';
import {
  asKnown,
  compareWithKnown,
  cutTexts,
  overlappingTexts,
  qualificationLineErrors,
  smallNames,
  squeezedNames,
  unseenSkaters,
  type KnownViolations,
  type Rect,
  type TextBox,
  type Violation,
} from '../support/board-layout-check.ts';
import {
  demoSkaters,
  launchBrowser,
  openBoard,
  settled,
  startBoardHost,
  type BoardHost,
  type BoardProbe,
  type ViewProbe,
} from '../support/browser.ts';

/** The outputs measured: venue board sizes, and the broadcast overlay at 1080p. */
const outputs = {
  '1920x1080': { width: 1920, height: 1080, overlay: false },
  '3840x2160': { width: 3840, height: 2160, overlay: false },
  '1280x1024': { width: 1280, height: 1024, overlay: false },
  '1536x256': { width: 1536, height: 256, overlay: false },
  '2304x576': { width: 2304, height: 576, overlay: false },
  overlay: { width: 1920, height: 1080, overlay: true },
} as const;
type OutputName = keyof typeof outputs;

/** The scenes measured, in the order the race reaches them. */
type SceneName =
  | 'start-list'
  | 'live-before-sprint-1'
  | 'sprint-banner'
  | 'live-7-to-go'
  | 'bell-lap'
  | 'final-sprint-banner'
  | 'results-semi'
  | 'results-final';

/**
 * What the board still does wrong, per output and scene: per check, the texts involved (an
 * overlap names both, sorted, joined by " × "). Each entry must still happen: fix one, and the
 * test fails until it is deleted here, so the list only shrinks. A failing run prints the list
 * as measured, ready to paste. Measured on the far layout of issue 18 (527 findings of the
 * board at the issue's start are gone); what is left:
 * - the sprint banner's cards print names at a cap height of 2.4 % of the screen (the far
 *   minimum is 5 %): the banner shows for a few seconds after a sprint, its points and places
 *   are big; cards big enough for far names would leave two standings rows beside it;
 * - a family name longer than the room at 85 % squeeze ("GÉLINAS-BEAULIEU", "HALD THORUP")
 *   is drawn smaller rather than cut, on 4:3 results, the LED wall's results and ribbon cards.
 */
const bannerNames = ['J. BERGSMA', 'J. STOLZ', 'S. SASAKI'];
const finalBannerNames = [
  'D. NINE',
  'GÉLINAS-BEAULIEU',
  'J. BERGSMA',
  'J. STOLZ',
  'M. BELLOIR',
  'S. SASAKI',
];
const knownViolations: Partial<Record<OutputName, Partial<Record<SceneName, KnownViolations>>>> = {
  '1920x1080': {
    'sprint-banner': { nameCapHeight: bannerNames },
    'final-sprint-banner': { nameCapHeight: finalBannerNames },
  },
  '3840x2160': {
    'sprint-banner': { nameCapHeight: bannerNames },
    'final-sprint-banner': { nameCapHeight: finalBannerNames },
  },
  '1280x1024': {
    'sprint-banner': { nameCapHeight: bannerNames },
    'final-sprint-banner': { nameCapHeight: finalBannerNames },
    'results-semi': { nameCapHeight: ['GÉLINAS-BEAULIEU', 'HALD THORUP'] },
    'results-final': { nameCapHeight: ['GÉLINAS-BEAULIEU'] },
  },
  '1536x256': {
    'bell-lap': { nameCapHeight: ['GÉLINAS-BEAULIEU', 'HALD THORUP'] },
    'final-sprint-banner': { nameCapHeight: ['GÉLINAS-BEAULIEU'] },
  },
  '2304x576': {
    'sprint-banner': { nameCapHeight: bannerNames },
    'final-sprint-banner': { nameCapHeight: finalBannerNames },
    'results-semi': { nameCapHeight: ['GÉLINAS-BEAULIEU'] },
    'results-final': { nameCapHeight: ['GÉLINAS-BEAULIEU'] },
  },
};

/**
 * Least cap height of a skater's name, as a share of the output height, per layout. Far (the
 * venue default, issue 18 part 3): names "at about 5.5 %" for 100-150 m; dense: today's names,
 * 2.0-2.4 % (clear to about 45 m on a 4.5 m screen). LED ribbons and walls have a few hundred
 * lines: a name needs 8 % of them. The overlay's standings rows are 2.0 % on 1080 lines; no name
 * of the overlay should be smaller than 1.8 %.
 */
const nameCapShare = { far: 0.05, dense: 0.02, ribbon: 0.08, overlay: 0.018 };

/** A page holding the same rows longer than this is not paging (the issue asks 6-8 s a page). */
const pageHoldMs = 9000;

/** A text box as the board reports it (src/renderer/board/text-boxes.ts). */
interface MeasuredBox extends TextBox {
  readonly kind: 'bitmap' | 'canvas' | 'html';
  readonly fontSize: number;
  readonly virtual: Rect;
  readonly capRatio: number;
  readonly squeeze: number;
  readonly fill: string;
  readonly alpha: number;
  readonly background: string | null;
  readonly clipped: boolean;
}

type LayoutGlobal = {
  __board?: BoardProbe & { textBoxes(): MeasuredBox[] };
};

/** What one output shows in one scene. */
interface Measurement {
  readonly boxes: MeasuredBox[];
  readonly view: ViewProbe;
  readonly model: BoardModel;
  readonly layout: {
    aspect: string;
    scale: number;
    safe: Rect;
  };
}

const shots = 'test-results/board';
let browser: Browser;
let fixture: BoardHost;
const pages = new Map<OutputName, Page>();

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  [browser, fixture] = await Promise.all([
    launchBrowser(),
    startBoardHost({ skaters: 12, round: 'semi' }),
  ]);
  // The board is cut by hand through every scene; the overlay follows the race (auto mode),
  // as it does on air by default.
  await fixture.program({ type: 'output/auto', output: 'board', auto: false });
  await fixture.program({ type: 'output/auto', output: 'overlay', auto: true });
  await fixture.program({ type: 'scene/shown', output: 'board', scene: 'startList' });
  for (const [name, size] of Object.entries(outputs) as [
    OutputName,
    (typeof outputs)[OutputName],
  ][])
    pages.set(
      name,
      await openBoard(browser, fixture.url(size.overlay ? { output: 'overlay' } : {}), {
        width: size.width,
        height: size.height,
      }),
    );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

/** Waits until every output has drawn the host's state and, if asked, shows the board scene. */
async function settle(boardScene?: 'sprint' | 'live' | 'results' | 'startList'): Promise<void> {
  const revision = fixture.host.revision;
  await Promise.all(
    [...pages].map(async ([name, page]) => {
      await settled(page, revision, 20_000);
      if (boardScene && !outputs[name].overlay)
        await page.waitForFunction(
          (wanted) => (globalThis as unknown as LayoutGlobal).__board!.scene === wanted,
          boardScene,
          { timeout: 20_000 },
        );
      await settled(page, revision, 20_000);
    }),
  );
}

/** Reads what an output draws now. */
function measure(page: Page): Promise<Measurement> {
  return page.evaluate(() => {
    const board = (globalThis as unknown as LayoutGlobal).__board!;
    const layout = board.layout as unknown as Measurement['layout'];
    return JSON.parse(
      JSON.stringify({
        boxes: board.textBoxes(),
        view: board.probe(),
        model: board.model,
        layout,
      }),
    ) as Measurement;
  });
}

type Shown = { key: number; shown: boolean }[];

/**
 * What an output shows over one paging cycle: a measurement of each page (taken once the flip
 * has settled, with its screenshot) and snapshots of the rows shown, polled until every skater
 * was shown or the same rows stayed up longer than a page does. An output that does not page
 * gives one measurement (and, if it shows everyone, returns at once).
 */
async function pagingCycle(
  page: Page,
  keys: readonly number[],
  shot: (index: number) => string,
  omitBackground: boolean,
): Promise<{ measurements: Measurement[]; snapshots: Shown[] }> {
  const measurements: Measurement[] = [];
  const snapshots: Shown[] = [];
  const measured = new Set<number>();
  const shownOf = (rows: Shown) =>
    rows
      .filter((row) => row.shown)
      .map((row) => row.key)
      .join(',');
  let last: string | null = null;
  let since = Date.now();
  for (;;) {
    const rows = await page.evaluate(() =>
      (globalThis as unknown as LayoutGlobal)
        .__board!.probe()
        .rows.map((row) => ({ key: row.key, shown: row.shown })),
    );
    snapshots.push(rows);
    if (shownOf(rows) !== last) {
      // A new page: measure it once it has landed (it may have moved on by then: keep what
      // was measured).
      await page.waitForFunction(() => (globalThis as unknown as LayoutGlobal).__board!.idle);
      const measurement = await measure(page);
      measurements.push(measurement);
      await page.screenshot({ path: shot(measurements.length), omitBackground });
      const landed = measurement.view.rows.map((row) => ({ key: row.key, shown: row.shown }));
      snapshots.push(landed);
      for (const row of landed) if (row.shown) measured.add(row.key);
      [last, since] = [shownOf(landed), Date.now()];
    }
    if (keys.every((key) => measured.has(key))) break;
    if (Date.now() - since > pageHoldMs) break;
    await page.waitForTimeout(250);
  }
  return { measurements, snapshots };
}

/** The skaters' names in every form the model offers (a layout may shorten them). */
function skaterNames(model: BoardModel): Set<string> {
  const rows = [...model.rows, ...model.startList.rows];
  const placings = model.sprintResult?.placings ?? [];
  return new Set([
    ...rows.flatMap((row) => [row.name, ...row.names]),
    ...placings.map((placing) => placing.name),
  ]);
}

/** The least cap height of a name on this output, in output pixels. */
function nameCapMinimum(name: OutputName, measured: Measurement): number {
  const { height, overlay } = outputs[name];
  if (overlay) return nameCapShare.overlay * height;
  if (measured.layout.aspect === 'ribbon') return nameCapShare.ribbon * height;
  return nameCapShare[measured.model.layout === 'dense' ? 'dense' : 'far'] * height;
}

/** The checks of one page as measured (every check but paging). */
function pageFindings(name: OutputName, measured: Measurement): Violation[] {
  const { width, height, overlay } = outputs[name];
  const { safe, scale } = measured.layout;
  const names = skaterNames(measured.model);
  const line = measured.view.qualificationLine;
  return [
    ...overlappingTexts(measured.boxes),
    ...cutTexts(
      measured.boxes,
      { x: 0, y: 0, width, height },
      {
        x: safe.x * scale,
        y: safe.y * scale,
        width: safe.width * scale,
        height: safe.height * scale,
      },
    ),
    ...smallNames(measured.boxes, names, nameCapMinimum(name, measured)),
    ...squeezedNames(measured.boxes, names),
    ...(!overlay && line
      ? qualificationLineErrors(measured.model.rows, measured.view.rows, line)
      : []),
  ];
}

/**
 * Every check on one output in a scene: each page of a paging cycle measured and checked, and,
 * where the standings are the subject (not under a banner), every skater shown once. The overlay
 * shows its top N by design and does not page: one measurement.
 */
async function findings(
  name: OutputName,
  page: Page,
  scene: SceneName,
  options: { paging: boolean },
): Promise<Violation[]> {
  const { overlay } = outputs[name];
  const shot = (index: number) =>
    `${shots}/${name}-${scene}${index > 1 ? `-page${index}` : ''}.png`;
  if (overlay) {
    const measured = await measure(page);
    await page.screenshot({ path: shot(1), omitBackground: true });
    return pageFindings(name, measured);
  }
  const { model } = await measure(page);
  const rows = scene === 'start-list' ? model.startList.rows : model.rows;
  const cycle = await pagingCycle(
    page,
    rows.map((row) => row.key),
    shot,
    false,
  );
  const found = cycle.measurements.flatMap((measured) => pageFindings(name, measured));
  if (options.paging) found.push(...unseenSkaters(cycle.snapshots, rows));
  return found;
}

/** Checks every output in a scene against `knownViolations`; one failure lists every difference. */
async function checkScene(scene: SceneName, options: { paging: boolean }): Promise<void> {
  const problems: string[] = [];
  const measured: Partial<Record<OutputName, KnownViolations>> = {};
  await Promise.all(
    [...pages].map(async ([name, page]) => {
      const found = await findings(name, page, scene, options);
      measured[name] = asKnown(found);
      const { unexpected, fixed } = compareWithKnown(found, knownViolations[name]?.[scene] ?? {});
      for (const v of unexpected)
        problems.push(`new      ${name} ${v.check}: ${JSON.stringify(v.text)} ${v.detail}`);
      for (const v of fixed)
        problems.push(`fixed    ${name} ${v.check}: ${JSON.stringify(v.text)} (delete it)`);
    }),
  );
  if (problems.length === 0) return;
  const now = Object.keys(outputs)
    .filter((name) => Object.keys(measured[name as OutputName] ?? {}).length > 0)
    .map(
      (name) =>
        `  ${JSON.stringify(name)}: { ${JSON.stringify(scene)}: ${JSON.stringify(measured[name as OutputName])} },`,
    );
  expect.fail(
    `${scene}: the layout differs from knownViolations\n${problems.sort().join('\n')}\n` +
      `measured now (knownViolations entries for this scene):\n${now.join('\n')}`,
  );
}

/** Cap height over units per em, from the OS/2 table of the shipped WOFF font file. */
async function capHeightOfFontFile(weight: string): Promise<number> {
  const require = createRequire(import.meta.url);
  const file = require.resolve(
    `@fontsource/barlow-condensed/files/barlow-condensed-latin-${weight}-normal.woff`,
  );
  const woff = await readFile(file);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < woff.readUInt16BE(12); i++) {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const length = woff.readUInt32BE(entry + 8);
    const data = woff.subarray(offset, offset + length);
    tables.set(
      woff.toString('latin1', entry, entry + 4),
      length < woff.readUInt32BE(entry + 12) ? inflateSync(data) : data,
    );
  }
  const unitsPerEm = tables.get('head')!.readUInt16BE(18);
  return tables.get('OS/2')!.readInt16BE(88) / unitsPerEm;
}

describe('the measuring instrument', () => {
  it('reads cap heights as the font file has them, and ink boxes where the glyphs are drawn', async () => {
    await settle('startList');
    const page = pages.get('1920x1080')!;
    const { boxes } = await measure(page);
    expect(boxes.length).toBeGreaterThan(20);
    const fileCap = await capHeightOfFontFile('600');
    expect(fileCap).toBeCloseTo(0.7, 2);
    for (const box of boxes) expect(Math.abs(box.capRatio - fileCap)).toBeLessThan(0.015);

    // Every name and header text against the screenshot: the pixels nearer the text's colour
    // than its background lie in its box, and reach each side of it.
    const png = PNG.sync.read(await page.screenshot());
    const channels = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    const distance = (a: number[], b: number[]) =>
      Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
    const checked = boxes.filter((box) => box.widget.endsWith('/name') && box.background);
    expect(checked.length).toBeGreaterThanOrEqual(12);
    for (const box of checked) {
      const fill = channels(box.fill);
      const background = channels(box.background!);
      const margin = 4;
      const { x, y, width, height } = box.output;
      let left = Infinity;
      let top = Infinity;
      let right = -Infinity;
      let bottom = -Infinity;
      for (let py = Math.floor(y - margin); py < Math.ceil(y + height + margin); py++)
        for (let px = Math.floor(x - margin); px < Math.ceil(x + width + margin); px++) {
          const i = (py * png.width + px) * 4;
          const pixel = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
          if (distance(pixel, fill) >= distance(pixel, background)) continue;
          [left, top] = [Math.min(left, px), Math.min(top, py)];
          [right, bottom] = [Math.max(right, px + 1), Math.max(bottom, py + 1)];
        }
      const drawn = { x: left, y: top, width: right - left, height: bottom - top };
      // Half a pixel of anti-aliasing each side, and the bitmap font's advances (measured at
      // its own size) adding up a little differently from the browser's over a long line.
      const across = 1.5 + 0.01 * width;
      const down = 1.5 + 0.02 * height;
      const sides = [drawn.x - x, drawn.y - y, x + width - right, y + height - bottom];
      expect(
        sides.every((side, i) => Math.abs(side) <= (i % 2 === 0 ? across : down)),
        `${box.text}: box ${JSON.stringify(box.output)}, ink ${JSON.stringify(drawn)}`,
      ).toBe(true);
    }
  }, 60_000);
});

describe('the layout of every output in every scene', () => {
  it('start list', async () => {
    await settle('startList');
    await checkScene('start-list', { paging: true });
  }, 120_000);

  it('live, before sprint 1 (the sprint lap)', async () => {
    await fixture.program({ type: 'scene/shown', output: 'board', scene: 'live' });
    await fixture.race({ type: 'race/started' }, { type: 'laps/corrected', lapsCompleted: 3 });
    await settle('live');
    await checkScene('live-before-sprint-1', { paging: true });
  }, 120_000);

  it('the sprint banner', async () => {
    await fixture.program({ type: 'display/configured', sprintBannerSeconds: 60 });
    await fixture.race(
      { type: 'laps/corrected', lapsCompleted: 4 },
      { type: 'sprint/placed', sprint: 1, bibs: [7, 4, 2] },
    );
    await settle('sprint');
    await checkScene('sprint-banner', { paging: false });
  }, 120_000);

  it("live after sprint 2, at 7 to go (the review's case)", async () => {
    await fixture.program({ type: 'display/configured', sprintBannerSeconds: 1 });
    await fixture.race(
      { type: 'laps/corrected', lapsCompleted: 8 },
      { type: 'sprint/placed', sprint: 2, bibs: [4, 5, 7] },
      { type: 'laps/corrected', lapsCompleted: 9 },
    );
    await settle('live');
    await checkScene('live-7-to-go', { paging: true });
  }, 120_000);

  it('the bell lap', async () => {
    await fixture.race(
      { type: 'laps/corrected', lapsCompleted: 12 },
      { type: 'sprint/placed', sprint: 3, bibs: [1, 4, 9] },
      { type: 'laps/corrected', lapsCompleted: 15 },
      { type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 },
    );
    await settle('live');
    await checkScene('bell-lap', { paging: true });
  }, 120_000);

  it('the final-sprint banner (six placings)', async () => {
    await fixture.program({ type: 'display/configured', sprintBannerSeconds: 60 });
    await fixture.race({ type: 'finish/recorded', bibs: semiFinishers });
    await settle('sprint');
    await checkScene('final-sprint-banner', { paging: false });
  }, 120_000);

  it('results of a semi', async () => {
    for (const [index, bib] of semiFinishers.entries())
      await fixture.race({ type: 'finish/timed', bib, time: 462_490 + index * 310 });
    await fixture.program({ type: 'scene/shown', output: 'board', scene: 'results' });
    await settle('results');
    await checkScene('results-semi', { paging: true });
  }, 120_000);

  it('results of a final', async () => {
    await fixture.program({ type: 'display/configured', sprintBannerSeconds: 1 });
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
    await fixture.host.submit(
      {
        kind: 'single',
        command: { type: 'startList/set', skaters: [...demoSkaters.slice(0, 16)] },
      },
      'test',
      'men-final',
    );
    await fixture.program({ type: 'race/activated', raceId: 'men-final' });
    await fixture.race(
      { type: 'race/started' },
      { type: 'laps/corrected', lapsCompleted: 4 },
      { type: 'sprint/placed', sprint: 1, bibs: [16, 3, 9] },
      { type: 'laps/corrected', lapsCompleted: 8 },
      { type: 'sprint/placed', sprint: 2, bibs: [3, 12, 1] },
      { type: 'laps/corrected', lapsCompleted: 12 },
      { type: 'sprint/placed', sprint: 3, bibs: [9, 3, 5] },
      { type: 'skater/statusChanged', bib: 14, status: 'DNF', laps: 10 },
      { type: 'laps/corrected', lapsCompleted: 16 },
    );
    const finishers = [3, 9, 16, 1, 5, 12, 2, 4, 6, 7, 8, 10, 11, 13, 15];
    await fixture.race({ type: 'finish/recorded', bibs: finishers });
    for (const [index, bib] of finishers.entries())
      await fixture.race({ type: 'finish/timed', bib, time: 455_120 + index * 270 });
    await settle('results');
    await checkScene('results-final', { paging: true });
  }, 120_000);
});

/** The semi's finish order (helmet 11 did not finish). */
const semiFinishers = [4, 7, 5, 1, 2, 9, 3, 6, 8, 10, 12];
