// The layout checks (test/support/board-layout-check.ts) on synthetic boxes: each passes a good
// layout and catches the bad one it is for.
import { describe, expect, it } from 'vitest';
import {
  asKnown,
  compareWithKnown,
  cutTexts,
  isSkaterName,
  overlappingTexts,
  qualificationLineErrors,
  smallNames,
  squeezedNames,
  unseenSkaters,
  type Rect,
  type TextBox,
} from '../../support/board-layout-check.ts';

const box = (text: string, output: Rect, more: Partial<TextBox> = {}): TextBox => ({
  text,
  widget: 'live/table/row:1',
  output,
  capHeight: 20,
  squeeze: 1,
  clip: null,
  covered: 0,
  ...more,
});
const at = (x: number, y: number, width = 100, height = 20): Rect => ({ x, y, width, height });
const screen = at(0, 0, 1920, 1080);
const safe = at(96, 54, 1728, 972);

describe('(a) overlapping texts', () => {
  it('passes texts side by side, touching, or overlapping by the 1 px tolerance', () => {
    const boxes = [
      box('Jorrit Bergsma', at(200, 200)),
      box('NED', at(300, 200)), // touches
      box('3', at(399, 219)), // 1 px into both directions: rounding
      box('Jordan Stolz', at(200, 260)),
    ];
    expect(overlappingTexts(boxes)).toEqual([]);
  });

  it('catches two names drawn over each other (rows crossing mid-glide)', () => {
    const found = overlappingTexts([
      box('Stijn van de Bunt', at(200, 200)),
      box('Bart Swings', at(230, 210)),
    ]);
    expect(found).toEqual([
      expect.objectContaining({ check: 'overlap', text: 'Bart Swings × Stijn van de Bunt' }),
    ]);
    expect(found[0]!.detail).toContain('70.0 px x 10.0 px');
  });

  it('ignores a text hidden under a plate, and pairs an exception names', () => {
    const hidden = box('Indra Médard', at(200, 200), { covered: 1 });
    expect(overlappingTexts([hidden, box('FINAL SPRINT', at(210, 205))])).toEqual([]);
    const pair = [
      box('RESULTS', at(200, 200), { widget: 'overlay/sprint-banner' }),
      box('UNOFFICIAL', at(200, 210), { widget: 'overlay/sprint-banner' }),
    ];
    expect(overlappingTexts(pair)).toHaveLength(1);
    expect(
      overlappingTexts(pair, [{ widget: /sprint-banner$/, why: 'a synthetic exception' }]),
    ).toEqual([]);
  });
});

describe('(b) cut texts', () => {
  it('passes texts inside the safe area', () => {
    expect(
      cutTexts([box('LAPS TO GO', at(100, 60)), box('12', at(1700, 1000))], screen, safe),
    ).toEqual([]);
  });

  it('catches a text off the screen, one in the overscan margin, one half under a banner, one past its mask', () => {
    const found = cutTexts(
      [
        box('Demo Skater Twelve', at(1880, 500)),
        box('PTS', at(1800, 30)),
        box('Demo Skater Ten', at(500, 800), { covered: 0.5 }),
        box('Demo Skater Nine', at(500, 600), { clip: at(500, 600, 100, 10) }),
      ],
      screen,
      safe,
    );
    expect(found.map((v) => [v.check, v.text])).toEqual([
      ['offScreen', 'Demo Skater Twelve'],
      ['outsideSafeArea', 'PTS'],
      ['coveredByPlate', 'Demo Skater Ten'],
      ['clipped', 'Demo Skater Nine'],
    ]);
    expect(found[0]!.detail).toContain('60.0 px off');
  });

  it('lets a listed decoration leave the safe area, but not the screen', () => {
    const decorations = [{ widget: /watermark$/, why: 'a synthetic exception' }];
    const mark = box('2026', at(20, 20), { widget: 'live/watermark' });
    expect(cutTexts([mark], screen, safe, decorations)).toEqual([]);
    expect(cutTexts([{ ...mark, output: at(-30, 20) }], screen, safe, decorations)).toHaveLength(1);
  });
});

describe('(c) name cap height', () => {
  const names = new Set(['Jorrit Bergsma', 'J. BERGSMA']);

  it('finds names by their row label or their string, not other texts', () => {
    expect(isSkaterName(box('x', at(0, 0), { widget: 'live/table/row:7/name' }), names)).toBe(true);
    expect(
      isSkaterName(box('x', at(0, 0), { widget: 'live/sprint-banner/placing/name' }), names),
    ).toBe(true);
    expect(isSkaterName(box('J. BERGSMA', at(0, 0), { widget: 'live/far-row' }), names)).toBe(true);
    expect(isSkaterName(box('Men · Final', at(0, 0), { widget: 'live/header/name' }), names)).toBe(
      false,
    );
    expect(
      isSkaterName(box('x', at(0, 0), { widget: 'overlay/standings/line:7/name' }), names),
    ).toBe(true);
    expect(isSkaterName(box('NED', at(0, 0), { widget: 'live/table/row:7' }), names)).toBe(false);
  });

  it('passes names at the minimum and catches smaller ones', () => {
    const boxes = [
      box('Jorrit Bergsma', at(0, 0), { capHeight: 41, widget: 'live/table/row:7/name' }),
      box('J. BERGSMA', at(0, 40), { capHeight: 40.9, widget: 'live/sprint-banner/placing/name' }),
      box('12', at(0, 80), { capHeight: 10 }), // not a name
    ];
    expect(smallNames(boxes, names, 41)).toEqual([
      expect.objectContaining({ check: 'nameCapHeight', text: 'J. BERGSMA' }),
    ]);
    expect(smallNames(boxes, names, 40)).toEqual([]);
    expect(() => smallNames(boxes, names, 0)).toThrow('minimum must be > 0');
  });
});

describe("(c') squeezed names", () => {
  const names = new Set(['Antoine Gélinas-Beaulieu', 'A. GÉLINAS-BEAULIEU']);

  it('passes names at 85 % or wider and catches narrower ones (45 % today)', () => {
    const boxes = [
      box('A. GÉLINAS-BEAULIEU', at(0, 0), { squeeze: 0.85 }),
      box('Antoine Gélinas-Beaulieu', at(0, 40), { squeeze: 0.45 }),
      box('ISU World Cup · Heerenveen', at(0, 80), { squeeze: 0.5, widget: 'live/header/name' }),
    ];
    expect(squeezedNames(boxes, names)).toEqual([
      {
        check: 'squeezedName',
        text: 'Antoine Gélinas-Beaulieu',
        detail: 'drawn at 45 % width (live/table/row:1)',
      },
    ]);
  });
});

describe('(d) every skater within one paging cycle', () => {
  const skaters = [1, 2, 3, 4].map((key) => ({ key, name: `Skater ${key}` }));

  it('passes when pages together show everyone', () => {
    const page1 = [1, 2, 3, 4].map((key) => ({ key, shown: key <= 2 }));
    const page2 = [1, 2, 3, 4].map((key) => ({ key, shown: key > 2 }));
    expect(unseenSkaters([page1, page2], skaters)).toEqual([]);
  });

  it('names the skaters no page shows (a ribbon showing 9 of 12)', () => {
    const snapshot = [1, 2, 3, 4].map((key) => ({ key, shown: key <= 3 }));
    expect(unseenSkaters([snapshot, snapshot], skaters)).toEqual([
      { check: 'neverShown', text: 'Skater 4', detail: '#4 not shown in 2 snapshot(s)' },
    ]);
    expect(() => unseenSkaters([], skaters)).toThrow('no snapshots');
  });
});

describe('(e) the qualification line', () => {
  const model = [
    { key: 7, rank: '1', name: 'Jorrit Bergsma' },
    { key: 4, rank: '2', name: 'Jordan Stolz' },
    { key: 1, rank: '', name: 'Antoine Gélinas-Beaulieu' },
    { key: 3, rank: '', name: 'Chung Jae-won' },
  ];
  const drawn = model.map((row, index) => ({
    key: row.key,
    shown: true,
    x: 0,
    targetY: index * 70,
  }));

  it('passes a line under the last ranked skater, and no line', () => {
    expect(qualificationLineErrors(model, drawn, { after: 2, targetY: 137 })).toEqual([]);
    expect(qualificationLineErrors(model, drawn, null)).toEqual([]);
  });

  it('catches a line drawn under skaters without points (helmets 1-8 look through)', () => {
    expect(
      qualificationLineErrors(model, drawn, { after: 4, targetY: 277 }).map((v) => v.text),
    ).toEqual(['Antoine Gélinas-Beaulieu', 'Chung Jae-won']);
  });

  it('catches a line drawn away from the row it follows, and a line past the rows', () => {
    expect(qualificationLineErrors(model, drawn, { after: 2, targetY: 180 })).toEqual([
      {
        check: 'qualificationLine',
        text: 'line after 2',
        detail: 'drawn at y 180, not between #4 (y 70) and #1 (y 140)',
      },
    ]);
    expect(qualificationLineErrors(model, drawn, { after: 9, targetY: 0 })[0]!.detail).toBe(
      'only 4 rows drawn',
    );
  });

  it('takes a line at the edge of a page, or at the top (nobody ranked yet), as it is', () => {
    const paged = drawn.map((row) => ({ ...row, shown: row.key !== 4 }));
    expect(qualificationLineErrors(model, paged, { after: 2, targetY: -3 })).toEqual([]);
    expect(qualificationLineErrors(model, drawn, { after: 0, targetY: -3 })).toEqual([]);
  });
});

describe('known violations', () => {
  const found = [
    { check: 'overlap' as const, text: 'A × B', detail: '' },
    { check: 'overlap' as const, text: 'A × B', detail: 'twice' },
    { check: 'neverShown' as const, text: 'Skater 4', detail: '' },
  ];

  it('passes when the findings are exactly the known ones', () => {
    expect(compareWithKnown(found, { overlap: ['A × B'], neverShown: ['Skater 4'] })).toEqual({
      unexpected: [],
      fixed: [],
    });
    expect(asKnown(found)).toEqual({ overlap: ['A × B'], neverShown: ['Skater 4'] });
  });

  it('fails on a new finding, and on a known one that no longer happens', () => {
    const { unexpected, fixed } = compareWithKnown(found, {
      overlap: ['A × B', 'C × D'],
    });
    expect(unexpected.map((v) => v.text)).toEqual(['Skater 4']);
    expect(fixed).toEqual([{ check: 'overlap', text: 'C × D' }]);
  });
});
