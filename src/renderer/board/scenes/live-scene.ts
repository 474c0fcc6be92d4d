import type { BoardModel } from '../../../shared/board/model.ts';
import type { Box, Viewport } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { Header } from '../widgets/header.ts';
import type { BoardGaps } from '../gaps/present-gaps.ts';
import { BreakawayStrip, stripHeight, type StripType } from '../widgets/breakaway-strip.ts';
import { LapBoard } from '../widgets/lap-board.ts';
import { SprintBanner } from '../widgets/sprint-banner.ts';
import { StandingsTable, type TableGeometry } from '../widgets/standings-table.ts';
import { SceneBase, type SceneServices, type UpdateInfo } from './scene.ts';
import {
  contentBox,
  denseTable,
  farHeaderShare,
  farNameCap,
  farTable,
  headerBox,
  nameCapRatio,
  ribbonTable,
  rowsAbove,
  sideBySide,
} from './scene-layout.ts';

/**
 * Live race (and, with the banner up, the sprint result): the lap board, the standings with
 * the qualification bar, and the sprint banner sliding in under them.
 * Wide: lap board panel left, standings right. 4:3: lap board bar over the standings.
 * Ribbon: lap board left, standings as a grid of cards. Far layout (the venue default, issue
 * 18): big names, at most eight rows, paged with the qualification bar on every page; dense:
 * everyone at once. The banner never covers the bar: it takes the bottom of the standings' box
 * and the table shows the rows that fit above it, paged around the line.
 * From the loop (issue 21): the breakaway strip (under the lap board on wide screens and ribbons,
 * beside it in the 4:3 bar: the standings keep their room), and the gap column where it fits;
 * without timing nothing of it is drawn and nothing moves.
 */
export class LiveScene extends SceneBase {
  readonly name = 'live';
  private readonly header = new Header();
  private readonly lapBoard: LapBoard;
  private readonly table: StandingsTable;
  private readonly farTable: StandingsTable;
  private readonly ribbonTable: StandingsTable;
  private readonly banner: SprintBanner;
  private readonly ribbonBanner: SprintBanner;
  private viewport: Viewport | null = null;
  private theme: Theme | null = null;
  private model: BoardModel | null = null;
  private raceId: string | null | undefined = undefined;
  private layoutKey = '';
  private geometry: TableGeometry | null = null;
  private tableBox: Box | null = null;
  private readonly strip = new BreakawayStrip();
  private gaps: BoardGaps | null = null;

  constructor(services: SceneServices) {
    super(services);
    const { flags, animator } = services;
    this.lapBoard = new LapBoard(animator);
    this.table = new StandingsTable(
      flags,
      animator,
      ['rank', 'bib', 'flag', 'nation', 'name', 'sprints', 'final', 'total', 'mark'],
      3,
      true,
    );
    this.farTable = new StandingsTable(
      flags,
      animator,
      ['rank', 'bib', 'flag', 'name', 'total', 'mark'],
      3,
      true,
    );
    this.ribbonTable = new StandingsTable(flags, animator, [
      'rank',
      'flag',
      'name',
      'total',
      'mark',
    ]);
    this.banner = new SprintBanner(flags, animator, (count) => (count <= 3 ? count : 3));
    // Six placings in two rows of three: a strip of six would be unreadable (issue 18).
    this.ribbonBanner = new SprintBanner(
      flags,
      animator,
      (count) => (count <= 3 ? count : Math.ceil(count / 2)),
      true,
    );
    const tables = [this.table, this.farTable, this.ribbonTable];
    this.chrome.addChild(this.header, ...tables.map((table) => table.chrome));
    this.live.addChild(
      this.lapBoard,
      this.strip,
      ...tables.map((table) => table.live),
      this.banner,
      this.ribbonBanner,
    );
  }

  resize(viewport: Viewport, theme: Theme): void {
    this.viewport = viewport;
    this.theme = theme;
    this.layoutKey = '';
    if (this.model) this.relayout(this.model);
  }

  override show(now: number, animate: boolean): void {
    this.current().firstPage(now);
    super.show(now, animate);
  }

  override pageCount(): number {
    return this.current().pageCount;
  }

  override turnPage(now: number): void {
    this.current().turnPage(now);
  }

  update(model: BoardModel, info: UpdateInfo): void {
    if (info.raceId !== this.raceId) {
      this.raceId = info.raceId;
      for (const table of [this.table, this.farTable, this.ribbonTable]) table.reset();
    }
    this.model = model;
    this.gaps = info.gaps;
    if (this.keyOf(model) !== this.layoutKey) this.relayout(model);
    const animate = info.animate && this.shown;
    this.header.update(model.title, model.meeting);
    this.lapBoard.update(model.lapBoard, info.now, animate);
    this.strip.update(this.gaps?.strip ?? null);
    const bannerUp = model.scene === 'sprint' && model.sprintResult !== null;
    const ribbon = this.viewport?.aspect === 'ribbon';
    const forms = new Map(model.rows.map((row) => [row.bib, row.names]));
    this.banner.update(
      bannerUp && !ribbon ? model.sprintResult : null,
      model.columns.total,
      info.now,
      animate,
      forms,
    );
    this.ribbonBanner.update(
      bannerUp && ribbon ? model.sprintResult : null,
      model.columns.total,
      info.now,
      animate,
      forms,
    );
    const table = this.current();
    table.label(model.qualification, model.pageLabel);
    table.limitRows(bannerUp && !ribbon ? this.rowsBesideBanner(model) : null);
    table.gapColumn(this.gaps?.column ?? '', this.gaps?.gaps ?? null);
    table.update(
      model.rows,
      model.columns,
      model.qualificationLine,
      model.qualificationCertain,
      info.now,
      animate,
    );
  }

  probe(): Record<string, unknown> {
    const table = this.current();
    const banner = this.viewport?.aspect === 'ribbon' ? this.ribbonBanner : this.banner;
    return {
      header: this.header.probe(),
      lapBoard: this.lapBoard.probe(),
      rows: table.probe(),
      qualificationLine: table.qualificationProbe(),
      banner: banner.probe(),
      layout: this.model?.layout ?? 'far',
      page: table.pageProbe(),
      divider: table.dividerProbe(),
      columnHeaders: table.headerProbe(),
      breakaway: this.strip.probe(),
      gapColumn: table.showsGaps,
    };
  }

  /** The table the output's shape and the layout choose. */
  private current(): StandingsTable {
    if (this.viewport?.aspect === 'ribbon') return this.ribbonTable;
    return this.model?.layout === 'dense' ? this.table : this.farTable;
  }

  /** What the layout depends on: the field's size, the bar, the layout choice. */
  private keyOf(model: BoardModel): string {
    const strip = this.gaps?.strip != null;
    return `${model.rows.length}|${model.qualification !== null}|${model.layout}|${strip}`;
  }

  /** Rows of the standings that stay clear of the banner for the sprint result shown. */
  private rowsBesideBanner(model: BoardModel): number | null {
    const geometry = this.geometry;
    const box = this.tableBox;
    if (!geometry || !box) return null;
    const plate = this.banner.heightFor(model.sprintResult?.placings.length ?? 3);
    const gap = (this.viewport?.height ?? 1080) * 0.015;
    return rowsAbove(geometry, box.height - plate - gap);
  }

  /**
   * The strip in the lap board's place (issue 21), in the board's far type: the names' size for
   * its figures, the column headers' for its words. Wide: under the lap board, which keeps the
   * rest; 4:3: the right of the lap bar. Returns the lap board's box.
   */
  private placeStrip(viewport: Viewport, lapBox: Box, theme: Theme): Box {
    const type: StripType = {
      figure: (viewport.height * farNameCap) / nameCapRatio,
      label: viewport.height * farHeaderShare * 0.75,
    };
    const gap = viewport.height * 0.016;
    if (viewport.aspect === 'wide') {
      const height = Math.min(lapBox.height * 0.38, stripHeight(type));
      this.strip.layout(
        { x: lapBox.x, y: lapBox.y + lapBox.height - height, width: lapBox.width, height },
        type,
        theme,
      );
      return { ...lapBox, height: lapBox.height - height - gap };
    }
    const lapWidth = Math.round(lapBox.width * 0.44);
    this.strip.layout(
      {
        x: lapBox.x + lapWidth + gap,
        y: lapBox.y,
        width: lapBox.width - lapWidth - gap,
        height: lapBox.height,
      },
      type,
      theme,
    );
    return { ...lapBox, width: lapWidth };
  }

  private relayout(model: BoardModel): void {
    const viewport = this.viewport;
    const theme = this.theme;
    if (!viewport || !theme) return;
    this.layoutKey = this.keyOf(model);
    const count = Math.max(model.rows.length, 1);
    const { safe } = viewport;
    const ribbon = viewport.aspect === 'ribbon';
    const current = this.current();
    for (const table of [this.table, this.farTable, this.ribbonTable])
      table.chrome.visible = table.live.visible = table === current;
    this.header.visible = !ribbon;
    const strip = this.gaps?.strip != null;
    if (ribbon) {
      const lapWidth = Math.min(safe.height * 1.7, safe.width * 0.3);
      const gap = safe.height * 0.08;
      // The strip under the lap board, in its column: the cards keep their room (issue 21).
      const lapHeight = strip ? Math.round(safe.height * 0.52) : safe.height;
      this.lapBoard.layout({ x: safe.x, y: safe.y, width: lapWidth, height: lapHeight }, theme, {
        plate: true,
        compact: true,
      });
      if (strip)
        this.strip.layout(
          {
            x: safe.x,
            y: safe.y + lapHeight + gap * 0.5,
            width: lapWidth,
            height: safe.height - lapHeight - gap * 0.5,
          },
          { figure: safe.height * 0.3, label: safe.height * 0.16 },
          theme,
        );
      const tableBox = {
        x: safe.x + lapWidth + gap,
        y: safe.y,
        width: safe.width - lapWidth - gap,
        height: safe.height,
      };
      this.ribbonTable.layout(ribbonTable(tableBox, count), theme);
      this.ribbonBanner.layout(tableBox, theme);
      return;
    }
    const far = model.layout === 'far';
    const bar = model.qualification !== null;
    let lapBox: Box;
    let tableBox: Box;
    let geometry: TableGeometry;
    if (far) {
      // No title band: the names take the height. The title sits over the lap board, level
      // with the column headers (4:3: over the lap bar).
      ({ lapBox, tableBox } = sideBySide(viewport, safe, true));
      geometry = {
        ...farTable(tableBox, { count, screenHeight: viewport.height, bar, header: true }),
        needsInMark: true,
      };
      const band = geometry.headerHeight;
      this.header.layout({ ...lapBox, height: band }, theme, true);
      const below = band + viewport.height * 0.012;
      lapBox = { ...lapBox, y: lapBox.y + below, height: lapBox.height - below };
    } else {
      this.header.layout(headerBox(viewport), theme);
      ({ lapBox, tableBox } = sideBySide(viewport, contentBox(viewport), false));
      geometry = denseTable(tableBox, count, viewport.aspect === 'wide' ? 76 : 70, { bar });
    }
    if (strip) lapBox = this.placeStrip(viewport, lapBox, theme);
    this.lapBoard.layout(lapBox, theme, { plate: true });
    this.geometry = geometry;
    this.tableBox = tableBox;
    current.layout(geometry, theme);
    // The banner stands at the bottom of the standings' box, the lap board stays whole.
    const bannerHeight = Math.min(tableBox.height * 0.42, 340);
    this.banner.layout(
      {
        x: tableBox.x,
        y: tableBox.y + tableBox.height - bannerHeight,
        width: tableBox.width,
        height: bannerHeight,
      },
      theme,
    );
  }
}
