import { Container, Graphics } from 'pixi.js';
import type { OverlayBugModel } from '../../../shared/board/model.ts';
import type { Theme } from '../theme.ts';
import { assign, drawBox, fitWidth, makeText, resize, tint } from './text.ts';

/** What tests read of the bug. */
export interface OverlayBugProbe {
  /** The bug as one line of text, as drawn. */
  readonly text: string;
  readonly state: OverlayBugModel['state'];
  /** The plates' box on the virtual canvas. */
  readonly box: { x: number; y: number; width: number; height: number };
}

/**
 * The laps bug (issue 18, part 5): one compact line on opaque plates, sized to what it says:
 * "7 LAPS TO GO" on the panel, the sprint lap's worth on the sprint colour beside it ("SPRINT 2
 * · 3-2-1"), the bell as "LAST LAP" in white on red, "FINISH" alone. Never half empty.
 */
export class OverlayBug extends Container {
  private readonly mainPlate = new Graphics();
  private readonly flagPlate = new Graphics();
  private readonly figure = makeText('bold', 44, 0xffffff);
  private readonly caption = makeText('bold', 30, 0xffffff);
  private readonly flag = makeText('bold', 28, 0xffffff);
  private bug: OverlayBugModel | null = null;
  private theme: Theme | null = null;
  private anchorX = 0;
  private alignRight = false;
  private plateHeight = 60;
  private maxWidth = 800;
  private drawnWidth = 0;

  constructor() {
    super();
    this.label = 'bug';
    this.figure.label = 'figure';
    this.caption.label = 'label';
    this.flag.label = 'flag';
    this.addChild(this.mainPlate, this.flagPlate, this.figure, this.caption, this.flag);
  }

  /**
   * Where the bug stands: its top at `y`, its left edge at `x` (or its right edge, in a right
   * corner), at most `maxWidth` wide.
   */
  layout(
    x: number,
    y: number,
    height: number,
    maxWidth: number,
    alignRight: boolean,
    theme: Theme,
  ): void {
    this.anchorX = x;
    this.alignRight = alignRight;
    this.plateHeight = height;
    this.maxWidth = maxWidth;
    this.theme = theme;
    this.y = y;
    resize(this.figure, height * 0.72);
    resize(this.caption, height * 0.5);
    resize(this.flag, height * 0.46);
    if (this.bug) this.arrange(this.bug);
  }

  /** Shows the bug's strings; places the plates again only when one changed. */
  update(bug: OverlayBugModel): void {
    const before = this.bug;
    this.bug = bug;
    if (
      before === null ||
      before.text !== bug.text ||
      before.state !== bug.state ||
      this.drawnWidth === 0
    )
      this.arrange(bug);
  }

  /** Width of the bug as drawn. */
  get bugWidth(): number {
    return this.drawnWidth;
  }

  probe(): OverlayBugProbe {
    const parts = [this.figure.text, this.caption.text].filter((part) => part !== '').join(' ');
    return {
      text: this.flag.text ? `${parts} · ${this.flag.text}` : parts,
      state: this.bug?.state ?? 'laps',
      box: { x: this.x, y: this.y, width: this.drawnWidth, height: this.plateHeight },
    };
  }

  private arrange(bug: OverlayBugModel): void {
    const theme = this.theme;
    if (!theme) return;
    const h = this.plateHeight;
    const pad = h * 0.32;
    const middle = h / 2;
    assign(this.figure, bug.figure);
    assign(this.caption, bug.label);
    assign(this.flag, bug.flag);
    for (const text of [this.figure, this.caption, this.flag]) text.scale.x = 1;
    const bell = bug.state === 'bell';
    tint(this.figure, theme.text);
    tint(this.caption, bell ? theme.onAlert : bug.state === 'finish' ? theme.text : theme.accent);
    tint(this.flag, theme.onHighlight);
    const figureWidth = bug.figure ? this.figure.width + pad * 0.6 : 0;
    const mainWidth = Math.min(this.maxWidth * 0.6, pad + figureWidth + this.caption.width + pad);
    fitWidth(this.caption, mainWidth - 2 * pad - figureWidth);
    const flagRoom = this.maxWidth - mainWidth;
    const flagWidth = bug.flag ? Math.min(flagRoom, this.flag.width + 2 * pad) : 0;
    if (bug.flag) fitWidth(this.flag, flagWidth - 2 * pad);
    const radius = Math.min(8, h * 0.14);
    drawBox(this.mainPlate, mainWidth, h, bell ? theme.alert : theme.panel, 1, radius);
    this.flagPlate.clear();
    if (bug.flag)
      drawBox(this.flagPlate, flagWidth, h, theme.highlight, 1, radius).position.set(mainWidth, 0);
    this.figure.position.set(pad, middle);
    this.caption.position.set(pad + figureWidth, middle);
    this.flag.position.set(mainWidth + pad, middle);
    this.drawnWidth = mainWidth + flagWidth;
    this.x = this.alignRight ? this.anchorX - this.drawnWidth : this.anchorX;
  }
}
