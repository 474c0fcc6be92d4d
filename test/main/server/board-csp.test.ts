// Browser-mode pages (issue 17): the board and the console say `connect-src 'self'` (no `ws:`
// to any host). In Chromium, CSP 'self' covers the WebSocket to the page's own host and port,
// so both pages still connect; a WebSocket or fetch to another host is blocked by the policy.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openBoard, startBoardHost, type BoardHost } from '../../support/browser.ts';

// Page callbacks run in the browser; the node project has no DOM types, so name what they use.
declare const document: {
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (event: { blockedURI: string; effectiveDirective: string }) => void,
  ): void;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
};
declare const location: { readonly host: string; readonly port: string };

let browser: Browser;
let fixture: BoardHost;
beforeAll(async () => {
  [browser, fixture] = await Promise.all([launchBrowser(), startBoardHost()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

interface Probe {
  readonly policy: string;
  readonly own: string;
  readonly ownFetch: number;
  readonly otherSocket: string;
  readonly otherFetch: string;
  readonly violations: { uri: string; directive: string }[];
}

/** In the page: its policy, a WebSocket and a fetch to its own host, then to another one. */
function probe(page: Page, token: string): Promise<Probe> {
  return page.evaluate(async (token) => {
    const violations: { uri: string; directive: string }[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push({ uri: event.blockedURI, directive: event.effectiveDirective }),
    );
    const socket = (url: string) =>
      new Promise<string>((resolve) => {
        try {
          const ws = new WebSocket(url);
          ws.onopen = () => {
            ws.close();
            resolve('open');
          };
          ws.onerror = () => resolve('error');
        } catch (error) {
          resolve(`threw ${(error as Error).name}`);
        }
      });
    const path = `/api/v1/ws?token=${token}`;
    // localhost is another origin than 127.0.0.1, yet one the host answers to (it would connect).
    const other = `localhost:${location.port}`;
    const result = {
      policy:
        document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute('content') ?? '',
      own: await socket(`ws://${location.host}${path}`),
      ownFetch: (await fetch('/api/v1/health')).status,
      otherSocket: await socket(`ws://${other}${path}`),
      otherFetch: await fetch(`http://${other}/api/v1/health`).then(
        (response) => `answered ${response.status}`,
        () => 'refused',
      ),
    };
    await new Promise((resolve) => setTimeout(resolve, 100)); // violation events are queued
    return { ...result, violations };
  }, token);
}

describe("browser-mode pages: connect-src 'self'", () => {
  it('lets the board and the console connect to their own host, and to nothing else', async () => {
    const { server, tokens } = fixture;
    const board = await openBoard(browser, fixture.url()); // ready once it has drawn a push
    const consolePage = await browser.newPage();
    await consolePage.goto(
      `${server.url}/console/?token=${tokens.control}&viewToken=${tokens.view}`,
    );
    await consolePage.waitForSelector('[data-testid="connection"][data-state="open"]');
    const port = new URL(server.url).port;
    for (const [name, page] of [
      ['board', board],
      ['console', consolePage],
    ] as const) {
      const seen = await probe(page, tokens.view);
      expect(seen.policy, name).toMatch(/(^|; )connect-src 'self';/);
      expect(seen.policy, name).not.toMatch(/ws:|wss:/);
      expect(seen.own, name).toBe('open');
      expect(seen.ownFetch, name).toBe(200);
      expect(seen.otherSocket, name).not.toBe('open');
      expect(seen.otherFetch, name).toBe('refused');
      expect(seen.violations, name).toEqual([
        { uri: `ws://localhost:${port}/api/v1/ws?token=${tokens.view}`, directive: 'connect-src' },
        { uri: `http://localhost:${port}/api/v1/health`, directive: 'connect-src' },
      ]);
    }
  }, 60_000);
});
