import type { BoardModel } from '../../../shared/board/model.ts';
import type { Viewport } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { Header } from '../widgets/header.ts';
import { LapBoard } from '../widgets/lap-board.ts';
import { SprintBanner } from '../widgets/sprint-banner.ts';
import { StandingsTable } from '../widgets/standings-table.ts';
import { SceneBase, type SceneServices, type UpdateInfo } from './scene.ts';
import { contentBox, fitTable, headerBox, ribbonTable, sideBySide } from './scene-layout.ts';

/**
 * Live race (and, with the banner up, the sprint result): the lap board, the standings with
 * the qualification line, and the sprint banner sliding in over them.
 * Wide: lap board panel left, standings right. 4:3: lap board bar over the standings.
 * Ribbon: lap board left, standings as a grid of cards.
 */
export class LiveScene extends SceneBase {
  readonly name = 'live';
  private readonly header = new Header();
  private readonly lapBoard: LapBoard;
  private readonly table: StandingsTable;
  private readonly ribbonTable: StandingsTable;
  private readonly banner: SprintBanner;
  private readonly ribbonBanner: SprintBanner;
  private viewport: Viewport | null = null;
  private theme: Theme | null = null;
  private model: BoardModel | null = null;
  private raceId: string | null | undefined = undefined;
  private rowCount = -1;

  constructor(services: SceneServices) {
    super(services);
    const { flags, animator } = services;
    this.lapBoard = new LapBoard(animator);
    this.table = new StandingsTable(flags, animator, [
      'rank',
      'bib',
      'flag',
      'nation',
      'name',
      'sprints',
      'final',
      'total',
      'mark',
    ]);
    this.ribbonTable = new StandingsTable(flags, animator, ['rank', 'flag', 'name', 'total']);
    this.banner = new SprintBanner(flags, animator, (count) => (count <= 3 ? count : 3));
    this.ribbonBanner = new SprintBanner(flags, animator, (count) => count, true);
    this.chrome.addChild(this.header, this.table.chrome, this.ribbonTable.chrome);
    this.live.addChild(
      this.lapBoard,
      this.table.live,
      this.ribbonTable.live,
      this.banner,
      this.ribbonBanner,
    );
  }

  resize(viewport: Viewport, theme: Theme): void {
    this.viewport = viewport;
    this.theme = theme;
    this.rowCount = -1;
    if (this.model) this.relayout(this.model);
  }

  update(model: BoardModel, info: UpdateInfo): void {
    if (info.raceId !== this.raceId) {
      this.raceId = info.raceId;
      this.table.reset();
      this.ribbonTable.reset();
    }
    this.model = model;
    if (model.rows.length !== this.rowCount) this.relayout(model);
    const animate = info.animate && this.shown;
    this.header.update(model.title, model.meeting);
    this.lapBoard.update(model.lapBoard, info.now, animate);
    const table = this.viewport?.aspect === 'ribbon' ? this.ribbonTable : this.table;
    table.update(
      model.rows,
      model.columns,
      model.qualificationLine,
      model.qualificationCertain,
      info.now,
      animate,
    );
    const bannerUp = model.scene === 'sprint' && model.sprintResult !== null;
    const ribbon = this.viewport?.aspect === 'ribbon';
    this.banner.update(
      bannerUp && !ribbon ? model.sprintResult : null,
      model.columns.total,
      info.now,
      animate,
    );
    this.ribbonBanner.update(
      bannerUp && ribbon ? model.sprintResult : null,
      model.columns.total,
      info.now,
      animate,
    );
  }

  probe(): Record<string, unknown> {
    const table = this.viewport?.aspect === 'ribbon' ? this.ribbonTable : this.table;
    const banner = this.viewport?.aspect === 'ribbon' ? this.ribbonBanner : this.banner;
    return {
      header: this.header.probe(),
      lapBoard: this.lapBoard.probe(),
      rows: table.probe(),
      qualificationLine: table.qualificationProbe(),
      banner: banner.probe(),
    };
  }

  private relayout(model: BoardModel): void {
    const viewport = this.viewport;
    const theme = this.theme;
    if (!viewport || !theme) return;
    this.rowCount = model.rows.length;
    const count = Math.max(model.rows.length, 1);
    const { safe } = viewport;
    const ribbon = viewport.aspect === 'ribbon';
    this.header.visible = !ribbon;
    this.table.chrome.visible = this.table.live.visible = !ribbon;
    this.ribbonTable.chrome.visible = this.ribbonTable.live.visible = ribbon;
    if (ribbon) {
      const lapWidth = Math.min(safe.height * 1.7, safe.width * 0.3);
      this.lapBoard.layout({ x: safe.x, y: safe.y, width: lapWidth, height: safe.height }, theme, {
        plate: true,
        compact: true,
      });
      const tableBox = {
        x: safe.x + lapWidth + safe.height * 0.08,
        y: safe.y,
        width: safe.width - lapWidth - safe.height * 0.08,
        height: safe.height,
      };
      this.ribbonTable.layout(ribbonTable(tableBox, count), theme);
      this.ribbonBanner.layout(tableBox, theme);
      return;
    }
    this.header.layout(headerBox(viewport), theme);
    const content = contentBox(viewport);
    const { lapBox, tableBox } = sideBySide(viewport, content);
    this.lapBoard.layout(lapBox, theme, { plate: true });
    this.table.layout(fitTable(tableBox, count, viewport.aspect === 'wide' ? 76 : 70), theme);
    const bannerHeight = Math.min(content.height * 0.34, 300);
    this.banner.layout(
      {
        x: content.x,
        y: content.y + content.height - bannerHeight,
        width: content.width,
        height: bannerHeight,
      },
      theme,
    );
  }
}
