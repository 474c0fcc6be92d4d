import { Container, Graphics } from 'pixi.js';
import type { Animated, Animator } from '../engine/animator.ts';
import { easeOutCubic, Tween } from '../engine/tween.ts';
import { assign, drawBox, fitWidth, leastSqueeze, makeText, resize, tint } from './text.ts';

/** Where a label splits into a heading and what it is worth ("SPRINT 1 · 3-2-1"). */
const worthSeparator = ' · ';

/**
 * A label on a coloured plate ("SPRINT 2 · 3-2-1", "LAST LAP", "UNOFFICIAL"), with an optional
 * icon, that fades in when it gets a text and out when the text goes. A label too long for one
 * line at 85 % width goes on two: the heading over what it is worth (issue 18).
 */
export class Pill extends Container implements Animated {
  private readonly plate = new Graphics();
  readonly caption = makeText('bold', 30, 0xffffff, 'center');
  private readonly second = makeText('bold', 30, 0xffffff, 'center');
  private readonly fade = new Tween(0, easeOutCubic);
  private boxWidth = 0;
  private boxHeight = 0;
  private fontSize = 30;
  private value = '';

  constructor(
    private readonly animator: Animator,
    readonly icon: Graphics | null = null,
  ) {
    super();
    this.addChild(this.plate, this.caption, this.second);
    if (icon) this.addChild(icon);
    this.second.visible = false;
    this.alpha = 0;
    this.visible = false;
  }

  /** The text shown, or null while hidden. */
  get shownText(): string | null {
    return this.fade.target === 1 ? this.value : null;
  }

  /** The lines as drawn (one, or the heading and the worth). */
  get lines(): string[] {
    return this.second.visible ? [this.caption.text, this.second.text] : [this.caption.text];
  }

  /** Sizes the plate (its top-left at the pill's position) and the label. */
  layout(width: number, height: number, fontSize: number): void {
    this.boxWidth = width;
    this.boxHeight = height;
    this.fontSize = fontSize;
    drawBox(this.plate, width, height, 0xffffff, 1, height * 0.18);
    this.placeLabel();
  }

  /** Plate and text colours. */
  colour(plate: number, text: number): void {
    tint(this.plate, plate);
    tint(this.caption, text);
    tint(this.second, text);
    if (this.icon) tint(this.icon, text);
  }

  /** Shows a text (null hides the pill). */
  setText(text: string | null, now: number, animate: boolean): void {
    if (text !== null && text !== this.value) {
      this.value = text;
      this.placeLabel();
    }
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
    const room = this.boxWidth - this.boxHeight * 0.5 - iconSpace;
    resize(this.caption, this.fontSize);
    assign(this.caption, this.value);
    this.caption.scale.x = 1;
    const split = this.value.indexOf(worthSeparator);
    const twoLines = split > 0 && this.caption.width * leastSqueeze > room;
    this.second.visible = twoLines;
    if (twoLines) {
      // The heading over the worth, each on its own line, both still large.
      resize(this.caption, this.fontSize * 0.7);
      resize(this.second, this.fontSize * 0.58);
      assign(this.caption, this.value.slice(0, split));
      assign(this.second, this.value.slice(split + worthSeparator.length));
      fitWidth(this.second, room);
    }
    fitWidth(this.caption, room);
    const textWidth = Math.max(this.caption.width, twoLines ? this.second.width : 0);
    const contentWidth = textWidth + iconSpace;
    const left = (this.boxWidth - contentWidth) / 2;
    const centre = left + iconSpace + textWidth / 2;
    const middle = this.boxHeight / 2;
    this.caption.position.set(centre, twoLines ? this.boxHeight * 0.33 : middle);
    this.second.position.set(centre, this.boxHeight * 0.72);
    if (this.icon) this.icon.position.set(left + iconSpace * 0.45, middle);
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
