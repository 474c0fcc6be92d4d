import type { Graphics } from 'pixi.js';
import { BitmapText } from 'pixi.js';
import { fonts, type FontRole } from '../fonts.ts';
import { NameText } from './name-text.ts';

/** A text the helpers below change: a BitmapText, or a name that may fall back to canvas text. */
export type BoardText = BitmapText | NameText;

/** Horizontal alignment of a text within its cell. */
export type Align = 'left' | 'center' | 'right';

const anchorX: Record<Align, number> = { left: 0, center: 0.5, right: 1 };

/** A BitmapText in one of the installed fonts, white glyphs coloured by tint, centred vertically. */
export function makeText(
  role: FontRole,
  fontSize: number,
  color: number,
  align: Align = 'left',
): BitmapText {
  const text = new BitmapText({
    text: '',
    style: { fontFamily: fonts[role], fontSize, fill: 0xffffff },
  });
  text.anchor.set(anchorX[align], 0.5);
  text.tint = color;
  return text;
}

/**
 * A name people typed (skater, meeting, race title) in one of the installed fonts, or the canvas
 * fallback for scripts they lack; white glyphs coloured by tint (name-text.ts).
 */
export function makeName(
  role: FontRole,
  fontSize: number,
  color: number,
  align: Align = 'left',
): NameText {
  const name = new NameText(role, fontSize);
  name.anchor.x = anchorX[align];
  name.tint = color;
  return name;
}

/** Sets the text only when the string changed (Pixi re-lays out a text on every assignment). */
export function assign(text: BoardText, value: string): boolean {
  if (text.text === value) return false;
  text.text = value;
  return true;
}

/** Sets the tint only when it changed. */
export function tint(target: { tint: number }, color: number): void {
  if (target.tint !== color) target.tint = color;
}

/** Re-aligns a text (layout time only). */
export function align(text: BoardText, value: Align): void {
  text.anchor.x = anchorX[value];
}

/** Switches a text to another installed font (theme change only). */
export function refont(text: BoardText, role: FontRole): void {
  if (text instanceof NameText) {
    if (text.role !== role) text.role = role;
  } else if (text.style.fontFamily !== fonts[role]) text.style.fontFamily = fonts[role];
}

/** Sets the font size (layout time only: a new size re-lays out the glyphs). */
export function resize(text: BoardText, fontSize: number): void {
  if (text instanceof NameText) {
    if (text.size !== fontSize) text.size = fontSize;
  } else if (text.style.fontSize !== fontSize) text.style.fontSize = fontSize;
}

/**
 * Squeezes a text horizontally to fit `width` (broadcast graphics condense long names rather
 * than cut them). Measured when the text or the layout changes, never per frame.
 */
export function fitWidth(text: BoardText, width: number): void {
  text.scale.x = 1;
  const natural = text.width;
  const squeeze = natural > width && natural > 0 ? Math.max(0.01, width) / natural : 1;
  if (text.scale.x !== squeeze) text.scale.x = squeeze;
}

/** The least a name is squeezed across (issue 18): narrower type does not read from the far stand. */
export const leastSqueeze = 0.85;

/**
 * Draws the first of a name's `forms` (longest first: "Antoine Gélinas-Beaulieu",
 * "A. GÉLINAS-BEAULIEU", "GÉLINAS-BEAULIEU") that fits `width` squeezed to no less than 85 %.
 * When not even the last one does, it is drawn smaller as a whole (85 % across), never thinner.
 * Measured when the name or the layout changes, never per frame. Returns the form drawn.
 */
export function fitForms(text: BoardText, forms: readonly string[], width: number): string {
  const room = Math.max(0.01, width);
  const last = forms.length - 1;
  for (let index = 0; index <= last; index++) {
    assign(text, forms[index]!);
    text.scale.set(1, 1);
    const natural = text.width;
    if (natural <= room) return text.text;
    if (natural * leastSqueeze <= room) {
      text.scale.x = room / natural;
      return text.text;
    }
  }
  if (last < 0) assign(text, '');
  const natural = Math.max(1, text.width);
  const shrink = room / (natural * leastSqueeze);
  text.scale.set(leastSqueeze * shrink, shrink);
  return text.text;
}

/** Redraws a filled rounded rectangle (layout time only). */
export function drawBox(
  graphics: Graphics,
  width: number,
  height: number,
  color: number,
  alpha: number,
  radius: number,
): Graphics {
  graphics.clear();
  if (width > 0 && height > 0)
    graphics
      .roundRect(0, 0, width, height, Math.min(radius, height / 2, width / 2))
      .fill({ color, alpha });
  return graphics;
}
