import { BitmapText, Container, ObservablePoint, Text } from 'pixi.js';
import { cleanName } from '../../../shared/text.ts';
import { cssFont, fontWeights, fonts, glyphResolutionInstalled, webFontFamily } from '../fonts.ts';
import type { FontRole } from '../fonts.ts';
import { bitmapFontDraws } from '../glyph-coverage.ts';

/** How a name is drawn, as tests read it through `window.__board`. */
export interface NameProbe {
  /** Drawn by the browser's canvas text (a script or emoji the bitmap fonts lack). */
  readonly fallback: boolean;
  /** The CSS font asked for, at the size in virtual pixels. */
  readonly font: string;
  /** Output pixels per virtual pixel, the squeeze of a long name included. */
  readonly scale: { x: number; y: number };
  /** Where the name's line box is on the output, in CSS pixels. */
  readonly bounds: { x: number; y: number; width: number; height: number };
}

/**
 * Room around a canvas name for ink past its line box (Pixi sizes the box on Barlow's "|ÉqÅM"):
 * Arabic tails, stacked Vietnamese marks, emoji. The box, and so the layout, stays the same.
 */
function inkPadding(fontSize: number): number {
  return Math.ceil(fontSize * 0.3);
}

/**
 * A name people typed (a skater, the meeting, a race title): a BitmapText while the installed
 * font draws it (the common case: cheap to change, no texture upload), else a canvas Text in the
 * same font, size, weight and colour. The canvas finds a font with the glyph for scripts and
 * emoji Barlow lacks (or draws the browser's replacement box) and lays right-to-left runs out by
 * the Unicode bidi algorithm, where a bitmap font draws glyph by glyph in logical order (issue
 * 17). White glyphs, coloured by the tint of this container, so both draw in the row's colour.
 */
export class NameText extends Container {
  /** Horizontal anchor in the cell (0 left, 0.5 centre, 1 right); always centred vertically. */
  readonly anchor = new ObservablePoint({ _onUpdate: () => this.realign() }, 0, 0.5);
  private readonly bitmap: BitmapText;
  private fallback: Text | null = null;
  private value = '';
  private fontRole: FontRole;
  private fontSize: number;

  constructor(role: FontRole, fontSize: number) {
    super();
    this.label = 'name';
    this.fontRole = role;
    this.fontSize = fontSize;
    this.bitmap = new BitmapText({
      text: '',
      style: { fontFamily: fonts[role], fontSize, fill: 0xffffff },
    });
    this.bitmap.anchor.set(0, 0.5);
    this.addChild(this.bitmap);
  }

  /** The name as given (what the model holds). */
  get text(): string {
    return this.value;
  }

  set text(value: string) {
    this.value = value;
    const drawn = cleanName(value);
    const inBitmap = bitmapFontDraws(drawn);
    this.bitmap.text = inBitmap ? drawn : '';
    this.bitmap.visible = inBitmap;
    if (inBitmap && !this.fallback) return;
    const fallback = this.canvasText();
    fallback.text = inBitmap ? '' : drawn;
    fallback.visible = !inBitmap;
  }

  /** The installed font it is drawn in (a theme sets semibold or bold names). */
  get role(): FontRole {
    return this.fontRole;
  }

  set role(role: FontRole) {
    this.fontRole = role;
    this.bitmap.style.fontFamily = fonts[role];
    if (this.fallback) this.fallback.style.fontWeight = fontWeights[role];
  }

  /** Font size in virtual pixels. */
  get size(): number {
    return this.fontSize;
  }

  set size(fontSize: number) {
    this.fontSize = fontSize;
    this.bitmap.style.fontSize = fontSize;
    if (this.fallback) {
      this.fallback.style.fontSize = fontSize;
      this.fallback.style.padding = inkPadding(fontSize);
    }
  }

  /** Whether the canvas text draws the name now. */
  get usesFallback(): boolean {
    return this.fallback?.visible === true;
  }

  /** How the name is drawn now (computed on demand: tests only). */
  probe(): NameProbe {
    const bounds = this.getBounds();
    const transform = this.getGlobalTransform();
    return {
      fallback: this.usesFallback,
      font: cssFont(this.fontRole, this.fontSize),
      scale: { x: transform.a, y: transform.d },
      bounds: { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height },
    };
  }

  /** The canvas text, made on first need: most races never need one. */
  private canvasText(): Text {
    if (this.fallback) return this.fallback;
    const fallback = new Text({
      text: '',
      style: {
        fontFamily: [webFontFamily, 'sans-serif'],
        fontWeight: fontWeights[this.fontRole],
        fontSize: this.fontSize,
        fill: 0xffffff,
        padding: inkPadding(this.fontSize),
      },
      // As sharp as the bitmap glyphs on the same output (4K draws the virtual canvas at 2x).
      resolution: glyphResolutionInstalled(),
    });
    fallback.anchor.set(this.anchor.x, 0.5);
    this.fallback = fallback;
    this.addChild(fallback);
    return fallback;
  }

  private realign(): void {
    this.bitmap.anchor.x = this.anchor.x;
    if (this.fallback) this.fallback.anchor.x = this.anchor.x;
  }
}
