import { Container, Graphics } from 'pixi.js';
import type { Animated, Animator } from '../engine/animator.ts';
import { easeOutCubic, Tween } from '../engine/tween.ts';
import { assign, drawBox, fitWidth, makeText, resize, tint } from './text.ts';

/**
 * A label on a coloured plate ("SPRINT 2", "LAST LAP", "UNOFFICIAL"), with an optional icon,
 * that fades in when it gets a text and out when the text goes.
 */
export class Pill extends Container implements Animated {
  private readonly plate = new Graphics();
  readonly caption = makeText('bold', 30, 0xffffff, 'center');
  private readonly fade = new Tween(0, easeOutCubic);
  private boxWidth = 0;
  private boxHeight = 0;

  constructor(
    private readonly animator: Animator,
    readonly icon: Graphics | null = null,
  ) {
    super();
    this.addChild(this.plate, this.caption);
    if (icon) this.addChild(icon);
    this.alpha = 0;
    this.visible = false;
  }

  /** The text shown, or null while hidden. */
  get shownText(): string | null {
    return this.fade.target === 1 ? this.caption.text : null;
  }

  /** Sizes the plate (its top-left at the pill's position) and the label. */
  layout(width: number, height: number, fontSize: number): void {
    this.boxWidth = width;
    this.boxHeight = height;
    drawBox(this.plate, width, height, 0xffffff, 1, height * 0.18);
    resize(this.caption, fontSize);
    this.placeLabel();
  }

  /** Plate and text colours. */
  colour(plate: number, text: number): void {
    tint(this.plate, plate);
    tint(this.caption, text);
    if (this.icon) tint(this.icon, text);
  }

  /** Shows a text (null hides the pill). */
  setText(text: string | null, now: number, animate: boolean): void {
    if (text !== null && assign(this.caption, text)) this.placeLabel();
    const target = text === null ? 0 : 1;
    if (target === 1) this.visible = true;
    if (!animate) {
      this.fade.set(target);
      this.alpha = target;
      this.visible = target === 1;
    } else if (this.fade.animate(target, now, 300)) this.animator.start(this);
  }

  step(now: number): boolean {
    const moving = this.fade.step(now);
    this.alpha = this.fade.value;
    if (!moving && this.fade.value === 0) this.visible = false;
    return moving;
  }

  private placeLabel(): void {
    const iconSpace = this.icon ? this.boxHeight * 0.9 : 0;
    fitWidth(this.caption, this.boxWidth - this.boxHeight * 0.5 - iconSpace);
    const textWidth = this.caption.width;
    const contentWidth = textWidth + iconSpace;
    const left = (this.boxWidth - contentWidth) / 2;
    this.caption.position.set(left + iconSpace + textWidth / 2, this.boxHeight / 2);
    if (this.icon) this.icon.position.set(left + iconSpace * 0.45, this.boxHeight / 2);
  }
}

/** A bell (the last lap), drawn once in white and tinted; `size` is its height. */
export function bellIcon(size: number, into = new Graphics()): Graphics {
  const s = size;
  into.clear();
  into
    .moveTo(-0.46 * s, 0.3 * s)
    .lineTo(0.46 * s, 0.3 * s)
    .lineTo(0.34 * s, 0.14 * s)
    .lineTo(0.32 * s, -0.12 * s)
    .arc(0, -0.12 * s, 0.32 * s, 0, Math.PI, true)
    .lineTo(-0.34 * s, 0.14 * s)
    .closePath()
    .fill({ color: 0xffffff });
  into.circle(0, 0.4 * s, 0.09 * s).fill({ color: 0xffffff });
  into.circle(0, -0.47 * s, 0.06 * s).fill({ color: 0xffffff });
  return into;
}
