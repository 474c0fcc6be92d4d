// Issue 19, part 3, in headless Chromium against a real race host and the real server: every
// entry is read back on the console. The undo line says what the board shows after an undo and
// what it showed; a finish time typed for a skater still racing is named at once and never
// reaches the host; a time being typed shows as it will be recorded, a retyped one as the
// correction it is, in the entry, the standings' time column, the journal and the undo line;
// and an earlier sprint is corrected after the finish with S, then ↑. Screenshots land in
// test-results/console-readback/.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RaceView } from '../../src/shared/race/view.ts';
import { launchBrowser, startBoardHost, type BoardHost } from '../support/browser.ts';

// Page callbacks run in the browser; the node project has no DOM types, so name what they use.
interface PageElement {
  readonly textContent: string | null;
  readonly value: string;
  readonly dataset: Record<string, string | undefined>;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  readonly activeElement: PageElement | null;
};

const shots = 'test-results/console-readback';
let browser: Browser;
let fixture: BoardHost;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  [browser, fixture] = await Promise.all([
    launchBrowser(),
    startBoardHost({ skaters: 12, round: 'semi' }),
  ]);
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${fixture.server.url}/console/?token=${fixture.tokens.control}`);
  await page.waitForSelector('[data-testid="connection"][data-state="open"]');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

const race = (): RaceView => fixture.host.race()!;
const journalLength = () => fixture.host.journal(fixture.raceId)!.entries.length;
const shoot = (name: string) => page.screenshot({ path: `${shots}/${name}.png` });
const text = (testId: string) => page.locator(`[data-testid="${testId}"]`).innerText();

/** Presses keys one after another (keyboard only: no clicks anywhere). */
async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/** Waits until the host's race satisfies `check` and the console has nothing pending. */
async function host(check: (view: RaceView) => boolean, what: string): Promise<void> {
  await expect.poll(() => check(race()), { message: what, timeout: 10_000 }).toBe(true);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="pending"]')?.textContent?.endsWith(': 0'),
  );
}

/** Waits until the console's journal shows every entry the host has (so it is current). */
async function consoleCaughtUp(): Promise<void> {
  await page.waitForFunction(
    (count) => [...document.querySelectorAll('.journal-row')].length === count,
    journalLength(),
  );
}

/** Waits until the entry line has the focus and holds `value`. */
async function entryHolds(value: string): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      document.activeElement?.dataset.entry !== undefined &&
      document.querySelector('[data-testid="entry-input"]')!.value === wanted,
    value,
  );
}

/** The journal row of an entry, as shown. */
const journalRow = (seq: number) =>
  page.locator(`.journal-row[data-seq="${seq}"] .what`).innerText();

describe('every entry is read back', { timeout: 60_000 }, () => {
  it('an undone lap: the undo line says what the board shows now and what it showed', async () => {
    await press('Space');
    await host((view) => view.state.started, 'race started');
    await press('Space');
    await host((view) => view.lapsToGo === 15, 'one lap');
    await consoleCaughtUp();
    const lap = journalLength();
    expect(await text('undo-preview')).toBe(
      `Ctrl+Z would undo: #${lap} lap completed — the board would show 16 laps to go (it shows 15)`,
    );
    await press('Control+z');
    await host((view) => view.lapsToGo === 16, 'lap undone');
    await page.waitForSelector('[data-testid="undo-result"].done');
    expect(await text('undo-result')).toBe(
      `Undone: #${lap} lap completed — the board shows 16 laps to go (it showed 15)`,
    );
    await shoot('01-lap-undone');
  });

  it('a time for a skater still racing (16 laps to go) is named at once and never sent', async () => {
    await consoleCaughtUp();
    const before = journalLength();
    await press('t');
    await entryHolds('');
    await page.keyboard.type('7 8:04.51');
    expect(await text('entry-mode')).toBe('Finish time');
    expect(await text('entry-problems')).toBe('#7 has not finished: record the finish order first');
    expect(await text('entry-time')).toBe('8:04.51');
    await shoot('02-not-finished');
    await press('Enter');
    // Nothing reached the host: the line keeps the text, the journal and the times are as they were.
    await entryHolds('7 8:04.51');
    expect(await text('pending')).toMatch(/: 0$/);
    expect(journalLength()).toBe(before);
    expect(race().state.times).toEqual({});
    await press('Escape', 'Escape');
  });

  it('a time is shown as it will be recorded, in the entry and the standings', async () => {
    await fixture.race(
      { type: 'laps/corrected', lapsCompleted: 4 },
      { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] },
      { type: 'laps/corrected', lapsCompleted: 8 },
      { type: 'sprint/placed', sprint: 2, bibs: [8, 12, 10] },
      { type: 'laps/corrected', lapsCompleted: 12 },
      { type: 'sprint/placed', sprint: 3, bibs: [7, 4, 12] },
      { type: 'laps/corrected', lapsCompleted: 16 },
    );
    await consoleCaughtUp();
    await press('f');
    await entryHolds('');
    await page.keyboard.type('1 4 7');
    await press('Enter');
    await host((view) => view.state.finishOrder.join(' ') === '1 4 7', 'finish order');
    await consoleCaughtUp();

    await press('t');
    await entryHolds('');
    await page.keyboard.type('7 8:04.51');
    expect(await text('entry-names')).toMatch(/7\s+Jorrit Bergsma\s+NED\s+8:04\.51/);
    expect(await page.locator('[data-testid="entry-correction"]').count()).toBe(0);
    await press('Enter');
    await host((view) => view.state.times[7] === 484_510, '7 timed');
    await consoleCaughtUp();
    expect(await text('time-7')).toBe('8:04.51');
    expect(await journalRow(journalLength())).toBe('time of #7: 8:04.51');
  });

  it('a retyped time is marked as a correction in the entry, the journal and the undo line', async () => {
    await press('t');
    await entryHolds('');
    await page.keyboard.type('7 8:04.15');
    expect(await text('entry-time')).toBe('8:04.15');
    expect(await text('entry-correction')).toBe('correction: replaces 8:04.51');
    await shoot('03-time-correction');
    await press('Enter');
    await host((view) => view.state.times[7] === 484_150, '7 timed again');
    await consoleCaughtUp();
    const seq = journalLength();
    expect(await text('time-7')).toBe('8:04.15');
    expect(await journalRow(seq)).toBe('time of #7: 8:04.15 (was 8:04.51)');
    expect(await text('undo-preview')).toBe(
      `Ctrl+Z would undo: #${seq} time of #7: 8:04.15 (was 8:04.51)`,
    );

    await press('Control+z');
    await host((view) => view.state.times[7] === 484_510, 'the retyped time undone');
    await page.waitForSelector('[data-testid="undo-result"].done');
    expect(await text('undo-result')).toBe(`Undone: #${seq} time of #7: 8:04.15 (was 8:04.51)`);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="time-7"]')?.textContent === '8:04.51',
    );
    await consoleCaughtUp();
    expect(await journalRow(journalLength())).toBe(
      `undo of #${seq}: time of #7: 8:04.15 (was 8:04.51)`,
    );
    await shoot('04-time-undone');
  });

  it('after the finish, S then ↑ brings sprint 2 back to correct it', async () => {
    await press('s');
    await entryHolds('7 4 12');
    expect(await text('entry-mode')).toBe('Sprint 3');
    await press('ArrowUp');
    await entryHolds('8 12 10');
    expect(await text('entry-mode')).toBe('Sprint 2');
    await page.keyboard.type('8 10 12');
    await shoot('05-sprint-2-after-finish');
    await press('Enter');
    await host((view) => view.state.sprints[1]?.join(' ') === '8 10 12', 'sprint 2 corrected');
    expect(race().state.sprints[2]).toEqual([7, 4, 12]);
    expect(pageErrors).toEqual([]);
  });
});
