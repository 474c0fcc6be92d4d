// Auto mode in headless Chromium (issue 9, "The board follows the race"): the venue board and
// the overlay, as a venue and OBS would run them, follow a real race on a real host without
// the operator cutting: start list before the gun, live at the gun, results at the finish, the
// OFFICIAL stamp at confirmation (the overlay's own graphics in auto: test/e2e/overlay.test.ts). A manual cut holds until the next phase. The console shows
// and switches auto mode per output.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RaceCommand } from '../../src/shared/race/events.ts';
import {
  launchBrowser,
  openBoard,
  readBoard,
  settled,
  startBoardHost,
  type BoardHost,
} from '../support/browser.ts';

let browser: Browser;
let fixture: BoardHost;
let board: Page;
let overlay: Page;
let consolePage: Page;

beforeAll(async () => {
  [browser, fixture] = await Promise.all([
    launchBrowser(),
    startBoardHost({ skaters: 10, round: 'semi' }),
  ]);
  [board, overlay] = await Promise.all([
    openBoard(browser, fixture.url()),
    openBoard(browser, fixture.url({ output: 'overlay' })),
  ]);
  consolePage = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await consolePage.goto(
    `${fixture.server.url}/console/?token=${fixture.tokens.control}&viewToken=${fixture.tokens.view}`,
  );
  await consolePage.waitForSelector('[data-testid="connection"][data-state="open"]');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

/** Both outputs have drawn the host's current revision; what each shows. */
async function outputs() {
  const revision = fixture.host.revision;
  await Promise.all([settled(board, revision), settled(overlay, revision)]);
  const [onBoard, onOverlay] = await Promise.all([readBoard(board), readBoard(overlay)]);
  return { board: onBoard, overlay: onOverlay };
}

const race = (...commands: RaceCommand[]) => fixture.race(...commands);
/** Waits until the console says this of an output's auto mode. */
const showsAutoState = (output: 'board' | 'overlay', text: string) =>
  expect
    .poll(() => consolePage.locator(`[data-testid="${output}-auto-state"]`).textContent(), {
      timeout: 5_000,
    })
    .toBe(text);

describe('auto mode: the outputs follow the race by themselves', () => {
  it('before the gun: the start list, no row greyed; the overlay shows only the laps bug', async () => {
    const { board: b, overlay: o } = await outputs();
    expect(b.scene).toBe('startList');
    expect(b.view.heading).toBe('START LIST');
    expect(b.rows.filter((row) => row.shown).length).toBe(10);
    expect(b.rows.some((row) => row.dimmed)).toBe(false);
    // The sprint element is cut in but has nothing to show before the first sprint.
    expect(fixture.host.program().scenes.overlay).toEqual({
      lapsToGo: true,
      standings: false,
      sprint: true,
      result: false,
      needs: false,
      breakaway: false,
      gap: false,
    });
    expect(o.view.elements).toMatchObject({ lapsToGo: true, standings: false, result: false });
    await showsAutoState('board', 'auto');
    expect(await consolePage.locator('[data-testid="board-auto"]').isChecked()).toBe(true);
  });

  it('at the gun: live on the board; the overlay keeps the picture clean (standings only after a sprint)', async () => {
    await race({ type: 'race/started' }, { type: 'lap/completed' });
    const { board: b, overlay: o } = await outputs();
    expect(b.scene).toBe('live');
    expect(b.view.lapBoard.figure).toBe('15');
    // Issue 18: auto no longer keeps the standings on air all race (test/e2e/overlay.test.ts
    // follows them after each sprint); "what they need" is armed for a semi's last laps.
    expect(fixture.host.program().scenes.overlay).toEqual({
      lapsToGo: true,
      standings: false,
      sprint: true,
      result: false,
      needs: true,
      breakaway: false,
      gap: true,
    });
    expect(o.view.elements).toMatchObject({ lapsToGo: true, standings: false, result: false });
  });

  it('a manual cut holds until the next phase change; the start list greys no one mid-race', async () => {
    await fixture.program({ type: 'scene/shown', output: 'board', scene: 'startList' });
    await race({ type: 'laps/corrected', lapsCompleted: 4 });
    await race({ type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] });
    let { board: b } = await outputs();
    expect(b.scene).toBe('startList'); // held through laps and a sprint: same phase
    // Seven skaters have no points yet; on the live scene they would be greyed, not here.
    expect(b.rows.some((row) => row.dimmed)).toBe(false);
    await showsAutoState('board', 'manual cut: held until the next phase');
    // The finish order complete: the next phase, the board cuts to the results by itself.
    await race(
      { type: 'laps/corrected', lapsCompleted: 15 },
      { type: 'finish/recorded', bibs: [3, 1, 2, 4, 5, 6, 7, 8, 9, 10] },
    );
    ({ board: b } = await outputs());
    expect(b.scene).toBe('results');
    expect(b.view.mark).toBe('UNOFFICIAL');
    const { overlay: o } = await outputs();
    expect(o.view.elements).toEqual({
      lapsToGo: false,
      standings: false,
      sprint: false,
      result: true,
      needs: false,
      breakaway: false,
      gap: false,
    });
    expect(o.view.result.shown).toBe(true);
    await showsAutoState('board', 'auto');
  });

  it('the OFFICIAL stamp at confirmation', async () => {
    await race({ type: 'results/confirmed' });
    const { board: b } = await outputs();
    expect(b.scene).toBe('results');
    expect(b.view.mark).toBe('OFFICIAL');
  });

  it('auto switched off from the console: the board keeps what it shows through the next phases', async () => {
    await consolePage.locator('[data-testid="board-auto"]').click();
    await expect.poll(() => fixture.host.program().scenes.auto.board).toBe(false);
    await showsAutoState('board', 'manual');
    await race({ type: 'results/reopened' });
    await fixture.program({ type: 'scene/shown', output: 'board', scene: 'live' });
    await race({ type: 'results/confirmed' });
    const { board: b } = await outputs();
    // No auto cut at the phase change (the final sprint's banner may take over live a moment).
    expect(fixture.host.program().scenes.board).toBe('live');
    expect(['live', 'sprint']).toContain(b.scene);
    // And back on: the board cuts to the phase's scene at once.
    await consolePage.locator('[data-testid="board-auto"]').click();
    await expect.poll(() => fixture.host.program().scenes.auto.board).toBe(true);
    const { board: again } = await outputs();
    expect(again.scene).toBe('results');
  });
});
