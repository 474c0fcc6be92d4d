import { Container, Graphics } from 'pixi.js';
import type { Animated, Animator } from '../engine/animator.ts';
import { Tween } from '../engine/tween.ts';
import type { Theme } from '../theme.ts';
import { outputBox, type OutputBox } from './badges.ts';
import { glideMs } from './standings-row.ts';

/** Where the qualification line is drawn, as a test or the bench reads it. */
export interface QualificationProbe {
  readonly after: number;
  readonly y: number;
  readonly targetY: number;
  readonly certain: boolean;
  /** Its label and note as drawn ("" where the line has none: the overlay, ribbon cards). */
  readonly label: string;
  readonly note: string;
  /** Where it is on the output. */
  readonly box: OutputBox;
  /** Thickness of the bar itself, in output pixels. */
  readonly thickness: number;
  /** On a page away from the line: where the line is ('up': above the page, 'down': below). */
  readonly pointing: 'up' | 'down' | null;
}

/** What a table needs of its qualification line, thin (in a row gap) or a bar (its own band). */
export interface QualificationMark extends Container {
  /** Rows above the line (null: no line). */
  readonly after: number | null;
  mark(after: number | null, certain: boolean): void;
  hide(): void;
  moveTo(x: number, y: number, now: number, animate: boolean): void;
  probe(): QualificationProbe | null;
}

/**
 * What the thin line and the venue board's bar share: a solid and a dashed drawing (certain or
 * still open), the row it follows, and the glide with the rows.
 */
export abstract class GlidingMark extends Container implements Animated {
  protected readonly solid = new Graphics();
  protected readonly dashed = new Graphics();
  protected readonly x1 = new Tween();
  protected readonly y1 = new Tween();
  protected line: number | null = null;

  constructor(private readonly animator: Animator) {
    super();
    this.addChild(this.solid, this.dashed);
    this.visible = false;
  }

  /** How many rows qualify: the mark is drawn after that many (null: no qualification). */
  get after(): number | null {
    return this.line;
  }

  /** Which row the mark follows and whether it is certain (solid) or may still move (dashed). */
  mark(after: number | null, certain: boolean): void {
    this.line = after;
    this.solid.visible = certain;
    this.dashed.visible = !certain;
  }

  /** Hides the mark (no qualification, or the line falls outside the shown rows). */
  hide(): void {
    this.visible = false;
  }

  /** Shows the mark at (x, y): it glides there when animating, jumps otherwise. */
  moveTo(x: number, y: number, now: number, animate: boolean): void {
    const appearing = !this.visible;
    this.visible = true;
    if (!animate || appearing) {
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
}

/**
 * The qualification line in a row gap (the overlay's top N; the ribbon's cards, where it runs
 * down the gap between two columns when the line falls there): solid once the places are
 * certain, dashed while they may still change. It glides with the rows
 * (../shared/docs/mass-start-rules.md, "Semi-finals and the qualification line").
 */
export class QualificationLine extends GlidingMark implements QualificationMark {
  private thickness = 2;

  /**
   * Draws the line `length` long and `thickness` thick, across (a column's width) or down
   * (a column's height, between two columns of cards).
   */
  draw(length: number, thickness: number, theme: Theme, vertical = false): void {
    this.thickness = Math.max(2, thickness);
    const t = this.thickness;
    const bar = (graphics: Graphics, from: number, to: number) =>
      vertical
        ? graphics.rect(-t / 2, from, t, to - from)
        : graphics.rect(from, -t / 2, to - from, t);
    bar(this.solid.clear(), 0, length).fill({ color: theme.qualify });
    this.dashed.clear();
    const dash = Math.max(t * 3, 10);
    for (let at = 0; at < length; at += dash * 1.6)
      bar(this.dashed, at, Math.min(at + dash, length)).fill({ color: theme.qualify });
  }

  /** Where the line is drawn (null: not shown). */
  probe(): QualificationProbe | null {
    if (!this.visible || this.line === null) return null;
    const scale = this.getGlobalTransform().d;
    return {
      after: this.line,
      y: this.y,
      targetY: this.y1.target,
      certain: this.solid.visible,
      label: '',
      note: '',
      box: outputBox(this),
      thickness: this.thickness * scale,
      pointing: null,
    };
  }
}
