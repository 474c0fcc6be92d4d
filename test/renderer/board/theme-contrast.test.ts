// Every text / background pair the venue board draws, in both themes (issue 18, part 4): WCAG
// contrast of at least 4.5:1, and at least 3:1 as protanopes and deuteranopes see it (Machado
// 2009); shapes that carry meaning (the Q disc, the qualification bar, medal discs) at least
// 3:1 against what they sit on.
import { describe, expect, it } from 'vitest';
import { themes, type Theme } from '../../../src/renderer/board/theme.ts';
import { contrastFor, over } from '../../support/colour.ts';

/** Text pairs: what is written in which colour on which plate. */
function textPairs(theme: Theme): [string, number, number][] {
  const rows: [string, number][] = [
    ['even row', theme.rowEven],
    ['odd row', theme.rowOdd],
  ];
  return [
    ...rows.flatMap(([row, plate]): [string, number, number][] => [
      [`name on the ${row}`, theme.text, plate],
      [`no points yet (normal text) on the ${row}`, theme.text, plate],
      [`out of the race (grey) on the ${row}`, theme.textDimmed, plate],
      [`nation on the ${row}`, theme.textMuted, plate],
      [`total on the ${row}`, theme.accent, plate],
      [`"q" on its ring on the ${row}`, theme.qualify, plate],
    ]),
    ['column header on the background', theme.accent, theme.background],
    ['page number on the background', theme.accent, theme.background],
    ['lap board label on the panel', theme.accent, theme.panel],
    ['laps figure on the panel', theme.text, theme.panel],
    ['sprint-lap figure (yellow) on the panel', theme.highlight, theme.panel],
    ['"FINISH" on the panel', theme.text, theme.panel],
    ['bell-lap figure (white) on the red plate', theme.onAlert, theme.alert],
    ['"LAST LAP" on its red pill', theme.onAlert, theme.alert],
    ['DNF / DQ / DNS / LAPPED on the red badge', theme.onAlert, theme.alert],
    ['sprint pill / banner heading on yellow', theme.onHighlight, theme.highlight],
    ['"Q" on its disc', theme.onQualify, theme.qualify],
    ['qualification label on its tag', theme.onQualify, theme.qualify],
    ['qualification note on its plate', theme.text, theme.panel],
    ['"NEEDS TOP 5" on its chip', theme.text, theme.needs],
    ['helmet number on its chip', theme.onChip, theme.chip],
    ['gold disc digit', theme.onMedal, theme.medals[0]],
    ['silver disc digit', theme.onMedal, theme.medals[1]],
    ['bronze disc digit', theme.onMedal, theme.medals[2]],
    ['meeting name on the background', theme.textMuted, theme.background],
    // Issue 21: the breakaway strip and the gap column.
    ['"BREAKAWAY" on its tag', theme.onAccent, theme.accent],
    ["the break's lead on the panel", theme.text, theme.panel],
    ['its change per lap on the panel', theme.accent, theme.panel],
    ...rows.map(([row, plate]): [string, number, number] => [
      `gap behind the leader on the ${row}`,
      theme.textMuted,
      plate,
    ]),
  ];
}

/** Shapes that say something by their colour: against the plate they stand on. */
function shapePairs(theme: Theme): [string, number, number][] {
  const panel = over(theme.panel, theme.panelAlpha, theme.background);
  const hexPanel = (panel[0] << 16) | (panel[1] << 8) | panel[2];
  return [
    ['Q disc on the even row', theme.qualify, theme.rowEven],
    ['Q disc on the odd row', theme.qualify, theme.rowOdd],
    ['qualification bar on the background', theme.qualify, theme.background],
    ['needs chip rim on its plate', theme.qualify, theme.needs],
    // The bell's red plate has a rim in the figure's white: red on navy alone is 2.9:1.
    ["the red figure plate's rim on the panel", theme.onAlert, hexPanel],
    ['gold disc on the even row', theme.medals[0], theme.rowEven],
    ['silver disc on the even row', theme.medals[1], theme.rowEven],
    ['bronze disc on the even row', theme.medals[2], theme.rowEven],
  ];
}

describe.each(themes.map((theme) => [theme.name, theme] as const))('the %s theme', (_, theme) => {
  it('writes every text at 4.5:1 or more, and 3:1 or more for red- and green-blind viewers', () => {
    const failing = textPairs(theme).flatMap(([what, text, plate]) => {
      const ratio = contrastFor(text, plate);
      return ratio.normal >= 4.5 && ratio.protanopia >= 3 && ratio.deuteranopia >= 3
        ? []
        : [`${what}: ${format(ratio)}`];
    });
    expect(failing).toEqual([]);
  });

  it('draws the marks that carry meaning at 3:1 or more against their plate', () => {
    const failing = shapePairs(theme).flatMap(([what, shape, plate]) => {
      const ratio = contrastFor(shape, plate);
      return Math.min(ratio.normal, ratio.protanopia, ratio.deuteranopia) >= 3
        ? []
        : [`${what}: ${format(ratio)}`];
    });
    expect(failing).toEqual([]);
  });

  it('gives Q its own colour, apart from the sprint yellow and the bell red', () => {
    expect(theme.qualify).not.toBe(theme.highlight);
    expect(theme.qualify).not.toBe(theme.alert);
    expect(theme.qualify).not.toBe(theme.accent);
  });
});

function format(ratio: { normal: number; protanopia: number; deuteranopia: number }): string {
  return `${ratio.normal.toFixed(2)} (protanopia ${ratio.protanopia.toFixed(2)}, deuteranopia ${ratio.deuteranopia.toFixed(2)})`;
}
