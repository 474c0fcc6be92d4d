import { Container, Graphics } from 'pixi.js';
import type { LowerThirdModel } from '../../../shared/board/model.ts';
import type { FlagTextures } from '../flags.ts';
import type { Theme } from '../theme.ts';
import type { NameProbe } from './name-text.ts';
import { OverlayLineView, type OverlayLineProbe } from './overlay-line.ts';
import { assign, drawBox, fitWidth, makeText, resize, tint } from './text.ts';

/** What tests read of a lower third. */
export interface LowerThirdProbe {
  readonly kind: LowerThirdModel['kind'] | null;
  readonly heading: string;
  readonly note: string;
  readonly lines: readonly OverlayLineProbe[];
  /** "place bib name nation figure" per line, as the sprint banner's probe gave them. */
  readonly placings: readonly string[];
  /** How each line's name is drawn, in line order. */
  readonly nameTexts: readonly NameProbe[];
  readonly columns: number;
  readonly box: { x: number; y: number; width: number; height: number };
}

/** The room a lower third has: the bottom of the safe area, beside the corner stack. */
export interface LowerThirdArea {
  readonly x: number;
  readonly width: number;
  /** Its bottom edge. */
  readonly bottom: number;
  readonly align: 'left' | 'center' | 'right';
}

/** Sizes on the 1080-high virtual canvas. */
const titleHeight = 46;
const lineHeight = 54;
const gap = 6;
const inset = 8;
/** A cell narrower than this would cut names to nothing: fewer columns, more rows. */
const minCell = 320;
const cellWidth = { podium: 470, other: 370 };
const needsWidth = 1000;

/** Columns for a lower third: one list for what they need, else a grid of at most two rows. */
export function lowerThirdColumns(kind: LowerThirdModel['kind'], count: number, width: number) {
  if (kind === 'needs' || count <= 1) return 1;
  const wanted = count <= 4 ? count : Math.ceil(count / 2);
  const fitting = Math.max(1, Math.floor((width - 2 * inset + gap) / (minCell + gap)));
  return Math.min(wanted, fitting);
}

/**
 * A broadcast lower third (issue 18, part 5): a coloured title tab ("QUALIFIED FOR THE FINAL",
 * "SPRINT 2", "WHAT THEY NEED") with its note beside it ("UNOFFICIAL", "QUALIFICATION · TOP
 * 8"), over an opaque panel of skaters in a grid. Sized to what it says, standing on the
 * bottom of the safe area.
 */
export class LowerThird extends Container {
  private readonly panel = new Graphics();
  private readonly tab = new Graphics();
  private readonly heading = makeText('bold', 28, 0xffffff);
  private readonly note = makeText('bold', 24, 0xffffff);
  private readonly lines: OverlayLineView[] = [];
  private model: LowerThirdModel | null = null;
  private area: LowerThirdArea = { x: 0, width: 0, bottom: 0, align: 'left' };
  private theme: Theme | null = null;
  private shape = '';
  private columns = 1;
  private size = { width: 0, height: 0 };

  constructor(
    private readonly flags: FlagTextures,
    name: string,
  ) {
    super();
    this.label = name;
    this.heading.label = 'title';
    this.note.label = 'note';
    this.addChild(this.panel, this.tab, this.heading, this.note);
  }

  /** The room it has (layout time). */
  layout(area: LowerThirdArea, theme: Theme): void {
    this.area = area;
    this.theme = theme;
    this.shape = '';
    if (this.model) this.update(this.model);
  }

  /** Shows a lower third (compare and assign); re-placed when its kind, size or words change. */
  update(model: LowerThirdModel): void {
    this.model = model;
    const shape = `${model.kind}|${model.lines.length}|${model.title}|${model.note}|${model.noteTone}`;
    if (shape !== this.shape) this.arrange(model, shape);
    model.lines.forEach((line, index) => this.lines[index]?.update(line));
  }

  probe(): LowerThirdProbe {
    const model = this.model;
    const count = model?.lines.length ?? 0;
    return {
      kind: model?.kind ?? null,
      heading: this.heading.text,
      note: this.note.text,
      lines: this.lines.slice(0, count).map((line) => line.probe()),
      placings: (model?.lines ?? []).map(
        (line) => `${line.place} ${line.bib} ${line.name} ${line.nation} ${line.value}`,
      ),
      nameTexts: this.lines.slice(0, count).map((line) => line.probe().nameText),
      columns: this.columns,
      box: { x: this.x, y: this.y, ...this.size },
    };
  }

  private arrange(model: LowerThirdModel, shape: string): void {
    const theme = this.theme;
    if (!theme || this.area.width <= 0) return;
    this.shape = shape;
    const count = model.lines.length;
    const columns = lowerThirdColumns(model.kind, count, this.area.width);
    this.columns = columns;
    const rows = Math.max(1, Math.ceil(count / columns));
    const wanted =
      model.kind === 'needs'
        ? needsWidth
        : columns * cellWidth[model.kind === 'podium' ? 'podium' : 'other'] +
          (columns - 1) * gap +
          2 * inset;
    const width = Math.min(this.area.width, wanted);
    const height = titleHeight + inset + rows * (lineHeight + gap) - gap + inset;
    this.size = { width, height };
    const { area } = this;
    this.x =
      area.align === 'left'
        ? area.x
        : area.align === 'right'
          ? area.x + area.width - width
          : area.x + (area.width - width) / 2;
    this.y = area.bottom - height;
    drawBox(this.panel, width, height, theme.panel, 1, 8);
    // The title on its tab, sized to the words; the note beside it on the panel.
    const [tabColour, onTab] = this.tabColours(model.kind, theme);
    resize(this.heading, titleHeight * 0.6);
    resize(this.note, titleHeight * 0.5);
    assign(this.heading, model.title);
    assign(this.note, model.note);
    this.heading.scale.x = 1;
    this.note.scale.x = 1;
    const pad = 18;
    const tabWidth = Math.min(width * 0.62, this.heading.width + 2 * pad);
    fitWidth(this.heading, tabWidth - 2 * pad);
    drawBox(this.tab, tabWidth, titleHeight, tabColour, 1, 8);
    tint(this.heading, onTab);
    this.heading.position.set(pad, titleHeight / 2);
    tint(
      this.note,
      model.noteTone === 'official'
        ? theme.official
        : model.noteTone === 'unofficial'
          ? theme.unofficial
          : theme.text,
    );
    this.note.position.set(tabWidth + pad, titleHeight / 2);
    fitWidth(this.note, Math.max(0, width - tabWidth - 2 * pad));
    // The grid: cells filled row by row.
    while (this.lines.length < count) {
      const line = new OverlayLineView(this.flags);
      this.lines.push(line);
      this.addChild(line);
    }
    const cell = (width - 2 * inset - (columns - 1) * gap) / columns;
    this.lines.forEach((line, index) => {
      line.visible = index < count;
      if (index >= count) return;
      const row = Math.floor(index / columns);
      const column = index % columns;
      const stripe = (row + column) % 2 === 0 ? theme.rowEven : theme.rowOdd;
      line.layout(cell, lineHeight, theme, stripe);
      line.position.set(
        inset + column * (cell + gap),
        titleHeight + inset + row * (lineHeight + gap),
      );
    });
  }

  private tabColours(kind: LowerThirdModel['kind'], theme: Theme): [number, number] {
    switch (kind) {
      case 'sprint':
        return [theme.highlight, theme.onHighlight];
      case 'qualified':
        return [theme.qualify, theme.onQualify];
      default:
        return [theme.accent, theme.onAccent];
    }
  }
}
