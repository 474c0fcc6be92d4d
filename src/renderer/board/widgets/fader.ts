import { Container } from 'pixi.js';
import type { Animated, Animator } from '../engine/animator.ts';
import { easeOutCubic, Tween } from '../engine/tween.ts';

/** A group that fades in and out as a whole (overlay elements cut in and out by the host). */
export class Fader extends Container implements Animated {
  private readonly fade = new Tween(0, easeOutCubic);

  constructor(private readonly animator: Animator) {
    super();
    this.alpha = 0;
    this.visible = false;
  }

  /** Whether it is shown or coming in. */
  get shown(): boolean {
    return this.fade.target === 1;
  }

  setShown(shown: boolean, now: number, animate: boolean): void {
    const target = shown ? 1 : 0;
    if (shown) this.visible = true;
    if (!animate) {
      this.fade.set(target);
      this.alpha = target;
      this.visible = shown;
    } else if (this.fade.animate(target, now, 300)) this.animator.start(this);
  }

  step(now: number): boolean {
    const moving = this.fade.step(now);
    this.alpha = this.fade.value;
    this.visible = this.fade.value > 0;
    return moving;
  }
}
