// Pure parts of the board (no WebGL): the virtual canvas per output shape, row cells, tweens.
import { describe, expect, it } from 'vitest';
import { Animator } from '../../../src/renderer/board/engine/animator.ts';
import { Tween } from '../../../src/renderer/board/engine/tween.ts';
import { aspectClassOf, viewportFor } from '../../../src/renderer/board/layout.ts';
import { rowLayout } from '../../../src/renderer/board/widgets/row-layout.ts';

describe('the virtual canvas', () => {
  it.each([
    [1920, 1080, 'wide', 1920, 1080, 1],
    [3840, 2160, 'wide', 1920, 1080, 2],
    [2560, 1080, 'wide', 2560, 1080, 1],
    [1440, 1080, 'standard', 1440, 1080, 1],
    [1024, 768, 'standard', 1440, 1080, 768 / 1080],
    [1536, 256, 'ribbon', 1536, 256, 1],
    [3840, 320, 'ribbon', 3072, 256, 1.25],
  ])(
    '%i x %i is %s, laid out at %i x %i, scaled by %f',
    (width, height, aspect, virtualWidth, virtualHeight, scale) => {
      const viewport = viewportFor(width, height, 0.05);
      expect(viewport).toMatchObject({ aspect, height: virtualHeight, scale });
      expect(viewport.width).toBeCloseTo(virtualWidth);
      expect(aspectClassOf(width, height)).toBe(aspect);
    },
  );

  it('keeps the safe area inside, with a small even margin on LED ribbons', () => {
    expect(viewportFor(1920, 1080, 0.05).safe).toEqual({ x: 96, y: 54, width: 1728, height: 972 });
    const ribbon = viewportFor(1536, 256, 0.05).safe;
    expect(ribbon.x).toBe(ribbon.y);
    expect(ribbon.y).toBeLessThanOrEqual(10);
  });
});

describe('row cells', () => {
  it('gives fixed cells a size from the type and the name the rest of the row', () => {
    const layout = rowLayout(
      1200,
      64,
      ['rank', 'bib', 'flag', 'nation', 'name', 'sprints', 'final', 'total', 'mark'],
      3,
    );
    const { rank, name, mark } = layout.cells;
    expect(layout.sprints).toHaveLength(3);
    expect(rank!.x).toBeGreaterThan(0);
    expect(name!.width).toBeGreaterThan(300);
    expect(mark!.x + mark!.width).toBeLessThanOrEqual(1200);
    const cells = [
      rank!,
      layout.cells.bib!,
      layout.cells.flag!,
      layout.cells.nation!,
      name!,
      ...layout.sprints,
      layout.cells.final!,
      layout.cells.total!,
      mark!,
    ];
    cells
      .slice(1)
      .forEach((cell, index) =>
        expect(cell.x).toBeGreaterThanOrEqual(cells[index]!.x + cells[index]!.width - 1e-6),
      );
  });

  it("takes the loop's gap column (issue 21) from the name, right-aligned after the total", () => {
    const cells = ['rank', 'bib', 'flag', 'name', 'total', 'mark'] as const;
    const without = rowLayout(1266, 98, cells, 0, { far: true });
    const withGap = rowLayout(
      1266,
      98,
      ['rank', 'bib', 'flag', 'name', 'total', 'gap', 'mark'],
      0,
      {
        far: true,
      },
    );
    const { total, gap, mark, name } = withGap.cells;
    expect(gap!.align).toBe('right');
    expect(gap!.x).toBeGreaterThanOrEqual(total!.x + total!.width);
    expect(mark!.x).toBeGreaterThanOrEqual(gap!.x + gap!.width);
    expect(mark!.x + mark!.width).toBe(without.cells.mark!.x + without.cells.mark!.width);
    expect(without.cells.name!.width - name!.width).toBeCloseTo(
      gap!.width + (gap!.x - total!.x - total!.width),
      6,
    );
  });

  it('fills tight rows (24 skaters on 1080 lines) with larger type', () => {
    expect(rowLayout(1200, 32, ['rank', 'name'], 0).fontSize / 32).toBeGreaterThan(
      rowLayout(1200, 64, ['rank', 'name'], 0).fontSize / 64,
    );
  });
});

describe('tweens and the animator', () => {
  it('glides from where it is when the target changes mid-flight, and stops at the target', () => {
    const tween = new Tween(0);
    expect(tween.animate(100, 0, 100)).toBe(true);
    tween.step(50);
    const midway = tween.value;
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(100);
    tween.animate(0, 50, 100);
    tween.step(51);
    expect(Math.abs(tween.value - midway)).toBeLessThan(5); // no jump
    expect(tween.step(200)).toBe(false);
    expect(tween.value).toBe(0);
  });

  it('keeps stepping only what still moves, and wakes the frame loop when something starts', () => {
    let wakes = 0;
    const animator = new Animator(() => (wakes += 1));
    const short = new Tween(0);
    const long = new Tween(0);
    short.animate(1, 0, 10);
    long.animate(1, 0, 100);
    animator.start({ step: (now) => short.step(now) });
    animator.start({ step: (now) => long.step(now) });
    expect(wakes).toBe(2);
    expect(animator.step(50)).toBe(true);
    expect(animator.step(150)).toBe(false);
    expect(animator.active).toBe(false);
  });
});
