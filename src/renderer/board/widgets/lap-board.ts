import { Container, Graphics } from 'pixi.js';
import type { LapBoardModel } from '../../../shared/board/model.ts';
import type { Animated, Animator } from '../engine/animator.ts';
import { easeOutCubic, Tween } from '../engine/tween.ts';
import type { Box } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { bellIcon, Pill } from './pill.ts';
import { assign, drawBox, fitWidth, makeText, resize, tint } from './text.ts';
import { figureInk, type InkMetrics } from '../fonts.ts';
import { outputBox, type OutputBox } from './badges.ts';

/** Figure font metrics, measured once. */
let ink: InkMetrics | null = null;

/** What tests read of the lap board. */
export interface LapBoardProbe {
  readonly figure: string;
  readonly label: string;
  readonly sprintFlag: string | null;
  readonly bell: string | null;
  /** The figure's colour and the plate behind it (the bell: white on red), as hex. */
  readonly figureColour: string;
  readonly figurePlate: string | null;
  /** Where the figure's box is on the output. */
  readonly figureBox: OutputBox;
  /** The sprint pill's lines as drawn (the heading over the worth when it needs two). */
  readonly sprintLines: readonly string[];
}

const hex = (colour: number) => `#${colour.toString(16).padStart(6, '0')}`;

/**
 * The lap board: the dominant laps-to-go figure, its label, the sprint flag ("SPRINT 2",
 * "FINAL SPRINT") and the bell for the last lap. Tall on screens, side by side on 4:3, bars,
 * ribbons and the overlay bug.
 */
export class LapBoard extends Container implements Animated {
  private readonly plate = new Graphics();
  private readonly rim = new Graphics();
  /** Red behind the white figure on the bell lap (issue 18: the figure never turns red). */
  private readonly figurePlate = new Graphics();
  /** The red plate's white rim: the plate stands out of the navy for every viewer. */
  private readonly figureRim = new Graphics();
  private readonly figure = makeText('figure', 300, 0xffffff, 'center');
  private readonly caption = makeText('bold', 40, 0xffffff, 'center');
  private readonly sprint: Pill;
  private readonly bell: Pill;
  private readonly pop = new Tween(0, easeOutCubic);
  private figureScale = 1;
  private figureCentreY = 0;
  private figureBox: Box = { x: 0, y: 0, width: 0, height: 0 };
  /** Where the label goes: over the figure, or alone in its place once the race is finished. */
  private labelAt = { x: 0, y: 0, size: 40, width: 0 };
  private theme: Theme | null = null;
  private model: LapBoardModel | null = null;

  constructor(private readonly animator: Animator) {
    super();
    this.label = 'lap-board';
    this.sprint = new Pill(animator);
    this.bell = new Pill(animator, bellIcon(30));
    this.addChild(
      this.plate,
      this.rim,
      this.figurePlate,
      this.figureRim,
      this.figure,
      this.caption,
      this.sprint,
      this.bell,
    );
    this.figurePlate.visible = this.figureRim.visible = false;
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
    const f = this.figureBox;
    const corner = Math.min(f.width, f.height) * 0.08;
    drawBox(this.figurePlate, f.width, f.height, 0xffffff, 1, corner);
    this.figurePlate.position.set(f.x, f.y);
    const rim = Math.max(3, f.height * 0.012);
    this.figureRim
      .clear()
      .roundRect(f.x, f.y, f.width, f.height, corner)
      .stroke({ color: 0xffffff, width: rim, alignment: 0 });
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
    const finishedChanged = (previous?.figure === '') !== (model.figure === '');
    if (assign(this.caption, model.label) || finishedChanged) this.placeCaption();
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
      figureColour: hex(this.figure.tint),
      figurePlate: this.figurePlate.visible ? hex(this.figurePlate.tint) : null,
      figureBox: outputBox(this.figurePlate),
      sprintLines: this.sprint.shownText === null ? [] : this.sprint.lines,
    };
  }

  private placeLabel(x: number, y: number, size: number, width: number): void {
    this.labelAt = { x, y, size, width };
    this.placeCaption();
  }

  /**
   * The label over the figure; once the leader is home (no figure) "FINISH" alone, large, where
   * the figure was (issue 18: no giant 0 under it).
   */
  private placeCaption(): void {
    const alone = this.model?.figure === '';
    const box = this.figureBox;
    const at = alone
      ? {
          x: box.x + box.width / 2,
          y: box.y + box.height / 2,
          size: Math.min(box.height * 0.45, this.labelAt.size * 2.2),
          width: box.width,
        }
      : this.labelAt;
    resize(this.caption, at.size);
    this.caption.position.set(at.x, at.y);
    fitWidth(this.caption, at.width);
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

  /**
   * The bell lap: the figure stays white, on a red plate (a red figure on navy is 4.4:1 and
   * 2.9:1 for a red-blind viewer). A sprint lap: the figure in the sprint yellow.
   */
  private paint(model: LapBoardModel): void {
    const theme = this.theme;
    if (!theme) return;
    this.figurePlate.visible = this.figureRim.visible = model.bell && model.figure !== '';
    tint(this.figurePlate, theme.alert);
    tint(this.figureRim, theme.onAlert);
    tint(this.figure, model.bell ? theme.onAlert : model.sprintFlag ? theme.highlight : theme.text);
    tint(this.rim, model.bell ? theme.alert : model.sprintFlag ? theme.highlight : theme.accent);
    this.rim.alpha = model.sprintFlag || model.bell ? 1 : 0.35;
    tint(this.caption, model.figure === '' ? theme.text : theme.accent);
  }
}
