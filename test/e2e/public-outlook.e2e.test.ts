// The public page tells a semi-final's story (issue 18) in real Chromium on a phone: a Q badge
// on the skaters who are through whatever happens, "out" on those who cannot be, and in the
// last laps (from the bell, or once the last intermediate sprint is placed) "needs top N" for
// the open ones. The real host and server; what each mark should say comes from the outlook.
// Screenshots land in test-results/public/ for a person to look at.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RaceCommand } from '../../src/shared/race/events.ts';
import { qualificationOutlook } from '../../src/shared/race/qualification.ts';
import { startApi, type ApiFixture } from '../support/api-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { addRace, expectAccepted } from '../support/host-fixture.ts';
import { formatWith } from '../support/race.ts';

// Page callbacks run in the browser; the node project has no DOM types, so name what they use.
interface PageElement {
  readonly textContent: string | null;
  readonly className: string;
  querySelector(selector: string): PageElement | null;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  readonly documentElement: { readonly scrollWidth: number };
};
declare const window: { readonly innerWidth: number };
declare function getComputedStyle(element: PageElement): { backgroundColor: string };

const shots = 'test-results/public';
const phone = { width: 390, height: 844 };

let api: ApiFixture;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  api = await startApi({ publicFeed: {} });
  expectAccepted(
    await api.host.programCommand({ type: 'public/configured', enabled: true }, 'test'),
  );
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: phone, deviceScaleFactor: 2 });
  await page.goto(`${api.server.url}/public/`);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function run(raceId: string, ...commands: RaceCommand[]): Promise<void> {
  for (const command of commands)
    expectAccepted(await api.host.submit({ kind: 'single', command }, 'test', raceId));
}
const laps = (lapsCompleted: number): RaceCommand => ({ type: 'laps/corrected', lapsCompleted });
const sprint = (n: number, bibs: number[]): RaceCommand => ({
  type: 'sprint/placed',
  sprint: n,
  bibs,
});

/**
 * What the last cell of each row should say, in ranking order, from the host's standings and
 * the outlook computed here: the Q / q badge, the status of a skater out of the race, and in a
 * running semi "out", or in its last laps (`last`, which the test knows) what an open one needs.
 */
function expectedMarks(raceId: string, last: boolean): string[] {
  const { state, standings } = api.host.race(raceId)!;
  const outlook = qualificationOutlook(state);
  return standings.rows.map((row) => {
    const seen = outlook.get(row.bib);
    if (row.qualified) return `badge:${row.qualified}`;
    if (seen?.qualification === 'Q') return 'badge:Q';
    if (row.status !== 'OK') return row.status;
    if (seen?.qualification === 'out') return 'out:out';
    if (last && seen?.qualification === 'open' && seen.safeFinish !== null)
      return `need:needs top ${seen.safeFinish}`;
    return '';
  });
}

/** The last cell of each row as the page draws it: `class:text`, or the text alone. */
function drawnMarks(): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#rows tr td.mark')].map((cell) => {
      const span = cell.querySelector('span');
      if (!span) return '';
      return span.className ? `${span.className}:${span.textContent}` : (span.textContent ?? '');
    }),
  );
}

/** Waits until the page shows `marks` (it polls live.json once a second). */
async function shows(marks: string[], title?: string): Promise<void> {
  if (title)
    await expect.poll(() => page.locator('#race').textContent(), { timeout: 10_000 }).toBe(title);
  await expect.poll(drawnMarks, { timeout: 10_000 }).toEqual(marks);
}

const legendShown = () => page.locator('#legend').isVisible();
const fitsThePhone = () =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the public page: what each skater of a running semi still needs', () => {
  it('marks nothing but the statuses mid-race, then Q and "needs top N" after the last sprint, then the result', async () => {
    const semi = api.raceId;
    await run(semi, { type: 'race/started' }, laps(4), sprint(1, [3, 7, 12]), laps(5));
    const midRace = expectedMarks(semi, false);
    expect(midRace.some((mark) => mark.startsWith('need:'))).toBe(false);
    await shows(midRace, 'Men Semi 1');
    expect(await legendShown()).toBe(false);

    // Sprint 2 placed, the lap of sprint 3 run but its placings not in yet: still not the last
    // laps (3 to go, no bell), so no "needs" yet.
    await run(semi, laps(8), sprint(2, [3, 7, 12]), laps(13));
    await shows(expectedMarks(semi, false));
    expect(await drawnMarks()).not.toContainEqual(expect.stringMatching(/^need:/));

    // Sprint 3 placed: nothing but the finish is left. #11 disqualified.
    await run(semi, sprint(3, [3, 7, 12]), {
      type: 'skater/statusChanged',
      bib: 11,
      status: 'DQ',
    });
    const last = expectedMarks(semi, true);
    await shows(last);
    // Worked by hand (test/shared/feed/feed.test.ts): #3 and #7 through, the others top 6.
    const marks = new Map(
      api.host.race(semi)!.standings.rows.map((row, index) => [row.bib, last[index]]),
    );
    expect([3, 7, 12, 1, 11].map((bib) => marks.get(bib))).toEqual([
      'badge:Q',
      'badge:Q',
      'need:needs top 6',
      'need:needs top 6',
      'DQ',
    ]);
    expect(await legendShown()).toBe(true);
    expect(await fitsThePhone()).toBe(true);
    const badge = page.locator('#rows span.badge').first();
    expect(await badge.getAttribute('title')).toBe('Through to the final whatever happens');
    expect(
      await page.evaluate(
        () => getComputedStyle(document.querySelector('#rows span.badge')!).backgroundColor,
      ),
    ).toBe('rgb(61, 220, 132)');
    await page.screenshot({ path: `${shots}/semi-after-last-sprint.png`, fullPage: true });

    // The finish: the ranking says who is through; no "needs", no legend.
    await run(semi, laps(15), {
      type: 'finish/recorded',
      bibs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12],
    });
    const result = expectedMarks(semi, false);
    expect(result.filter((mark) => mark === 'badge:Q')).toHaveLength(8);
    await shows(result);
    expect(await legendShown()).toBe(false);
    await page.screenshot({ path: `${shots}/semi-finished.png`, fullPage: true });
  }, 60_000);

  it('from the bell shows what the open skaters need, even with a sprint not placed', async () => {
    const semi = await addRace(api.host, { title: 'Men Semi 2' });
    expectAccepted(await api.host.programCommand({ type: 'race/activated', raceId: semi }, 'test'));
    await run(
      semi,
      { type: 'race/started' },
      laps(4),
      sprint(1, [5, 6, 7]),
      laps(8),
      sprint(2, [5, 8, 9]),
      laps(14),
    );
    await shows(expectedMarks(semi, false), 'Men Semi 2');
    expect(await drawnMarks()).not.toContainEqual(expect.stringMatching(/^need:/));
    await run(semi, laps(15)); // the bell
    const bell = expectedMarks(semi, true);
    expect(bell.filter((mark) => mark.startsWith('need:')).length).toBeGreaterThan(0);
    await shows(bell);
    expect(await page.locator('#laps').textContent()).toBe('1 lap to go · bell');
    expect(await fitsThePhone()).toBe(true);
    await page.screenshot({ path: `${shots}/semi-bell.png`, fullPage: true });
  }, 60_000);

  it('marks "out" a skater still racing who cannot qualify (a points race, first 1 through)', async () => {
    // 5 points a sprint, 1 for the finish, no podium by finish order: #1 won sprints 1 and 2
    // (10); the others can reach 5 + 1 at most. #1 is through, the rest out, mid-race.
    const race = await addRace(
      api.host,
      {
        title: 'Points race semi',
        qualifiers: 1,
        format: formatWith({
          laps: 12,
          sprintLaps: [3, 6, 9],
          intermediatePoints: [5],
          finalPoints: [1],
          podiumByFinishOrder: 0,
        }),
      },
      [1, 2, 3, 4].map((bib) => ({ bib, name: `Rider ${bib}`, nation: 'NED' })),
    );
    expectAccepted(await api.host.programCommand({ type: 'race/activated', raceId: race }, 'test'));
    await run(race, { type: 'race/started' }, laps(3), sprint(1, [1]), laps(6), sprint(2, [1]));
    const marks = expectedMarks(race, false);
    expect(marks).toEqual(['badge:Q', 'out:out', 'out:out', 'out:out']);
    await shows(marks, 'Points race semi');
    expect(await legendShown()).toBe(true);
    await page.screenshot({ path: `${shots}/points-race-out.png`, fullPage: true });
  }, 60_000);
});
