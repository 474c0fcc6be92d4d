import type { BoardModel } from '../../../shared/board/model.ts';
import type { Viewport } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { Header } from '../widgets/header.ts';
import { StandingsTable } from '../widgets/standings-table.ts';
import { assign, makeText, resize, tint } from '../widgets/text.ts';
import { SceneBase, type SceneServices, type UpdateInfo } from './scene.ts';
import { contentBox, fitTable, headerBox, ribbonTable } from './scene-layout.ts';

/**
 * The start list: every skater with helmet number, flag, IOC code and name, in start-list order.
 * Screens: one or two columns under the heading; ribbons: a grid of cards.
 */
export class StartListScene extends SceneBase {
  readonly name = 'startList';
  private readonly header = new Header();
  private readonly heading = makeText('bold', 60, 0xffffff);
  private readonly table: StandingsTable;
  private readonly ribbonTable: StandingsTable;
  private viewport: Viewport | null = null;
  private theme: Theme | null = null;
  private raceId: string | null | undefined = undefined;
  private rowCount = -1;

  constructor(services: SceneServices) {
    super(services);
    this.table = new StandingsTable(services.flags, services.animator, [
      'bib',
      'flag',
      'nation',
      'name',
    ]);
    this.ribbonTable = new StandingsTable(services.flags, services.animator, [
      'bib',
      'flag',
      'name',
    ]);
    this.chrome.addChild(this.header, this.heading, this.table.chrome, this.ribbonTable.chrome);
    this.live.addChild(this.table.live, this.ribbonTable.live);
  }

  resize(viewport: Viewport, theme: Theme): void {
    this.viewport = viewport;
    this.theme = theme;
    this.rowCount = -1;
  }

  update(model: BoardModel, info: UpdateInfo): void {
    if (info.raceId !== this.raceId) {
      this.raceId = info.raceId;
      this.table.reset();
      this.ribbonTable.reset();
    }
    const { heading, rows } = model.startList;
    if (rows.length !== this.rowCount) this.relayout(rows.length);
    const animate = info.animate && this.shown;
    this.header.update(model.title, model.meeting);
    assign(this.heading, heading);
    const ribbon = this.viewport?.aspect === 'ribbon';
    (ribbon ? this.ribbonTable : this.table).update(
      rows,
      model.columns,
      null,
      false,
      info.now,
      animate,
    );
  }

  probe(): Record<string, unknown> {
    const ribbon = this.viewport?.aspect === 'ribbon';
    return {
      header: this.header.probe(),
      heading: this.heading.text,
      rows: (ribbon ? this.ribbonTable : this.table).probe(),
    };
  }

  private relayout(count: number): void {
    const viewport = this.viewport;
    const theme = this.theme;
    if (!viewport || !theme) return;
    this.rowCount = count;
    const ribbon = viewport.aspect === 'ribbon';
    this.header.visible = this.heading.visible = !ribbon;
    this.table.chrome.visible = this.table.live.visible = !ribbon;
    this.ribbonTable.chrome.visible = this.ribbonTable.live.visible = ribbon;
    if (ribbon) {
      this.ribbonTable.layout(ribbonTable(viewport.safe, count), theme);
      return;
    }
    this.header.layout(headerBox(viewport), theme);
    const content = contentBox(viewport);
    const headingHeight = viewport.height * 0.09;
    resize(this.heading, headingHeight * 0.75);
    tint(this.heading, theme.accent);
    this.heading.position.set(content.x, content.y + headingHeight * 0.4);
    const columns = count > (viewport.aspect === 'wide' ? 8 : 14) ? 2 : 1;
    const tableBox = {
      x: content.x,
      y: content.y + headingHeight,
      width: content.width,
      height: content.height - headingHeight,
    };
    this.table.layout(
      { ...fitTable(tableBox, Math.max(count, 1), 100, { header: false, columns }), striped: true },
      theme,
    );
  }
}
