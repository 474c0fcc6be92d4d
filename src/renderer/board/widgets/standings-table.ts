import { Container } from 'pixi.js';
import { fill } from '../../../shared/board/labels.ts';
import type { BoardColumns, BoardRow, QualificationModel } from '../../../shared/board/model.ts';
import type { Animator } from '../engine/animator.ts';
import type { FlagTextures } from '../flags.ts';
import { lineOnPage, standingsPages, type StandingsPage } from '../paging.ts';
import type { Theme } from '../theme.ts';
import { outputBox, type OutputBox } from './badges.ts';
import { BandDivider } from './band-divider.ts';
import { QualificationBar } from './qualification-bar.ts';
import {
  QualificationLine,
  type QualificationMark,
  type QualificationProbe,
} from './qualification-line.ts';
import { rowLayout, type Cell, type RowLayout } from './row-layout.ts';
import type { PageProbe, RowProbe, TableGeometry } from './table-geometry.ts';
import { ColumnHeaders, headerSize } from './table-headers.ts';
import { StandingsRow } from './standings-row.ts';
import { gapCells, namesFit, shortestForm } from './gap-column.ts';
import { assign, makeText, resize, tint } from './text.ts';

export type { PageProbe, RowProbe, TableGeometry } from './table-geometry.ts';

/**
 * The standings: a pool of rows keyed by helmet number (created once per race), a header that
 * never moves (static chrome), the qualification line or bar and the divider between skaters
 * with points and without, which glide with the rows. On the venue board it pages through the
 * field with the qualification line on every page (paging.ts); the board turns the pages.
 */
export class StandingsTable {
  /** The header: static, for the scene's chrome render group. */
  readonly chrome = new Container();
  private readonly headers = new ColumnHeaders(this.chrome);
  /** Rows, the qualification line and the divider: for the scene's live render group. */
  readonly live = new Container();
  private readonly rows = new Map<number, StandingsRow>();
  private readonly line: QualificationLine;
  private readonly bar: QualificationBar;
  private readonly divider: BandDivider;
  private readonly pageText = makeText('bold', 30, 0xffffff, 'right');
  private geometry: TableGeometry | null = null;
  private layoutSpec: RowLayout | null = null;
  private order: readonly BoardRow[] = [];
  private laidOut = false;
  private pages: StandingsPage[] = [{ start: 0, end: 0 }];
  private pageIndex = 0;
  /** Rows a page may show while something covers the rest (the sprint banner); null: all slots. */
  private limit: number | null = null;
  private pageTemplate = '{page}/{pages}';
  /** The next placing turns to the page with the line (the banner just came up or down). */
  private toLine = false;
  private lineAfter: number | null = null;
  /** The gap column (issue 21): wanted (timing on), its header and figures, and whether it fits. */
  private gapWanted = false;
  private gapHeader = '';
  private gapFigures: Readonly<Record<string, string>> | null = null;
  private gapShown = false;
  /** The field's shortest name forms the fit was judged for. */
  private fitFor = '';

  private theme!: Theme;

  constructor(
    private readonly flags: FlagTextures,
    private readonly animator: Animator,
    private readonly cells: readonly Cell[],
    private sprintCount = 3,
    /** May show the loop's gap column after the total (live standings; issue 21). */
    private readonly gapAllowed = false,
  ) {
    this.line = new QualificationLine(animator);
    this.bar = new QualificationBar(animator);
    this.divider = new BandDivider(animator);
    // Rows rising past others are drawn over them (zIndex), the line and the divider over all.
    this.live.sortableChildren = true;
    for (const mark of [this.divider, this.line, this.bar]) mark.zIndex = 10;
    this.live.addChild(this.divider, this.line, this.bar);
    this.chrome.addChild(this.pageText);
    this.pageText.visible = false;
  }

  /** Slots the table shows (rows beyond fade out: the overlay's top N; or page: the venue). */
  get capacity(): number {
    return this.geometry ? this.geometry.columns * this.geometry.rowsPerColumn : 0;
  }

  /** Pages of the field (1 when everyone fits). */
  get pageCount(): number {
    return this.pages.length;
  }

  /** Lays the table out anew (resize, theme, number of sprints): rows jump, nothing glides. */
  layout(geometry: TableGeometry, theme: Theme): void {
    this.geometry = geometry;
    this.theme = theme;
    const columnWidth = this.columnWidth();
    // With the gap column the mark column is as wide as a "NEEDS TOP 5" chip only while a
    // skater has one (the last laps): the gap takes that room before.
    const needsRoom = !this.gapWanted || this.order.some((row) => row.needs !== '');
    const spec = (cells: readonly Cell[], needsInMark = geometry.needsInMark ?? false) =>
      rowLayout(columnWidth, geometry.rowHeight, cells, this.sprintCount, {
        striped: geometry.striped,
        fontScale: geometry.fontScale ?? 1,
        compact: geometry.compact ?? false,
        far: geometry.far ?? false,
        cards: geometry.cards ?? false,
        needsInMark,
      });
    // The gap column only where it costs no skater his name's size (as the board leaves out
    // other columns where they do not fit): every name's shortest form still fits at 85 %.
    const withGap = this.gapWanted
      ? spec(gapCells(this.cells), (geometry.needsInMark ?? false) && needsRoom)
      : null;
    this.layoutSpec =
      withGap && namesFit(withGap, this.order, this.theme) ? withGap : spec(this.cells);
    this.gapShown = this.layoutSpec.cells.gap !== undefined;
    this.chrome.position.set(geometry.x, geometry.y);
    this.live.position.set(geometry.x, geometry.y);
    this.headers.draw(geometry, this.layoutSpec, theme);
    this.placePageLabel();
    this.line.draw(columnWidth, this.lineThickness(), theme);
    if (this.band > 0) this.bar.draw(columnWidth, this.band, geometry.rowGap, theme);
    this.divider.draw(columnWidth, Math.max(2, geometry.rowGap * 0.3), theme);
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
    this.pageIndex = 0;
    this.fitFor = '';
  }

  /**
   * The venue board's words for the table (issue 18): the qualification bar's label and note,
   * and the page number's template ("{page}/{pages}"). Call before `update`.
   */
  label(qualification: QualificationModel | null, pageLabel: string): void {
    this.bar.setText(qualification?.label ?? '', qualification?.note ?? '');
    this.pageTemplate = pageLabel;
  }

  /**
   * Shows at most `rows` rows a page from the next update on (the sprint banner covers the rest;
   * null: every slot). Rows glide to the new pages; the qualification line stays in view.
   */
  limitRows(rows: number | null): void {
    if (rows === this.limit) return;
    this.limit = rows;
    this.toLine = true;
  }

  /**
   * The loop's gap column (issue 21): its header ("GAP") and each skater's figure by helmet
   * number; null: no timing, no column. Shown from the next update where it fits. Call before
   * `update`.
   */
  gapColumn(header: string, figures: Readonly<Record<string, string>> | null): void {
    this.gapHeader = header;
    this.gapFigures = figures;
    const wanted = this.gapAllowed && figures !== null;
    if (wanted === this.gapWanted) return;
    this.gapWanted = wanted;
    this.fitFor = '';
    if (!wanted && this.geometry) this.layout(this.geometry, this.theme);
  }

  /** Whether the gap column is drawn (tests). */
  get showsGaps(): boolean {
    return this.gapShown;
  }

  /** Turns to the next page (the board's page clock); false when there is only one. */
  turnPage(now: number): boolean {
    if (this.pages.length <= 1) return false;
    this.pageIndex = (this.pageIndex + 1) % this.pages.length;
    this.place(now, this.laidOut);
    return true;
  }

  /** Back to the first page (the scene comes up). */
  firstPage(now: number): void {
    if (this.pageIndex === 0) return;
    this.pageIndex = 0;
    this.place(now, false);
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
    const fitFor = this.gapWanted
      ? `${rows.map(shortestForm).join('\n')}|${rows.some((row) => row.needs !== '')}`
      : '';
    if (fitFor !== this.fitFor && this.geometry) {
      // Another field (or its names changed): judge the gap column's fit again.
      this.fitFor = fitFor;
      this.layout(this.geometry, this.theme);
    }
    this.headers.update(columns, this.gapShown ? this.gapHeader : '');
    for (const model of rows)
      this.rows
        .get(model.key)!
        .setGap(this.gapShown ? (this.gapFigures?.[String(model.key)] ?? '') : '');
    this.lineAfter = qualificationLine;
    this.line.mark(qualificationLine, certain);
    this.bar.mark(qualificationLine, certain);
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
          marks: row.marks(),
          box: outputBox(row),
          layer: row.zIndex,
        },
      ];
    });
  }

  /** Where the qualification line is drawn (null: not shown). */
  qualificationProbe(): QualificationProbe | null {
    return this.band > 0 ? this.bar.probe() : this.line.probe();
  }

  /** The page shown: which, of how many, and its rows. */
  pageProbe(): PageProbe {
    const page = this.pages[this.pageIndex] ?? { start: 0, end: 0 };
    return {
      index: this.pageIndex,
      count: this.pages.length,
      rows: this.order.slice(page.start, page.end).map((row) => row.key),
      label: this.pageText.visible ? this.pageText.text : '',
    };
  }

  /** The column headers drawn, and where (tests measure their cap height). */
  headerProbe(): { text: string; box: OutputBox }[] {
    return this.chrome.visible ? this.headers.probe() : [];
  }

  /** Where the divider between skaters with points and without is (null: not shown). */
  dividerProbe(): OutputBox | null {
    return this.divider.visible ? outputBox(this.divider) : null;
  }

  /** The band the qualification bar takes (0: a line in the row gap). */
  private get band(): number {
    return this.geometry?.barHeight ?? 0;
  }

  private columnWidth(): number {
    const g = this.geometry!;
    return (g.width - (g.columns - 1) * g.columnGap) / g.columns;
  }

  private lineThickness(): number {
    const g = this.geometry!;
    // In a grid of cards the line fills the gap between two cards; in the overlay's list it is
    // a rule across the gap.
    return g.columns > 1 || g.paged ? Math.max(3, g.rowGap) : Math.max(2, g.rowHeight * 0.07);
  }

  /** Slot `index` of a page; with a bar band, slots from `lineSlot` on sit lower by the band. */
  private slot(index: number, lineSlot: number | null = null): { x: number; y: number } {
    const g = this.geometry!;
    const column = Math.floor(index / g.rowsPerColumn);
    const row = index % g.rowsPerColumn;
    const shift = lineSlot !== null && this.band > 0 && index >= lineSlot ? this.band : 0;
    return {
      x: column * (this.columnWidth() + g.columnGap),
      y: g.headerHeight + row * (g.rowHeight + g.rowGap) + shift,
    };
  }

  /** Rows a page shows: every slot, or fewer while the banner covers some. */
  private perPage(): number {
    const g = this.geometry!;
    const slots = this.capacity;
    if (this.limit === null) return slots;
    return Math.max(1, Math.min(slots, this.limit * Math.max(1, g.columns)));
  }

  private place(now: number, animate: boolean): void {
    const g = this.geometry;
    if (!g) return;
    const paged = g.paged === true;
    const count = this.order.length;
    const line = this.lineAfter;
    this.pages = paged
      ? standingsPages(count, this.perPage())
      : [{ start: 0, end: Math.min(count, this.capacity) }];
    if (this.toLine && line !== null) {
      // While the banner is up the story is the line: its page, not the next one in turn.
      const touching = this.pages.findIndex((p) => p.start <= line && line <= p.end);
      if (touching >= 0) this.pageIndex = touching;
    }
    this.toLine = false;
    if (this.pageIndex >= this.pages.length) this.pageIndex = 0;
    const page = this.pages[this.pageIndex]!;
    const lineSlot = line === null ? null : paged ? lineOnPage(page, line) : line;
    const present = new Set<number>();
    this.order.forEach((model, index) => {
      const row = this.rows.get(model.key)!;
      present.add(model.key);
      const inside = index >= page.start && index < page.end;
      if (inside || !paged) {
        const slotIndex = inside ? index - page.start : this.capacity;
        const { x, y } = this.slot(slotIndex, lineSlot);
        // Rising rows are drawn over the rows they pass (issue 18: no names printed over names).
        const zIndex = row.shown && y < row.y1.value ? 2 : 1;
        if (row.zIndex !== zIndex) row.zIndex = zIndex;
        row.stripe(slotIndex % 2 === 0 || g.columns > 1);
        row.qualifyingPlace(g.cards === true && line !== null && index < line);
        row.moveTo(x, y, now, animate);
      } else if (row.zIndex !== 0) row.zIndex = 0; // leaving: under the rows that stay
      row.show(inside, now, animate);
    });
    for (const [key, row] of this.rows) if (!present.has(key)) row.show(false, now, animate);
    this.placeLine(page, lineSlot, now, animate);
    this.placeDivider(page, lineSlot, now, animate);
    this.showPageLabel();
  }

  /** The qualification line or bar on the page shown (always in view on the venue board). */
  private placeLine(
    page: StandingsPage,
    lineSlot: number | null,
    now: number,
    animate: boolean,
  ): void {
    const g = this.geometry!;
    const shown = page.end - page.start;
    const mark: QualificationMark = this.band > 0 ? this.bar : this.line;
    (this.band > 0 ? this.line : this.bar).hide();
    if (lineSlot === null || shown === 0) return mark.hide();
    if (this.band > 0) {
      const line = this.lineAfter ?? 0;
      this.bar.point(line > page.end ? 'down' : line < page.start ? 'up' : null);
      // Centred in the space between the row above and the row below (the header above row 1);
      // one column: the slot under the line may be one past the last.
      const below = g.headerHeight + lineSlot * (g.rowHeight + g.rowGap) + this.band;
      const space = lineSlot === 0 ? this.band : this.band + g.rowGap;
      return mark.moveTo(0, below - space / 2, now, animate);
    }
    if (!g.paged) {
      // The overlay's list: under row `line`, only between two rows it shows.
      if (lineSlot <= 0 || lineSlot >= shown) return mark.hide();
      const last = this.slot(lineSlot - 1);
      return this.line.moveTo(last.x, last.y + g.rowHeight + g.rowGap / 2, now, animate);
    }
    this.placeGridLine(lineSlot);
  }

  /**
   * The line between two cards of a grid (ribbons): across the gap under the last card above it
   * when the next card is in the same column, else down the gap between the two columns.
   */
  private placeGridLine(lineSlot: number): void {
    const g = this.geometry!;
    const across = lineSlot % g.rowsPerColumn !== 0 && lineSlot > 0;
    const height = g.rowsPerColumn * (g.rowHeight + g.rowGap) - g.rowGap;
    const thickness = this.lineThickness();
    if (across) {
      const last = this.slot(lineSlot - 1);
      this.line.draw(this.columnWidth(), thickness, this.theme);
      this.line.moveTo(last.x, last.y + g.rowHeight + g.rowGap / 2, 0, false);
      return;
    }
    // Down the gap left of the column the line starts (right of the last column when the line
    // is under every card shown). It jumps: a line that changes direction does not glide.
    const column = lineSlot / g.rowsPerColumn;
    const x = column * (this.columnWidth() + g.columnGap) - g.columnGap / 2;
    this.line.draw(height, thickness, this.theme, true);
    this.line.moveTo(x, g.headerHeight, 0, false);
  }

  /** The thin rule between the last skater with points and the first without (issue 18). */
  private placeDivider(
    page: StandingsPage,
    lineSlot: number | null,
    now: number,
    animate: boolean,
  ): void {
    const g = this.geometry!;
    const boundary = this.order.findIndex(
      (row, index) =>
        index > 0 && row.band === 'unranked' && this.order[index - 1]!.band === 'ranked',
    );
    const onPage = boundary > page.start && boundary < page.end;
    // A grid of cards has no rule; where the qualification line is, the line says it.
    if (g.columns > 1 || !onPage || boundary - page.start === lineSlot) return this.divider.hide();
    const below = this.slot(boundary - page.start, lineSlot);
    this.divider.moveTo(below.x, below.y - g.rowGap / 2, now, animate);
  }

  private showPageLabel(): void {
    const many = this.pages.length > 1;
    const text = many
      ? fill(this.pageTemplate, { page: this.pageIndex + 1, pages: this.pages.length })
      : '';
    assign(this.pageText, text);
    this.pageText.visible = many && this.pageLabelPlace() !== null;
  }

  /** Where the page number goes: the header row's right end, or where the scene says. */
  private pageLabelPlace(): { x: number; y: number; size: number } | null {
    const g = this.geometry;
    if (!g) return null;
    if (g.pageLabelAt) return g.pageLabelAt;
    if (g.headerHeight <= 0) return null;
    return { x: g.width, y: g.headerHeight / 2, size: headerSize(g, this.layoutSpec!) };
  }

  private placePageLabel(): void {
    const place = this.pageLabelPlace();
    if (!place) return;
    resize(this.pageText, place.size);
    this.pageText.position.set(place.x, place.y);
    tint(this.pageText, this.theme.accent);
  }
}
