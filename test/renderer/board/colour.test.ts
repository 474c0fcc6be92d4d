// Colour arithmetic (test/support/colour.ts) against published reference values, and the board
// colour report over every theme (test/renderer/board/board-colours.ts).
import { describe, expect, it } from 'vitest';
import {
  contrastFor,
  contrastRatio,
  hex,
  machado2009,
  over,
  relativeLuminance,
  rgb,
  simulate,
} from '../../support/colour.ts';
import { colourTable, formatColourTable, themeNames } from './board-colours.ts';

describe('WCAG 2.x luminance and contrast', () => {
  it.each([
    // WebAIM's contrast checker and the WCAG understanding docs.
    ['#767676', '#ffffff', 4.54],
    ['#777777', '#ffffff', 4.48],
    ['#000000', '#ffffff', 21],
    ['#ff0000', '#ffffff', 4.0],
    ['#0000ff', '#ffffff', 8.59],
    ['#ffffff', '#ffffff', 1],
  ])('%s on %s is %f:1', (text, background, ratio) => {
    expect(contrastRatio(text, background)).toBeCloseTo(ratio, 2);
    expect(contrastRatio(background, text)).toBeCloseTo(ratio, 2); // either order
  });

  it('gives the luminance of black, white, mid grey and the primaries', () => {
    expect(relativeLuminance(0x000000)).toBe(0);
    expect(relativeLuminance(0xffffff)).toBeCloseTo(1, 10);
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 4);
    expect(relativeLuminance(0xff0000)).toBeCloseTo(0.2126, 4);
    expect(relativeLuminance(0x00ff00)).toBeCloseTo(0.7152, 4);
    expect(relativeLuminance(0x0000ff)).toBeCloseTo(0.0722, 4);
  });

  it('reads numbers, #rrggbb and #rgb, and refuses anything else by name', () => {
    expect(rgb(0x33c6ff)).toEqual([0x33, 0xc6, 0xff]);
    expect(rgb('#33C6FF')).toEqual([0x33, 0xc6, 0xff]);
    expect(rgb('#fff')).toEqual([255, 255, 255]);
    expect(hex([15, 38, 71])).toBe('#0f2647');
    expect(() => rgb('navy')).toThrow('"navy" is not "#rrggbb"');
    expect(() => rgb(0x1000000)).toThrow('is not a 24-bit');
    expect(() => rgb([0, 300, 0])).toThrow('is not three channels');
    expect(() => over(0, 1.5, 0)).toThrow('alpha 1.5');
  });

  it('composites a translucent plate over what is below', () => {
    expect(over(0xffffff, 0.5, 0x000000)).toEqual([127.5, 127.5, 127.5]);
    expect(hex(over(0x0f2647, 1, 0x071429))).toBe('#0f2647');
    expect(hex(over(0x0f2647, 0, 0x071429))).toBe('#071429');
  });
});

describe('colour-vision deficiency (Machado, Oliveira & Fernandes 2009)', () => {
  it('uses matrices whose rows sum to 1, so white, black and greys stay what they are', () => {
    for (const matrix of Object.values(machado2009))
      for (const row of matrix) expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 5);
    for (const grey of ['#000000', '#777777', '#ffffff'])
      for (const deficiency of ['protanopia', 'deuteranopia'] as const)
        expect(hex(simulate(grey, deficiency))).toBe(grey);
  });

  it('makes red and green hard to tell apart, and red dark for protanopes', () => {
    // Pure red seen by a protanope: a dark olive (linear 0.152, 0.115, 0 from the matrix).
    expect(hex(simulate(0xff0000, 'protanopia'))).toBe('#6d5f00');
    expect(hex(simulate(0xff0000, 'deuteranopia'))).toBe('#a39000');
    const hue = ([r, g, b]: readonly number[]) =>
      Math.atan2(Math.sqrt(3) * (g! - b!), 2 * r! - g! - b!);
    for (const deficiency of ['protanopia', 'deuteranopia'] as const) {
      const red = simulate(0xff0000, deficiency);
      const green = simulate(0x00ff00, deficiency);
      expect(Math.abs(hue(red) - hue(green))).toBeLessThan(0.15); // the same yellow hue
    }
    expect(Math.abs(hue([255, 0, 0]) - hue([0, 255, 0]))).toBeGreaterThan(2); // normally apart
  });

  it("reproduces the review's figures for the bell-lap figure (red on the lap board's panel)", () => {
    // Issue 18, part 4: "4.4:1 contrast; 2.9:1 for red-blind viewers"; the panel is 0x0f2647
    // at 92 % over the venue background 0x071429 (the default theme when it was reviewed).
    const panel = over(0x0f2647, 0.92, 0x071429);
    const seen = contrastFor(0xff3b4e, panel);
    expect(seen.normal).toBeCloseTo(4.4, 1);
    expect(seen.protanopia).toBeCloseTo(2.9, 1);
    // And the final's silver rank digit on white: 1.5:1.
    expect(contrastRatio(0xc9d3df, 0xffffff)).toBeCloseTo(1.5, 1);
  });
});

describe('the board colour report', () => {
  it('lists every text-on-background pair for every theme, with the three ratios', () => {
    const table = colourTable();
    expect(themeNames().length).toBeGreaterThanOrEqual(2);
    for (const theme of themeNames()) {
      const rows = table.filter((row) => row.theme === theme);
      expect(rows.length).toBeGreaterThan(20);
      for (const row of rows)
        for (const ratio of [row.normal, row.protanopia, row.deuteranopia]) {
          expect(ratio).toBeGreaterThanOrEqual(1);
          expect(ratio).toBeLessThanOrEqual(21);
        }
    }
    const printed = formatColourTable(table);
    expect(printed).toContain('laps figure, bell lap');
    expect(printed.split('\n').length).toBeGreaterThan(table.length);
  });
});
