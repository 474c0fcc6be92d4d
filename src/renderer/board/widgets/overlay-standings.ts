import { Container, Graphics } from 'pixi.js';
import type { OverlayStandingsModel } from '../../../shared/board/model.ts';
import type { FlagTextures } from '../flags.ts';
import type { Theme } from '../theme.ts';
import { OverlayLineView, type OverlayLineProbe } from './overlay-line.ts';
import { assign, drawBox, fitWidth, makeText, resize, tint } from './text.ts';

/** What tests read of the panel. */
export interface OverlayStandingsProbe {
  readonly title: string;
  readonly lines: readonly OverlayLineProbe[];
  /** Lines above the qualification line as drawn; null: none. */
  readonly lineAfter: number | null;
  readonly box: { x: number; y: number; width: number; height: number };
}

/** Where the panel goes: its corner's x, the edge it grows from, the room it has. */
export interface StandingsPlace {
  readonly x: number;
  /** The top edge (a top corner) or the bottom edge (a bottom corner) it grows from. */
  readonly edge: number;
  readonly growsUp: boolean;
  readonly width: number;
  /** The most lines that fit. */
  readonly maxLines: number;
}

/** Sizes on the 1080-high virtual canvas. */
const titleHeight = 46;
const lineHeight = 50;
const lineGap = 3;
const inset = 6;
/** Extra room at the qualification line: the bar is as thick as two row gaps and more. */
const cutGap = 6;

/** How many lines a panel of at most `height` holds (its title, insets and the line's gap included). */
export function standingsLinesThatFit(height: number): number {
  const chrome = titleHeight + 2 * inset + cutGap - lineGap;
  return Math.max(1, Math.floor((height - chrome) / (lineHeight + lineGap)));
}

/**
 * The overlay's standings (issue 18, part 5): a title strip ("STANDINGS AFTER SPRINT 2") over
 * opaque lines (place, flag, name, points, Q badge) and the qualification line as a solid bar
 * between two ranked skaters. Comes up after a sprint and goes; no translucent rows on air.
 */
export class OverlayStandings extends Container {
  private readonly panel = new Graphics();
  private readonly titlePlate = new Graphics();
  private readonly title = makeText('bold', 26, 0xffffff);
  private readonly cutLine = new Graphics();
  private readonly lines: OverlayLineView[] = [];
  private model: OverlayStandingsModel | null = null;
  private place: StandingsPlace = { x: 0, edge: 0, growsUp: false, width: 0, maxLines: 0 };
  private theme: Theme | null = null;
  private shownLines = -1;
  private panelHeight = 0;
  private drawnLineAfter: number | null = null;

  constructor(private readonly flags: FlagTextures) {
    super();
    this.label = 'standings';
    this.title.label = 'title';
    this.addChild(this.panel, this.titlePlate, this.cutLine, this.title);
  }

  /** Where the panel stands (layout time). */
  layout(place: StandingsPlace, theme: Theme): void {
    this.place = place;
    this.theme = theme;
    this.shownLines = -1;
    if (this.model) this.arrange(this.model);
  }

  /** Shows the standings; lines are reused, the panel re-placed only when their count changes. */
  update(model: OverlayStandingsModel): void {
    this.model = model;
    const count = Math.min(model.lines.length, this.place.maxLines);
    if (count !== this.shownLines || model.lineAfter !== this.drawnLineAfter) this.arrange(model);
    if (assign(this.title, model.title)) fitWidth(this.title, this.place.width - 2 * 16);
    model.lines.slice(0, count).forEach((line, index) => this.lines[index]!.update(line));
  }

  probe(): OverlayStandingsProbe {
    return {
      title: this.title.text,
      lines: this.lines.slice(0, Math.max(0, this.shownLines)).map((line) => line.probe()),
      lineAfter: this.drawnLineAfter,
      box: { x: this.x, y: this.y, width: this.place.width, height: this.panelHeight },
    };
  }

  private arrange(model: OverlayStandingsModel): void {
    const theme = this.theme;
    if (!theme) return;
    const { width } = this.place;
    const count = Math.min(model.lines.length, this.place.maxLines);
    this.shownLines = count;
    while (this.lines.length < count) {
      const line = new OverlayLineView(this.flags);
      this.lines.push(line);
      this.addChild(line);
    }
    // The qualification line gets a gap of its own: a bar in the Q colour, never under a line.
    const after = model.lineAfter !== null && model.lineAfter < count ? model.lineAfter : null;
    this.drawnLineAfter = after;
    const extra = after === null ? 0 : cutGap;
    const height = titleHeight + inset + count * (lineHeight + lineGap) - lineGap + extra + inset;
    this.panelHeight = height;
    this.x = this.place.x;
    this.y = this.place.growsUp ? this.place.edge - height : this.place.edge;
    drawBox(this.panel, width, height, theme.panel, 1, 8);
    drawBox(this.titlePlate, width, titleHeight, theme.accent, 1, 8);
    resize(this.title, titleHeight * 0.58);
    tint(this.title, theme.onAccent);
    this.title.position.set(16, titleHeight / 2);
    this.title.scale.x = 1;
    fitWidth(this.title, width - 2 * 16);
    const top = titleHeight + inset;
    const lineY = (index: number) =>
      top + index * (lineHeight + lineGap) + (after !== null && index >= after ? extra : 0);
    this.lines.forEach((line, index) => {
      line.visible = index < count;
      if (index >= count) return;
      line.layout(
        width - 2 * inset,
        lineHeight,
        theme,
        index % 2 === 0 ? theme.rowEven : theme.rowOdd,
      );
      line.position.set(inset, lineY(index));
    });
    this.cutLine.clear();
    if (after !== null) {
      const y = lineY(after - 1) + lineHeight;
      this.cutLine.rect(0, y, width, lineGap + extra).fill({ color: theme.qualify });
    }
  }
}
