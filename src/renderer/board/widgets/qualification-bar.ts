import { Graphics } from 'pixi.js';
import type { Animator } from '../engine/animator.ts';
import type { Theme } from '../theme.ts';
import { outputBox } from './badges.ts';
import {
  GlidingMark,
  type QualificationMark,
  type QualificationProbe,
} from './qualification-line.ts';
import { assign, drawBox, fitForms, makeText, resize, tint } from './text.ts';

/**
 * The venue board's qualification bar (issue 18): a band of its own between two rows (the rows
 * under it sit lower by its height, so it never runs through a row or a row's Q badge), with a
 * bar at least as thick as a row gap across the table, the label on a tag in the qualification
 * colour ("QUALIFICATION · TOP 8") and, while fewer than K skaters have points, what is still
 * open ("3 IN THE POINTS · 5 DECIDED AT THE FINISH"). Dashed while the places may change, solid
 * once certain. It glides with the rows and with the pages.
 */
export class QualificationBar extends GlidingMark implements QualificationMark {
  private readonly labelPlate = new Graphics();
  private readonly labelText = makeText('bold', 30, 0xffffff, 'center');
  /** On a page away from the line: a triangle pointing to where it is (▲ above, ▼ below). */
  private readonly arrow = new Graphics();
  private pointing: 'up' | 'down' | null = null;
  private readonly notePlate = new Graphics();
  private readonly noteText = makeText('bold', 30, 0xffffff, 'center');
  private width0 = 0;
  private tagHeight = 0;
  private thickness = 0;
  private theme: Theme | null = null;

  constructor(animator: Animator) {
    super(animator);
    this.addChild(this.labelPlate, this.labelText, this.arrow, this.notePlate, this.noteText);
  }

  /** Draws the bar `width` wide in a band `band` tall between rows `rowGap` apart. */
  draw(width: number, band: number, rowGap: number, theme: Theme): void {
    this.width0 = width;
    this.theme = theme;
    this.tagHeight = Math.round(band * 0.86);
    const thickness = Math.max(rowGap * 1.2, band * 0.2, 4);
    this.thickness = thickness;
    this.solid
      .clear()
      .rect(0, -thickness / 2, width, thickness)
      .fill({ color: theme.qualify });
    this.dashed.clear();
    const dash = thickness * 3;
    for (let x = 0; x < width; x += dash * 1.6)
      this.dashed
        .rect(x, -thickness / 2, Math.min(dash, width - x), thickness)
        .fill({ color: theme.qualify });
    resize(this.labelText, this.tagHeight * 0.78);
    resize(this.noteText, this.tagHeight * 0.64);
    tint(this.labelText, theme.onQualify);
    tint(this.noteText, theme.text);
    this.arrange();
  }

  /** The label and the note (the model's `qualification.label` and `.note`). */
  setText(label: string, note: string): void {
    const changed = assign(this.labelText, label);
    if (assign(this.noteText, note) || changed) this.arrange();
  }

  /**
   * On a page that does not reach the line (a field longer than two pages), the bar stands at
   * the page's edge toward the line with a triangle pointing to it: never a claim that the line
   * is right there. Null: the line is on the page.
   */
  point(direction: 'up' | 'down' | null): void {
    if (direction === this.pointing) return;
    this.pointing = direction;
    this.arrange();
  }

  probe(): QualificationProbe | null {
    if (!this.visible || this.line === null) return null;
    const scale = this.getGlobalTransform().d;
    return {
      after: this.line,
      y: this.y,
      targetY: this.y1.target,
      certain: this.solid.visible,
      label: this.labelText.text,
      note: this.noteText.visible ? this.noteText.text : '',
      pointing: this.pointing,
      box: outputBox(this),
      thickness: this.thickness * scale,
    };
  }

  /** The tags: the label on the left, the note after it; each fits its room (>= 85 % across). */
  private arrange(): void {
    const theme = this.theme;
    if (!theme) return;
    const height = this.tagHeight;
    const pad = height * 0.4;
    const radius = height * 0.22;
    const arrowSpace = this.pointing ? height * 0.75 : 0;
    fitForms(this.labelText, [this.labelText.text], this.width0 * 0.5 - 2 * pad - arrowSpace);
    const labelWidth = this.labelText.width + 2 * pad + arrowSpace;
    drawBox(this.labelPlate, labelWidth, height, theme.qualify, 1, radius).position.set(
      0,
      -height / 2,
    );
    this.labelText.position.set(arrowSpace + (labelWidth - arrowSpace) / 2, 0);
    this.arrow.clear();
    if (this.pointing) {
      const size = height * 0.26;
      const x = pad * 0.8 + size;
      const tip = this.pointing === 'down' ? size : -size;
      this.arrow
        .poly([x - size, -tip * 0.8, x + size, -tip * 0.8, x, tip * 0.8])
        .fill({ color: theme.onQualify });
    }
    const hasNote = this.noteText.text !== '';
    this.notePlate.visible = this.noteText.visible = hasNote;
    if (!hasNote) return;
    const gap = height * 0.3;
    const room = this.width0 - labelWidth - gap;
    fitForms(this.noteText, [this.noteText.text], room - 2 * pad);
    const noteWidth = Math.min(room, this.noteText.width + 2 * pad);
    const rim = Math.max(2, height * 0.06);
    this.notePlate
      .clear()
      .roundRect(rim / 2, rim / 2, noteWidth - rim, height - rim, radius)
      .fill({ color: theme.panel })
      .stroke({ color: theme.qualify, width: rim });
    this.notePlate.position.set(labelWidth + gap, -height / 2);
    this.noteText.position.set(labelWidth + gap + noteWidth / 2, 0);
  }
}
