// Issue 20: a board in Chromium, opened on the primary's address as a venue sets it up, follows
// the new primary on its own when the primary dies and the standby takes over: within 2 s of the
// takeover it shows what the new primary decides, with no one touching it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HostRoleView } from '../../../src/shared/protocol/host-role.ts';
import { launchBrowser, openBoard, type BoardGlobal } from '../../support/browser.ts';
import { StandbyPair } from '../../support/standby-pair.ts';

let browser: Browser | null = null;
let pair: StandbyPair | null = null;

beforeAll(async () => {
  [browser, pair] = await Promise.all([launchBrowser(), StandbyPair.start()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await pair?.close();
});

/** The `host` value a view is pushed on connecting to `base` (what the board learns the pair from). */
function pushedHost(base: string, token: string): Promise<HostRoleView> {
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/ws?v=2&token=${token}`);
  return new Promise<HostRoleView>((resolve, reject) => {
    setTimeout(() => reject(new Error(`no host value from ${base} in 5 s`)), 5000).unref();
    socket.on('error', reject);
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { name?: string; value?: unknown };
      if (message.name === 'host') resolve(message.value as HostRoleView);
    });
  }).finally(() => socket.terminate());
}

const boardRevision = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as BoardGlobal).__board!.renderedRevision);

it('a board on the dead primary shows the new primary within 2 s of the takeover', async () => {
  const p = pair!;
  // Views know both hosts from the primary's `host` value: it names its standby.
  const told = await pushedHost(p.primary.base, p.tokens.view);
  expect
    .soft(told.peer, "the primary's pushed `host` value names its standby")
    .toBe(p.standby.base);
  const page = await openBoard(browser!, `${p.primary.base}/board/?token=${p.tokens.view}`);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const before = await boardRevision(page);

  await p.kill(p.primary);
  const takeover = await p.takeOver(true);
  const tookOver = performance.now();
  expect(takeover.status, takeover.json.error).toBe(200);
  // The new primary decides something only it can know.
  const started = await p.command(p.primary, { type: 'race/started' });
  expect(started.status, started.json.error).toBe(200);
  const revision = started.json.revision!;
  expect(revision).toBeGreaterThan(before);

  const shown = await page
    .waitForFunction(
      (wanted) =>
        (globalThis as unknown as BoardGlobal).__board!.renderedRevision >= wanted || undefined,
      revision,
      { timeout: 5_000, polling: 20 },
    )
    .then(
      () => performance.now() - tookOver,
      () => Infinity,
    );
  const board = await page.evaluate(() => {
    const { connection, revision, renderedRevision } = (globalThis as unknown as BoardGlobal)
      .__board!;
    return { connection, revision, renderedRevision };
  });
  const said = errors.length ? `; the page said: ${errors.join(' | ')}` : '';
  expect(shown, `the board after the takeover: ${JSON.stringify(board)}${said}`).toBeLessThan(2000);
  expect(board.connection).toBe('open');
}, 60_000);
