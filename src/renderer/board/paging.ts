/** One page of the standings: rows [start, end) in model order. */
export interface StandingsPage {
  readonly start: number;
  readonly end: number;
}

/** How long a page stays up on the venue board (issue 18: every 6-8 s). */
export const pageSeconds = 7;

/**
 * The pages of `count` rows shown `perPage` at a time (issue 18, "readable from the far stand"):
 * as few pages as the field needs, every one full, spread evenly from the top to the bottom (a
 * field of 12 at 8 a page: 1-8, then 5-12), so the last one is never half empty and the pages
 * overlap around the middle, where the qualification line of a semi usually is. Whatever the
 * line does, some page shows it where it is; a page that does not reach it shows it at its edge
 * pointing to it (qualification-bar.ts).
 */
export function standingsPages(count: number, perPage: number): StandingsPage[] {
  const size = Math.max(1, Math.floor(perPage));
  if (count <= size) return [{ start: 0, end: Math.max(0, count) }];
  const pages = Math.ceil(count / size);
  return Array.from({ length: pages }, (_, index) => {
    const start = Math.round((index * (count - size)) / (pages - 1));
    return { start, end: start + size };
  });
}

/** Where the line falls on a page: rows of the page above it (0: at its top). */
export function lineOnPage(page: StandingsPage, line: number): number {
  return Math.min(page.end - page.start, Math.max(0, line - page.start));
}
