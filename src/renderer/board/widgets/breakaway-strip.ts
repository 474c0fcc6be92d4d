import type { BitmapText } from 'pixi.js';
import { Container, Graphics } from 'pixi.js';
import type { Box } from '../layout.ts';
import type { BreakawayStripModel } from '../gaps/present-gaps.ts';
import type { Theme } from '../theme.ts';
import { outputBox, type OutputBox } from './badges.ts';
import { assign, drawBox, makeText, resize, tint } from './text.ts';

/** What tests read of the strip. */
export interface BreakawayStripProbe {
  readonly shown: boolean;
  /** As drawn: "BREAKAWAY · #5 #12 #17 · +12.9 s · ↑ +1.2 s" ("" while hidden). */
  readonly text: string;
  /** Lines it is set on (1 to 3), and its type's share of the size it was given (1: full). */
  readonly lines: number;
  readonly scale: number;
  /** Its plate on the output (null while hidden). */
  readonly box: OutputBox | null;
}

/** The type the scene gives the strip: its figures' size (helmets, lead) and its label's. */
export interface StripType {
  readonly figure: number;
  readonly label: number;
}

type Part = 'tag' | 'chips' | 'lead' | 'trend' | 'arrow';

/**
 * The ways the strip is set, widest first: on one line; the tag and the helmets over the lead;
 * three lines; three lines with the trend down to its arrow beside the lead (a narrow box).
 */
const arrangements: readonly (readonly (readonly Part[])[])[] = [
  [['tag', 'chips', 'lead', 'trend']],
  [
    ['tag', 'chips'],
    ['lead', 'trend'],
  ],
  [['tag'], ['chips'], ['lead', 'trend']],
  [['tag'], ['chips'], ['lead', 'arrow']],
];

/** The height the strip takes at full type on three lines (a scene reserves it). */
export function stripHeight(type: StripType): number {
  const lines = type.label * 1.45 + type.figure * (1.12 + 1.05) + type.figure * 0.12 * 2;
  return lines / 0.88;
}

/** Widths the lead and the trend are measured at, so the type does not jump from lap to lap. */
const leadTemplate = '+00.0 s';
const trendTemplate = '↑ +0.0 s';

/**
 * The venue board's breakaway strip (issue 21): "BREAKAWAY" on an accent tag, the break's helmet
 * numbers on the board's white helmet chips, its lead in the figures' type and the change over
 * the last lap ("↑ +1.2 s"), on a panel of its own. Set in the box the scene gives it on as few
 * lines as fit at the largest type, never larger than the type it was given.
 */
export class BreakawayStrip extends Container {
  private readonly plate = new Graphics();
  private readonly rim = new Graphics();
  private readonly tagPlate = new Graphics();
  private readonly tag = makeText('bold', 40, 0xffffff, 'center');
  private readonly lead = makeText('bold', 60, 0xffffff);
  private readonly trend = makeText('bold', 40, 0xffffff);
  private readonly chips: { plate: Graphics; number: BitmapText }[] = [];
  private readonly chipLayer = new Container();
  private box: Box = { x: 0, y: 0, width: 0, height: 0 };
  private type: StripType = { figure: 60, label: 40 };
  private theme: Theme | null = null;
  private model: BreakawayStripModel | null = null;
  private shape = '';
  private lineCount = 0;
  /** The trend is down to its arrow beside the lead (a narrow box). */
  private arrowOnly = false;
  private scaleShown = 1;

  constructor() {
    super();
    this.label = 'breakaway';
    this.tag.label = 'label';
    this.lead.label = 'lead';
    this.trend.label = 'trend';
    this.chipLayer.label = 'helmets';
    this.addChild(this.plate, this.rim, this.tagPlate, this.tag, this.chipLayer);
    this.addChild(this.lead, this.trend);
    this.visible = false;
  }

  /** The box it stands in and its type (layout time). */
  layout(box: Box, type: StripType, theme: Theme): void {
    this.box = box;
    this.type = type;
    this.theme = theme;
    this.position.set(box.x, box.y);
    this.shape = '';
    if (this.model) this.arrange(this.model);
  }

  /** Shows the strip (null: hides it); sets it again only when its shape changed. */
  update(model: BreakawayStripModel | null): void {
    this.model = model;
    this.visible = model !== null;
    if (!model) return;
    if (shapeOf(model) !== this.shape) this.arrange(model);
    assign(this.lead, this.arrowOnly ? leadWithArrow(model) : model.lead);
    assign(this.trend, this.arrowOnly ? '' : model.trend);
  }

  probe(): BreakawayStripProbe {
    const model = this.visible ? this.model : null;
    return {
      shown: model !== null,
      text: model
        ? [
            this.tag.text,
            this.chips
              .filter((chip) => chip.plate.visible)
              .map((chip) => `#${chip.number.text}`)
              .join(' '),
            this.lead.text,
            this.trend.text,
          ]
            .filter((part) => part !== '')
            .join(' · ')
        : '',
      lines: model ? this.lineCount : 0,
      scale: model ? this.scaleShown : 0,
      box: model ? outputBox(this.plate) : null,
    };
  }

  /** Chooses the arrangement with the largest type that fits the box, and places the parts. */
  private arrange(model: BreakawayStripModel): void {
    const theme = this.theme;
    const { width, height } = this.box;
    if (!theme || width <= 0 || height <= 0) return;
    const { figure, label } = this.type;
    const pad = Math.min(width, height) * 0.06;
    const gap = figure * 0.22;
    const lineGap = figure * 0.12;
    // Natural sizes at full type.
    resize(this.tag, label);
    resize(this.lead, figure);
    resize(this.trend, label);
    for (const text of [this.tag, this.lead, this.trend]) text.scale.set(1);
    assign(this.tag, model.label);
    while (this.chips.length < model.helmets.length) {
      const plate = new Graphics();
      const number = makeText('bold', figure, 0xffffff, 'center');
      number.label = 'helmet';
      this.chips.push({ plate, number });
      this.chipLayer.addChild(plate, number);
    }
    const chipHeight = figure * 1.12;
    const chipWidths = model.helmets.map((bib, index) => {
      const number = this.chips[index]!.number;
      resize(number, figure * 0.86);
      number.scale.set(1);
      assign(number, bib);
      return Math.max(chipHeight * 1.15, number.width + figure * 0.5);
    });
    const tagHeight = label * 1.45;
    const sizes: Record<Part, { width: number; height: number }> = {
      tag: { width: this.tag.width + label * 0.9, height: tagHeight },
      chips: {
        width: chipWidths.reduce((sum, w) => sum + w, 0) + gap * 0.5 * (chipWidths.length - 1),
        height: chipHeight,
      },
      lead: { width: measure(this.lead, leadTemplate), height: figure * 1.05 },
      trend: { width: measure(this.trend, trendTemplate), height: label * 1.2 },
      arrow: {
        width: measure(this.lead, `${leadTemplate} ↑`) - measure(this.lead, leadTemplate),
        height: figure,
      },
    };
    const fitOf = (lines: readonly (readonly Part[])[]) => {
      const parts = lines.map((line) =>
        line.filter((part) => part !== 'trend' || model.trend !== ''),
      );
      const lineWidths = parts.map(
        (line) => line.reduce((sum, part) => sum + sizes[part].width, 0) + gap * (line.length - 1),
      );
      const lineHeights = parts.map((line) => Math.max(...line.map((part) => sizes[part].height)));
      const natural = {
        width: Math.max(...lineWidths) + 2 * pad,
        height: lineHeights.reduce((sum, h) => sum + h, 0) + lineGap * (lines.length - 1) + 2 * pad,
      };
      const scale = Math.min(1, width / natural.width, height / natural.height);
      return { parts, lineWidths, lineHeights, scale };
    };
    const options = arrangements.map(fitOf);
    const best = options.reduce((a, b) => (b.scale > a.scale + 0.001 ? b : a));
    this.arrowOnly = arrangements[options.indexOf(best)]!.flat().includes('arrow');
    this.shape = shapeOf(model);
    this.lineCount = best.parts.length;
    this.scaleShown = best.scale;
    this.place(best, sizes, chipWidths, { pad, gap, lineGap, chipHeight, tagHeight }, theme);
  }

  /** Places the parts line by line, each line centred, the block centred in the box. */
  private place(
    fit: { parts: Part[][]; lineWidths: number[]; lineHeights: number[]; scale: number },
    sizes: Record<Part, { width: number; height: number }>,
    chipWidths: number[],
    spacing: { pad: number; gap: number; lineGap: number; chipHeight: number; tagHeight: number },
    theme: Theme,
  ): void {
    const { width, height } = this.box;
    const s = fit.scale;
    const { gap, lineGap, chipHeight, tagHeight } = spacing;
    drawBox(
      this.plate,
      width,
      height,
      theme.panel,
      theme.panelAlpha,
      Math.min(width, height) * 0.06,
    );
    this.rim
      .clear()
      .roundRect(0, 0, width, height, Math.min(width, height) * 0.06)
      .stroke({ color: 0xffffff, width: Math.max(2, height * 0.012), alignment: 1 });
    tint(this.rim, theme.accent);
    this.rim.alpha = 0.35;
    const blockHeight =
      (fit.lineHeights.reduce((sum, h) => sum + h, 0) + lineGap * (fit.parts.length - 1)) * s;
    let y = (height - blockHeight) / 2;
    for (const text of [this.tag, this.lead, this.trend]) text.scale.set(s);
    for (const chip of this.chips) chip.plate.visible = chip.number.visible = false;
    this.tagPlate.visible = this.trend.visible = false;
    fit.parts.forEach((line, index) => {
      const lineHeight = fit.lineHeights[index]! * s;
      const middle = y + lineHeight / 2;
      let x = (width - fit.lineWidths[index]! * s) / 2;
      for (const part of line) {
        const partWidth = sizes[part].width * s;
        if (part === 'tag') {
          this.tagPlate.visible = true;
          drawBox(this.tagPlate, partWidth, tagHeight * s, theme.accent, 1, tagHeight * s * 0.2);
          this.tagPlate.position.set(x, middle - (tagHeight * s) / 2);
          this.tag.position.set(x + partWidth / 2, middle);
          tint(this.tag, theme.onAccent);
        } else if (part === 'chips') {
          let cx = x;
          chipWidths.forEach((chipWidth, i) => {
            const { plate, number } = this.chips[i]!;
            plate.visible = number.visible = true;
            drawBox(plate, chipWidth * s, chipHeight * s, theme.chip, 1, chipHeight * s * 0.22);
            plate.position.set(cx, middle - (chipHeight * s) / 2);
            number.scale.set(s);
            number.position.set(cx + (chipWidth * s) / 2, middle);
            tint(number, theme.onChip);
            cx += (chipWidth + gap * 0.5) * s;
          });
        } else if (part === 'lead' || part === 'arrow') {
          if (part === 'lead') {
            this.lead.position.set(x, middle);
            tint(this.lead, theme.text);
          }
        } else {
          this.trend.visible = true;
          this.trend.position.set(x, middle);
          tint(this.trend, theme.accent);
        }
        x += partWidth + (part === 'lead' && line.includes('arrow') ? 0 : gap * s);
      }
      y += lineHeight + lineGap * s;
    });
  }
}

/** What moves the strip's parts: its words, its helmets, whether it has a trend. */
function shapeOf(model: BreakawayStripModel): string {
  return [model.label, model.helmets.join(' '), model.trend !== ''].join('|');
}

/** The lead with its arrow, where the box is too narrow for the whole trend: "+12.9 s ↑". */
function leadWithArrow(model: BreakawayStripModel): string {
  const arrow = model.direction === 'gaining' ? '↑' : model.direction === 'losing' ? '↓' : '';
  return arrow ? `${model.lead} ${arrow}` : model.lead;
}

/** The width of `template` in a text's font and size (the text keeps its own string). */
function measure(text: BitmapText, template: string): number {
  const own = text.text;
  text.text = template;
  const width = text.width;
  text.text = own;
  return width;
}
