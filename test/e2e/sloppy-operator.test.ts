// Issue 9, "the keyboard can never swallow a lap": a sloppy operator at the console in headless
// Chromium against a real race host (temp data dir) and the real server. The operator makes
// the common mistakes: a wrong helmet number, Esc once and twice, Space and letters with the
// focus in the entry line, Space on a button and on the journal list, double Enter, undo after
// a refused entry, and the host's server going away in the middle (keys pressed meanwhile are
// shown as not sent and are not counted; after the reconnect laps count again, and nothing is
// sent again by itself). After every key the test reads the host through its HTTP API (the
// in-process host while the server is down): every intended lap is counted, the journal holds
// exactly the intended entries, and the venue board (window.__board) shows the laps to go.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RaceHost } from '../../src/main/host/host.ts';
import { loadOrCreateTokens, type ApiTokens } from '../../src/main/host/tokens.ts';
import { startServer, type RunningServer } from '../../src/main/server/http-api.ts';
import type { JournalEntry } from '../../src/shared/race/events.ts';
import { describe as describeEvent } from '../../src/shared/race/history.ts';
import type { RaceView } from '../../src/shared/race/view.ts';
import { demoSkaters, drawn, launchBrowser, openBoard, readBoard } from '../support/browser.ts';
import { ensureRendererBuilt, rendererOut } from '../support/build-renderer.ts';

// Page callbacks run in the browser; the node project has no DOM types, so name what they use.
interface PageElement {
  readonly textContent: string | null;
  readonly value: string;
  readonly dataset: Record<string, string | undefined>;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): { readonly length: number };
  readonly activeElement: PageElement | null;
};
declare function requestAnimationFrame(callback: () => void): number;

const shots = 'test-results/console';
let browser: Browser;
let dataDir: string;
let host: RaceHost;
let tokens: ApiTokens;
let server: RunningServer | null;
let port: number;
let raceId: string;
let page: Page;
let board: Page;
const pageErrors: string[] = [];

/** Entries the host wrote before the operator's first key (race set up, start list). */
let setupEntries = 0;
/** What the journal must hold after the setup, in the journal's words, and the laps counted. */
const intended: string[] = [];
let intendedLaps = 0;

beforeAll(async () => {
  ensureRendererBuilt();
  await mkdir(shots, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'sloppy-'));
  host = await RaceHost.open({ dataDir });
  const ok = <T extends { ok: boolean }>(result: T) => {
    if (!result.ok) throw new Error((result as unknown as { error: string }).error);
    return result;
  };
  ok(await host.programCommand({ type: 'meeting/renamed', name: 'Sloppy operator' }, 'test'));
  ok(await host.programCommand({ type: 'display/configured', sprintBannerSeconds: 2 }, 'test'));
  const added = ok(
    await host.programCommand(
      {
        type: 'race/added',
        title: 'Men · Mass Start · Semi-final 1',
        category: 'Men',
        round: 'semi',
        qualifiers: 8,
        format: 'isu-2018',
      },
      'test',
    ),
  );
  raceId = (added as { raceId?: string }).raceId!;
  ok(
    await host.submit(
      { kind: 'single', command: { type: 'startList/set', skaters: demoSkaters.slice(0, 12) } },
      'test',
      raceId,
    ),
  );
  setupEntries = host.journal(raceId)!.entries.length;
  tokens = await loadOrCreateTokens(dataDir);
  server = await startServer({ host, tokens, port: 0, staticDir: rendererOut });
  port = server.port;
  browser = await launchBrowser();
  board = await openBoard(browser, `${server.url}/board/?token=${tokens.view}`);
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/console/?token=${tokens.control}&viewToken=${tokens.view}`);
  await page.waitForSelector('[data-testid="connection"][data-state="open"]');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The race and its journal, through the host's HTTP API (the host itself while it is down). */
async function readHost(): Promise<{
  race: RaceView;
  journal: { entries: JournalEntry[]; voided: number[] };
}> {
  if (!server) {
    const journal = host.journal(raceId)!;
    return { race: host.race(raceId)!, journal: { ...journal, entries: [...journal.entries] } };
  }
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${server!.url}${path}`, {
      headers: { authorization: `Bearer ${tokens.view}` },
    });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const [race, journal] = await Promise.all([
    get<RaceView>(`/api/v1/races/${raceId}`),
    get<{ entries: JournalEntry[]; voided: number[] }>(`/api/v1/races/${raceId}/journal`),
  ]);
  return { race, journal };
}

/** Lets the console act on a key: two frames, then nothing in flight. */
async function consoleSettled(): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="pending"]')?.textContent?.endsWith(': 0'),
  );
}

/**
 * After every key: the host counted exactly the intended laps and holds exactly the intended
 * journal entries; the console's figure and the venue board show the laps to go.
 */
async function everythingCounted(step: string): Promise<void> {
  await consoleSettled();
  const { race, journal } = await readHost();
  const lines = journal.entries.slice(setupEntries).map((entry) => describeEvent(entry.event));
  expect(lines, `${step}: the journal`).toEqual(intended);
  expect(race.state.lapsCompleted, `${step}: laps counted`).toBe(intendedLaps);
  const lapsToGo = String(16 - intendedLaps);
  await page
    .waitForFunction(
      (wanted) => document.querySelector('[data-testid="laps-to-go"]')?.textContent === wanted,
      lapsToGo,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  expect(await text('laps-to-go'), `${step}: the console's figure`).toBe(lapsToGo);
  await drawn(board, host.revision);
  const model = (await readBoard(board)).model;
  expect(model.lapBoard.lapsToGo, `${step}: the board`).toBe(16 - intendedLaps);
  expect(model.lapBoard.started, `${step}: the board`).toBe(intended.includes('race started'));
}

const text = (testId: string) => page.locator(`[data-testid="${testId}"]`).innerText();
const entryValue = () => page.locator('[data-testid="entry-input"]').inputValue();
const entryFocused = () => page.evaluate(() => document.activeElement?.dataset.entry !== undefined);
const shoot = (name: string) => page.screenshot({ path: `${shots}/${name}.png` });

/** The newest journal entry's seq on the host. */
const newestSeq = () => host.journal(raceId)!.entries.at(-1)!.seq;

/**
 * Presses one key and checks everything; `lap` says the key is meant to count a lap, `entry`
 * that it is meant to write that journal line.
 */
async function key(name: string, meant: { lap?: boolean; entry?: string } = {}): Promise<void> {
  await page.keyboard.press(name);
  if (meant.lap) {
    intendedLaps += 1;
    intended.push('lap completed');
  }
  if (meant.entry) intended.push(meant.entry);
  await everythingCounted(`after ${name}`);
}

/** Types text one key at a time (nothing is meant to reach the host), checking after each. */
async function typeKeys(keys: string): Promise<void> {
  for (const char of keys) await key(char === ' ' ? 'Space' : char);
}

describe('a sloppy operator cannot lose a lap', { timeout: 120_000 }, () => {
  it('Space at the gun starts the race; four Spaces are four laps', async () => {
    await everythingCounted('at the start');
    await key('Space', { entry: 'race started' });
    for (let i = 0; i < 4; i++) await key('Space', { lap: true });
    expect(await text('announcements')).toContain('Sprint 1 decided: type the placings');
  });

  it('a wrong helmet number is named at once and sends nothing', async () => {
    await key('s');
    expect(await entryFocused()).toBe(true);
    expect(await text('entry-mode')).toBe('Sprint 1');
    expect(await entryValue()).toBe('');
    await typeKeys('4 8 77');
    expect(await entryValue()).toBe('4 8 77');
    await key('Enter');
    expect(await text('entry-problems')).toContain('helmet number 77 is not on the start list');
    expect(await entryValue()).toBe('4 8 77');
    await shoot('sloppy-01-wrong-helmet');
  });

  it('Esc once clears the line; the next Space is a lap, not a space', async () => {
    await key('Escape');
    expect(await entryValue()).toBe('');
    expect(await entryFocused()).toBe(true);
    await key('Space', { lap: true });
    expect(await entryValue()).toBe('');
    expect(await entryFocused()).toBe(true);
  });

  it('S with the focus in the empty line picks the sprint: "s4 8 7" is sprint 1: 4 8 7; double Enter sends it once', async () => {
    await key('s');
    expect(await entryValue()).toBe('');
    expect(await text('entry-mode')).toBe('Sprint 1');
    await typeKeys('4 8 7');
    expect(await entryValue()).toBe('4 8 7');
    await key('Enter', { entry: 'sprint 1: 4 8 7' });
    await key('Enter');
    expect(await entryValue()).toBe('');
    expect(await entryFocused()).toBe(false);
  });

  it('Enter twice on an empty line does nothing', async () => {
    await key('r');
    expect(await entryFocused()).toBe(true);
    await key('Enter');
    await key('Enter');
  });

  it('undo after a refused entry: the console says it would undo the lap, and shows it on the figure', async () => {
    await key('Space', { lap: true });
    const lap = newestSeq();
    await key('f');
    await typeKeys('1 2');
    await key('Enter');
    await page.waitForSelector('[data-testid="entry-refusal"]');
    expect(await text('entry-refusal')).toContain('the finish order comes on the last lap');
    await key('Escape');
    expect(await entryFocused()).toBe(true);
    // Before pressing: the refused entry never got in, so Ctrl+Z would take out the lap.
    expect(await text('undo-preview')).toBe(
      `Ctrl+Z would undo: #${lap} lap completed — the board would show 11 laps to go (it shows 10)`,
    );
    await shoot('sloppy-02-undo-preview');
    intendedLaps -= 1;
    await key('Control+z', { entry: `void of #${lap}` });
    expect(await text('undo-result')).toBe(
      `Undone: #${lap} lap completed — the board shows 11 laps to go (it showed 10)`,
    );
    expect(await text('lap-flash')).toBe('10 → 11');
    expect(await page.locator('[data-testid="laps-to-go"]').getAttribute('class')).toContain(
      'flash',
    );
    await shoot('sloppy-03-undone');
    const undo = newestSeq();
    expect(await text('redo-preview')).toContain(
      `Ctrl+Shift+Z would redo: #${lap} lap completed — the board would show 10 laps to go (it shows 11)`,
    );
    intendedLaps += 1;
    await key('Control+Shift+Z', { entry: `void of #${undo}` });
    expect(await text('undo-result')).toBe(
      `Redone: #${lap} lap completed — the board shows 10 laps to go (it showed 11)`,
    );
    expect(await text('lap-flash')).toBe('11 → 10');
  });

  it('Esc twice leaves the line: Space is a lap, a digit starts the line again', async () => {
    await typeKeys('4 9');
    await key('Escape');
    expect(await entryFocused()).toBe(true);
    await key('Escape');
    expect(await entryFocused()).toBe(false);
    await key('Space', { lap: true });
    await key('7');
    expect(await entryValue()).toBe('7');
    expect(await entryFocused()).toBe(true);
    await key('Escape');
    await key('Escape');
  });

  it('Space on a focused button (Undo!) or on the journal list is a lap and presses nothing', async () => {
    await page.locator('.journal .panel-head button', { hasText: 'Undo' }).focus();
    await key('Space', { lap: true });
    await page.locator('.tabs button', { hasText: 'Program' }).focus();
    await key('Space', { lap: true });
    expect(await page.locator('[data-testid="laps-to-go"]').count()).toBe(1);
    await key('j');
    await key('Space', { lap: true });
  });

  it('with text in the line letters type and + still counts the lap', async () => {
    await key('4');
    await key('s');
    expect(await entryValue()).toBe('4s');
    await key('+', { lap: true });
    expect(await entryValue()).toBe('4s');
    await key('Escape');
    await key('Escape');
  });

  it('the host goes away: presses are shown as not sent and nothing is counted', async () => {
    await server!.close();
    server = null;
    await page.waitForSelector('[data-testid="connection"][data-state="closed"]');
    expect(await text('lap-offline')).toContain('laps are NOT being counted');
    await key('Space');
    await key('Space');
    await key('Control+z');
    await page.waitForSelector('[data-testid="unsent"]');
    const rows = page.locator('[data-testid="unsent-row"]');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toMatch(
      /\d\d:\d\d:\d\d\s+Leader crossed the line\s+lap completed\s+not sent: not connected to the host/,
    );
    expect(await rows.nth(2).innerText()).toMatch(/Undo\s+undo\s+not sent/);
    expect(await text('unsent-count')).toBe('Not sent: 3');
    expect(await text('undo-result')).toContain('Undo not sent');
    await shoot('sloppy-04-not-sent');
  });

  it('the host comes back: nothing is sent again by itself, and laps count again', async () => {
    server = await startServer({ host, tokens, port, staticDir: rendererOut });
    await page.waitForSelector('[data-testid="connection"][data-state="open"]', {
      timeout: 15_000,
    });
    // Give a resend every chance to happen: none may.
    await page.waitForTimeout(1000);
    await everythingCounted('after the reconnect');
    expect(await page.locator('[data-testid="unsent-row"]').count()).toBe(3);
    expect(await page.locator('[data-testid="lap-offline"]').count()).toBe(0);
    await key('Space', { lap: true });
  });

  it('one not-sent lap sent again deliberately counts once; the rest are dismissed', async () => {
    const rows = page.locator('[data-testid="unsent-row"]');
    await rows.nth(0).locator('[data-testid="unsent-send"]').click();
    intendedLaps += 1;
    intended.push('lap completed');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="unsent-row"]').length === 2,
    );
    await everythingCounted('sent again');
    await page.locator('[data-testid="unsent"] button', { hasText: 'Dismiss all' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="unsent"]') === null);
    await everythingCounted('dismissed');
    await key('Space', { lap: true });
    expect(pageErrors).toEqual([]);
    await shoot('sloppy-05-end');
  });

  it('in the end the journal is exactly what the operator meant, nothing more', async () => {
    const { journal } = await readHost();
    expect(journal.entries.slice(setupEntries).map((entry) => describeEvent(entry.event))).toEqual(
      intended,
    );
    expect(intended.filter((line) => line === 'lap completed').length).toBe(intendedLaps);
    expect(journal.voided.length).toBe(1);
  });
});
