// The board and the overlay in headless Chromium (WebGL via SwiftShader), driven by a real race
// host over the real server and WebSocket, as a venue or OBS would run them. Screenshots land in
// test-results/board/ for a designer's eye.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoSkaters,
  drawn,
  launchBrowser,
  openBoard,
  readBoard,
  settled,
  startBoardHost,
  type BoardGlobal,
  type BoardHost,
  type RowProbe,
} from '../support/browser.ts';

const shots = 'test-results/board';
let browser: Browser;
let fixture: BoardHost;
let board: Page;

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  [browser, fixture] = await Promise.all([
    launchBrowser(),
    startBoardHost({ skaters: 12, round: 'semi' }),
  ]);
  // This file cuts every scene by hand; auto mode (the outputs following the race) has its own
  // e2e in auto-scenes.test.ts.
  await fixture.program({ type: 'output/auto', output: 'board', auto: false });
  await fixture.program({ type: 'output/auto', output: 'overlay', auto: false });
  await fixture.program({ type: 'scene/shown', output: 'board', scene: 'live' });
  await fixture.program({ type: 'overlay/toggled', element: 'lapsToGo', visible: true });
  await fixture.program({ type: 'overlay/toggled', element: 'standings', visible: true });
  // This file checks the dense layout (everyone at once, issue 18's choice beside the venue
  // default `far`); the far layout has its own e2e in board-far.test.ts and board-shapes.test.ts.
  board = await openBoard(browser, fixture.url({ layout: 'dense' }));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

const scene = (output: 'board', name: 'blank' | 'startList' | 'live' | 'results') =>
  fixture.program({ type: 'scene/shown', output, scene: name });
const shoot = (page: Page, name: string, omitBackground = false) =>
  page.screenshot({ path: `${shots}/${name}.png`, omitBackground });
const order = (rows: RowProbe[]) => rows.map((row) => row.key);

/** Decodes a screenshot and returns a pixel reader (RGBA 0-255). */
async function pixels(
  page: Page,
  omitBackground: boolean,
): Promise<{
  at(x: number, y: number): [number, number, number, number];
  width: number;
  height: number;
  share(test: (rgba: number[]) => boolean): number;
}> {
  const png = PNG.sync.read(await page.screenshot({ omitBackground }));
  const at = (x: number, y: number): [number, number, number, number] => {
    const i = (png.width * Math.round(y) + Math.round(x)) * 4;
    return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
  };
  const share = (test: (rgba: number[]) => boolean) => {
    let hits = 0;
    for (let i = 0; i < png.data.length; i += 4)
      if (test([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!])) hits += 1;
    return hits / (png.width * png.height);
  };
  return { at, width: png.width, height: png.height, share };
}

describe('the venue board', () => {
  it('subscribes with the view token and renders with WebGL in the shipped font', async () => {
    const state = await readBoard(board);
    expect(state.renderer).toBe('webgl');
    expect(state.connection).toBe('open');
    expect(state.fontsLoaded).toBe(true);
    expect(state.layout).toMatchObject({ aspect: 'wide', width: 1920, height: 1080, scale: 1 });
    expect(state.revision).toBe(fixture.host.revision);
    expect(state.scene).toBe('live');
    expect(state.model.title).toBe('Men · Mass Start · Semi-final 1');
  });

  it('shows the scenes the host chooses: blank (logo), start list, live', async () => {
    await settled(board, await scene('board', 'blank'));
    let state = await readBoard(board);
    expect(state.scene).toBe('blank');
    expect(state.view).toMatchObject({
      meeting: 'ISU World Cup · Heerenveen',
      subtitle: 'Men · Mass Start · Semi-final 1',
    });
    await shoot(board, 'blank');

    await settled(board, await scene('board', 'startList'));
    state = await readBoard(board);
    expect(state.scene).toBe('startList');
    expect(state.view.heading).toBe('START LIST');
    expect(
      state.rows.map((row) => `${row.drawn.bib} ${row.drawn.nation} ${row.drawn.name}`).slice(0, 3),
      // A name too long for its cell is shortened, not squeezed (issue 18): initial + FAMILY.
    ).toEqual(['1 CAN A. GÉLINAS-BEAULIEU', '2 JPN Shomu Sasaki', '3 KOR Chung Jae-won']);
    expect(state.flags).toEqual(expect.arrayContaining(['CAN', 'JPN', 'KOR', 'USA', 'NED']));
    await shoot(board, 'start-list');

    await settled(board, await scene('board', 'live'));
    state = await readBoard(board);
    expect(state.scene).toBe('live');
    expect(state.view.lapBoard).toMatchObject({
      figure: '16',
      label: 'LAPS TO GO',
      sprintFlag: null,
      bell: null,
    });
  });

  it('follows a scripted race: laps, sprint flags, the banner, rows gliding to their ranks, the Q line', async () => {
    await fixture.program({ type: 'display/configured', sprintBannerSeconds: 2 });
    await settled(
      board,
      await fixture.race({ type: 'race/started' }, { type: 'laps/corrected', lapsCompleted: 3 }),
    );
    let state = await readBoard(board);
    // Issue 18: the sprint lap pill says what the sprint is worth; with nobody in the points the
    // qualification line stands above everyone (never between skaters ordered by helmet number).
    expect(state.view.lapBoard).toMatchObject({ figure: '13', sprintFlag: 'SPRINT 1 · 3-2-1' });
    expect(state.view.qualificationLine).toMatchObject({ after: 0, certain: false });
    const before = state.rows;
    expect(order(before)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    await shoot(board, 'live-sprint-lap');

    // Sprint 1: 7, 4, 2 score 3-2-1; they glide to the top, their points count up, the banner comes up.
    await fixture.race({ type: 'laps/corrected', lapsCompleted: 4 });
    const sprint = await fixture.race({ type: 'sprint/placed', sprint: 1, bibs: [7, 4, 2] });
    await drawn(board, sprint);
    const moving = await board.waitForFunction(
      () => {
        const rows = (globalThis as unknown as BoardGlobal).__board!.rows;
        const bergsma = rows.find((row) => row.key === 7)!;
        return bergsma.y !== bergsma.targetY
          ? { y: bergsma.y, targetY: bergsma.targetY, drawnTotal: bergsma.drawn.total }
          : null;
      },
      undefined,
      { polling: 'raf', timeout: 2000 },
    );
    const midway = (await moving.jsonValue())!;
    expect(midway.y).toBeGreaterThan(midway.targetY); // still gliding up from row 7
    const counting = await board.waitForFunction(
      () => {
        const bergsma = (globalThis as unknown as BoardGlobal).__board!.rows.find(
          (row) => row.key === 7,
        )!;
        return bergsma.total === '3' && bergsma.drawn.total !== '3' ? bergsma.drawn.total : null;
      },
      undefined,
      { polling: 'raf', timeout: 2000 },
    );
    expect(['0', '1', '2']).toContain(await counting.jsonValue()); // the points count up to 3
    state = await readBoard(board);
    expect(state.scene).toBe('sprint');
    expect(state.view.banner).toMatchObject({
      shown: true,
      heading: 'SPRINT 1',
      placings: ['1 7 Jorrit Bergsma NED 3', '2 4 Jordan Stolz USA 2', '3 2 Shomu Sasaki JPN 1'],
    });
    await settled(board, sprint);
    await shoot(board, 'sprint-banner');
    state = await readBoard(board);
    expect(order(state.rows).slice(0, 3)).toEqual([7, 4, 2]);
    const [first, second] = state.rows;
    expect(first!.y).toBe(first!.targetY);
    expect(second!.targetY).toBeGreaterThan(first!.targetY);
    // The rows shown are in order (while the banner is up the table shows the rows that fit
    // above it, paged around the line: issue 18).
    const shownRows = state.rows.filter((row) => row.shown);
    expect(shownRows.map((row) => row.targetY)).toEqual(
      [...shownRows.map((row) => row.targetY)].sort((a, b) => a - b),
    );
    expect(first!.drawn).toMatchObject({ rank: '1', total: '3', sprints: ['3', '', ''] });
    // Issue 18: no points yet is not out of the race: nobody is greyed.
    expect(state.rows.slice(3).some((row) => row.dimmed)).toBe(false);
    const line = state.view.qualificationLine!;
    expect(line.after).toBe(3); // under the last of the three with points
    expect(line.y).toBeGreaterThan(state.rows[2]!.targetY);
    expect(line.y).toBeLessThan(state.rows[3]!.targetY);

    // The banner comes down by itself after the configured seconds.
    await board.waitForFunction(
      () => (globalThis as unknown as BoardGlobal).__board!.scene === 'live',
      undefined,
      { timeout: 5000 },
    );

    // Sprint 2 and 3, then the bell lap with a skater out.
    await fixture.race(
      { type: 'laps/corrected', lapsCompleted: 8 },
      { type: 'sprint/placed', sprint: 2, bibs: [4, 5, 7] },
    );
    await fixture.race(
      { type: 'laps/corrected', lapsCompleted: 12 },
      { type: 'sprint/placed', sprint: 3, bibs: [1, 4, 9] },
    );
    const bell = await fixture.race(
      { type: 'laps/corrected', lapsCompleted: 15 },
      { type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 },
    );
    await settled(board, bell);
    await board.waitForFunction(
      () => (globalThis as unknown as BoardGlobal).__board!.scene === 'live',
      undefined,
      { timeout: 5000 },
    );
    await settled(board, bell);
    state = await readBoard(board);
    expect(state.view.lapBoard).toMatchObject({
      figure: '1',
      label: 'LAP TO GO',
      sprintFlag: 'FINAL SPRINT · 60-40-20-10-6-3',
      bell: 'LAST LAP',
    });
    expect(order(state.rows).slice(0, 6)).toEqual([4, 7, 1, 5, 2, 9]);
    expect(state.rows.map((row) => row.drawn.total).slice(0, 4)).toEqual(['7', '4', '3', '2']);
    expect(state.rows.at(-1)).toMatchObject({
      key: 11,
      dimmed: true,
      drawn: expect.objectContaining({ mark: 'DNF' }),
    });
    await shoot(board, 'live-bell');
  });

  it('shows the results with times, points, Q marks and the official mark', async () => {
    const finishers = [4, 7, 5, 1, 2, 9, 3, 6, 8, 10, 12];
    await fixture.race({ type: 'finish/recorded', bibs: finishers });
    for (const [index, bib] of finishers.entries())
      await fixture.race({ type: 'finish/timed', bib, time: 462_490 + index * 310 });
    await settled(board, await scene('board', 'results'));
    let state = await readBoard(board);
    expect(state.scene).toBe('results');
    expect(state.view).toMatchObject({ heading: 'RESULTS', mark: 'UNOFFICIAL' });
    expect(state.rows[0]!.drawn).toMatchObject({
      rank: '1',
      bib: '4',
      total: '67',
      detail: '7:42.49',
      mark: 'Q',
    });
    expect(state.rows.filter((row) => row.qualified === 'Q')).toHaveLength(8);
    expect(state.view.qualificationLine).toMatchObject({ after: 8, certain: true });
    expect(state.rows.at(-1)!.drawn).toMatchObject({ detail: '9 laps', mark: 'DNF' });
    await shoot(board, 'results-unofficial');
    await settled(board, await fixture.race({ type: 'results/confirmed' }));
    state = await readBoard(board);
    expect(state.view.mark).toBe('OFFICIAL');
    await shoot(board, 'results-official');
  });

  it('switches to the high-contrast theme and Dutch labels from the host', async () => {
    await fixture.program({ type: 'display/configured', theme: 'high-contrast', language: 'nl' });
    const revision = await scene('board', 'live');
    await settled(board, revision);
    const state = await readBoard(board);
    expect(state.theme).toBe('high-contrast');
    expect(state.view.lapBoard.label).toBe('FINISH');
    const image = await pixels(board, false);
    expect(image.at(5, 5)).toEqual([0, 0, 0, 255]); // black, not the navy gradient
    await shoot(board, 'live-high-contrast-nl');
    await fixture.program({ type: 'display/configured', theme: 'default', language: 'en' });
  });

  it('renders nothing while nothing changes', async () => {
    await settled(board, fixture.host.revision);
    const read = () =>
      board.evaluate(() => {
        const probe = (globalThis as unknown as BoardGlobal).__board!;
        return { frames: probe.framesRendered, callbacks: probe.animationFrames };
      });
    const before = await read();
    await board.waitForTimeout(1000);
    expect(await read()).toEqual(before);
  });
});

describe('other outputs', () => {
  it('lays out 4K, 4:3 and an LED ribbon as designed, not squashed', async () => {
    const sizes = {
      '4k': { width: 3840, height: 2160 },
      '4x3': { width: 1440, height: 1080 },
      ribbon: { width: 1536, height: 256 },
    };
    const expected = {
      '4k': { aspect: 'wide', width: 1920, height: 1080, scale: 2 },
      '4x3': { aspect: 'standard', width: 1440, height: 1080, scale: 1 },
      ribbon: { aspect: 'ribbon', width: 1536, height: 256, scale: 1 },
    };
    await fixture.race({ type: 'results/reopened' });
    await scene('board', 'live');
    for (const [name, size] of Object.entries(sizes) as [
      keyof typeof sizes,
      { width: number; height: number },
    ][]) {
      const page = await openBoard(browser, fixture.url({ layout: 'dense' }), size);
      try {
        await settled(page, fixture.host.revision);
        const state = await readBoard(page);
        expect(state.layout).toMatchObject(expected[name]);
        const shown = state.rows.filter((row) => row.shown);
        expect(shown.length).toBeGreaterThan(name === 'ribbon' ? 3 : 11);
        for (const row of shown) {
          expect(row.y).toBeGreaterThanOrEqual(0);
          expect(row.y).toBeLessThan(state.layout.height);
        }
        // Issue 18: FINISH alone, no giant 0 under it.
        expect(state.view.lapBoard).toMatchObject({ figure: '', label: 'FINISH' });
        await shoot(page, `live-${name}`);
      } finally {
        await page.close();
      }
    }
  }, 60_000);

  it('keys the overlay: transparent background, elements cut in and out, chroma key', async () => {
    const overlay = await openBoard(browser, fixture.url({ output: 'overlay' }));
    try {
      await settled(overlay, fixture.host.revision);
      let state = await readBoard(overlay);
      expect(state.output).toBe('overlay');
      expect(state.renderer).toBe('webgl');
      expect(state.background.alpha).toBe(0);
      expect(state.view.elements).toEqual({
        lapsToGo: true,
        standings: true,
        sprint: false,
        result: false,
        needs: false,
        breakaway: false,
        gap: false,
      });
      expect(state.view.rows).toHaveLength(8);
      let image = await pixels(overlay, true);
      expect(image.at(960, 540)[3]).toBe(0); // the middle of the picture is programme, not graphics
      expect(image.at(1900, 1070)[3]).toBe(0);
      expect(image.share((rgba) => rgba[3] === 0)).toBeGreaterThan(0.8);
      const bug = state.view.bounds.lapsToGo!;
      expect(image.at(bug.x + bug.width * 0.75, bug.y + bug.height / 2)[3]).toBeGreaterThan(200); // the bug's plate
      await shoot(overlay, 'overlay', true);

      // The result lower third cut in, the standings cut out, the stack moved to the bottom right.
      await fixture.program({ type: 'overlay/toggled', element: 'result', visible: true });
      await fixture.program({ type: 'overlay/toggled', element: 'standings', visible: false });
      await settled(
        overlay,
        await fixture.program({
          type: 'display/configured',
          overlayPosition: 'bottom-right',
          overlayTop: 4,
        }),
      );
      state = await readBoard(overlay);
      expect(state.view.elements).toEqual({
        lapsToGo: true,
        standings: false,
        sprint: false,
        result: true,
        needs: false,
        breakaway: false,
        gap: false,
      });
      // Issue 18: a finished semi's lower third says who goes to the final.
      expect(state.view.result).toMatchObject({
        shown: true,
        heading: 'QUALIFIED FOR THE FINAL',
        note: 'UNOFFICIAL',
      });
      expect(state.view.bounds.lapsToGo!.x).toBeGreaterThan(1300);
      expect(state.view.bounds.result!.x).toBeLessThan(200);
      await shoot(overlay, 'overlay-result', true);

      // A new race on the boards: new rows; its first sprint comes up as the overlay's banner.
      const added = await fixture.host.programCommand(
        {
          type: 'race/added',
          id: 'men-semi-2',
          title: 'Men · Mass Start · Semi-final 2',
          category: 'Men',
          round: 'semi',
          qualifiers: 8,
          format: 'isu-2018',
        },
        'test',
      );
      expect(added.ok).toBe(true);
      await fixture.host.submit(
        {
          kind: 'single',
          command: {
            type: 'startList/set',
            skaters: demoSkaters
              .slice(12, 24)
              .map((skater, index) => ({ ...skater, bib: index + 1 })),
          },
        },
        'test',
        'men-semi-2',
      );
      await fixture.program({ type: 'race/activated', raceId: 'men-semi-2' });
      await fixture.program({
        type: 'display/configured',
        sprintBannerSeconds: 30,
        overlayPosition: 'top-left',
      });
      await fixture.program({ type: 'overlay/toggled', element: 'result', visible: false });
      await fixture.race({ type: 'race/started' }, { type: 'laps/corrected', lapsCompleted: 4 });
      await settled(
        overlay,
        await fixture.race({ type: 'sprint/placed', sprint: 1, bibs: [5, 6, 7] }),
      );
      state = await readBoard(overlay);
      expect(state.view.elements).toEqual({
        lapsToGo: true,
        standings: false,
        sprint: true,
        result: false,
        needs: false,
        breakaway: false,
        gap: false,
      });
      expect(state.view.banner).toMatchObject({
        shown: true,
        heading: 'SPRINT 1',
        placings: [
          '1 5 Stijn van de Bunt NED 3',
          '2 6 Metoděj Jílek CZE 2',
          '3 7 Bart Swings BEL 1',
        ],
      });
      await shoot(overlay, 'overlay-sprint', true);

      // A chroma key instead of transparency.
      await settled(
        overlay,
        await fixture.program({ type: 'display/configured', chromaKey: '#00ff00' }),
      );
      image = await pixels(overlay, true);
      expect(image.at(960, 300)).toEqual([0, 255, 0, 255]);
      expect(
        image.share((rgba) => rgba[1] === 255 && rgba[0] === 0 && rgba[2] === 0),
      ).toBeGreaterThan(0.6);
      await shoot(overlay, 'overlay-chroma-key');
    } finally {
      await overlay.close();
    }
  });
});
