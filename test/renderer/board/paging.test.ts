// The far layout's pages (issue 18): every skater within one cycle, as few pages as the field
// needs, the qualification line shown where it is on one of them.
import { describe, expect, it } from 'vitest';
import {
  lineOnPage,
  standingsPages,
  type StandingsPage,
} from '../../../src/renderer/board/paging.ts';

const spans = (pages: StandingsPage[]) => pages.map((page) => [page.start, page.end]);

describe('standings pages', () => {
  it.each([
    // count, perPage, pages
    [8, 8, [[0, 8]]],
    [
      12,
      8,
      [
        [0, 8],
        [4, 12],
      ],
    ], // a semi of 12: 1-8, then 5-12
    [
      24,
      8,
      [
        [0, 8],
        [8, 16],
        [16, 24],
      ],
    ],
    [
      12,
      7,
      [
        [0, 7],
        [5, 12],
      ],
    ], // results: seven rows a page
    [
      12,
      6,
      [
        [0, 6],
        [6, 12],
      ],
    ], // 4:3
    [
      16,
      8,
      [
        [0, 8],
        [8, 16],
      ],
    ],
    [
      17,
      8,
      [
        [0, 8],
        [5, 13],
        [9, 17],
      ],
    ],
  ] as const)('%i rows, %i a page', (count, perPage, expected) => {
    expect(spans(standingsPages(count, perPage))).toEqual(expected);
  });

  it('covers the field in as few full pages as it needs, one of them showing the line where it is', () => {
    for (let count = 1; count <= 24; count++)
      for (let perPage = 1; perPage <= 10; perPage++) {
        const pages = standingsPages(count, perPage);
        const where = `${count} rows, ${perPage} a page`;
        const seen = new Set(pages.flatMap((page) => range(page.start, page.end)));
        expect(seen.size, where).toBe(count);
        expect(pages.length, where).toBe(Math.max(1, Math.ceil(count / perPage)));
        for (const page of pages) {
          expect(page.end - page.start, where).toBe(Math.min(perPage, count));
          expect(page.start, where).toBeGreaterThanOrEqual(0);
          expect(page.end, where).toBeLessThanOrEqual(count);
        }
        for (let line = 0; line <= count; line++)
          expect(
            pages.some((page) => page.start <= line && line <= page.end),
            `${where}, line under ${line}`,
          ).toBe(true);
      }
  });

  it('places the line on a page: rows above it there, clamped to the page', () => {
    expect(lineOnPage({ start: 4, end: 12 }, 8)).toBe(4);
    expect(lineOnPage({ start: 8, end: 16 }, 8)).toBe(0);
    expect(lineOnPage({ start: 16, end: 24 }, 8)).toBe(0);
    expect(lineOnPage({ start: 0, end: 7 }, 8)).toBe(7);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + index);
}
