import type { Align } from './text.ts';

/** The cells a standings row can show, left to right. */
export type Cell =
  'rank' | 'bib' | 'flag' | 'nation' | 'name' | 'sprints' | 'final' | 'total' | 'detail' | 'mark';

/** Where one cell sits in its row. */
export interface CellBox {
  readonly x: number;
  readonly width: number;
  readonly align: Align;
}

/** How every row of one table is arranged: decided on resize, applied by each row. */
export interface RowLayout {
  readonly width: number;
  readonly height: number;
  /** Size of numbers and labels; names use `nameSize`. */
  readonly fontSize: number;
  readonly nameSize: number;
  readonly radius: number;
  /** Alternate row shading (tables), or every row a card (ribbon, overlay). */
  readonly striped: boolean;
  readonly cells: Readonly<Partial<Record<Exclude<Cell, 'sprints'>, CellBox>>>;
  /** One box per intermediate sprint column. */
  readonly sprints: readonly CellBox[];
}

/** Cell widths as multiples of the row height; the name takes what is left. */
const widths: Record<Exclude<Cell, 'name'>, number> = {
  rank: 1.25,
  bib: 1.25,
  flag: 1.05,
  nation: 1.35,
  sprints: 1.05,
  final: 1.15,
  total: 1.45,
  detail: 2.5,
  mark: 1.6,
};

/** Tighter cells for small tables (overlay top N, ribbon cards), where the name needs the room. */
const compactWidths: Record<Exclude<Cell, 'name'>, number> = {
  ...widths,
  rank: 0.9,
  bib: 1.1,
  flag: 0.95,
  total: 1.1,
  mark: 1.1,
};

const alignment: Record<Cell, Align> = {
  rank: 'center',
  bib: 'center',
  flag: 'center',
  nation: 'left',
  name: 'left',
  sprints: 'center',
  final: 'center',
  total: 'center',
  detail: 'right',
  mark: 'center',
};

/**
 * Lays out a row of `width` x `height` with the given cells in order: fixed cells sized to the
 * row height (so a 4K or LED layout keeps its proportions), the name filling the rest.
 */
export function rowLayout(
  width: number,
  height: number,
  cells: readonly Cell[],
  sprintCount: number,
  options: { striped?: boolean; fontScale?: number; compact?: boolean } = {},
): RowLayout {
  const table = options.compact ? compactWidths : widths;
  // Tight rows (a 24-skater field on 1080 lines) fill more of their height with type, and the
  // cells grow with the type rather than with the row.
  const fontShare = height < 48 ? 0.7 : 0.56;
  const fontSize = Math.round(height * fontShare * (options.fontScale ?? 1));
  const unit = (height * fontShare) / 0.56;
  const pad = Math.round(unit * (options.compact ? 0.12 : 0.18));
  const gap = Math.round(unit * (options.compact ? 0.1 : 0.12));
  const cellWidth = (cell: Exclude<Cell, 'name'>) =>
    table[cell] * unit * (cell === 'sprints' ? sprintCount : 1);
  const fixed = cells.reduce((sum, cell) => sum + (cell === 'name' ? 0 : cellWidth(cell) + gap), 0);
  const nameWidth = Math.max(height, width - 2 * pad - fixed - (cells.includes('name') ? gap : 0));
  const boxes: Partial<Record<Cell, CellBox>> = {};
  const sprints: CellBox[] = [];
  let x = pad;
  for (const cell of cells) {
    const cellSize = cell === 'name' ? nameWidth : cellWidth(cell);
    if (cell === 'sprints') {
      for (let i = 0; i < sprintCount; i++)
        sprints.push({
          x: x + i * table.sprints * unit,
          width: table.sprints * unit,
          align: 'center',
        });
    } else {
      boxes[cell] = { x, width: cellSize, align: alignment[cell] };
    }
    x += cellSize + gap;
  }
  return {
    width,
    height,
    fontSize,
    nameSize: Math.round(fontSize * 1.04),
    radius: Math.round(height * 0.14),
    striped: options.striped ?? true,
    cells: boxes,
    sprints,
  };
}
