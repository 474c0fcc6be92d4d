import { Container, Graphics } from 'pixi.js';
import type { LapBoardModel } from '../../../shared/board/model.ts';
import type { Animated, Animator } from '../engine/animator.ts';
import { easeOutCubic, Tween } from '../engine/tween.ts';
import type { Box } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { bellIcon, Pill } from './pill.ts';
import { assign, drawBox, fitWidth, makeText, resize, tint } from './text.ts';
import { figureInk, type InkMetrics } from '../fonts.ts';

/** Figure font metrics, measured once. */
let ink: InkMetrics | null = null;

/** What tests read of the lap board. */
export interface LapBoardProbe {
  readonly figure: string;
  readonly label: string;
  readonly sprintFlag: string | null;
  readonly bell: string | null;
}

/**
 * The lap board: the dominant laps-to-go figure, its label, the sprint flag ("SPRINT 2",
 * "FINAL SPRINT") and the bell for the last lap. Tall on screens, side by side on 4:3, bars,
 * ribbons and the overlay bug.
 */
export class LapBoard extends Container implements Animated {
  private readonly plate = new Graphics();
  private readonly rim = new Graphics();
  private readonly figure = makeText('figure', 300, 0xffffff, 'center');
  private readonly caption = makeText('bold', 40, 0xffffff, 'center');
  private readonly sprint: Pill;
  private readonly bell: Pill;
  private readonly pop = new Tween(0, easeOutCubic);
  private figureScale = 1;
  private figureCentreY = 0;
  private figureBox: Box = { x: 0, y: 0, width: 0, height: 0 };
  private theme: Theme | null = null;
  private model: LapBoardModel | null = null;

  constructor(private readonly animator: Animator) {
    super();
    this.sprint = new Pill(animator);
    this.bell = new Pill(animator, bellIcon(30));
    this.addChild(this.plate, this.rim, this.figure, this.caption, this.sprint, this.bell);
  }

  /** Lays the board out in `box` (its own coordinates start at the box's corner). */
  layout(box: Box, theme: Theme, options: { plate: boolean; compact?: boolean }): void {
    this.theme = theme;
    this.position.set(box.x, box.y);
    const { width, height } = box;
    drawBox(
      this.plate,
      options.plate ? width : 0,
      height,
      theme.panel,
      theme.panelAlpha,
      Math.min(width, height) * 0.04,
    );
    this.rim.clear();
    if (options.plate)
      this.rim
        .roundRect(0, 0, width, height, Math.min(width, height) * 0.04)
        .stroke({ color: 0xffffff, width: Math.max(3, height * 0.008), alignment: 1 });
    const vertical = height > width * 0.9;
    if (vertical) {
      const labelSize = height * 0.06;
      const pillHeight = height * 0.11;
      this.placeLabel(width / 2, height * 0.1, labelSize, width * 0.9);
      this.figureBox = {
        x: width * 0.05,
        y: height * 0.17,
        width: width * 0.9,
        height: height * 0.5,
      };
      this.sprint.layout(width * 0.84, pillHeight, pillHeight * 0.62);
      this.sprint.position.set(width * 0.08, height * 0.7);
      if (this.bell.icon) bellIcon(pillHeight * 0.62, this.bell.icon);
      this.bell.layout(width * 0.84, pillHeight, pillHeight * 0.62);
      this.bell.position.set(width * 0.08, height * 0.84);
    } else {
      // Side by side: the figure on the left; label over the two flags on the right.
      const figureWidth = Math.min(width * 0.45, height * 1.25);
      const pad = height * (options.compact ? 0.08 : 0.1);
      this.figureBox = { x: pad, y: pad, width: figureWidth - pad, height: height - 2 * pad };
      const right = figureWidth + pad;
      const columnWidth = width - right - pad;
      const inner = height - 2 * pad;
      const labelHeight = inner * 0.4;
      const pillHeight = inner * 0.27;
      const pillGap = inner * 0.03;
      this.placeLabel(
        right + columnWidth / 2,
        pad + labelHeight * 0.45,
        labelHeight * 0.85,
        columnWidth,
      );
      this.sprint.layout(columnWidth, pillHeight, pillHeight * 0.66);
      this.sprint.position.set(right, pad + labelHeight + pillGap);
      if (this.bell.icon) bellIcon(pillHeight * 0.62, this.bell.icon);
      this.bell.layout(columnWidth, pillHeight, pillHeight * 0.66);
      this.bell.position.set(right, pad + labelHeight + 2 * pillGap + pillHeight);
    }
    this.sizeFigure();
    this.sprint.colour(theme.highlight, theme.onHighlight);
    this.bell.colour(theme.alert, theme.onAlert);
    tint(this.caption, theme.accent);
    if (this.model) this.paint(this.model);
  }

  /** Draws the model; a new figure lands with a short pop. */
  update(model: LapBoardModel, now: number, animate: boolean): void {
    const previous = this.model;
    this.model = model;
    if (assign(this.figure, model.figure)) {
      this.sizeFigure();
      if (animate && previous) {
        this.pop.set(1);
        this.pop.animate(0, now, 450);
        this.animator.start(this);
      }
    }
    if (assign(this.caption, model.label)) fitWidth(this.caption, this.labelWidth);
    this.sprint.setText(model.sprintFlag, now, animate);
    this.bell.setText(model.bell ? (model.bellLabel ?? '') : null, now, animate);
    this.paint(model);
  }

  step(now: number): boolean {
    const moving = this.pop.step(now);
    this.placeFigure(this.figureScale * (1 + 0.1 * this.pop.value));
    return moving;
  }

  probe(): LapBoardProbe {
    return {
      figure: this.figure.text,
      label: this.caption.text,
      sprintFlag: this.sprint.shownText,
      bell: this.bell.shownText,
    };
  }

  private labelWidth = 0;

  private placeLabel(x: number, y: number, size: number, width: number): void {
    resize(this.caption, size);
    this.caption.position.set(x, y);
    this.labelWidth = width;
    fitWidth(this.caption, width);
  }

  /** Scales the figure to fill its box: the digits' ink fills the box height, two digits fit the width. */
  private sizeFigure(): void {
    ink ??= figureInk();
    const box = this.figureBox;
    resize(this.figure, 360);
    this.figure.anchor.y = 0;
    this.figure.scale.set(1);
    const natural = Math.max(this.figure.width, 1);
    const byHeight = box.height / (ink.capHeight * 360);
    const twoDigits = (natural / Math.max(1, this.figure.text.length)) * 2;
    const byWidth = box.width / twoDigits;
    this.figureScale = Math.min(byHeight, byWidth);
    this.figure.x = box.x + box.width / 2;
    this.figureCentreY = box.y + box.height / 2;
    this.placeFigure(this.figureScale);
  }

  /** Scales the figure about the centre of its ink (the pop grows it in place). */
  private placeFigure(scale: number): void {
    const metrics = ink!;
    this.figure.scale.set(scale);
    this.figure.y = this.figureCentreY - 360 * scale * (metrics.ascent - metrics.capHeight / 2);
  }

  private paint(model: LapBoardModel): void {
    const theme = this.theme;
    if (!theme) return;
    tint(this.figure, model.bell ? theme.alert : model.sprintFlag ? theme.highlight : theme.text);
    tint(this.rim, model.bell ? theme.alert : model.sprintFlag ? theme.highlight : theme.accent);
    this.rim.alpha = model.sprintFlag || model.bell ? 1 : 0.35;
  }
}
