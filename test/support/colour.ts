// Colour arithmetic for the board's contrast checks (issue 18, part 4): WCAG 2.x relative
// luminance and contrast ratio, alpha compositing, and colour-vision-deficiency simulation.
// Pure: no DOM, no Pixi.

/** An sRGB colour, 8 bits a channel. */
export type Rgb = readonly [number, number, number];

/** A colour as 0xRRGGBB or "#rrggbb". */
export type ColourInput = number | string | Rgb;

/** The channels of 0xRRGGBB, "#rrggbb" (or "#rgb"), or channels as given (checked). */
export function rgb(colour: ColourInput): Rgb {
  if (typeof colour === 'number') {
    if (!Number.isInteger(colour) || colour < 0 || colour > 0xffffff)
      throw new Error(`colour: ${colour} is not a 24-bit 0xRRGGBB number`);
    return [(colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff];
  }
  if (typeof colour === 'string') {
    const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour);
    const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
    const parts = long ? long.slice(1) : short ? short.slice(1).map((c) => c + c) : null;
    if (!parts) throw new Error(`colour: "${colour}" is not "#rrggbb" or "#rgb"`);
    return parts.map((part) => parseInt(part, 16)) as unknown as Rgb;
  }
  if (colour.length !== 3 || colour.some((c) => !(c >= 0 && c <= 255)))
    throw new Error(`colour: [${colour.join(', ')}] is not three channels from 0 to 255`);
  return colour;
}

/** "#rrggbb" of a colour (channels rounded). */
export function hex(colour: ColourInput): string {
  return `#${rgb(colour)
    .map((c) => Math.round(c).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** An 8-bit sRGB channel to linear light (IEC 61966-2-1; WCAG 2.x uses the same curve). */
export function toLinear(channel: number): number {
  const c = channel / 255;
  // WCAG 2.0 printed 0.03928, the sRGB standard says 0.04045: no 8-bit value lies between.
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear light to an 8-bit sRGB channel (clamped to the gamut, not rounded). */
export function fromLinear(value: number): number {
  const v = Math.min(1, Math.max(0, value));
  return 255 * (v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055);
}

/** WCAG 2.x relative luminance (0 for black, 1 for white). */
export function relativeLuminance(colour: ColourInput): number {
  const [r, g, b] = rgb(colour).map(toLinear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: ColourInput, b: ColourInput): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * `top` at `alpha` over `below`, blended in sRGB values as the board's WebGL blending does
 * (a translucent plate on the venue background).
 */
export function over(top: ColourInput, alpha: number, below: ColourInput): Rgb {
  if (!(alpha >= 0 && alpha <= 1)) throw new Error(`over: alpha ${alpha} is not within 0..1`);
  const t = rgb(top);
  const b = rgb(below);
  return [0, 1, 2].map((i) => t[i]! * alpha + b[i]! * (1 - alpha)) as unknown as Rgb;
}

/** Colour-vision deficiencies the board is checked under. */
export type Deficiency = 'protanopia' | 'deuteranopia';

/**
 * Simulation matrices for dichromats (severity 1.0), from G. M. Machado, M. M. Oliveira and
 * L. A. F. Fernandes, "A Physiologically-based Model for Simulation of Color Vision Deficiency",
 * IEEE Transactions on Visualization and Computer Graphics 15(6), 1291-1298 (2009): the
 * precomputed matrices the authors publish with the paper for severity 1.0. Rows give linear R,
 * G, B out from linear R, G, B in.
 */
export const machado2009: Readonly<Record<Deficiency, readonly Rgb[]>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};

/** A colour as a viewer with `deficiency` sees it (the matrix applied in linear RGB). */
export function simulate(colour: ColourInput, deficiency: Deficiency): Rgb {
  const linear = rgb(colour).map(toLinear);
  return machado2009[deficiency].map((row) =>
    fromLinear(row[0] * linear[0]! + row[1] * linear[1]! + row[2] * linear[2]!),
  ) as unknown as Rgb;
}

/** Contrast of two colours as seen normally and by protanopes and deuteranopes. */
export function contrastFor(
  text: ColourInput,
  background: ColourInput,
): { normal: number; protanopia: number; deuteranopia: number } {
  return {
    normal: contrastRatio(text, background),
    protanopia: contrastRatio(simulate(text, 'protanopia'), simulate(background, 'protanopia')),
    deuteranopia: contrastRatio(
      simulate(text, 'deuteranopia'),
      simulate(background, 'deuteranopia'),
    ),
  };
}
