// The public live page behind Debian's nginx with the shipped configuration (issue 13): a real
// `massstart serve --public` process, nginx in front, the page in Chromium. Then the loss test:
// the host is killed mid-race; nginx keeps serving the last standings and the page says so.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startNginx, type RunningNginx } from '../support/nginx.ts';

let dataDir = '';
let host: ChildProcess | null = null;
let nginx: RunningNginx | null = null;
let browser: Browser | null = null;

/** Starts `massstart serve --public --demo`; resolves with its API base and control token. */
async function serve(): Promise<{ base: string; port: number; token: string }> {
  const child = spawn(
    process.execPath,
    [
      'src/main/cli/bin.mjs',
      'serve',
      '--data',
      dataDir,
      '--port',
      '0',
      '--no-osc',
      '--demo',
      '--public',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  host = child;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve printed no API line')), 30_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /API\s+(http:\/\/127\.0\.0\.1:(\d+))\/api\/v1\/\s+control token (\S+)/.exec(
        line,
      );
      if (!match) return;
      clearTimeout(timer);
      resolve({ base: match[1]!, port: Number(match[2]), token: match[3]! });
    });
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'public-feed-'));
});
afterAll(async () => {
  await browser?.close();
  host?.kill('SIGKILL');
  await nginx?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the public page behind nginx (Debian nginx; .ci/run installs it)', () => {
  it('shows the live race, and the last standings with "live data paused" once the host dies', async () => {
    const { base, port, token } = await serve();
    const command = async (body: unknown) => {
      const response = await fetch(`${base}/api/v1/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
    };
    await command({ type: 'race/started' });
    await command({ type: 'lap/completed' });
    await command({ type: 'lap/completed' });
    nginx = await startNginx(port);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${nginx.url}/public/`);
    await expect
      .poll(() => page.locator('#laps').textContent(), { timeout: 10_000 })
      .toMatch(/^14/);
    expect(await page.locator('#state').textContent()).toBe('Live');
    const rows = await page.locator('#rows tr').count();
    expect(rows).toBe(12);
    // Through the cache: the host's answer, then copies.
    const viaCache = await fetch(`${nginx.url}/public/v1/live.json`);
    expect(viaCache.status).toBe(200);
    expect(viaCache.headers.get('x-cache-status')).toMatch(/MISS|HIT|UPDATING|EXPIRED|REVALIDATED/);
    // Only /public/ is passed on: the control API is not reachable through the cache.
    expect((await fetch(`${nginx.url}/api/v1/program`)).status).toBe(404);

    host!.kill('SIGKILL');
    await new Promise((resolve) => host!.once('exit', resolve));
    await expect
      .poll(() => page.locator('#state').textContent(), { timeout: 15_000 })
      .toMatch(/^Live data paused/);
    expect(await page.locator('#laps').textContent()).toMatch(/^14/);
    expect(await page.locator('#rows tr').count()).toBe(rows);
    const stale = await fetch(`${nginx.url}/public/v1/live.json`);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-cache-status')).toBe('STALE');
    expect(((await stale.json()) as { race: { lapsToGo: number } }).race.lapsToGo).toBe(14);
  }, 60_000);
});
