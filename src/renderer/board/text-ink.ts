import { CanvasTextMetrics } from 'pixi.js';
import type { Bounds, Container, Matrix, TextStyle } from 'pixi.js';
import { cssFont, fonts, type FontRole } from './fonts.ts';
import type { Rect, TextBox } from './text-boxes.ts';

/** A Pixi text object of any kind (bitmap, canvas, HTML), as the walk reads it. */
export type DrawnText = Container & {
  readonly text: string;
  readonly style: TextStyle;
  readonly bounds: Bounds;
};

/** A line of a text: its ink box on the screen (CSS pixels) and how big it is drawn. */
export interface DrawnLine {
  readonly text: string;
  readonly box: Rect;
  /** The ink across, the font's reach down (see TextBox.covered). */
  readonly room: Rect;
  /** Font size in screen pixels (vertical scale applied). */
  readonly fontSize: number;
  readonly capRatio: number;
  readonly squeeze: number;
}

/**
 * The ink boxes of a text's lines. Pixi lays a line out from the top of its line box with the
 * baseline at the font's ascent (CanvasTextMetrics.measureFont, as its bitmap and canvas texts
 * both do); the glyphs' extents come from the browser's own measure of the string in that font.
 */
export function linesOf(node: DrawnText, kind: TextBox['kind']): DrawnLine[] {
  const style = node.style;
  const css = cssOf(node.style, kind);
  const metrics = fontMetrics(css);
  const size = style.fontSize;
  const k = size / 100;
  const local = node.bounds;
  const width = local.maxX - local.minX;
  const lineHeight = style.lineHeight || metrics.lineHeight * k;
  const matrix = node.getGlobalTransform();
  const scaleX = Math.hypot(matrix.a, matrix.b);
  const scaleY = Math.hypot(matrix.c, matrix.d);
  const share = style.align === 'center' ? 0.5 : style.align === 'right' ? 1 : 0;
  return String(node.text)
    .split(/\r?\n/)
    .flatMap((text, index) => {
      if (text.trim() === '') return [];
      const ink = inkOf(css, text);
      const left = local.minX + (width - ink.advance * k) * share;
      const baseline = local.minY + index * lineHeight + metrics.ascent * k;
      const x0 = left - ink.left * k;
      const x1 = left + ink.right * k;
      // Words may change to any letters; figures and times stay digits (no descenders).
      const words = /\p{L}/u.test(text);
      const up = words ? Math.max(ink.ascent, metrics.reachUp) : ink.ascent;
      const down = words ? Math.max(ink.descent, metrics.reachDown) : ink.descent;
      return [
        {
          text,
          box: transformed(matrix, x0, baseline - ink.ascent * k, x1, baseline + ink.descent * k),
          room: transformed(matrix, x0, baseline - up * k, x1, baseline + down * k),
          fontSize: size * scaleY,
          capRatio: metrics.capRatio,
          squeeze: scaleY > 0 ? scaleX / scaleY : 1,
        },
      ];
    });
}

/** The CSS font (at 100 px) a text is drawn from: a bitmap font's web font, or the text's own. */
function cssOf(style: TextStyle, kind: TextBox['kind']): string {
  if (kind === 'bitmap') {
    const role = (Object.keys(fonts) as FontRole[]).find(
      (name) => fonts[name] === style.fontFamily,
    );
    if (role) return cssFont(role, 100);
  }
  const families = (Array.isArray(style.fontFamily) ? style.fontFamily : [style.fontFamily]).map(
    (family: string) => (/^[a-z-]+$/.test(family) ? family : `"${family}"`),
  );
  return `${style.fontStyle} ${style.fontWeight} 100px ${families.join(', ')}`;
}

/** What the walk needs of a font at 100 px. */
interface FontMetrics {
  /** Line top to baseline, and line height (as Pixi lays lines out). */
  readonly ascent: number;
  readonly lineHeight: number;
  /** Cap height per pixel of size (the H's ink). */
  readonly capRatio: number;
  /** How far accented capitals rise and descenders fall from the baseline. */
  readonly reachUp: number;
  readonly reachDown: number;
}

let context: CanvasRenderingContext2D | null = null;
const metricsCache = new Map<string, FontMetrics>();

function fontMetrics(css: string): FontMetrics {
  let metrics = metricsCache.get(css);
  if (!metrics) {
    const { ascent, fontSize } = CanvasTextMetrics.measureFont(css);
    metrics = {
      ascent,
      lineHeight: fontSize,
      capRatio: inkOf(css, 'H').ascent / 100,
      reachUp: inkOf(css, 'ÅÉ').ascent,
      reachDown: inkOf(css, 'gjpqyÇ').descent,
    };
    metricsCache.set(css, metrics);
  }
  return metrics;
}

/** The browser's measure of a string in a 100 px font: advance and ink extents from the origin. */
function inkOf(
  css: string,
  text: string,
): { advance: number; left: number; right: number; ascent: number; descent: number } {
  context ??= document.createElement('canvas').getContext('2d')!;
  context.font = css;
  const measured = context.measureText(text);
  return {
    advance: measured.width,
    left: measured.actualBoundingBoxLeft,
    right: measured.actualBoundingBoxRight,
    ascent: measured.actualBoundingBoxAscent,
    descent: measured.actualBoundingBoxDescent,
  };
}

/** The screen box of a local rectangle under a transform. */
export function transformed(matrix: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1],
  ] as const) {
    xs.push(matrix.a * x + matrix.c * y + matrix.tx);
    ys.push(matrix.b * x + matrix.d * y + matrix.ty);
  }
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}
