// The live standings' gap column (issue 21): where it goes, and whether it fits. Split out of
// standings-table.ts, which only asks.
import type { BoardRow } from '../../../shared/board/model.ts';
import type { Theme } from '../theme.ts';
import { NameText } from './name-text.ts';
import type { Cell, RowLayout } from './row-layout.ts';
import { leastSqueeze } from './text.ts';

/** The cells with the gap column after the total (before the mark). */
export function gapCells(cells: readonly Cell[]): Cell[] {
  const total = cells.indexOf('total');
  const mark = cells.indexOf('mark');
  const at = total >= 0 ? total + 1 : mark >= 0 ? mark : cells.length;
  return [...cells.slice(0, at), 'gap', ...cells.slice(at)];
}

/** A row's shortest name form (the last a layout may take). */
export function shortestForm(row: BoardRow): string {
  return row.names.at(-1) ?? row.name;
}

/** Measures names for the fit (never drawn). */
let measure: NameText | null = null;

/**
 * Whether every skater's shortest name form fits the name cell of `spec` at 85 % or wider: the
 * gap column comes only where it costs no skater his name's size (as the board leaves out other
 * columns where they do not fit). Measured at layout time, never per frame.
 */
export function namesFit(spec: RowLayout, rows: readonly BoardRow[], theme: Theme): boolean {
  const room = spec.cells.name?.width ?? 0;
  if (room <= 0) return false;
  measure ??= new NameText(theme.nameFont, spec.nameSize);
  measure.role = theme.nameFont;
  measure.size = spec.nameSize;
  return rows.every((row) => {
    measure!.text = shortestForm(row);
    return measure!.width * leastSqueeze <= room;
  });
}
