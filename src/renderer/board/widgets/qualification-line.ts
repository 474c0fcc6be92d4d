import { Container, Graphics } from 'pixi.js';
import type { Animated, Animator } from '../engine/animator.ts';
import { Tween } from '../engine/tween.ts';
import type { Theme } from '../theme.ts';
import { glideMs } from './standings-row.ts';
import { assign, makeText, resize, tint } from './text.ts';

/** Where the qualification line is drawn, as a test or the bench reads it. */
export interface QualificationProbe {
  readonly after: number;
  readonly y: number;
  readonly targetY: number;
  readonly certain: boolean;
}

/**
 * The qualification line under the last qualifying row, with its "Q" tag: solid once the places
 * are certain, dashed while they may still change. It glides with the rows
 * (../shared/docs/mass-start-rules.md, "Semi-finals and the qualification line").
 */
export class QualificationLine extends Container implements Animated {
  private readonly solid = new Graphics();
  private readonly dashed = new Graphics();
  private readonly tag = makeText('bold', 20, 0xffffff, 'center');
  private readonly tagPill = new Graphics();
  private readonly x1 = new Tween();
  private readonly y1 = new Tween();
  private line: number | null = null;

  constructor(private readonly animator: Animator) {
    super();
    this.addChild(this.solid, this.dashed, this.tagPill, this.tag);
    this.visible = false;
  }

  /** How many rows qualify: the line is drawn after that many (null: no qualification). */
  get after(): number | null {
    return this.line;
  }

  /** Draws the line and tag for a column `width` wide with rows `rowHeight` tall. */
  draw(width: number, rowHeight: number, theme: Theme): void {
    const thickness = Math.max(2, Math.round(rowHeight * 0.07));
    this.solid
      .clear()
      .rect(0, -thickness / 2, width, thickness)
      .fill({ color: theme.highlight });
    this.dashed.clear();
    const dash = thickness * 5;
    for (let x = 0; x < width; x += dash * 1.6)
      this.dashed
        .rect(x, -thickness / 2, Math.min(dash, width - x), thickness)
        .fill({ color: theme.highlight });
    const tagHeight = Math.round(rowHeight * 0.5);
    const tagWidth = tagHeight * 1.3;
    this.tagPill
      .clear()
      .roundRect(width - tagWidth, -tagHeight / 2, tagWidth, tagHeight, tagHeight * 0.25)
      .fill({ color: theme.highlight });
    resize(this.tag, tagHeight * 0.8);
    tint(this.tag, theme.onHighlight);
    assign(this.tag, 'Q');
    this.tag.position.set(width - tagWidth / 2, 0);
  }

  /** Which row the line follows and whether it is certain (solid) or may still move (dashed). */
  mark(after: number | null, certain: boolean): void {
    this.line = after;
    this.solid.visible = certain;
    this.dashed.visible = !certain;
  }

  /** Hides the line (no qualification, or the line falls outside the shown rows). */
  hide(): void {
    this.visible = false;
  }

  /** Shows the line at (x, y): it glides there when animating, jumps otherwise. */
  moveTo(x: number, y: number, now: number, animate: boolean): void {
    this.visible = true;
    if (!animate) {
      this.x1.set(x);
      this.y1.set(y);
      this.position.set(x, y);
      return;
    }
    const movesX = this.x1.animate(x, now, glideMs);
    const movesY = this.y1.animate(y, now, glideMs);
    if (movesX || movesY) this.animator.start(this);
  }

  step(now: number): boolean {
    const movingX = this.x1.step(now);
    const movingY = this.y1.step(now);
    this.position.set(this.x1.value, this.y1.value);
    return movingX || movingY;
  }

  /** Where the line is drawn (null: not shown). */
  probe(): QualificationProbe | null {
    if (!this.visible || this.line === null) return null;
    return { after: this.line, y: this.y, targetY: this.y1.target, certain: this.solid.visible };
  }
}
