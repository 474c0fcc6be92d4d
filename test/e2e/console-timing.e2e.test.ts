// The console and the timing feed (issue 12) in headless Chromium against a real host: the
// decoder configured from the console's timing panel, a P3 decoder stand-in on loopback sending
// passings, the status in the header, an unknown transponder assigned to a skater, and a sprint
// proposal accepted with Enter (journaled with source "timing"). Screenshots land in
// test-results/console-timing/.
import { mkdir } from 'node:fs/promises';
import type { Socket } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostSession } from '../../src/main/host/session.ts';
import { loadOrCreateTokens } from '../../src/main/host/tokens.ts';
import { startServer, type RunningServer } from '../../src/main/server/http-api.ts';
import { TimingService } from '../../src/main/timing/timing-service.ts';
import type { Skater } from '../../src/shared/race/events.ts';
import { encodePassing } from '../../src/shared/timing/p3-encode.ts';
import { launchBrowser } from '../support/browser.ts';
import { ensureRendererBuilt, rendererOut } from '../support/build-renderer.ts';
import { startDecoder, until, write, type FakeDecoder } from '../support/fake-decoder.ts';
import { openHost, type HostFixture } from '../support/host-fixture.ts';

// Page callbacks run in the browser; the node project has no DOM types, so name what they use.
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
};

/** Twelve skaters; 1 to 11 wear transponder 7000 + bib, 12 has none yet. */
const field: Skater[] = Array.from({ length: 12 }, (_, i) => ({
  bib: i + 1,
  name: `Skater ${i + 1}`,
  nation: 'NED',
  ...(i < 11 ? { transponder: String(7001 + i) } : {}),
}));

const shots = 'test-results/console-timing';
let browser: Browser;
let fixture: HostFixture;
let session: HostSession;
let timing: TimingService;
let server: RunningServer;
let decoder: FakeDecoder;
let socket: Socket;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureRendererBuilt();
  await mkdir(shots, { recursive: true });
  fixture = await openHost({ prefix: 'console-timing', skaters: field });
  session = new HostSession(fixture.host);
  timing = new TimingService({ session });
  const tokens = await loadOrCreateTokens(fixture.dataDir);
  server = await startServer({
    host: fixture.host,
    session,
    tokens,
    port: 0,
    staticDir: rendererOut,
  });
  decoder = await startDecoder();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/console/?token=${tokens.control}&viewToken=${tokens.view}`);
  await page.waitForSelector('[data-testid="connection"][data-state="open"]');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await timing?.close();
  session?.close();
  await server?.close();
  await decoder?.close();
  await fixture?.close();
});

const shoot = (name: string) => page.screenshot({ path: `${shots}/${name}.png` });
const text = (testId: string) => page.locator(`[data-testid="${testId}"]`).innerText();
const race = () => fixture.host.race()!;

let passingNumber = 1;
/** The decoder's clock runs its own time: seven minutes ahead of the host's. */
const decoderAheadMs = 7 * 60_000;
/** The decoder time of the last crossing sent. */
let lastCrossing = 0;
/** A crossing of this transponder now (or at `decoderMs`), by the decoder's clock. */
async function cross(transponder: number, decoderMs = Date.now() + decoderAheadMs): Promise<void> {
  lastCrossing = decoderMs;
  await write(
    socket,
    encodePassing({
      passingNumber: passingNumber++,
      transponder,
      rtcTimeUs: BigInt(decoderMs) * 1000n,
    }),
  );
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the console with a timing feed', () => {
  it('M shows the timing panel; the decoder typed there connects, checked first', async () => {
    expect(await text('timing-status')).toMatch(/^Timing off/);
    await page.keyboard.press('m');
    await page.waitForSelector('[data-testid="timing-url"]');
    await page.keyboard.press('Tab');
    await page.keyboard.type('http://127.0.0.1');
    await page.keyboard.press('Enter');
    expect(await text('timing-invalid')).toMatch(/Not a decoder address/);
    expect(fixture.host.program().timing.url).toBeNull();
    const connection = decoder.nextConnection();
    await page.locator('[data-testid="timing-url"]').fill(`p3://127.0.0.1:${decoder.port}`);
    await page.keyboard.press('Enter');
    socket = await connection;
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="timing-status"]')
        ?.textContent?.includes('Timing connected'),
    );
    expect(fixture.host.program().timing.url).toBe(`p3://127.0.0.1:${decoder.port}`);
    // Auto laps on (Enter on the switch), and a short minimum lap time for this quick race.
    await page.locator('[data-testid="timing-auto-laps"]').focus();
    await page.keyboard.press('Enter');
    // Each change is sent with the program revision the console saw: wait for the push.
    await page.waitForSelector('[data-testid="timing-auto-laps"][aria-pressed="true"]');
    await page.locator('[data-testid="timing-min-lap"]').fill('1');
    await page.keyboard.press('Enter');
    await until(() => fixture.host.program().timing.minLapSeconds === 1);
    expect(fixture.host.program().timing).toEqual({
      url: `p3://127.0.0.1:${decoder.port}`,
      autoLaps: true,
      minLapSeconds: 1,
      startSignal: '9992',
      groupGapSeconds: 1,
    });
    expect(await text('timing-status')).toMatch(/auto laps/);
  });

  it('an unknown transponder is listed and assigned to a skater of the start list', async () => {
    await cross(4242);
    await page.waitForSelector('[data-testid="unknown-transponders"]');
    expect(await text('timing-status')).toMatch(/1 unknown transponder/);
    await page.getByLabel('Assign 4242 to').selectOption('12');
    await page.locator('[data-testid="unknown-transponders"] button').click();
    await until(() => race().state.skaters.find((s) => s.bib === 12)?.transponder === '4242');
    await shoot('01-timing-panel');
  });

  it('a sprint proposal in the entry line: Enter takes it, journaled with source "timing"', async () => {
    // R: the race, the focus in the (empty) entry line, where Space is the lap key.
    await page.keyboard.press('r');
    await page.keyboard.press('Space');
    await until(() => race().state.started);
    // The gun: everyone over the loop on the start line.
    for (const bib of [5, 3, 6, 1, 2, 4, 7, 8, 9, 10, 11, 12])
      await cross(bib === 12 ? 4242 : 7000 + bib);
    // Four laps, 5 3 6 first over the line each time: sprint 1 is decided at lap 4.
    for (let lap = 1; lap <= 4; lap++) {
      await sleep(1100);
      for (const bib of [5, 3, 6, 1, 2, 4, 7, 8, 9, 10, 11, 12])
        await cross(bib === 12 ? 4242 : 7000 + bib);
    }
    await until(() => race().state.lapsCompleted === 4);
    await page.waitForSelector('[data-testid="proposal"][data-proposal="sprint-1"]');
    await page.waitForFunction(() =>
      /S1 5 3 6/.test(document.querySelector('[data-testid="proposal-text"]')?.textContent ?? ''),
    );
    expect(await text('timing-status')).toMatch(/Timing connected · last passing \d+ s ago/);
    // 4242 was assigned to 12: no transponder of this race is unknown any more.
    expect(await text('timing-status')).not.toMatch(/unknown/);
    await shoot('02-sprint-proposal');
    await sleep(700);
    await page.keyboard.press('Enter');
    await until(() => (race().state.sprints[0] ?? []).length === 3);
    expect(race().state.sprints[0]).toEqual([5, 3, 6]);
    const entries = fixture.host.journal(fixture.raceId)!.entries;
    expect(entries.at(-1)).toMatchObject({
      source: 'timing',
      event: { type: 'sprint/placed', sprint: 1, bibs: [5, 3, 6] },
    });
    await page.waitForFunction(() => !document.querySelector('[data-testid="proposal"]'));
    expect(pageErrors).toEqual([]);
  });

  it('Space 250 ms after the feed showed the lap is the same crossing: refused where the operator looks', async () => {
    // Lap 5 one lap (1.1 s) after lap 4 by the decoder's clock, however long the sprint took.
    const lapFive = lastCrossing + 1100;
    for (const [index, bib] of [5, 3, 6].entries()) await cross(7000 + bib, lapFive + index * 20);
    await until(() => race().state.lapsCompleted === 5);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="laps-to-go"]')?.textContent?.trim() === '11',
    );
    // The operator also presses Space, as operators do, a quarter of a second later.
    await sleep(250);
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid="lap-refusal"]');
    expect(await text('lap-refusal')).toMatch(
      /lap 5 was counted 0\.\d s ago by timing: the same crossing, not counted again/,
    );
    await sleep(200);
    expect(race().state.lapsCompleted).toBe(5);
    expect((await text('laps-to-go')).trim()).toBe('11');
    const laps = fixture.host
      .journal(fixture.raceId)!
      .entries.filter((entry) => entry.event.type === 'lap/completed');
    expect(laps.map((entry) => entry.source)).toEqual(Array(5).fill('timing'));
    await shoot('03-same-crossing-refused');
    expect(pageErrors).toEqual([]);
  });
});
