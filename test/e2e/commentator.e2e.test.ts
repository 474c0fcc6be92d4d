// The commentator screen (issue 21) in headless Chromium at 1366x768 against a real host with a
// timing feed: a P3 decoder stand-in on loopback sends the passings of a race with a breakaway
// (auto laps on, so the laps to go follow the loop). The page refuses without the view token,
// follows the race with it (state, journal, timing, host role, groups), and updates live when
// a command is sent. Screenshots land in test-results/commentator/.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RaceHost } from '../../src/main/host/host.ts';
import { startServices, type Services } from '../../src/main/start-services.ts';
import type { RaceCommand } from '../../src/shared/race/events.ts';
import { encodePassing } from '../../src/shared/timing/p3-encode.ts';
import { demoSkaters, launchBrowser } from '../support/browser.ts';
import { ensureRendererBuilt, rendererOut } from '../support/build-renderer.ts';
import { startDecoder, until, write, type FakeDecoder } from '../support/fake-decoder.ts';
import { addRace, expectAccepted } from '../support/host-fixture.ts';

// Page callbacks run in the browser; the node project has no DOM types, so name what they use.
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
  documentElement: { scrollHeight: number; scrollWidth: number };
};
interface Box {
  scrollHeight: number;
  clientHeight: number;
  getBoundingClientRect(): { bottom: number; right: number };
}

/** Sixteen skaters of the demo field, each with transponder 7000 + bib. */
const field = demoSkaters
  .slice(0, 16)
  .map((skater) => ({ ...skater, transponder: String(7000 + skater.bib) }));
/** The break (3 first over the line), the chase, the bunch. */
const away = [3, 12, 5];
const chase = [7, 9];
const bunch = field
  .map((skater) => skater.bib)
  .filter((bib) => !away.includes(bib) && !chase.includes(bib));

const shots = 'test-results/commentator';
const viewport = { width: 1366, height: 768 };
let browser: Browser;
let dataDir: string;
let services: Services;
let host: RaceHost;
let base: string;
let viewToken: string;
let decoder: FakeDecoder;
let socket: Socket;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureRendererBuilt();
  await mkdir(shots, { recursive: true });
  // The host as `massstart serve` composes it (the timing feed, the two-host roles), on a
  // decoder stand-in, auto laps on; one semi-final of the sixteen, active.
  decoder = await startDecoder();
  const connection = decoder.nextConnection();
  dataDir = await mkdtemp(join(tmpdir(), 'commentator-'));
  services = await startServices({
    dataDir,
    log: () => undefined,
    demoFile: null,
    port: 0,
    address: '127.0.0.1',
    oscPort: null,
    staticDir: rendererOut,
    optionalServers: false,
    timing: { url: `p3://127.0.0.1:${decoder.port}`, autoLaps: true },
  });
  host = services.host;
  base = services.server!.url.replace(/\/$/, '');
  viewToken = services.tokens!.view;
  expectAccepted(
    await host.programCommand(
      { type: 'meeting/renamed', name: 'ISU World Cup · Heerenveen' },
      'test',
    ),
  );
  await addRace(host, { title: 'Men · Mass Start · Semi-final 1' }, field);
  socket = await connection;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await services?.close();
  await decoder?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const command = async (...commands: RaceCommand[]) => {
  for (const one of commands)
    expectAccepted(await host.submit({ kind: 'single', command: one }, 'ws'));
};
const text = (testId: string) => page.locator(`[data-testid="${testId}"]`).innerText();
/** Waits until the element's text matches (the page follows the host's pushes). */
const shows = (testId: string, pattern: RegExp) =>
  page.waitForFunction(
    ([id, source]) =>
      new RegExp(source).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    [testId, pattern.source] as const,
    { timeout: 5000 },
  );

let passingNumber = 1;
/** The gun on the decoder's clock: its own time, seven minutes ahead of the host's. */
const gun = Date.now() + 7 * 60_000;
const cross = (transponder: number, decoderMs: number) =>
  write(
    socket,
    encodePassing({
      passingNumber: passingNumber++,
      transponder,
      rtcTimeUs: BigInt(decoderMs) * 1000n,
    }),
  );
/**
 * Lap `lap` over the line, 30 s a lap: the break together (0.3 s apart), the chase 3 s plus
 * 0.4 s a lap behind it, the bunch 9 s plus a second a lap behind (0.2 s apart, one group).
 */
async function lapOver(lap: number): Promise<void> {
  const at = gun + lap * 30_000;
  const crossings = [
    ...away.map((bib, index) => ({ bib, ms: at + index * 300 })),
    ...chase.map((bib, index) => ({ bib, ms: at + 3000 + lap * 400 + index * 300 })),
    ...bunch.map((bib, index) => ({ bib, ms: at + 9000 + lap * 1000 + index * 200 })),
  ];
  for (const { bib, ms } of crossings) await cross(7000 + bib, ms);
}

describe('the commentator screen', () => {
  it('refuses without the view token, and with a token the host does not know', async () => {
    page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${base}/commentator/`);
    expect(await text('refusal')).toMatch(/needs the view token/);
    await page.goto(`${base}/commentator/?token=not-a-token`);
    await shows('refusal', /refused this page’s token \(unknown token\)/);
    expect(await page.locator('[data-testid="laps-to-go"]').count()).toBe(0);
    await page.close();
  });

  it('opens with the view token: laps to go, the timing and the host in its head', async () => {
    page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${base}/commentator/?token=${viewToken}`);
    await shows('connection-status', /^Live$/);
    expect(await text('laps-to-go')).toBe('16');
    expect(await text('race-flag')).toBe('Not started');
    await shows('timing-status', /Timing connected · no passing yet/);
    expect(await text('standby-status')).toBe('One host · no standby');
  });

  it('follows the loop live: laps to go, the groups, the breakaway and the lap times', async () => {
    await command({ type: 'race/started' });
    await cross(9992, gun); // the decoder's start input: the gun
    for (let lap = 1; lap <= 4; lap++) await lapOver(lap);
    await until(() => host.race()!.state.lapsCompleted === 4);
    await shows('laps-to-go', /^12$/);
    await shows('breakaway', /^BREAKAWAY · #3 #12 #5 · \+4\.6 s · gaining 0\.4 s$/);
    const groups = await page.locator('[data-testid="groups"] > li').allInnerTexts();
    expect(groups.map((group) => group.split(/\s+/)[0])).toEqual(['1', '2', '3']);
    expect(groups[1]).toMatch(/^2\s+7\s+\w+\s+9\s+\w+\s+\+4\.6/);
    expect(groups[2]).toMatch(/\+13\.0/);
    await shows('timing-status', /Timing connected · last passing \d+ s ago/);
    // Lap times: the break's leader first, his fourth lap the last one marked.
    const first = page.locator('[data-testid="lap-times"] tbody tr').first();
    expect(await first.getAttribute('data-bib')).toBe('3');
    expect(await first.locator('td.last').innerText()).toBe('30.00');
    expect(await text('sprint-1')).toMatch(/placings to come/);
  });

  it('updates live when a command is sent: sprint points, the standings, a correction', async () => {
    await command({ type: 'sprint/placed', sprint: 1, bibs: [3, 12, 5] });
    await shows('sprint-1', /1\.3\s*\S+\s*\+3\s*2\.12\s*\S+\s*\+2\s*3\.5\s*\S+\s*\+1/);
    // The referee's video: 5 was second. The journal (a view token may read it) says so.
    await command({ type: 'sprint/placed', sprint: 1, bibs: [3, 5, 12] });
    await shows('corrections', /correction\s*sprint 1: 3 5 12 \(was 3 12 5\)/);
    await shows('sprint-1', /2\.5\s*\S+\s*\+2/);
    const standings = page.locator('[data-testid="standings"] tbody tr');
    expect(await standings.first().getAttribute('data-bib')).toBe('3');
    // On to 7 to go: sprint 2 entered wrong, undone, entered again; a disqualification.
    for (let lap = 5; lap <= 8; lap++) await lapOver(lap);
    await until(() => host.race()!.state.lapsCompleted === 8);
    await command(
      { type: 'sprint/placed', sprint: 2, bibs: [12, 7, 3] },
      { type: 'undo' },
      { type: 'sprint/placed', sprint: 2, bibs: [12, 3, 7] },
    );
    await lapOver(9);
    await command({ type: 'skater/statusChanged', bib: 16, status: 'DQ' });
    await shows('laps-to-go', /^7$/);
    await shows('corrections', /referee\s*skater 16 DQ.*undo\s*undo of #\d+: sprint 2: 12 7 3/);
    await shows('sprint-2', /1\.12\s*\S+\s*\+3\s*2\.3\s*\S+\s*\+2\s*3\.7\s*\S+\s*\+1/);
    await shows('breakaway', /\+6\.6 s · gaining 0\.4 s/);
    await page.screenshot({ path: `${shots}/commentator-1366x768.png` });
    // Sixteen skaters fit: no scrolling of the page, the standings or the lap times.
    const fits = await page.evaluate(() => {
      const box = (selector: string) =>
        (
          globalThis as unknown as { document: { querySelector(s: string): Box } }
        ).document.querySelector(selector);
      const lapTimes = box('.lap-times .scroll');
      const standings = box('.standings');
      return {
        page:
          document.documentElement.scrollHeight <= 768 &&
          document.documentElement.scrollWidth <= 1366,
        lapTimes: lapTimes.scrollHeight <= lapTimes.clientHeight,
        standings: standings.scrollHeight <= standings.clientHeight,
      };
    });
    expect(fits).toEqual({ page: true, lapTimes: true, standings: true });
    expect(pageErrors).toEqual([]);
  });
});
