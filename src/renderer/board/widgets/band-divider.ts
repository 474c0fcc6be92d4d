import { Container, Graphics } from 'pixi.js';
import type { Animated, Animator } from '../engine/animator.ts';
import { Tween } from '../engine/tween.ts';
import type { Theme } from '../theme.ts';
import { glideMs } from './standings-row.ts';

/**
 * The thin rule between the skaters with points and those without (issue 18): the rows under it
 * are in the race, in normal text, ordered by helmet number until they score. It glides with
 * the rows.
 */
export class BandDivider extends Container implements Animated {
  private readonly rule = new Graphics();
  private readonly y1 = new Tween();

  constructor(private readonly animator: Animator) {
    super();
    this.addChild(this.rule);
    this.visible = false;
  }

  /** A rule `width` wide and `thickness` thick, centred on y = 0. */
  draw(width: number, thickness: number, theme: Theme): void {
    this.rule
      .clear()
      .rect(0, -thickness / 2, width, thickness)
      .fill({ color: theme.divider, alpha: 0.7 });
  }

  hide(): void {
    this.visible = false;
  }

  /** Shows the rule at (x, y): it glides there, or jumps when it appears. */
  moveTo(x: number, y: number, now: number, animate: boolean): void {
    const appearing = !this.visible;
    this.visible = true;
    this.x = x;
    if (!animate || appearing) {
      this.y1.set(y);
      this.y = y;
    } else if (this.y1.animate(y, now, glideMs)) this.animator.start(this);
  }

  step(now: number): boolean {
    const moving = this.y1.step(now);
    this.y = this.y1.value;
    return moving;
  }
}
