import type { BoardModel } from '../../../shared/board/model.ts';
import type { Viewport } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { Header } from '../widgets/header.ts';
import { Pill } from '../widgets/pill.ts';
import { StandingsTable } from '../widgets/standings-table.ts';
import { assign, fitWidth, makeText, resize, tint } from '../widgets/text.ts';
import { SceneBase, type SceneServices, type UpdateInfo } from './scene.ts';
import { contentBox, denseTable, farTable, headerBox, ribbonTable } from './scene-layout.ts';

/**
 * Results: the final ranking with points, times where known, Q/q badges, the qualification bar
 * of a semi, medal discs for a final's podium, and the UNOFFICIAL / OFFICIAL mark. Far layout:
 * big names, paged with the bar on every page. Ribbons: the heading and mark in a block left of
 * the ranking's cards.
 */
export class ResultsScene extends SceneBase {
  readonly name = 'results';
  private readonly header = new Header();
  private readonly heading = makeText('bold', 60, 0xffffff);
  private readonly mark: Pill;
  private readonly table: StandingsTable;
  private readonly narrowTable: StandingsTable;
  private readonly farTable: StandingsTable;
  private readonly ribbonTable: StandingsTable;
  private viewport: Viewport | null = null;
  private theme: Theme | null = null;
  private raceId: string | null | undefined = undefined;
  private layoutKey = '';
  private layout: BoardModel['layout'] = 'far';
  private headingWidth = 0;

  constructor(services: SceneServices) {
    super(services);
    const { flags, animator } = services;
    this.mark = new Pill(animator);
    this.table = new StandingsTable(flags, animator, [
      'rank',
      'bib',
      'flag',
      'nation',
      'name',
      'sprints',
      'final',
      'total',
      'detail',
      'mark',
    ]);
    this.narrowTable = new StandingsTable(flags, animator, [
      'rank',
      'bib',
      'flag',
      'nation',
      'name',
      'total',
      'detail',
      'mark',
    ]);
    this.farTable = new StandingsTable(flags, animator, [
      'rank',
      'bib',
      'flag',
      'name',
      'total',
      'detail',
      'mark',
    ]);
    this.ribbonTable = new StandingsTable(flags, animator, [
      'rank',
      'flag',
      'name',
      'total',
      'mark',
    ]);
    this.chrome.addChild(this.header, ...this.tables().map((table) => table.chrome));
    this.live.addChild(this.heading, this.mark, ...this.tables().map((table) => table.live));
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
      for (const table of this.tables()) table.reset();
    }
    this.layout = model.layout;
    const key = `${model.rows.length}|${model.qualification !== null}|${model.layout}`;
    if (key !== this.layoutKey) this.relayout(model.rows.length, model.qualification !== null);
    this.layoutKey = key;
    const animate = info.animate && this.shown;
    this.header.update(model.title, model.meeting);
    if (assign(this.heading, model.results.heading)) fitWidth(this.heading, this.headingWidth);
    const theme = this.theme;
    if (theme)
      this.mark.colour(
        model.results.official ? theme.official : theme.unofficial,
        theme.onHighlight,
      );
    this.mark.setText(model.results.mark, info.now, animate);
    // Medal discs for the podium of a final once the race is run (the rows say which).
    const podium = model.qualificationLine === null && model.lapBoard.finished;
    const table = this.current();
    table.label(model.qualification, model.pageLabel);
    table.update(
      model.rows,
      model.columns,
      model.qualificationLine,
      model.qualificationCertain,
      info.now,
      animate,
      podium,
    );
  }

  probe(): Record<string, unknown> {
    const table = this.current();
    return {
      header: this.header.probe(),
      heading: this.heading.text,
      mark: this.mark.shownText,
      rows: table.probe(),
      qualificationLine: table.qualificationProbe(),
      layout: this.layout,
      page: table.pageProbe(),
      divider: table.dividerProbe(),
      columnHeaders: table.headerProbe(),
    };
  }

  private tables(): StandingsTable[] {
    return [this.table, this.narrowTable, this.farTable, this.ribbonTable];
  }

  private current(): StandingsTable {
    const aspect = this.viewport?.aspect;
    if (aspect === 'ribbon') return this.ribbonTable;
    if (this.layout === 'far') return this.farTable;
    return aspect === 'standard' ? this.narrowTable : this.table;
  }

  private relayout(count: number, bar: boolean): void {
    const viewport = this.viewport;
    const theme = this.theme;
    if (!viewport || !theme) return;
    const current = this.current();
    for (const table of this.tables())
      table.chrome.visible = table.live.visible = table === current;
    const ribbon = viewport.aspect === 'ribbon';
    this.header.visible = !ribbon;
    tint(this.heading, theme.accent);
    if (ribbon) {
      const { safe } = viewport;
      const blockWidth = Math.min(safe.height * 1.5, safe.width * 0.25);
      resize(this.heading, safe.height * 0.3);
      this.heading.position.set(safe.x + safe.height * 0.08, safe.y + safe.height * 0.28);
      this.headingWidth = blockWidth - safe.height * 0.16;
      this.mark.layout(blockWidth - safe.height * 0.16, safe.height * 0.3, safe.height * 0.2);
      this.mark.position.set(safe.x + safe.height * 0.08, safe.y + safe.height * 0.58);
      this.ribbonTable.layout(
        ribbonTable(
          {
            x: safe.x + blockWidth,
            y: safe.y,
            width: safe.width - blockWidth,
            height: safe.height,
          },
          count,
        ),
        theme,
      );
      fitWidth(this.heading, this.headingWidth);
      return;
    }
    this.header.layout(headerBox(viewport), theme);
    const content = contentBox(viewport);
    const headingHeight = viewport.height * 0.09;
    resize(this.heading, headingHeight * 0.75);
    this.heading.position.set(content.x, content.y + headingHeight * 0.4);
    this.headingWidth = content.width * 0.6;
    fitWidth(this.heading, this.headingWidth);
    const markWidth = Math.min(content.width * 0.3, headingHeight * 4.2);
    this.mark.layout(markWidth, headingHeight * 0.62, headingHeight * 0.42);
    this.mark.position.set(
      content.x + content.width - markWidth,
      content.y + headingHeight * 0.4 - headingHeight * 0.31,
    );
    const tableBox = {
      x: content.x,
      y: content.y + headingHeight,
      width: content.width,
      height: content.height - headingHeight,
    };
    current.layout(
      this.layout === 'far'
        ? farTable(tableBox, {
            count: Math.max(count, 1),
            screenHeight: viewport.height,
            bar,
            header: true,
          })
        : denseTable(tableBox, Math.max(count, 1), 70, { bar }),
      theme,
    );
  }
}
