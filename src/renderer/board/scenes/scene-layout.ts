import type { Box, Viewport } from '../layout.ts';
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

/** Wide: the lap board as a tall panel left of the standings; 4:3: as a bar above them. */
export function sideBySide(viewport: Viewport, content: Box): { lapBox: Box; tableBox: Box } {
  const gap = viewport.height * 0.028;
  if (viewport.aspect === 'wide') {
    const lapWidth = Math.round(Math.min(content.width * 0.3, content.height * 0.6));
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
  const lapHeight = Math.round(content.height * 0.27);
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

/** A ribbon's standings: three rows of cards, columns for everyone as far as they stay readable. */
export function ribbonTable(box: Box, count: number): TableGeometry {
  const rowsPerColumn = 3;
  const rowGap = Math.round(box.height * 0.035);
  const rowHeight = (box.height - (rowsPerColumn - 1) * rowGap) / rowsPerColumn;
  const columnGap = Math.round(box.height * 0.06);
  const fitting = Math.max(1, Math.floor((box.width + columnGap) / (rowHeight * 4.2 + columnGap)));
  const columns = Math.min(fitting, Math.max(1, Math.ceil(count / rowsPerColumn)));
  return {
    x: box.x,
    y: box.y,
    width: box.width,
    headerHeight: 0,
    rowHeight,
    rowGap,
    columns,
    columnGap,
    rowsPerColumn,
    striped: true,
    compact: true,
  };
}
