import type { BoardModel } from '../../../shared/board/model.ts';
import type { Viewport } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { Header } from '../widgets/header.ts';
import { StandingsTable } from '../widgets/standings-table.ts';
import { assign, makeText, resize, tint } from '../widgets/text.ts';
import { SceneBase, type SceneServices, type UpdateInfo } from './scene.ts';
import { contentBox, denseTable, farTable, headerBox, ribbonTable } from './scene-layout.ts';

/**
 * The start list: every skater with helmet number, flag, IOC code and name, in start-list order.
 * Screens: one or two columns under the heading, filling the screen (far: big names, eight rows
 * a column at most, paged); ribbons: a grid of cards.
 */
export class StartListScene extends SceneBase {
  readonly name = 'startList';
  private readonly header = new Header();
  private readonly heading = makeText('bold', 60, 0xffffff);
  private readonly table: StandingsTable;
  private readonly farTable: StandingsTable;
  private readonly ribbonTable: StandingsTable;
  private viewport: Viewport | null = null;
  private theme: Theme | null = null;
  private raceId: string | null | undefined = undefined;
  private layoutKey = '';
  private layout: BoardModel['layout'] = 'far';

  constructor(services: SceneServices) {
    super(services);
    this.table = new StandingsTable(services.flags, services.animator, [
      'bib',
      'flag',
      'nation',
      'name',
    ]);
    // Far: the flag says the nation; its three letters would take the big name's room.
    this.farTable = new StandingsTable(services.flags, services.animator, ['bib', 'flag', 'name']);
    this.ribbonTable = new StandingsTable(services.flags, services.animator, [
      'bib',
      'flag',
      'name',
    ]);
    const tables = [this.table, this.farTable, this.ribbonTable];
    this.chrome.addChild(this.header, this.heading, ...tables.map((table) => table.chrome));
    this.live.addChild(...tables.map((table) => table.live));
  }

  resize(viewport: Viewport, theme: Theme): void {
    this.viewport = viewport;
    this.theme = theme;
    this.layoutKey = '';
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
    const { heading, rows } = model.startList;
    this.layout = model.layout;
    if (`${rows.length}|${model.layout}` !== this.layoutKey) this.relayout(rows.length);
    const animate = info.animate && this.shown;
    this.header.update(model.title, model.meeting);
    assign(this.heading, heading);
    const table = this.current();
    table.label(null, model.pageLabel);
    table.update(rows, model.columns, null, false, info.now, animate);
  }

  probe(): Record<string, unknown> {
    const table = this.current();
    return {
      header: this.header.probe(),
      heading: this.heading.text,
      rows: table.probe(),
      layout: this.layout,
      page: table.pageProbe(),
    };
  }

  private current(): StandingsTable {
    if (this.viewport?.aspect === 'ribbon') return this.ribbonTable;
    return this.layout === 'dense' ? this.table : this.farTable;
  }

  private relayout(count: number): void {
    const viewport = this.viewport;
    const theme = this.theme;
    if (!viewport || !theme) return;
    this.layoutKey = `${count}|${this.layout}`;
    const ribbon = viewport.aspect === 'ribbon';
    const current = this.current();
    this.header.visible = this.heading.visible = !ribbon;
    for (const table of [this.table, this.farTable, this.ribbonTable])
      table.chrome.visible = table.live.visible = table === current;
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
    const tableBox = {
      x: content.x,
      y: content.y + headingHeight,
      width: content.width,
      height: content.height - headingHeight,
    };
    const wide = viewport.aspect === 'wide';
    const pageLabelAt = { x: tableBox.width, y: -headingHeight * 0.6, size: headingHeight * 0.5 };
    if (this.layout === 'far') {
      // Two columns of at most eight on a wide screen; one on 4:3, where two would leave the
      // names no room. Rows grow to fill the screen when the field is short.
      const columns = wide && count > 8 ? 2 : 1;
      current.layout(
        {
          ...farTable(tableBox, {
            count: Math.max(count, 1),
            screenHeight: viewport.height,
            bar: false,
            header: false,
            columns,
            grow: 1.3,
          }),
          pageLabelAt,
        },
        theme,
      );
      return;
    }
    const columns = count > (wide ? 8 : 14) ? 2 : 1;
    current.layout(
      {
        ...denseTable(tableBox, Math.max(count, 1), 100, { bar: false, header: false, columns }),
        pageLabelAt,
      },
      theme,
    );
  }
}
