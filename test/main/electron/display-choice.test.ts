import { describe, expect, it } from 'vitest';
import {
  findRememberedDisplay,
  matchScore,
  placeOutput,
  rememberDisplay,
  restorableBounds,
  summarizeDisplays,
  type DisplayInfo,
} from '../../../src/main/electron/display-choice.ts';

const display = (
  id: number,
  label: string,
  x: number,
  width = 1920,
  height = 1080,
  internal = false,
): DisplayInfo => ({
  id,
  label,
  bounds: { x, y: 0, width, height },
  workArea: { x, y: 25, width, height: height - 25 },
  scaleFactor: 1,
  internal,
});

const laptop = display(1, 'Built-in Retina Display', 0, 1512, 982, true);
const led = display(7, 'LED wall', 1512, 3840, 2160);
const projector = display(9, 'EPSON PJ', 5352, 1920, 1080);

describe('findRememberedDisplay', () => {
  it('finds the chosen display by id and label', () => {
    expect(findRememberedDisplay([laptop, led, projector], rememberDisplay(led))?.id).toBe(7);
  });

  it('finds it by label when its id changed (plugged into another port)', () => {
    const moved = { ...led, id: 12, bounds: { ...led.bounds, x: 0 } };
    expect(findRememberedDisplay([laptop, moved], rememberDisplay(led))?.id).toBe(12);
  });

  it('does not take another monitor that got the old id', () => {
    const other = { ...projector, id: 7 };
    expect(findRememberedDisplay([laptop, other], rememberDisplay(led))).toBeNull();
    expect(matchScore(other, rememberDisplay(led))).toBe(0);
  });

  it('tells twin monitors apart by id, then by position', () => {
    const left = display(3, 'DELL U2719', 0);
    const right = display(4, 'DELL U2719', 1920);
    expect(findRememberedDisplay([left, right], rememberDisplay(right))?.id).toBe(4);
    const renumbered = [
      { ...left, id: 5 },
      { ...right, id: 6 },
    ];
    expect(findRememberedDisplay(renumbered, rememberDisplay(right))?.id).toBe(6);
  });

  it('without labels, uses the id, or else the same position and size', () => {
    const unlabelled = display(2, '', 1920);
    expect(
      findRememberedDisplay([display(1, '', 0), unlabelled], rememberDisplay(unlabelled))?.id,
    ).toBe(2);
    expect(
      findRememberedDisplay(
        [display(1, '', 0), { ...unlabelled, id: 8 }],
        rememberDisplay(unlabelled),
      )?.id,
    ).toBe(8);
    expect(
      findRememberedDisplay(
        [display(1, '', 0), { ...unlabelled, id: 8, bounds: { ...unlabelled.bounds, x: 3000 } }],
        rememberDisplay(unlabelled),
      ),
    ).toBeNull();
  });
});

describe('placeOutput', () => {
  it('puts an output on the chosen display while it is connected', () => {
    expect(placeOutput([laptop, led], laptop.id, rememberDisplay(led))).toEqual({
      kind: 'display',
      display: led,
    });
  });

  it('falls back to a window when the chosen display is unplugged, and returns to it', () => {
    const choice = rememberDisplay(led);
    expect(placeOutput([laptop, projector], laptop.id, choice)).toEqual({
      kind: 'window',
      reason: 'display-missing',
    });
    expect(placeOutput([laptop, projector, led], laptop.id, choice)).toEqual({
      kind: 'display',
      display: led,
    });
  });

  it('without a choice takes the largest external display, never the primary or a built-in one', () => {
    expect(placeOutput([laptop, projector, led], laptop.id, null)).toEqual({
      kind: 'display',
      display: led,
    });
    expect(placeOutput([laptop], laptop.id, null)).toEqual({
      kind: 'window',
      reason: 'no-external-display',
    });
    expect(placeOutput([led, laptop], led.id, null)).toEqual({
      kind: 'window',
      reason: 'no-external-display',
    });
  });

  it('keeps a window when the operator chose one', () => {
    expect(placeOutput([laptop, led], laptop.id, 'window')).toEqual({
      kind: 'window',
      reason: 'chosen',
    });
  });
});

describe('restorableBounds', () => {
  const size = { width: 1400, height: 900 };

  it('restores bounds that are still on a display', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900 };
    expect(restorableBounds(saved, [laptop, led], laptop, size)).toEqual(saved);
  });

  it('centres the window on the primary display when its display is gone', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900 };
    expect(restorableBounds(saved, [laptop], laptop, size)).toEqual({
      x: 56,
      y: 25 + Math.round((957 - 900) / 2),
      width: 1400,
      height: 900,
    });
  });

  it('shrinks the default to a small work area, and ignores nonsense', () => {
    const small = display(1, 'small', 0, 1024, 768);
    expect(restorableBounds(null, [small], small, size)).toEqual({
      x: 0,
      y: 25,
      width: 1024,
      height: 743,
    });
    expect(
      restorableBounds({ x: 0, y: 0, width: 10, height: 10 }, [small], small, size).width,
    ).toBe(1024);
  });

  it('does not restore a window whose title bar is off screen', () => {
    const saved = { x: 100, y: -800, width: 1400, height: 900 };
    expect(restorableBounds(saved, [led], led, size)).not.toEqual(saved);
  });
});

describe('summarizeDisplays', () => {
  it('numbers displays as the identification cards show them and names unnamed ones', () => {
    expect(summarizeDisplays([laptop, display(4, '', 1512)], laptop.id)).toEqual([
      {
        id: 1,
        number: 1,
        label: 'Built-in Retina Display',
        bounds: laptop.bounds,
        scaleFactor: 1,
        primary: true,
      },
      {
        id: 4,
        number: 2,
        label: 'Display 2',
        bounds: { x: 1512, y: 0, width: 1920, height: 1080 },
        scaleFactor: 1,
        primary: false,
      },
    ]);
  });
});
