import type { Align } from './text.ts';

/** The cells a standings row can show, left to right. */
export type Cell =
  | 'rank'
  | 'bib'
  | 'flag'
  | 'nation'
  | 'name'
  | 'sprints'
  | 'final'
  | 'total'
  | 'gap'
  | 'detail'
  | 'mark';

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
  /**
   * The "needs top N" chip stands in the mark column (far rows: a skater who needs a place has
   * no badge there, and the big name keeps its room) rather than at the end of the name.
   */
  readonly needsInMark?: boolean;
}

/** Far rows (issue 18): names fill this share of a row's height, numbers `farNumberShare`. */
export const farNameShare = 0.8;
export const farNumberShare = 0.6;

/** Cell widths as multiples of the row height; the name takes what is left. */
const widths: Record<Exclude<Cell, 'name'>, number> = {
  rank: 1.25,
  bib: 1.25,
  flag: 1.05,
  nation: 1.35,
  sprints: 1.05,
  final: 1.15,
  total: 1.45,
  /** "+12.9" behind the leader (issue 21). */
  gap: 1.35,
  detail: 2.5,
  mark: 1.6,
};

/**
 * The far layout's cells (issue 18): numbers sized to the big names but no wider than they need,
 * so the name keeps most of the row.
 */
const farWidths: Record<Exclude<Cell, 'name'>, number> = {
  rank: 1.0,
  bib: 1.1,
  flag: 1.0,
  nation: 1.25,
  sprints: 0.9,
  final: 1.0,
  total: 1.2,
  gap: 1.1,
  detail: 2.2,
  mark: 1.2,
};

/** The ribbon's cards (issue 18): the least room for everything but the name. */
const cardWidths: Record<Exclude<Cell, 'name'>, number> = {
  ...farWidths,
  rank: 0.75,
  bib: 1.0,
  flag: 0.95,
  total: 0.9,
  mark: 0.85,
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
  gap: 'right',
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
  options: {
    striped?: boolean;
    fontScale?: number;
    compact?: boolean;
    far?: boolean;
    cards?: boolean;
    /** "Needs top N" chips in the mark column, made wide enough for them (far live standings). */
    needsInMark?: boolean;
  } = {},
): RowLayout {
  const table = options.cards
    ? cardWidths
    : options.far
      ? farWidths
      : options.compact
        ? compactWidths
        : widths;
  // Tight rows (a 24-skater field on 1080 lines) fill more of their height with type, and the
  // cells grow with the type rather than with the row. Far rows are sized from their names
  // (a cap height of 5.5 % of the screen: scene-layout.ts), the names fill them.
  const fontShare = options.far ? farNumberShare : height < 48 ? 0.7 : 0.56;
  const fontSize = Math.round(height * fontShare * (options.fontScale ?? 1));
  // Cells are sized to the type (a taller row with the same type keeps its cells).
  const unit = (height * fontShare * (options.fontScale ?? 1)) / 0.56;
  const pad = Math.round(unit * (options.compact ? 0.12 : options.far ? 0.15 : 0.18));
  const gap = Math.round(unit * (options.compact || options.far ? 0.1 : 0.12));
  const cellWidth = (cell: Exclude<Cell, 'name'>) =>
    (cell === 'mark' && options.needsInMark ? 1.9 : table[cell]) *
    unit *
    (cell === 'sprints' ? sprintCount : 1);
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
    nameSize: options.far
      ? Math.round(height * farNameShare * (options.fontScale ?? 1))
      : Math.round(fontSize * 1.04),
    radius: Math.round(height * 0.14),
    striped: options.striped ?? true,
    cells: boxes,
    sprints,
    needsInMark: options.needsInMark ?? false,
  };
}
