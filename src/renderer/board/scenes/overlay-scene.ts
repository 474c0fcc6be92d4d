import { Graphics } from 'pixi.js';
import type { BoardModel, SprintResultModel } from '../../../shared/board/model.ts';
import type { OverlayElement } from '../../../shared/protocol/program.ts';
import type { Box, Viewport } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { Fader } from '../widgets/fader.ts';
import { LapBoard } from '../widgets/lap-board.ts';
import { SprintBanner } from '../widgets/sprint-banner.ts';
import { StandingsTable } from '../widgets/standings-table.ts';
import { drawBox } from '../widgets/text.ts';
import { SceneBase, type SceneServices, type UpdateInfo } from './scene.ts';

/** Sizes of the overlay elements on the 1080-high virtual canvas. */
const stackWidth = 460;
const bugHeight = 128;
const rowPitch = 46;
const stackGap = 12;
const placingsPerRow = 3;

/**
 * The broadcast overlay (`?output=overlay`): on a transparent (or chroma-key) background, a
 * compact laps-to-go bug and the top of the standings stacked in the chosen corner, the sprint
 * banner and the result as lower thirds. Each element is cut in and out by the host.
 */
export class OverlayScene extends SceneBase {
  readonly name = 'overlay';
  private readonly elements: Record<OverlayElement, Fader>;
  private readonly bug: LapBoard;
  private readonly table: StandingsTable;
  private readonly tablePlate = new Graphics();
  private readonly banner: SprintBanner;
  private readonly result: SprintBanner;
  private viewport: Viewport | null = null;
  private theme: Theme | null = null;
  private raceId: string | null | undefined = undefined;
  private layoutKey = '';

  constructor(services: SceneServices) {
    super(services);
    const { animator, flags } = services;
    this.elements = {
      lapsToGo: new Fader(animator),
      standings: new Fader(animator),
      sprint: new Fader(animator),
      result: new Fader(animator),
    };
    this.bug = new LapBoard(animator);
    this.table = new StandingsTable(flags, animator, ['rank', 'flag', 'name', 'total', 'mark']);
    const perRow = (count: number) => Math.min(count, placingsPerRow);
    this.banner = new SprintBanner(flags, animator, perRow);
    this.result = new SprintBanner(flags, animator, perRow);
    this.elements.lapsToGo.addChild(this.bug);
    this.elements.standings.addChild(this.tablePlate, this.table.chrome, this.table.live);
    this.elements.sprint.addChild(this.banner);
    this.elements.result.addChild(this.result);
    this.live.addChild(
      this.elements.standings,
      this.elements.lapsToGo,
      this.elements.result,
      this.elements.sprint,
    );
  }

  resize(viewport: Viewport, theme: Theme): void {
    this.viewport = viewport;
    this.theme = theme;
    this.layoutKey = '';
  }

  update(model: BoardModel, info: UpdateInfo): void {
    if (info.raceId !== this.raceId) {
      this.raceId = info.raceId;
      this.table.reset();
    }
    const { overlay } = model;
    const bannerUp = info.bannerActive && model.sprintResult !== null;
    const key = `${overlay.position}|${overlay.top}|${model.sprintResult?.placings.length ?? 0}|${model.lapBoard.label.length > 0}`;
    if (key !== this.layoutKey) this.relayout(model);
    const animate = info.animate && this.shown;
    const live = !model.empty;
    this.bug.update(model.lapBoard, info.now, animate);
    this.table.update(
      model.rows,
      model.columns,
      model.qualificationLine,
      model.qualificationCertain,
      info.now,
      animate,
    );
    this.banner.update(
      bannerUp ? model.sprintResult : null,
      model.columns.total,
      info.now,
      animate,
    );
    this.result.update(
      overlay.visible.result ? resultLowerThird(model) : null,
      model.columns.total,
      info.now,
      animate,
    );
    this.elements.lapsToGo.setShown(live && overlay.visible.lapsToGo, info.now, animate);
    this.elements.standings.setShown(
      live && overlay.visible.standings && model.rows.length > 0,
      info.now,
      animate,
    );
    this.elements.sprint.setShown(live && overlay.visible.sprint && bannerUp, info.now, animate);
    this.elements.result.setShown(live && overlay.visible.result, info.now, animate);
  }

  probe(): Record<string, unknown> {
    const shown = Object.fromEntries(
      Object.entries(this.elements).map(([name, fader]) => [name, fader.shown]),
    );
    return {
      elements: shown,
      lapBoard: this.bug.probe(),
      rows: this.table.probe().filter((row) => row.shown),
      banner: this.banner.probe(),
      result: this.result.probe(),
      bounds: Object.fromEntries(
        Object.entries(this.elements).map(([name, fader]) => [name, boundsOf(fader)]),
      ),
    };
  }

  private relayout(model: BoardModel): void {
    const viewport = this.viewport;
    const theme = this.theme;
    if (!viewport || !theme) return;
    const { overlay } = model;
    this.layoutKey = `${overlay.position}|${overlay.top}|${model.sprintResult?.placings.length ?? 0}|${model.lapBoard.label.length > 0}`;
    const { safe } = viewport;
    const top = overlay.position.startsWith('top');
    const left = overlay.position.endsWith('left');
    const tableHeight = overlay.top * rowPitch;
    const stackX = left ? safe.x : safe.x + safe.width - stackWidth;
    const bugY = top ? safe.y : safe.y + safe.height - bugHeight;
    const tableY = top ? bugY + bugHeight + stackGap : bugY - stackGap - tableHeight;
    this.bug.layout({ x: stackX, y: bugY, width: stackWidth, height: bugHeight }, theme, {
      plate: true,
      compact: true,
    });
    drawBox(
      this.tablePlate,
      stackWidth,
      tableHeight,
      theme.panel,
      theme.panelAlpha,
      10,
    ).position.set(stackX, tableY);
    this.table.layout(
      {
        x: stackX + 6,
        y: tableY + 4,
        width: stackWidth - 12,
        headerHeight: 0,
        rowHeight: rowPitch - 4,
        rowGap: 4,
        columns: 1,
        columnGap: 0,
        rowsPerColumn: overlay.top,
        striped: true,
        compact: true,
      },
      theme,
    );
    const lowerThird = (placings: number): Box => {
      const rows = Math.ceil(Math.max(1, placings) / placingsPerRow);
      const height = rows === 1 ? 150 : 260;
      const width = Math.min(1180, safe.width - stackWidth - 2 * stackGap);
      // Away from the stack when it sits at the bottom; centred when it sits at the top.
      const x = top
        ? safe.x + (safe.width - width) / 2
        : left
          ? safe.x + safe.width - width
          : safe.x;
      return { x, y: safe.y + safe.height - height, width, height };
    };
    this.banner.layout(lowerThird(model.sprintResult?.placings.length ?? 3), theme);
    this.result.layout(lowerThird(3), theme);
  }
}

/** The result lower third: the podium (or top three) with points, under "RESULTS · UNOFFICIAL". */
function resultLowerThird(model: BoardModel): SprintResultModel {
  return {
    sprint: 'final',
    heading: `${model.results.heading}\n${model.results.mark}`,
    key: 'result',
    placings: model.rows.slice(0, 3).map((row) => ({
      place: row.rank,
      bib: row.bib,
      name: row.name,
      nation: row.nation,
      points: row.total,
    })),
  };
}

function boundsOf(fader: Fader): { x: number; y: number; width: number; height: number } | null {
  if (!fader.shown) return null;
  const bounds = fader.getBounds();
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
}
