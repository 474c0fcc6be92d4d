import { Container, Graphics } from 'pixi.js';
import type { GapBugModel } from '../gaps/present-gaps.ts';
import type { Theme } from '../theme.ts';
import { assign, drawBox, fitWidth, makeText, resize, tint } from './text.ts';

/** What tests read of the gap bug. */
export interface GapBugProbe {
  /** As drawn: "BREAKAWAY +12.9 s ↑" ("" before the first break). */
  readonly text: string;
  /** Its plate on the virtual canvas. */
  readonly box: { x: number; y: number; width: number; height: number };
}

/**
 * The overlay's gap bug (issue 21), beside the laps bug and as tall: "BREAKAWAY" in the accent
 * colour, the break's lead in white and whether it grew over the last lap (an arrow), on the
 * laps bug's panel plate, sized to what it says.
 */
export class GapBug extends Container {
  private readonly plate = new Graphics();
  private readonly caption = makeText('bold', 30, 0xffffff);
  private readonly figure = makeText('bold', 40, 0xffffff);
  private model: GapBugModel | null = null;
  private theme: Theme | null = null;
  private plateHeight = 60;
  private maxWidth = 400;
  private drawnWidth = 0;

  constructor() {
    super();
    this.label = 'gap-bug';
    this.caption.label = 'label';
    this.figure.label = 'figure';
    this.addChild(this.plate, this.caption, this.figure);
  }

  /** Its height and the most it may take across (layout time). */
  layout(height: number, maxWidth: number, theme: Theme): void {
    this.plateHeight = height;
    this.maxWidth = maxWidth;
    this.theme = theme;
    resize(this.caption, height * 0.5);
    resize(this.figure, height * 0.66);
    if (this.model) this.arrange(this.model);
  }

  /** Shows the bug's strings; sized again only when they changed. */
  update(model: GapBugModel): void {
    const before = this.model;
    this.model = model;
    if (before?.text !== model.text || this.drawnWidth === 0) this.arrange(model);
  }

  /** Width as drawn. */
  get bugWidth(): number {
    return this.drawnWidth;
  }

  probe(): GapBugProbe {
    const text = [this.caption.text, this.figure.text].filter((part) => part !== '').join(' ');
    return {
      text,
      box: { x: this.x, y: this.y, width: this.drawnWidth, height: this.plateHeight },
    };
  }

  private arrange(model: GapBugModel): void {
    const theme = this.theme;
    if (!theme) return;
    const h = this.plateHeight;
    const pad = h * 0.32;
    assign(this.caption, model.label);
    assign(this.figure, model.arrow ? `${model.figure} ${model.arrow}` : model.figure);
    this.caption.scale.x = this.figure.scale.x = 1;
    fitWidth(this.caption, this.maxWidth * 0.55);
    const width = Math.min(
      this.maxWidth,
      pad + this.caption.width + pad * 0.8 + this.figure.width + pad,
    );
    fitWidth(this.figure, Math.max(0, width - 2 * pad - pad * 0.8 - this.caption.width));
    drawBox(this.plate, width, h, theme.panel, 1, Math.min(8, h * 0.14));
    tint(this.caption, theme.accent);
    tint(this.figure, theme.text);
    this.caption.position.set(pad, h / 2);
    this.figure.position.set(pad + this.caption.width + pad * 0.8, h / 2);
    this.drawnWidth = width;
  }
}
