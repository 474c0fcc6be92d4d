// Issue 19, part 4: the console on a 1366x768 laptop, in headless Chromium against a real race
// host, the real server and a timing feed from a decoder stand-in on loopback (its status is the
// longest text of the status bar). The standings start above the fold while sprint placings are
// typed and corrected, the status bar stays one line (English and Dutch, timing connected, an
// error in it), the S key's correction of a placed sprint is loud, and the Program tab is run
// from the keyboard: A to the Add race form, Enter from any field (or why not, in words),
// Shift+A to Activate. Screenshots land in test-results/console/1366x768-*.png.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostSession } from '../../src/main/host/session.ts';
import { loadOrCreateTokens, type ApiTokens } from '../../src/main/host/tokens.ts';
import { startServer, type RunningServer } from '../../src/main/server/http-api.ts';
import { TimingService } from '../../src/main/timing/timing-service.ts';
import type { RaceView } from '../../src/shared/race/view.ts';
import { encodePassing } from '../../src/shared/timing/p3-encode.ts';
import { demoSkaters, launchBrowser } from '../support/browser.ts';
import { ensureRendererBuilt, rendererOut } from '../support/build-renderer.ts';
import { startDecoder, write, type FakeDecoder } from '../support/fake-decoder.ts';
import { openHost, type HostFixture } from '../support/host-fixture.ts';

// Page callbacks run in the browser; the node project has no DOM types, so name what they use.
interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly width: number;
  readonly height: number;
}
interface PageElement {
  readonly textContent: string | null;
  readonly value: string;
  readonly disabled: boolean;
  readonly tagName: string;
  readonly dataset: Record<string, string | undefined>;
  readonly children: Iterable<PageElement>;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getBoundingClientRect(): Box;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  closest(selector: string): PageElement | null;
  blur(): void;
}
interface TextRange {
  selectNodeContents(node: PageElement): void;
  getClientRects(): Iterable<Box>;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  readonly activeElement: PageElement | null;
  readonly documentElement: PageElement;
  createRange(): TextRange;
};
declare const innerHeight: number;
declare function getComputedStyle(element: PageElement): {
  backgroundColor: string;
  borderTopColor: string;
  borderTopWidth: string;
  fontSize: string;
  fontWeight: string;
  lineHeight: string;
};

const shots = 'test-results/console';
const laptop = { width: 1366, height: 768 };
/** The console's warning colour (--warn in console.css: the sprint orange). */
const warning = 'rgb(255, 138, 0)';

let browser: Browser;
let fixture: HostFixture;
let session: HostSession;
let timing: TimingService;
let tokens: ApiTokens;
let server: RunningServer;
let decoder: FakeDecoder;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureRendererBuilt();
  await mkdir(shots, { recursive: true });
  fixture = await openHost({
    prefix: 'console-laptop',
    // A long meeting name, as an organiser types it: the status bar cuts it, never wraps.
    meeting: 'ISU Speed Skating World Cup 2026/27 · Thialf, Heerenveen · Mass Start Day',
    race: { title: 'Men · Mass Start · Semi-final 1', round: 'semi', qualifiers: 8 },
    skaters: demoSkaters.slice(0, 20),
  });
  session = new HostSession(fixture.host);
  timing = new TimingService({ session });
  tokens = await loadOrCreateTokens(fixture.dataDir);
  server = await startServer({
    host: fixture.host,
    session,
    tokens,
    port: 0,
    staticDir: rendererOut,
  });
  decoder = await startDecoder();
  // The decoder connected, and two transponders the start list does not have: the timing
  // status then reads "Timing connected · last passing … · 2 unknown transponders".
  const connection = decoder.nextConnection();
  await fixture.host.programCommand(
    { type: 'timing/configured', url: `p3://127.0.0.1:${decoder.port}` },
    'test',
  );
  const socket = await connection;
  for (const [index, transponder] of [4242, 4343].entries())
    await write(
      socket,
      encodePassing({
        passingNumber: index + 1,
        transponder,
        rtcTimeUs: BigInt(Date.now()) * 1000n,
      }),
    );
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: laptop, deviceScaleFactor: 1 });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/console/?token=${tokens.control}&viewToken=${tokens.view}`);
  await page.waitForSelector('[data-testid="connection"][data-state="open"]');
  await page.waitForFunction(
    () =>
      document
        .querySelector('[data-testid="timing-status"]')
        ?.textContent?.includes('2 unknown transponders') ?? false,
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await timing?.close();
  session?.close();
  await server?.close();
  await decoder?.close();
  await fixture?.close();
});

const race = (): RaceView => fixture.host.race()!;
const shoot = (name: string) => page.screenshot({ path: `${shots}/1366x768-${name}.png` });
const text = (testId: string) => page.locator(`[data-testid="${testId}"]`).innerText();
const press = async (...keys: string[]) => {
  for (const key of keys) await page.keyboard.press(key);
};

/** Waits until the host and then the console have the race where `check` wants it. */
async function host(check: (view: RaceView) => boolean, what: string): Promise<void> {
  await expect.poll(() => check(race()), { message: what, timeout: 10_000 }).toBe(true);
  await page.waitForFunction(
    (wanted) =>
      document.querySelector('[data-testid="laps-to-go"]')?.textContent === wanted &&
      document.querySelector('[data-testid="pending"]')?.textContent?.endsWith(': 0') === true,
    String(race().lapsToGo),
  );
}

async function laps(count: number): Promise<void> {
  const before = race().state.lapsCompleted;
  for (let i = 0; i < count; i++) await press('Space');
  await host((view) => view.state.lapsCompleted === before + count, `${before + count} laps`);
}

/** Where the standings table is, and how many of its rows are wholly on the screen. */
function standingsInView(): Promise<{ top: number; rowsInView: number; rows: number }> {
  return page.evaluate(() => {
    const table = document.querySelector('[data-testid="standings"]')!;
    const rows = [...table.querySelectorAll('tbody tr')];
    return {
      top: table.getBoundingClientRect().top,
      rowsInView: rows.filter((row) => row.getBoundingClientRect().bottom <= innerHeight).length,
      rows: rows.length,
    };
  });
}

/**
 * The status bar's lines: the distinct tops of its text's line boxes (wrapped text has two),
 * its height, one line's height, and whether anything runs past its right edge.
 */
function statusBarLines(): Promise<{
  lines: number;
  height: number;
  lineHeight: number;
  overflows: boolean;
}> {
  return page.evaluate(() => {
    const bar = document.querySelector('.statusbar')!;
    const range = document.createRange();
    range.selectNodeContents(bar);
    const tops = new Set<number>();
    for (const rect of range.getClientRects())
      if (rect.width > 0 && rect.height > 0) tops.add(Math.round(rect.top + rect.height / 2));
    // Rects of one line differ by a few pixels (buttons, the dot): group them.
    const middles = [...tops].sort((a, b) => a - b);
    const lines = middles.filter((middle, i) => i === 0 || middle - middles[i - 1]! > 8).length;
    return {
      lines,
      height: bar.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(bar).lineHeight),
      overflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
}

async function expectOneLineStatusBar(): Promise<void> {
  const bar = await statusBarLines();
  expect(bar.lines, JSON.stringify(bar)).toBe(1);
  // One line of text and the small buttons' padding, never two lines.
  expect(bar.height, JSON.stringify(bar)).toBeLessThan(2 * bar.lineHeight + 8);
  expect(bar.overflows).toBe(false);
}

describe('the console on a 1366x768 laptop (issue 19, part 4)', { timeout: 60_000 }, () => {
  it('opens with the standings above the fold and a one-line status bar', async () => {
    const standings = await standingsInView();
    expect(standings.rows).toBe(20);
    expect(standings.top).toBeLessThan(laptop.height);
    // The qualification line (8 of a semi) is in view without scrolling.
    expect(standings.rowsInView).toBeGreaterThanOrEqual(8);
    await expectOneLineStatusBar();
    await shoot('ready');
  });

  it('S at 7 to go opens sprint 2, already placed, as a loud correction; Esc leaves, Enter replaces', async () => {
    await press('Space');
    await laps(4);
    await page.keyboard.type('4 9 3');
    await press('Enter');
    await host((view) => view.state.sprints[0]?.join(' ') === '4 9 3', 'sprint 1 placed');
    await laps(4);
    await page.keyboard.type('8 12 10');
    await press('Enter');
    await host((view) => view.state.sprints[1]?.join(' ') === '8 12 10', 'sprint 2 placed');
    await laps(1);
    expect(race().lapsToGo).toBe(7);
    expect(await page.locator('[data-testid="correction-banner"]').count()).toBe(0);

    await press('s');
    await page.waitForSelector('[data-testid="correction-banner"]');
    expect(await text('correction-banner')).toBe(
      'CORRECTING SPRINT 2 (placed: 8 · 12 · 10) — Enter replaces, Esc leaves',
    );
    const loud = await page.evaluate(() => {
      const entry = document.querySelector('section.entry')!;
      const banner = document.querySelector('[data-testid="correction-banner"]')!;
      const entryBox = entry.getBoundingClientRect();
      const bannerBox = banner.getBoundingClientRect();
      const bannerStyle = getComputedStyle(banner);
      const entryStyle = getComputedStyle(entry);
      return {
        background: bannerStyle.backgroundColor,
        fontSize: parseFloat(bannerStyle.fontSize),
        fontWeight: Number(bannerStyle.fontWeight),
        frame: entryStyle.borderTopColor,
        frameWidth: parseFloat(entryStyle.borderTopWidth),
        // Across the whole entry, inside its frame.
        widthShare: bannerBox.width / (entryBox.width - 2 * parseFloat(entryStyle.borderTopWidth)),
        atTop: bannerBox.top - entryBox.top,
      };
    });
    expect(loud).toMatchObject({ background: warning, frame: warning });
    expect(loud.fontSize).toBeGreaterThanOrEqual(18);
    expect(loud.fontWeight).toBeGreaterThanOrEqual(700);
    expect(loud.frameWidth).toBeGreaterThanOrEqual(3);
    expect(loud.widthShare).toBeGreaterThan(0.99);
    expect(loud.atTop).toBeLessThanOrEqual(loud.frameWidth);
    // While correcting, the standings still start above the fold and the bar is one line.
    const standings = await standingsInView();
    expect(standings.top).toBeLessThan(laptop.height);
    expect(standings.rowsInView).toBeGreaterThanOrEqual(8);
    await expectOneLineStatusBar();
    await shoot('correcting');

    // Esc leaves the correction: nothing is sent, the banner goes.
    const revision = race().revision;
    await press('Escape');
    await page.waitForSelector('[data-testid="correction-banner"]', { state: 'detached' });
    expect(race().revision).toBe(revision);

    await press('s');
    await page.waitForSelector('[data-testid="correction-banner"]');
    await page.keyboard.type('8 10 12');
    await press('Enter');
    await host((view) => view.state.sprints[1]?.join(' ') === '8 10 12', 'sprint 2 corrected');
    await page.waitForSelector('[data-testid="correction-banner"]', { state: 'detached' });
  });

  it('a refusal in the status bar, in English and in Dutch, keeps it on one line', async () => {
    await press('f');
    await page.keyboard.type('1 2');
    await press('Enter');
    await page.waitForSelector('[data-testid="entry-refusal"]');
    expect(await text('last-error')).toContain('the finish order comes on the last lap');
    await expectOneLineStatusBar();
    await press('Escape', 'Escape');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="timing-status"]')
          ?.textContent?.includes('2 onbekende transponders') ?? false,
    );
    expect(await text('last-error')).toMatch(/^Laatste fout/);
    await expectOneLineStatusBar();
    await shoot('status-nl');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="last-error"]')
          ?.textContent?.startsWith('Last error') ?? false,
    );
  });

  it('A goes to Add race; Enter names what is missing; a final shows no qualifiers; Enter on Round adds', async () => {
    await page.evaluate(() => document.activeElement?.blur());
    await press('a');
    await page.waitForSelector('[data-testid="add-race-form"]');
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return element
          ? `${element.tagName.toLowerCase()}:${element.closest('label')?.textContent ?? element.textContent ?? ''}`
          : '';
      });
    expect(await focused()).toMatch(/^input:Title/);
    // The A itself is not typed into the field.
    expect(await page.getByLabel('Title', { exact: true }).first().inputValue()).toBe('');

    const races = fixture.host.program().races.length;
    await press('Enter');
    expect(await text('add-race-note')).toBe(
      'Not added: Title is empty. Type the race’s title, e.g. Men · Mass Start · Semi-final 1.',
    );
    expect(await focused()).toMatch(/^input:Title/);
    expect(fixture.host.program().races).toHaveLength(races);

    await page.keyboard.type('Men · Mass Start · Final');
    await press('Tab');
    await page.keyboard.type('Men');
    await press('Tab');
    expect(await focused()).toMatch(/^select:Round/);
    // Qualifiers emptied on a semi: Enter says so, and adds nothing.
    await press('Tab', 'Control+a', 'Backspace', 'Enter');
    expect(await text('add-race-note')).toBe(
      'Not added: Qualifiers is empty. Type how many skaters go through to the final (0 to 100).',
    );
    expect(await focused()).toMatch(/^input:Qualifiers/);
    await page.keyboard.type('8');
    await press('Shift+Tab');
    await press('ArrowDown');
    expect(await page.locator('[data-testid="add-race-form"] select').first().inputValue()).toBe(
      'final',
    );
    const qualifiers = await page.evaluate(() => {
      const box = document.querySelector('[data-testid="qualifiers-none"]')!;
      return { value: box.value, disabled: box.disabled, label: box.closest('label')?.textContent };
    });
    expect(qualifiers).toEqual({
      value: '—',
      disabled: true,
      label: 'Qualifiersnone in a final',
    });
    await shoot('add-race-final');

    // Enter on the Round list adds the race (a browser submits only from text fields).
    await press('Enter');
    await expect
      .poll(() => fixture.host.program().races.length, { timeout: 10_000 })
      .toBe(races + 1);
    const added = fixture.host.program().races.at(-1)!;
    expect(added).toMatchObject({ category: 'Men' });
    expect(fixture.host.race(added.id)!.state).toMatchObject({
      title: 'Men · Mass Start · Final',
      round: 'final',
      qualifiers: 0,
    });
    expect(await text('add-race-note')).toBe(
      'Added “Men · Mass Start · Final”. “Men · Mass Start · Semi-final 1” is still the active race: Shift+A, then Enter, activates another.',
    );
    expect(fixture.host.program().activeRaceId).toBe(fixture.raceId);
  });

  it('Shift+A goes to the next race’s Activate; Enter activates it', async () => {
    const next = fixture.host.program().races.at(-1)!.id;
    await page.evaluate(() => document.activeElement?.blur());
    await press('r');
    await page.waitForSelector('[data-testid="laps-to-go"]');
    await press('Escape');
    await press('Shift+A');
    await page.waitForFunction((id) => document.activeElement?.dataset.activate === id, next);
    await shoot('program-activate');
    await press('Enter');
    await expect.poll(() => fixture.host.program().activeRaceId, { timeout: 10_000 }).toBe(next);
    expect(pageErrors).toEqual([]);
  });
});
