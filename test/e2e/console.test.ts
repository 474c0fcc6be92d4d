// The operator console in headless Chromium against a real race host (temp data dir) and the
// real server: a whole semi-final driven from the keyboard only (16 laps, three sprints, a DNF,
// an undo, a corrected sprint, bad input, the finish order, official and reopened). After each
// step the test checks the host's state and what the venue board shows (window.__board, the
// board page's own description). Screenshots land in test-results/console/.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardModel } from '../../src/shared/board/model.ts';
import type { RaceView } from '../../src/shared/race/view.ts';
import { computeStandings } from '../../src/shared/race/standings.ts';
import { parseRaceSheet, sheetState } from '../../src/shared/sheet/sheet.ts';
import { readFileSync } from 'node:fs';
import {
  drawn,
  launchBrowser,
  openBoard,
  readBoard,
  startBoardHost,
  type BoardHost,
} from '../support/browser.ts';

// Page callbacks run in the browser; the node project has no DOM types, so name what they use.
interface PageElement {
  readonly textContent: string | null;
  readonly value: string;
  readonly dataset: Record<string, string | undefined>;
  readonly tagName: string;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  blur(): void;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement> & { readonly length: number };
  readonly activeElement: PageElement | null;
};
declare function getComputedStyle(element: PageElement): {
  fontSize: string;
  outlineWidth: string;
  outlineStyle: string;
};

const shots = 'test-results/console';
let browser: Browser;
let fixture: BoardHost;
let page: Page;
let board: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  [browser, fixture] = await Promise.all([
    launchBrowser(),
    startBoardHost({ skaters: 12, round: 'semi' }),
  ]);
  // Short sprint banners, so the board is back on the chosen scene soon after each sprint.
  await fixture.program({ type: 'display/configured', sprintBannerSeconds: 2 });
  board = await openBoard(browser, fixture.url());
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(
    `${fixture.server.url}/console/?token=${fixture.tokens.control}&viewToken=${fixture.tokens.view}`,
  );
  await page.waitForSelector('[data-testid="connection"][data-state="open"]');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

const race = (): RaceView => fixture.host.race()!;
const shoot = (name: string) => page.screenshot({ path: `${shots}/${name}.png` });
const text = (testId: string) => page.locator(`[data-testid="${testId}"]`).innerText();

/** Presses keys one after another on the console page (keyboard only: no clicks anywhere). */
async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/** Waits until the host's race satisfies `check`. */
async function host(check: (view: RaceView) => boolean, what: string): Promise<void> {
  await expect.poll(() => check(race()), { message: what, timeout: 10_000 }).toBe(true);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="pending"]')?.textContent?.endsWith(': 0'),
  );
}

/** Waits until the console shows the host's latest race revision (so typed entries see it). */
async function consoleCaughtUp(): Promise<void> {
  const lapsToGo = String(race().lapsToGo);
  await page.waitForFunction(
    (wanted) => document.querySelector('[data-testid="laps-to-go"]')?.textContent === wanted,
    lapsToGo,
  );
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="pending"]')?.textContent?.endsWith(': 0'),
  );
}

/** The board's model once it has drawn the host's current revision. */
async function boardModel(): Promise<BoardModel> {
  await drawn(board, fixture.host.revision);
  return (await readBoard(board)).model;
}

/** Waits until the entry line has the focus. */
async function entryFocused(): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.dataset.entry !== undefined);
}

async function laps(count: number): Promise<void> {
  const before = race().state.lapsCompleted;
  for (let i = 0; i < count; i++) await press('Space');
  await host(
    (view) => view.state.lapsCompleted === before + count,
    `${before + count} laps completed`,
  );
  await consoleCaughtUp();
}

describe('a semi-final run from the console keyboard', { timeout: 60_000 }, () => {
  it('opens connected, with the laps-to-go figure as the biggest thing on the screen', async () => {
    expect(await text('connection')).toMatch(/connected/);
    expect(await text('laps-to-go')).toBe('16');
    const sizes = await page.evaluate(() => {
      const figure = parseFloat(
        getComputedStyle(document.querySelector('[data-testid="laps-to-go"]')!).fontSize,
      );
      const others = [...document.querySelectorAll('body *')]
        .filter((el) => !el.closest('[data-testid="laps-to-go"]'))
        .map((el) => parseFloat(getComputedStyle(el).fontSize));
      return { figure, largestOther: Math.max(...others) };
    });
    expect(sizes.figure).toBeGreaterThan(2 * sizes.largestOther);
    expect(await page.locator('iframe[title="Venue board"]').getAttribute('src')).toBe(
      `/board/?token=${fixture.tokens.view}`,
    );
    await shoot('01-ready');
  });

  it('Space at the gun starts the race; four more are four laps; the sprint lap is announced', async () => {
    await press('Space');
    await host((view) => view.state.started, 'race started');
    await consoleCaughtUp();
    expect((await boardModel()).lapBoard).toMatchObject({ started: true, lapsToGo: 16 });

    await laps(3);
    expect(await text('announcements')).toContain('SPRINT 1: this lap');
    expect((await boardModel()).lapBoard).toMatchObject({
      lapsToGo: 13,
      sprintFlag: 'SPRINT 1 · 3-2-1',
    });
    await shoot('02-sprint-lap');

    await laps(1);
    expect(race().lapsToGo).toBe(12);
    expect(await text('announcements')).toContain('Sprint 1 decided: type the placings');
  });

  it('sprint 1: "4 9 3" Enter, with the names shown while typing', async () => {
    await page.keyboard.type('4 9 3');
    expect(await text('entry-mode')).toBe('Sprint 1');
    expect(await text('entry-names')).toMatch(
      /4\s+Jordan Stolz USA[\s\S]*9\s+Demo Skater Nine NOR[\s\S]*3\s+Chung Jae-won KOR/,
    );
    await shoot('03-sprint1-typed');
    await press('Enter');
    await host((view) => view.state.sprints[0]?.join(' ') === '4 9 3', 'sprint 1 placed');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="entry-input"]')!.value === '',
    );
    const model = await boardModel();
    expect(model.sprintResult).toMatchObject({ sprint: 1 });
    expect(model.rows.slice(0, 3).map((row) => `${row.key}:${row.total}`)).toEqual([
      '4:3',
      '9:2',
      '3:1',
    ]);
  });

  it('an accidental lap is undone with Ctrl+Z and shows struck through in the journal', async () => {
    await laps(2);
    await laps(1); // one press too many
    expect(race().state.lapsCompleted).toBe(7);
    await press('Control+z');
    await host((view) => view.state.lapsCompleted === 6, 'lap undone');
    await consoleCaughtUp();
    expect((await boardModel()).lapBoard.lapsToGo).toBe(10);
    await page.waitForSelector('.journal-row.voided del');
    const voided = page.locator('.journal-row.voided').first();
    expect(await voided.innerText()).toMatch(/lap completed/);
    expect(await page.locator('.journal-row.undo').first().innerText()).toMatch(
      /undo of #\d+: lap completed/,
    );
    expect(fixture.host.journal(fixture.raceId)!.voided).toHaveLength(1);
    await shoot('04-undo');
  });

  it('sprint 2 entered wrong, then corrected: S fills in the placings, typing replaces them', async () => {
    await laps(2);
    expect(race().lapsToGo).toBe(8);
    await page.keyboard.type('8 12 10');
    expect(await text('entry-mode')).toBe('Sprint 2');
    await press('Enter');
    await host((view) => view.state.sprints[1]?.join(' ') === '8 12 10', 'sprint 2 placed');
    await consoleCaughtUp();

    await press('s');
    await entryFocused();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="entry-input"]')!.value === '8 12 10',
    );
    await page.keyboard.type('8 10 12');
    // A correction is loud (issue 19): a banner across the entry naming what it replaces.
    expect(await text('correction-banner')).toBe(
      'CORRECTING SPRINT 2 (placed: 8 · 12 · 10) — Enter replaces, Esc leaves',
    );
    await shoot('05-correction-typed');
    await press('Enter');
    await host((view) => view.state.sprints[1]?.join(' ') === '8 10 12', 'sprint 2 corrected');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.journal-row')].some((row) =>
        row.textContent?.includes('correction (was 8 12 10)'),
      ),
    );
    const model = await boardModel();
    expect(model.rows.find((row) => row.key === 10)!.total).toBe('2');
    expect(model.rows.find((row) => row.key === 12)!.total).toBe('1');
    await shoot('05-corrected');
  });

  it('D: skater 11 DNF after 9 laps', async () => {
    await laps(2);
    await press('d');
    await entryFocused();
    await page.keyboard.type('11 9');
    expect(await text('entry-names')).toMatch(/11\s+Demo Skater Eleven POL[\s\S]*after 9 laps/);
    await press('Enter');
    await host(
      (view) => view.state.status[11] === 'DNF' && view.state.lapsByBib[11] === 9,
      '11 DNF',
    );
    const row = (await boardModel()).rows.find((r) => r.key === 11);
    expect(row).toMatchObject({ status: 'DNF', dimmed: true });
  });

  it('bad input: the console names an unknown number at once; a host refusal shows next to the entry, which keeps the text', async () => {
    const revision = race().revision;
    await page.keyboard.type('44');
    expect(await text('entry-problems')).toContain('helmet number 44 is not on the start list');
    await press('Enter');
    expect(race().revision).toBe(revision);
    await press('Escape', 'Escape');

    await press('f');
    await entryFocused();
    await page.keyboard.type('1 2');
    await press('Enter');
    await page.waitForSelector('[data-testid="entry-refusal"]');
    expect(await text('entry-refusal')).toBe(
      'Refused: the finish order comes on the last lap; the race is at 6 laps to go',
    );
    expect(await page.locator('[data-testid="entry-input"]').inputValue()).toBe('1 2');
    expect(await text('last-error')).toContain('the finish order comes on the last lap');
    expect(race().revision).toBe(revision);
    await shoot('06-refusal');
    await press('Escape', 'Escape');
  });

  it('sprint 3 after lap 12, then the bell', async () => {
    await laps(2);
    await page.keyboard.type('7 4 12');
    expect(await text('entry-mode')).toBe('Sprint 3');
    await press('Enter');
    await host((view) => view.state.sprints[2]?.join(' ') === '7 4 12', 'sprint 3 placed');

    await laps(3);
    expect(await text('announcements')).toContain('BELL: last lap, final sprint');
    expect((await boardModel()).lapBoard).toMatchObject({ lapsToGo: 1, bell: true });
    await shoot('07-bell');
  });

  it('the finish order, as much as is known, then the rest as the photo finish comes in', async () => {
    await laps(1);
    expect(race().lapsToGo).toBe(0);
    expect(await text('entry-mode')).toBe('Finish order');
    await page.keyboard.type('1 2 3 5');
    await press('Enter');
    await host((view) => view.state.finishOrder.join(' ') === '1 2 3 5', 'first finishers');
    await consoleCaughtUp();
    expect(await text('announcements')).toContain('Finish order: 4 of 11 known');
    await page.keyboard.type('4 6 10 7 9 8 12');
    expect(await text('entry-mode')).toBe('Finish order (add)');
    await press('Enter');
    await host((view) => view.state.finishOrder.length === 11, 'full finish order');
    await press('Shift+Digit4');
    await expect.poll(() => fixture.host.program().scenes.board).toBe('results');
    // The final sprint's banner may still be up: the board returns to the chosen scene after it.
    await expect.poll(async () => (await boardModel()).scene, { timeout: 10_000 }).toBe('results');
    const model = await boardModel();
    expect(model.rows.slice(0, 6).map((row) => `${row.key}:${row.total}`)).toEqual([
      '1:60',
      '2:40',
      '3:21',
      '4:11',
      '5:10',
      '6:3',
    ]);
  });

  it('Shift+C and Enter make the results official, with the standings the race sheet of the semi-final gives', async () => {
    await press('Shift+C');
    await page.waitForSelector('[data-testid="confirm-dialog"]');
    await shoot('08-confirm');
    await press('Enter');
    await host((view) => view.state.official, 'official');
    const sheet = sheetState(
      parseRaceSheet(readFileSync('test/fixtures/sheets/mc2026-men-semi1.json', 'utf8')),
    );
    const rows = (view: ReturnType<typeof computeStandings>) =>
      view.rows.map((row) => [row.rank, row.bib, row.total, row.qualified, row.status]);
    expect(rows(race().standings)).toEqual(rows(computeStandings(sheet)));
    const model = await boardModel();
    expect(model.results.official).toBe(true);
    await consoleCaughtUp();
    expect(await text('announcements')).toContain('Results official');
    await shoot('09-official');
    await board.screenshot({ path: `${shots}/board-results.png` });
  });

  it('Shift+R reopens after a confirmation; official results refused every change before', async () => {
    await press('Space');
    await page.waitForSelector('[data-testid="lap-refusal"]');
    expect(await text('lap-refusal')).toContain(
      'the results are official: reopen them before changing anything',
    );
    await press('Shift+R');
    await page.waitForSelector('[data-testid="confirm-dialog"]');
    await press('Enter');
    await host((view) => !view.state.official, 'reopened');
    expect((await boardModel()).results.official).toBe(false);
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="announcements"]')
        ?.textContent?.includes('confirm the results'),
    );
    await press('Shift+C');
    await page.waitForSelector('[data-testid="confirm-dialog"]');
    await press('Enter');
    await host((view) => view.state.official, 'official again');
  });

  it('the journal lists every entry with time and source', async () => {
    const journal = fixture.host.journal(fixture.raceId)!;
    await page.waitForFunction(
      (count) => document.querySelectorAll('.journal-row').length === count,
      journal.entries.length,
    );
    const first = await page.locator('.journal-row').last().innerText();
    expect(first).toMatch(/#1\s+\d\d:\d\d:\d\d\s+test\s+race set up/);
    expect(await page.locator('.journal-row').first().innerText()).toMatch(/ws\s+results official/);
  });

  it('every control is reachable with Tab, and the focus ring is visible on each', async () => {
    await page.evaluate(() => document.activeElement?.blur());
    const seen: { name: string; outline: number; style: string }[] = [];
    for (let i = 0; i < 80; i++) {
      await press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement!;
        const style = getComputedStyle(el);
        return {
          name: `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}`,
          outline: parseFloat(style.outlineWidth),
          style: style.outlineStyle,
        };
      });
      seen.push(focused);
    }
    const names = seen.map((entry) => entry.name);
    for (const wanted of [
      'button:Race',
      'button:Program',
      'button:Start list',
      'input:',
      'button:Undo',
      'button:Results',
      'button:Live',
      'button:Laps to go',
      'button:Shortcuts',
    ]) {
      expect(
        names.some((name) => name.startsWith(wanted)),
        wanted,
      ).toBe(true);
    }
    for (const entry of seen.filter((e) => !e.name.startsWith('body'))) {
      expect(entry.style, entry.name).toBe('solid');
      expect(entry.outline, entry.name).toBeGreaterThanOrEqual(3);
    }
    await page.evaluate(() => document.activeElement?.blur());
    await press('Shift+Slash');
    await page.waitForSelector('[data-testid="shortcut-sheet"]');
    await shoot('10-shortcuts');
    await press('Escape');
    expect(pageErrors).toEqual([]);
  });

  it('P and I show the program and the start list; R comes back to the race', async () => {
    await page.evaluate(() => document.activeElement?.blur());
    await press('p');
    await page.waitForSelector('[data-testid="races"]');
    expect(await page.locator('[data-testid="races"]').innerText()).toMatch(
      /Men · Mass Start · Semi-final 1/,
    );
    await shoot('11-program');
    await press('Escape', 'i');
    await page.waitForSelector('[data-testid="start-list"]');
    expect(await page.locator('[data-testid="start-list"]').innerText()).toMatch(/DNF/);
    await shoot('12-start-list');
    await press('r');
    await page.waitForSelector('[data-testid="laps-to-go"]');
    await entryFocused();
  });
});
