import type { BitmapText, Container } from 'pixi.js';
import type { BoardColumns } from '../../../shared/board/model.ts';
import type { Theme } from '../theme.ts';
import { outputBox, type OutputBox } from './badges.ts';
import type { Cell, CellBox, RowLayout } from './row-layout.ts';
import type { TableGeometry } from './table-geometry.ts';
import { align, assign, fitWidth, makeText, resize, tint } from './text.ts';

/** Size of a table's column headers. Far: a cap height of at least 2.5 % of the screen (issue 18). */
export function headerSize(g: TableGeometry, spec: RowLayout): number {
  return g.far
    ? g.headerHeight * 0.75
    : Math.max(14, Math.min(g.headerHeight * 0.62, spec.fontSize * 0.62));
}

/** The column headers of a standings table: static chrome over the cells they name. */
export class ColumnHeaders {
  private readonly headers = new Map<string, BitmapText>();
  private readonly sprintHeaders: BitmapText[] = [];
  private theme: Theme | null = null;
  private spec: RowLayout | null = null;

  /** `chrome`: the table's static layer the headers are drawn in. */
  constructor(private readonly chrome: Container) {}

  /** Lays the headers over the cells of `spec` (on resize or theme change). */
  draw(g: TableGeometry, spec: RowLayout, theme: Theme): void {
    this.theme = theme;
    this.spec = spec;
    const size = headerSize(g, spec);
    const cellNames: Exclude<Cell, 'sprints' | 'flag' | 'mark'>[] = [
      'rank',
      'bib',
      'nation',
      'name',
      'final',
      'total',
      'gap',
      'detail',
    ];
    for (const cell of cellNames) {
      let header = this.headers.get(cell);
      if (!header) {
        header = makeText('bold', size, theme.accent);
        this.headers.set(cell, header);
        this.chrome.addChild(header);
      }
      const box = cell === 'nation' ? (spec.cells.flag ?? spec.cells.nation) : spec.cells[cell];
      this.place(header, box, size, g.headerHeight);
    }
    while (this.sprintHeaders.length < spec.sprints.length) {
      const header = makeText('bold', size, theme.accent, 'center');
      this.sprintHeaders.push(header);
      this.chrome.addChild(header);
    }
    this.sprintHeaders.forEach((header, index) =>
      this.place(header, spec.sprints[index], size, g.headerHeight),
    );
  }

  /**
   * The headers' words (the model's columns, in the board's language); `gap`: the gap column's
   * (issue 21, the loop's), fitted to its narrow cell.
   */
  update(columns: BoardColumns, gap = ''): void {
    const texts: Record<string, string> = {
      gap,
      rank: columns.rank,
      bib: columns.bib,
      nation: columns.nation,
      name: columns.name,
      final: columns.final,
      total: columns.total,
      detail: columns.detail,
    };
    for (const [cell, header] of this.headers)
      if (assign(header, texts[cell] ?? '') && cell === 'gap') this.fitGap(header);
    this.sprintHeaders.forEach((header, index) => assign(header, columns.sprints[index] ?? ''));
  }

  /** The headers drawn, and where (tests measure their cap height). */
  probe(): { text: string; box: OutputBox }[] {
    return [...this.headers.values(), ...this.sprintHeaders]
      .filter((header) => header.visible && header.text !== '')
      .map((header) => ({ text: header.text, box: outputBox(header) }));
  }

  private place(
    header: BitmapText,
    box: CellBox | undefined,
    size: number,
    headerHeight: number,
  ): void {
    header.visible = box !== undefined && headerHeight > 0;
    if (!box) return;
    resize(header, size);
    // The nation's header stands over the flag, from its left edge.
    const alignment = box === this.spec!.cells.flag ? 'left' : box.align;
    align(header, alignment);
    header.x =
      alignment === 'left'
        ? box.x
        : alignment === 'center'
          ? box.x + box.width / 2
          : box.x + box.width;
    header.y = headerHeight / 2;
    tint(header, this.theme!.accent);
    if (box === this.spec!.cells.gap) this.fitGap(header);
  }

  /** "VERSCHIL", "DISTACCO" are wider than "+12.9": squeezed into the cell, never over "PTS". */
  private fitGap(header: BitmapText): void {
    const box = this.spec?.cells.gap;
    if (box) fitWidth(header, box.width);
  }
}
