// Names in every script on the board (issue 17): a real host pushes a start list of Korean,
// Chinese, Hebrew, Arabic, emoji and accented Latin names to the board and the overlay in headless
// Chromium. What is drawn is read back from screenshots and compared with the browser's own
// canvas text of the same string in the same font: the ink must span the same width (no empty
// space where a name should be) and have the same shape (right-to-left names in the bidi layout,
// not glyph by glyph in logical order). Whichever fonts the machine has, the reference is drawn
// with the same ones (a missing glyph is the browser's replacement box on both sides).
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Skater } from '../../src/shared/race/events.ts';
import {
  launchBrowser,
  openBoard,
  settled,
  startBoardHost,
  type BoardGlobal,
  type BoardHost,
  type Bounds,
} from '../support/browser.ts';

/** The canvas API the reference drawing uses in the page (the tests' lib has no DOM). */
interface PageContext {
  font: string;
  fillStyle: string;
  textBaseline: string;
  measureText(text: string): { width: number };
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  fillText(text: string, x: number, y: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}
declare const document: {
  createElement(tag: 'canvas'): {
    width: number;
    height: number;
    getContext(kind: '2d'): PageContext | null;
  };
};

/** How the board reports a drawn name (src/renderer/board/widgets/name-text.ts). */
interface NameProbe {
  fallback: boolean;
  font: string;
  scale: { x: number; y: number };
  bounds: Bounds;
}
interface NamedRow {
  key: number;
  x: number;
  y: number;
  name: string;
  shown: boolean;
  drawn: { name: string };
  nameText: NameProbe;
}
interface NamedBanner {
  shown: boolean;
  placings: string[];
  nameTexts: NameProbe[];
  /** The overlay's lower thirds: each line's name as drawn (the longest form that fits). */
  lines?: { key: number; name: string }[];
}
interface NamesView {
  rows: NamedRow[];
  banner?: NamedBanner;
  result?: NamedBanner;
  header?: { title: string; meeting: string; drawing: { title: NameProbe; meeting: NameProbe } };
  /** The logo scene. */
  meeting?: string;
  subtitle?: string;
  drawing?: { meeting: NameProbe; subtitle: NameProbe };
}

const meeting = 'גביע העולם · Heerenveen';
const title = 'Men · Mass Start · Semi-final 1';
const longName = 'Antoine Gélinas-Beaulieu de la Montagne-Tremblant';
const startList: readonly Skater[] = [
  ['Chung Jae-won', 'KOR'],
  ['정재원', 'KOR'],
  ['宁忠岩', 'CHN'],
  ['עומר כהן', 'ISR'],
  ['محمد علي', 'EGY'],
  ['Ørjan 🏅 Test', 'NOR'],
  ['Ödön Ñúñez', 'HUN'],
  // The same Latin letters, with one the web font lacks: the whole name takes the fallback.
  ['Ödön Ñúñez (宁)', 'HUN'],
  [longName, 'CAN'],
  [`${longName} 宁`, 'CAN'],
].map(([name, nation], index) => ({ bib: index + 1, name: name!, nation: nation! }));
/** Bibs whose names the bitmap font cannot draw. */
const fallbackBibs = new Set([2, 3, 4, 5, 6, 8, 10]);
const nameOf = (bib: number) => startList[bib - 1]!.name;

const shots = 'test-results/board';
let browser: Browser;
let fixture: BoardHost;
let board: Page;

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  [browser, fixture] = await Promise.all([
    launchBrowser(),
    startBoardHost({ skaters: 10, meeting, title }),
  ]);
  await fixture.race({ type: 'startList/set', skaters: [...startList] });
  await fixture.program({ type: 'output/auto', output: 'board', auto: false });
  await fixture.program({ type: 'output/auto', output: 'overlay', auto: false });
  // The dense layout: every name whole at once (the far layout's short forms and paging have
  // their own tests, board-far.test.ts); this test is about how each script is drawn.
  await fixture.program({
    type: 'display/configured',
    sprintBannerSeconds: 60,
    overlayTop: 10,
    boardLayout: 'dense',
  });
  await fixture.program({ type: 'scene/shown', output: 'board', scene: 'startList' });
  board = await openBoard(browser, fixture.url());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

/** Coverage (0..1) of ink per pixel, row by row, of a region whose top left is (left, top). */
interface Ink {
  left: number;
  top: number;
  width: number;
  height: number;
  data: number[];
}
interface InkBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const view = (page: Page) =>
  page.evaluate(
    () => (globalThis as unknown as BoardGlobal).__board!.probe() as unknown as NamesView,
  );

/**
 * The ink of a name on the screenshot: how far each pixel is from the region's background (its
 * median colour), relative to the strongest ink there. Whatever the row's colour or tint. The
 * region is the name's line box, `marginY` of its height more above and below (ink such as
 * Arabic tails reaches past the line box; a banner's name has the helmet chip right under it).
 */
function screenInk(png: PNG, bounds: Bounds, marginY = 0): Ink {
  const margin = marginY * bounds.height;
  const x0 = Math.max(0, Math.floor(bounds.x) - 2);
  const x1 = Math.min(png.width, Math.ceil(bounds.x + bounds.width) + 2);
  const y0 = Math.max(0, Math.floor(bounds.y - margin));
  const y1 = Math.min(png.height, Math.ceil(bounds.y + bounds.height + margin));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const at = (x: number, y: number, c: number) =>
    png.data[((y0 + y) * png.width + x0 + x) * 4 + c]!;
  const background = [0, 1, 2].map((c) => {
    const counts = new Array<number>(256).fill(0);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) counts[at(x, y, c)]! += 1;
    let seen = 0;
    return counts.findIndex((count) => (seen += count) * 2 >= width * height);
  });
  const distance: number[] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      distance.push(
        Math.max(
          Math.abs(at(x, y, 0) - background[0]!),
          Math.abs(at(x, y, 1) - background[1]!),
          Math.abs(at(x, y, 2) - background[2]!),
        ),
      );
  const strongest = distance.reduce((max, d) => Math.max(max, d), 0);
  // A region that is all background has no ink, however noisy.
  const data = strongest < 48 ? distance.map(() => 0) : distance.map((d) => d / strongest);
  return { left: x0, top: y0, width, height, data };
}

/** The browser's own canvas text of `text` in `font` at `scale`: bidi layout, or glyph by glyph. */
function referenceInk(
  page: Page,
  text: string,
  probe: NameProbe,
  order: 'bidi' | 'logical',
): Promise<Ink> {
  return page.evaluate(
    ({ text, font, scale, order }) => {
      const size = Number(/([\d.]+)px/.exec(font)![1]);
      const canvas = document.createElement('canvas');
      let context = canvas.getContext('2d')!;
      context.font = font;
      const advance = context.measureText(text).width;
      canvas.width = Math.ceil((advance + size) * scale.x);
      canvas.height = Math.ceil(size * 2 * scale.y);
      context = canvas.getContext('2d')!;
      context.setTransform(scale.x, 0, 0, scale.y, (size / 2) * scale.x, 0);
      context.font = font;
      context.fillStyle = '#ffffff';
      context.textBaseline = 'middle';
      if (order === 'bidi') context.fillText(text, 0, size);
      else {
        let x = 0;
        for (const { segment } of new Intl.Segmenter().segment(text)) {
          context.fillText(segment, x, size);
          x += context.measureText(segment).width;
        }
      }
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const coverage: number[] = [];
      for (let i = 3; i < data.length; i += 4) coverage.push(data[i]! / 255);
      return { left: 0, top: 0, width: canvas.width, height: canvas.height, data: coverage };
    },
    { text, font: probe.font, scale: probe.scale, order },
  );
}

/** The box of the pixels that are clearly ink (null: none), within columns [from, to). */
function inkBox(ink: Ink, from = 0, to = ink.width): InkBox | null {
  let box: InkBox | null = null;
  for (let y = 0; y < ink.height; y++)
    for (let x = from; x < to; x++)
      if (ink.data[y * ink.width + x]! >= 0.4)
        box = box
          ? {
              x0: Math.min(box.x0, x),
              y0: Math.min(box.y0, y),
              x1: Math.max(box.x1, x + 1),
              y1: Math.max(box.y1, y + 1),
            }
          : { x0: x, y0: y, x1: x + 1, y1: y + 1 };
  return box;
}

/** Mean coverage of cells of about 3 px over the box, `columns` x `rows` of them. */
function cells(ink: Ink, box: InkBox, columns: number, rows: number): number[] {
  const values: number[] = [];
  const cellWidth = (box.x1 - box.x0) / columns;
  const cellHeight = (box.y1 - box.y0) / rows;
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++) {
      const xa = Math.floor(box.x0 + column * cellWidth);
      const xb = Math.max(xa + 1, Math.floor(box.x0 + (column + 1) * cellWidth));
      const ya = Math.floor(box.y0 + row * cellHeight);
      const yb = Math.max(ya + 1, Math.floor(box.y0 + (row + 1) * cellHeight));
      let sum = 0;
      for (let y = ya; y < yb; y++)
        for (let x = xa; x < xb; x++) sum += ink.data[y * ink.width + x]!;
      values.push(sum / ((xb - xa) * (yb - ya)));
    }
  return values;
}

/** Pearson correlation of two equally long series (1: the same shape). */
function correlation(a: number[], b: number[]): number {
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((value, i) => {
    ab += (value - ma) * (b[i]! - mb);
    aa += (value - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

/**
 * How alike two inks are: widths of their ink and shape on a common grid. Where the screen's
 * region cuts the ink off at its top or bottom, the reference is cut off alike.
 */
function likeness(
  screen: Ink,
  screenBox: InkBox | null,
  reference: Ink,
  uncutBox: InkBox | null,
): { width: number; expectedWidth: number; shape: number } {
  if (!screenBox || !uncutBox)
    return {
      width: screenBox ? screenBox.x1 - screenBox.x0 : 0,
      expectedWidth: uncutBox ? uncutBox.x1 - uncutBox.x0 : 0,
      shape: 0,
    };
  const height = screenBox.y1 - screenBox.y0;
  const cutTop = screenBox.y0 === 0;
  const cutBottom = screenBox.y1 === screen.height;
  const referenceBox = { ...uncutBox };
  if (cutBottom && !cutTop) referenceBox.y1 = Math.min(uncutBox.y1, uncutBox.y0 + height);
  if (cutTop && !cutBottom) referenceBox.y0 = Math.max(uncutBox.y0, uncutBox.y1 - height);
  const columns = Math.max(1, Math.round((referenceBox.x1 - referenceBox.x0) / 3));
  const rows = Math.max(1, Math.round((referenceBox.y1 - referenceBox.y0) / 3));
  return {
    width: screenBox.x1 - screenBox.x0,
    expectedWidth: referenceBox.x1 - referenceBox.x0,
    shape: correlation(
      cells(screen, screenBox, columns, rows),
      cells(reference, referenceBox, columns, rows),
    ),
  };
}

/**
 * Checks each name on the screenshot against the browser's canvas text of it; returns what is
 * wrong, one line per name (empty: all drawn right).
 */
async function misdrawn(
  page: Page,
  png: PNG,
  names: readonly { label: string; text: string; probe: NameProbe; marginY?: number }[],
): Promise<string[]> {
  const wrong: string[] = [];
  for (const { label, text, probe, marginY = 0.12 } of names) {
    const screen = screenInk(png, probe.bounds, marginY);
    const reference = await referenceInk(page, text, probe, 'bidi');
    const drawn = likeness(screen, inkBox(screen), reference, inkBox(reference));
    const tolerance = 0.1 * drawn.expectedWidth + 3;
    if (drawn.width === 0) wrong.push(`${label} "${text}": nothing drawn`);
    else if (Math.abs(drawn.width - drawn.expectedWidth) > tolerance)
      wrong.push(
        `${label} "${text}": ink ${drawn.width} px wide, the browser draws it ${drawn.expectedWidth} px`,
      );
    else if (drawn.shape < 0.8)
      wrong.push(
        `${label} "${text}": not the browser's drawing (likeness ${drawn.shape.toFixed(2)})`,
      );
    if (/[\u0590-\u08ff]/.test(text)) {
      const logical = await referenceInk(page, text, probe, 'logical');
      const asLogical = likeness(screen, inkBox(screen), logical, inkBox(logical));
      // Only where the two orders look different: a machine without a Hebrew or Arabic font draws
      // replacement boxes, which read the same both ways (Debian's fonts-dejavu-core has both).
      const orderShows =
        likeness(logical, inkBox(logical), reference, inkBox(reference)).shape < 0.8;
      if (orderShows && asLogical.shape > drawn.shape - 0.15)
        wrong.push(
          `${label} "${text}": reads as glyphs in logical order (${asLogical.shape.toFixed(2)}) ` +
            `rather than right to left (${drawn.shape.toFixed(2)})`,
        );
    }
  }
  return wrong;
}

const screenshot = async (page: Page, name: string) =>
  PNG.sync.read(await page.screenshot({ path: `${shots}/${name}.png` }));
const rowNames = (rows: NamedRow[]) =>
  rows
    .filter((row) => row.shown)
    .map((row) => ({ label: `#${row.key}`, text: row.name, probe: row.nameText }));
const fallbacks = (rows: NamedRow[]) =>
  Object.fromEntries(rows.map((row) => [row.key, row.nameText.fallback]));
const expectedFallbacks = (bibs: number[]) =>
  Object.fromEntries(bibs.map((bib) => [bib, fallbackBibs.has(bib)]));

describe('names in every script', () => {
  it('start list: each name drawn as the browser draws it; only names the bitmap font lacks fall back', async () => {
    await settled(board, fixture.host.revision);
    const { rows } = await view(board);
    expect(rows.map((row) => row.drawn.name)).toEqual(startList.map((skater) => skater.name));
    expect(fallbacks(rows)).toEqual(expectedFallbacks(startList.map((skater) => skater.bib)));
    const png = await screenshot(board, 'names-start-list');
    expect(await misdrawn(board, png, rowNames(rows))).toEqual([]);

    // The header: a meeting name in Hebrew and Latin falls back, the Latin race title does not.
    const { drawing } = (await view(board)).header!;
    expect([drawing.title.fallback, drawing.meeting.fallback]).toEqual([false, true]);
    const header = [
      { label: 'title', text: title, probe: drawing.title, marginY: 0 },
      { label: 'meeting', text: meeting, probe: drawing.meeting, marginY: 0 },
    ];
    expect(await misdrawn(board, png, header)).toEqual([]);

    // A Latin name that falls back for one letter looks like the bitmap one: same size, weight,
    // place in the row and colour.
    const row = (bib: number) => rows.find((r) => r.key === bib)!;
    const bitmap = screenInk(png, row(7).nameText.bounds);
    const canvas = screenInk(png, row(8).nameText.bounds);
    const bitmapBox = inkBox(bitmap)!;
    const canvasStart = inkBox(canvas)!.x0;
    const canvasBox = inkBox(canvas, canvasStart, canvasStart + bitmapBox.x1 - bitmapBox.x0)!;
    // Both rows sit in the same column of the table, at scale 1: screen offsets from the row.
    const place = (ink: Ink, box: InkBox, bib: number) => ({
      left: ink.left + box.x0 - row(bib).x,
      top: ink.top + box.y0 - row(bib).y,
      height: box.y1 - box.y0,
    });
    const offsets = place(canvas, canvasBox, 8);
    const expected = place(bitmap, bitmapBox, 7);
    for (const key of ['left', 'top', 'height'] as const)
      expect(Math.abs(offsets[key] - expected[key]), key).toBeLessThanOrEqual(2);
    expect(likeness(canvas, canvasBox, bitmap, bitmapBox).shape).toBeGreaterThan(0.85);
    const colour = brightest(png, row(8).nameText.bounds);
    brightest(png, row(7).nameText.bounds).forEach((channel, c) =>
      expect(Math.abs(colour[c]! - channel)).toBeLessThanOrEqual(8),
    );

    // Long names are squeezed into the same cell, canvas text or not.
    const long = row(9).nameText;
    const longCanvas = row(10).nameText;
    expect(long.scale.x).toBeLessThan(1);
    expect(longCanvas.scale.x).toBeLessThan(1);
    expect(longCanvas.bounds.x + longCanvas.bounds.width).toBeCloseTo(
      long.bounds.x + long.bounds.width,
      0,
    );
  }, 60_000);

  it('a renamed skater moves between the bitmap font and the fallback, both ways', async () => {
    const swapped = startList.map((skater) =>
      skater.bib === 1
        ? { ...skater, name: nameOf(4) }
        : skater.bib === 4
          ? { ...skater, name: nameOf(1) }
          : skater,
    );
    await settled(board, await fixture.race({ type: 'startList/set', skaters: swapped }));
    let { rows } = await view(board);
    const pick = (bibs: number[]) => rows.filter((row) => bibs.includes(row.key));
    expect(fallbacks(pick([1, 4]))).toEqual({ 1: true, 4: false });
    let png = await screenshot(board, 'names-renamed');
    expect(await misdrawn(board, png, rowNames(pick([1, 4])))).toEqual([]);

    await settled(board, await fixture.race({ type: 'startList/set', skaters: [...startList] }));
    ({ rows } = await view(board));
    expect(fallbacks(pick([1, 4]))).toEqual({ 1: false, 4: true });
    png = await screenshot(board, 'names-renamed-back');
    expect(await misdrawn(board, png, rowNames(pick([1, 4])))).toEqual([]);
  }, 60_000);

  it('live standings, the sprint banner and the results draw them the same way, in both themes', async () => {
    await fixture.program({ type: 'scene/shown', output: 'board', scene: 'live' });
    await settled(
      board,
      await fixture.race({ type: 'race/started' }, { type: 'laps/corrected', lapsCompleted: 4 }),
    );
    let { rows } = await view(board);
    expect(fallbacks(rows)).toEqual(expectedFallbacks(startList.map((skater) => skater.bib)));
    let png = await screenshot(board, 'names-live');
    expect(await misdrawn(board, png, rowNames(rows))).toEqual([]);

    // The high-contrast skin draws names bold: the fallback follows the weight.
    await settled(
      board,
      await fixture.program({ type: 'display/configured', theme: 'high-contrast' }),
    );
    ({ rows } = await view(board));
    expect(new Set(rows.map((row) => row.nameText.font.split(' ')[0]))).toEqual(new Set(['700']));
    png = await screenshot(board, 'names-live-high-contrast');
    expect(await misdrawn(board, png, rowNames(rows))).toEqual([]);
    await fixture.program({ type: 'display/configured', theme: 'default' });

    const sprint = await fixture.race({ type: 'sprint/placed', sprint: 1, bibs: [4, 5, 6] });
    await settled(board, sprint);
    const { banner } = await view(board);
    expect(banner!.shown).toBe(true);
    expect(banner!.nameTexts.map((name) => name.fallback)).toEqual([true, true, true]);
    png = await screenshot(board, 'names-sprint-banner');
    const placings = [4, 5, 6].map((bib, index) => ({
      label: `sprint placing ${index + 1}`,
      text: nameOf(bib),
      probe: banner!.nameTexts[index]!,
      marginY: 0,
    }));
    expect(await misdrawn(board, png, placings)).toEqual([]);

    const finishers = [5, 4, 6, 1, 2, 3, 7, 8, 9, 10];
    await fixture.race(
      { type: 'laps/corrected', lapsCompleted: 15 },
      { type: 'finish/recorded', bibs: finishers },
    );
    await settled(
      board,
      await fixture.program({ type: 'scene/shown', output: 'board', scene: 'results' }),
    );
    ({ rows } = await view(board));
    expect(fallbacks(rows)).toEqual(expectedFallbacks(finishers));
    png = await screenshot(board, 'names-results');
    expect(await misdrawn(board, png, rowNames(rows))).toEqual([]);
  }, 90_000);

  it('the logo scene draws the meeting name the same way', async () => {
    await settled(
      board,
      await fixture.program({ type: 'scene/shown', output: 'board', scene: 'blank' }),
    );
    const { drawing } = await view(board);
    expect([drawing!.meeting.fallback, drawing!.subtitle.fallback]).toEqual([true, false]);
    const png = await screenshot(board, 'names-blank');
    const texts = [
      { label: 'meeting', text: meeting, probe: drawing!.meeting },
      { label: 'subtitle', text: title, probe: drawing!.subtitle },
    ];
    expect(await misdrawn(board, png, texts)).toEqual([]);
  }, 60_000);

  it('the overlay: narrow standings and the result lower third (the semi: who goes to the final)', async () => {
    await fixture.program({ type: 'overlay/toggled', element: 'standings', visible: true });
    await fixture.program({ type: 'overlay/toggled', element: 'result', visible: true });
    const overlay = await openBoard(browser, fixture.url({ output: 'overlay' }));
    try {
      await settled(overlay, fixture.host.revision);
      const { rows, result } = await view(overlay);
      expect(fallbacks(rows)).toEqual(expectedFallbacks(rows.map((row) => row.key)));
      expect(rows).toHaveLength(startList.length);
      // "1 5 محمد علي EGY ": place, bib, name, nation (issue 18: the semi's lower third names
      // the eight who go to the final, each in the longest form of the name that fits).
      const through = result!.placings.map((placing) => Number(placing.split(' ')[1]));
      expect(through).toHaveLength(8);
      expect(result!.nameTexts.map((name) => name.fallback)).toEqual(
        through.map((bib) => fallbackBibs.has(bib)),
      );
      const png = await screenshot(overlay, 'names-overlay');
      const lowerThird = through.map((bib, index) => ({
        label: `result placing ${index + 1}`,
        text: result!.lines![index]!.name,
        probe: result!.nameTexts[index]!,
        marginY: 0,
      }));
      expect(result!.lines!.map((line) => line.key)).toEqual(through);
      // Rows 46 px apart with the qualification line between them: the line boxes only.
      const standings = rowNames(rows).map((name) => ({ ...name, marginY: 0 }));
      expect(await misdrawn(overlay, png, [...standings, ...lowerThird])).toEqual([]);
    } finally {
      await overlay.close();
    }
  }, 60_000);
});

/** The brightest colour in a box (the name's fill as tinted), to compare two names' colour. */
function brightest(png: PNG, bounds: Bounds): number[] {
  let best = [0, 0, 0];
  for (let y = Math.floor(bounds.y); y < Math.ceil(bounds.y + bounds.height); y++)
    for (let x = Math.floor(bounds.x); x < Math.ceil(bounds.x + bounds.width); x++) {
      const i = (y * png.width + x) * 4;
      const rgb = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (rgb[0]! + rgb[1]! + rgb[2]! > best[0]! + best[1]! + best[2]!) best = rgb;
    }
  return best;
}
