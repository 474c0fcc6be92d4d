import type { Box, Viewport } from '../layout.ts';
import { farNameShare } from '../widgets/row-layout.ts';
import type { TableGeometry } from '../widgets/standings-table.ts';

/** The title band at the top of the safe area. */
export function headerBox(viewport: Viewport): Box {
  const { safe } = viewport;
  return { x: safe.x, y: safe.y, width: safe.width, height: Math.round(viewport.height * 0.06) };
}

/** The area under the header band. */
export function contentBox(viewport: Viewport): Box {
  const header = headerBox(viewport);
  const top = header.y + header.height + viewport.height * 0.025;
  return {
    x: viewport.safe.x,
    y: top,
    width: viewport.safe.width,
    height: viewport.safe.y + viewport.safe.height - top,
  };
}

/**
 * Wide: the lap board as a tall panel left of the standings; 4:3: as a bar above them. The far
 * layout gives the standings a little more (its names are big), the figure stays the hero.
 */
export function sideBySide(
  viewport: Viewport,
  content: Box,
  far = false,
): { lapBox: Box; tableBox: Box } {
  const gap = viewport.height * 0.028;
  if (viewport.aspect === 'wide') {
    const lapWidth = Math.round(Math.min(content.width * (far ? 0.25 : 0.3), content.height * 0.6));
    return {
      lapBox: { x: content.x, y: content.y, width: lapWidth, height: content.height },
      tableBox: {
        x: content.x + lapWidth + gap,
        y: content.y,
        width: content.width - lapWidth - gap,
        height: content.height,
      },
    };
  }
  const lapHeight = Math.round(content.height * (far ? 0.2 : 0.27));
  return {
    lapBox: { x: content.x, y: content.y, width: content.width, height: lapHeight },
    tableBox: {
      x: content.x,
      y: content.y + lapHeight + gap,
      width: content.width,
      height: content.height - lapHeight - gap,
    },
  };
}

/** One column of `count` rows filling `box` (rows no taller than `maxRow`), with a column header. */
export function fitTable(
  box: Box,
  count: number,
  maxRow: number,
  options: { header?: boolean; columns?: number } = {},
): TableGeometry {
  const columns = options.columns ?? 1;
  const headerHeight = options.header === false ? 0 : Math.round(Math.min(40, box.height * 0.05));
  const rowsPerColumn = Math.max(1, Math.ceil(count / columns));
  const pitch = Math.min(maxRow * 1.1, (box.height - headerHeight) / rowsPerColumn);
  const rowGap = Math.max(2, Math.round(pitch * 0.09));
  return {
    x: box.x,
    y: box.y,
    width: box.width,
    headerHeight,
    rowHeight: pitch - rowGap,
    rowGap,
    columns,
    columnGap: Math.round(box.width * 0.025),
    rowsPerColumn,
    striped: true,
  };
}

/**
 * A ribbon's standings (issue 18): columns of cards wide enough for a readable name, three cards
 * high (four where three leave room for one column only: an LED wall, fewer pages), paged when
 * the field does not fit, the page number at the right end.
 */
export function ribbonTable(box: Box, count: number): TableGeometry {
  const shape = (rowsPerColumn: number, width: number) => {
    const rowGap = Math.round(box.height * 0.035);
    const rowHeight = (box.height - (rowsPerColumn - 1) * rowGap) / rowsPerColumn;
    const columnGap = Math.round(box.height * 0.06);
    const fitting = Math.max(1, Math.floor((width + columnGap) / (rowHeight * 6.2 + columnGap)));
    return { rowsPerColumn, rowGap, rowHeight, columnGap, fitting };
  };
  const three = shape(3, box.width);
  let chosen = three.fitting === 1 && count > 3 ? shape(4, box.width) : three;
  const paged = count > chosen.fitting * chosen.rowsPerColumn;
  const labelWidth = paged ? chosen.rowHeight * 1.1 : 0;
  if (paged) chosen = shape(chosen.rowsPerColumn, box.width - labelWidth);
  const columns = Math.min(chosen.fitting, Math.max(1, Math.ceil(count / chosen.rowsPerColumn)));
  return {
    x: box.x,
    y: box.y,
    width: box.width - labelWidth,
    headerHeight: 0,
    rowHeight: chosen.rowHeight,
    rowGap: chosen.rowGap,
    columns,
    columnGap: chosen.columnGap,
    rowsPerColumn: chosen.rowsPerColumn,
    striped: true,
    compact: true,
    cards: true,
    paged: true,
    pageLabelAt: paged
      ? { x: box.width, y: box.height / 2, size: Math.min(chosen.rowHeight * 0.55, 40) }
      : undefined,
  };
}

/**
 * The far layout's names (issue 18: read from 100-150 m): a cap height of about 5.5 % of the
 * screen height, never under 5 % (the review measured cap heights: 2.0-2.4 % today). A 1080-line
 * screen with eight rows, its column headers and the bar gives 5.2 %; fewer rows where that
 * would go under 5 % (a 4:3 screen under its lap board).
 */
export const farNameCap = 0.055;
export const farMinNameCap = 0.05;
/** Cap height over font size of the board's name font (Barlow Condensed: 700/1000). */
export const nameCapRatio = 0.7;
/** At most this many rows at a time in the far layout. */
export const farMaxRows = 8;
/** Column headers and the bar's label: a cap height of at least 2.5 % (issue 18). */
export const farHeaderShare = 0.05;

/** What a far table needs to know beyond its box. */
export interface FarOptions {
  /** Rows to show (the whole field; the table pages through it). */
  readonly count: number;
  /** Height of the screen in virtual pixels (names are a share of it). */
  readonly screenHeight: number;
  /** Room for the qualification bar between two rows (a semi-final). */
  readonly bar: boolean;
  /** A column header row (standings), or none (start list). */
  readonly header: boolean;
  readonly columns?: number;
  /** Rows may grow this much over the names' size to fill the box (start list). */
  readonly grow?: number;
}

/**
 * The far layout's table in `box` (issue 18): rows sized from the names (cap height 5.5 % of
 * the screen, at least 5 %), column headers of 2.5 % cap height, at most eight rows a column,
 * the qualification bar in a band of its own; the table pages through the field.
 */
export function farTable(box: Box, options: FarOptions): TableGeometry {
  const columns = options.columns ?? 1;
  const rowFor = (cap: number) => (options.screenHeight * cap) / nameCapRatio / farNameShare;
  const idealRow = rowFor(farNameCap);
  const smallestRow = rowFor(farMinNameCap);
  const headerHeight = options.header ? Math.round(options.screenHeight * farHeaderShare) : 0;
  const barHeight = options.bar ? Math.round(options.screenHeight * 0.055) : 0;
  const gapFor = (pitch: number) => Math.max(4, Math.round(pitch * 0.075));
  const room = box.height - headerHeight - barHeight;
  const fitting = Math.max(1, Math.floor(room / (smallestRow + gapFor(smallestRow))));
  const wanted = Math.max(1, Math.ceil(options.count / columns));
  const rowsPerColumn = Math.min(farMaxRows, fitting, wanted);
  // Spare height goes to the rows (up to `grow` over the ideal), so a short field fills the
  // screen; the type grows a little with them, not so much that the names need shortening.
  const pitch = Math.min((idealRow + gapFor(idealRow)) * (options.grow ?? 1), room / rowsPerColumn);
  const rowGap = gapFor(pitch);
  const rowHeight = pitch - rowGap;
  const fontScale = Math.min(1, (1.08 * idealRow) / rowHeight);
  return {
    fontScale,
    x: box.x,
    y: box.y,
    width: box.width,
    headerHeight,
    rowHeight,
    rowGap,
    columns,
    columnGap: Math.round(box.width * 0.025),
    rowsPerColumn,
    striped: true,
    far: true,
    barHeight,
    paged: true,
  };
}

/** The dense layout's table (everyone at once), with the venue board's bar band and paging. */
export function denseTable(
  box: Box,
  count: number,
  maxRow: number,
  options: { bar: boolean; header?: boolean; columns?: number },
): TableGeometry {
  const barHeight = options.bar ? Math.round(Math.min(44, box.height * 0.05)) : 0;
  const fitted = fitTable(
    { ...box, height: box.height - barHeight },
    count,
    maxRow,
    options.header === false
      ? { header: false, columns: options.columns }
      : { columns: options.columns },
  );
  return { ...fitted, barHeight, paged: true };
}

/** Rows of a table that fit above `height` from its top (the sprint banner covers the rest). */
export function rowsAbove(geometry: TableGeometry, height: number): number {
  const room = height - geometry.headerHeight - (geometry.barHeight ?? 0) + geometry.rowGap;
  return Math.max(1, Math.floor(room / (geometry.rowHeight + geometry.rowGap)));
}
