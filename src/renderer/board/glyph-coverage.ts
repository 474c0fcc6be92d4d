// Which names the bitmap fonts can draw (issue 17). Pure: no Pixi, no DOM, so the rule is unit
// tested on its own.

/**
 * Code points of the shipped web font's subsets (@fontsource/barlow-condensed: the latin,
 * latin-ext and vietnamese unicode-range), less control characters, bidi marks and line
 * separators. A bitmap font draws these one by one, left to right, in Barlow itself: a name made
 * only of them reads right.
 */
const bitmapDrawable: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e],
  [0x00a0, 0x02ff],
  [0x0300, 0x0301],
  [0x0303, 0x0304],
  [0x0308, 0x0309],
  [0x0323, 0x0323],
  [0x0329, 0x0329],
  [0x1d00, 0x1dbf],
  [0x1e00, 0x1eff],
  [0x2000, 0x200d],
  [0x2010, 0x2027],
  [0x202f, 0x205f],
  [0x20a0, 0x20c0],
  [0x2113, 0x2113],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0x2c60, 0x2c7f],
  [0xa720, 0xa7ff],
];

/**
 * Whether the bitmap fonts draw `text` right. False for any script or emoji the web font lacks
 * (Han, Hangul, Cyrillic, Greek, Hebrew, Arabic, ...): a bitmap font would draw those glyph by
 * glyph in logical order, so right-to-left names came out reversed and Arabic unjoined.
 */
export function bitmapFontDraws(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (!bitmapDrawable.some(([from, to]) => code >= from && code <= to)) return false;
  }
  return true;
}
