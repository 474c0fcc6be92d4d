import type { BitmapText } from 'pixi.js';
import { Container, Graphics } from 'pixi.js';
import type { BoardColumns, BoardRow } from '../../../shared/board/model.ts';
import type { Animator } from '../engine/animator.ts';
import type { FlagTextures } from '../flags.ts';
import type { Theme } from '../theme.ts';
import type { NameProbe } from './name-text.ts';
import { QualificationLine, type QualificationProbe } from './qualification-line.ts';
import { rowLayout, type Cell, type RowLayout } from './row-layout.ts';
import { StandingsRow } from './standings-row.ts';
import { assign, makeText, resize, align, tint } from './text.ts';

/** Where a table sits and how its rows are arranged: one column (screens) or a grid (ribbons). */
export interface TableGeometry {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Column header height; 0 for none. */
  readonly headerHeight: number;
  readonly rowHeight: number;
  readonly rowGap: number;
  readonly columns: number;
  readonly columnGap: number;
  readonly rowsPerColumn: number;
  readonly striped: boolean;
  readonly fontScale?: number;
  /** Tighter cells (overlay, ribbon): the name gets the room. */
  readonly compact?: boolean;
}

/** What a test or the bench reads of a row. */
export interface RowProbe {
  readonly key: number;
  readonly x: number;
  readonly y: number;
  readonly targetY: number;
  readonly shown: boolean;
  readonly rank: string;
  readonly bib: string;
  readonly name: string;
  readonly nation: string;
  readonly sprints: readonly string[];
  readonly final: string;
  readonly total: string;
  readonly status: string;
  readonly qualified: string;
  readonly detail: string;
  readonly dimmed: boolean;
  /** The strings as drawn this frame (the total counts up to the model's). */
  readonly drawn: ReturnType<StandingsRow['drawn']>;
  /** How the name is drawn: the bitmap font, or the canvas fallback for scripts it lacks. */
  readonly nameText: NameProbe;
}

/**
 * The standings: a pool of rows keyed by helmet number (created once per race), a header and
 * stripes that never move (static chrome), and the qualification line, which glides with the rows.
 */
export class StandingsTable {
  /** Header and stripes: static, for the scene's chrome render group. */
  readonly chrome = new Container();
  /** Rows and the qualification line: for the scene's live render group. */
  readonly live = new Container();
  private readonly rows = new Map<number, StandingsRow>();
  private readonly stripes = new Graphics();
  private readonly headers = new Map<string, BitmapText>();
  private readonly sprintHeaders: BitmapText[] = [];
  private readonly qualification: QualificationLine;
  private geometry: TableGeometry | null = null;
  private layoutSpec: RowLayout | null = null;
  private order: readonly BoardRow[] = [];
  private laidOut = false;

  private theme!: Theme;

  constructor(
    private readonly flags: FlagTextures,
    private readonly animator: Animator,
    private readonly cells: readonly Cell[],
    private sprintCount = 3,
  ) {
    this.chrome.addChild(this.stripes);
    this.qualification = new QualificationLine(animator);
    this.live.addChild(this.qualification);
  }

  /** Slots the table shows (rows beyond fade out: the overlay's top N, a full ribbon). */
  get capacity(): number {
    return this.geometry ? this.geometry.columns * this.geometry.rowsPerColumn : 0;
  }

  /** Lays the table out anew (resize, theme, number of sprints): rows jump, nothing glides. */
  layout(geometry: TableGeometry, theme: Theme): void {
    this.geometry = geometry;
    this.theme = theme;
    const columnWidth =
      (geometry.width - (geometry.columns - 1) * geometry.columnGap) / geometry.columns;
    this.layoutSpec = rowLayout(columnWidth, geometry.rowHeight, this.cells, this.sprintCount, {
      striped: geometry.striped,
      fontScale: geometry.fontScale ?? 1,
      compact: geometry.compact ?? false,
    });
    this.chrome.position.set(geometry.x, geometry.y);
    this.live.position.set(geometry.x, geometry.y);
    this.drawStripes();
    this.drawHeaders();
    this.qualification.draw(columnWidth, geometry.rowHeight, theme);
    for (const row of this.rows.values()) row.arrange(this.layoutSpec, theme);
    this.laidOut = false;
    this.place(0, false);
  }

  /** Forgets every row (a new race): the next update creates the pool anew. */
  reset(): void {
    for (const row of this.rows.values()) row.destroy({ children: true });
    this.rows.clear();
    this.order = [];
    this.laidOut = false;
  }

  /** Draws the rows in model order; rows glide to new places, the Q line follows. */
  update(
    rows: readonly BoardRow[],
    columns: BoardColumns,
    qualificationLine: number | null,
    certain: boolean,
    now: number,
    animate: boolean,
    podium = false,
  ): void {
    if (columns.sprints.length !== this.sprintCount) {
      this.sprintCount = columns.sprints.length;
      if (this.geometry) this.layout(this.geometry, this.theme);
    }
    this.updateHeaders(columns);
    for (const model of rows) {
      let row = this.rows.get(model.key);
      if (!row) {
        row = new StandingsRow(model.key, this.theme, this.flags, this.animator);
        if (this.layoutSpec) row.arrange(this.layoutSpec, this.theme);
        this.rows.set(model.key, row);
        this.live.addChildAt(row, 0);
      }
      row.update(model, now, animate && this.laidOut, podium);
    }
    this.order = rows;
    this.qualification.mark(qualificationLine, certain);
    this.place(now, animate && this.laidOut);
    this.laidOut = true;
  }

  /** Rows as drawn, in model order (tests and the bench read them through window.__board). */
  probe(): RowProbe[] {
    return this.order.flatMap((model) => {
      const row = this.rows.get(model.key);
      if (!row) return [];
      return [
        {
          ...model,
          x: row.x,
          y: row.y,
          targetY: row.targetY,
          shown: row.shown,
          drawn: row.drawn(),
          nameText: row.nameProbe(),
        },
      ];
    });
  }

  /** Where the qualification line is drawn (null: not shown). */
  qualificationProbe(): QualificationProbe | null {
    return this.qualification.probe();
  }

  private slot(index: number): { x: number; y: number } {
    const g = this.geometry!;
    const column = Math.floor(index / g.rowsPerColumn);
    const row = index % g.rowsPerColumn;
    const columnWidth = (g.width - (g.columns - 1) * g.columnGap) / g.columns;
    return {
      x: column * (columnWidth + g.columnGap),
      y: g.headerHeight + row * (g.rowHeight + g.rowGap),
    };
  }

  private place(now: number, animate: boolean): void {
    if (!this.geometry) return;
    const capacity = this.capacity;
    const present = new Set<number>();
    this.order.forEach((model, index) => {
      const row = this.rows.get(model.key)!;
      present.add(model.key);
      const inside = index < capacity;
      const { x, y } = this.slot(Math.min(index, capacity));
      row.moveTo(x, y, now, animate);
      row.show(inside, now, animate);
    });
    for (const [key, row] of this.rows) if (!present.has(key)) row.show(false, now, animate);
    const line = this.qualification.after;
    if (line === null || line <= 0 || line >= Math.min(this.order.length, capacity)) {
      this.qualification.hide();
      return;
    }
    const last = this.slot(line - 1);
    const y = last.y + this.geometry.rowHeight + this.geometry.rowGap / 2;
    this.qualification.moveTo(last.x, y, now, animate);
  }

  private drawStripes(): void {
    const g = this.geometry!;
    const spec = this.layoutSpec!;
    this.stripes.clear();
    if (!g.striped) return;
    for (let index = 0; index < this.capacity; index++) {
      const { x, y } = this.slot(index);
      this.stripes.roundRect(x, y, spec.width, g.rowHeight, spec.radius).fill({
        color: index % 2 === 0 ? this.theme.rowEven : this.theme.rowOdd,
        alpha: this.theme.rowAlpha,
      });
    }
  }

  private drawHeaders(): void {
    const g = this.geometry!;
    const spec = this.layoutSpec!;
    const size = Math.max(14, Math.min(g.headerHeight * 0.62, spec.fontSize * 0.62));
    const cellNames: Exclude<Cell, 'sprints' | 'flag' | 'mark'>[] = [
      'rank',
      'bib',
      'nation',
      'name',
      'final',
      'total',
      'detail',
    ];
    for (const cell of cellNames) {
      let header = this.headers.get(cell);
      if (!header) {
        header = makeText('bold', size, this.theme.accent);
        this.headers.set(cell, header);
        this.chrome.addChild(header);
      }
      const box = cell === 'nation' ? (spec.cells.flag ?? spec.cells.nation) : spec.cells[cell];
      this.placeHeader(header, box, size, g.headerHeight);
    }
    while (this.sprintHeaders.length < spec.sprints.length) {
      const header = makeText('bold', size, this.theme.accent, 'center');
      this.sprintHeaders.push(header);
      this.chrome.addChild(header);
    }
    this.sprintHeaders.forEach((header, index) =>
      this.placeHeader(header, spec.sprints[index], size, g.headerHeight),
    );
  }

  private placeHeader(
    header: BitmapText,
    box: { x: number; width: number; align: 'left' | 'center' | 'right' } | undefined,
    size: number,
    headerHeight: number,
  ): void {
    header.visible = box !== undefined && headerHeight > 0;
    if (!box) return;
    resize(header, size);
    const alignment = box === this.layoutSpec!.cells.flag ? 'left' : box.align;
    align(header, alignment);
    header.x =
      alignment === 'left'
        ? box.x
        : alignment === 'center'
          ? box.x + box.width / 2
          : box.x + box.width;
    header.y = headerHeight / 2;
    tint(header, this.theme.accent);
  }

  private updateHeaders(columns: BoardColumns): void {
    const texts: Record<string, string> = {
      rank: columns.rank,
      bib: columns.bib,
      nation: columns.nation,
      name: columns.name,
      final: columns.final,
      total: columns.total,
      detail: columns.detail,
    };
    for (const [cell, header] of this.headers) assign(header, texts[cell] ?? '');
    this.sprintHeaders.forEach((header, index) => assign(header, columns.sprints[index] ?? ''));
  }
}
