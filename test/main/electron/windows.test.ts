import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberDisplay } from '../../../src/main/electron/display-choice.ts';
import {
  defaultWindowLayout,
  LayoutStore,
  readWindowLayout,
  type WindowLayout,
} from '../../../src/main/electron/window-layout.ts';
import type { WindowKind } from '../../../src/main/electron/window-kinds.ts';
import { WindowManager } from '../../../src/main/electron/windows.ts';
import { display, FakeBrowserWindow, FakeScreen } from './fake-electron.ts';

const laptop = display(1, 'Built-in', 0, 1512, 982);
const led = display(7, 'LED wall', 1512, 3840, 2160);
const keyer = display(9, 'DeckLink out', 5352, 1920, 1080);

let dataDir: string;
let screen: FakeScreen;
let layout: LayoutStore;
let created: { kind: WindowKind; window: FakeBrowserWindow }[];
let gone: { id: number; closed: boolean }[];
let log: string[];
let changes: number;
let consoleClosed: number;

const manager = (initial: WindowLayout = defaultWindowLayout()) => {
  layout = new LayoutStore(dataDir, initial, { delayMs: 10 });
  return new WindowManager({
    create: (kind, spec) => {
      const window = new FakeBrowserWindow({ ...spec.options, fullscreen: spec.fullscreen });
      created.push({ kind, window });
      return window as unknown as BrowserWindow;
    },
    screen: screen as never,
    layout,
    log: (line) => log.push(line),
    rendererGone: (contents, closed) => gone.push({ id: contents.id, closed }),
    changed: () => void changes++,
    safeArea: () => 0.05,
    consoleClosed: () => void consoleClosed++,
    identifyMs: 4000,
  });
};
const windowsOf = (kind: WindowKind) =>
  created.filter((entry) => entry.kind === kind).map((entry) => entry.window);
const only = (kind: WindowKind) => {
  const open = windowsOf(kind).filter((window) => !window.destroyed);
  expect(open).toHaveLength(1);
  return open[0]!;
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'windows-'));
  screen = new FakeScreen([laptop, led, keyer], laptop.id);
  [created, gone, log, changes, consoleClosed] = [[], [], [], 0, 0];
});
afterEach(async () => {
  vi.useRealTimers();
  await layout.flush();
  await rm(dataDir, { recursive: true, force: true });
});

describe('WindowManager', () => {
  it('opens the console first, centred on the primary display, with the console role', () => {
    const windows = manager();
    windows.restore();
    const console = only('console').ready();
    expect(console.loaded).toEqual(['app://mass-start/console/index.html']);
    expect(console.visible).toBe(true);
    expect(console.bounds).toEqual({ x: 56, y: 54, width: 1400, height: 900 });
    expect(windows.windowRoles.get(console.webContents.id)).toBe('console');
    expect(windowsOf('board')).toHaveLength(0);
  });

  it('puts the board full screen and frameless on the chosen display, without taking the focus', () => {
    const windows = manager();
    windows.restore();
    const view = windows.place('board', { displayId: led.id });
    const board = only('board').ready();
    expect(board.options).toMatchObject({
      frame: false,
      x: 1512,
      y: 0,
      width: 3840,
      height: 2160,
      backgroundColor: '#000000',
    });
    expect(board.fullscreen).toBe(true);
    expect(board.loaded).toEqual(['app://mass-start/board/index.html']);
    expect(view.board).toEqual({
      open: true,
      mode: 'display',
      displayId: 7,
      chosenLabel: 'LED wall',
      waitingForDisplay: false,
    });
    expect(layout.layout.board).toMatchObject({ open: true, choice: rememberDisplay(led) });
    expect(windows.windowRoles.get(board.webContents.id)).toBe('board');
    expect(changes).toBeGreaterThan(0);
  });

  it('makes the overlay transparent on a display, or a framed 16:9 window for capture tools', () => {
    const windows = manager();
    windows.restore();
    windows.place('overlay', { displayId: keyer.id });
    const onDisplay = only('overlay');
    expect(onDisplay.options).toMatchObject({
      transparent: true,
      frame: false,
      backgroundColor: '#00000000',
      focusable: false,
      x: 5352,
      width: 1920,
    });
    expect(onDisplay.fullscreen).toBe(false);
    expect(onDisplay.loaded).toEqual(['app://mass-start/board/index.html?output=overlay']);
    windows.place('overlay', 'window');
    expect(onDisplay.destroyed).toBe(true);
    const inWindow = only('overlay');
    expect(inWindow.options).toMatchObject({
      frame: true,
      useContentSize: true,
      width: 1280,
      height: 720,
    });
    expect(inWindow.options.transparent).toBeUndefined();
  });

  it('moves the board to the window when its display is unplugged, and back when it returns', () => {
    const windows = manager();
    windows.restore();
    windows.place('board', { displayId: led.id });
    const onLed = only('board');
    screen.displays = [laptop, keyer];
    windows.displaysChanged();
    expect(onLed.destroyed).toBe(true);
    const fallback = only('board');
    expect(fallback.options.frame).toBe(true);
    expect(windows.view().board).toMatchObject({
      open: true,
      mode: 'window',
      waitingForDisplay: true,
      chosenLabel: 'LED wall',
    });
    expect(layout.layout.board.choice).toEqual(rememberDisplay(led)); // the choice is kept
    screen.displays = [laptop, keyer, { ...led, id: 12 }]; // back, on another port
    windows.displaysChanged();
    const back = only('board');
    expect(back.options).toMatchObject({ frame: false, x: 1512 });
    expect(windows.view().board).toMatchObject({ displayId: 12, waitingForDisplay: false });
  });

  it('moves a board between displays without reloading its page', () => {
    const windows = manager();
    windows.restore();
    windows.place('board', { displayId: led.id });
    const board = only('board');
    windows.place('board', { displayId: keyer.id });
    expect(only('board')).toBe(board);
    expect(board.bounds).toEqual(keyer.bounds);
    expect(board.fullscreen).toBe(true);
    expect(board.loaded).toHaveLength(1);
  });

  it('restores the layout of the last session: console bounds, board on its display, overlay window', () => {
    const saved: WindowLayout = {
      ...defaultWindowLayout(),
      console: { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: true },
      board: { open: true, choice: rememberDisplay(led), windowBounds: null },
      overlay: {
        open: true,
        choice: 'window',
        windowBounds: { x: 40, y: 60, width: 960, height: 540 },
      },
    };
    const windows = manager(saved);
    windows.restore();
    const console = only('console').ready();
    expect(console.bounds).toEqual({ x: 1600, y: 100, width: 1200, height: 800 });
    expect(console.maximized).toBe(true);
    expect(only('board').options).toMatchObject({ x: 1512, frame: false });
    expect(only('overlay').options).toMatchObject({
      x: 40,
      y: 60,
      width: 960,
      height: 540,
      frame: true,
    });
    expect(windows.view().overlay).toMatchObject({ open: true, mode: 'window' });
    expect(layout.layout).toEqual(saved); // restoring changes nothing
  });

  it('remembers where the console and an output window were moved', async () => {
    const windows = manager();
    windows.restore();
    const console = only('console');
    console.setBounds({ x: 200, y: 150, width: 1300, height: 850 });
    console.emit('move');
    windows.place('overlay', 'window');
    const overlay = only('overlay');
    overlay.setBounds({ x: 10, y: 20, width: 640, height: 360 });
    overlay.emit('resize');
    await layout.flush();
    const saved = await readWindowLayout(dataDir);
    expect(saved.console.bounds).toEqual({ x: 200, y: 150, width: 1300, height: 850 });
    expect(saved.overlay.windowBounds).toEqual({ x: 10, y: 20, width: 640, height: 360 });
  });

  it('closing an output by hand closes it in the layout; quitting keeps it open for the next start', () => {
    const windows = manager();
    windows.restore();
    windows.place('board', { displayId: led.id });
    windows.place('overlay', { displayId: keyer.id });
    only('board').close();
    expect(layout.layout.board.open).toBe(false);
    expect(windows.view().board.open).toBe(false);
    void windows.prepareQuit();
    only('overlay').close();
    only('console').close();
    expect(layout.layout.overlay.open).toBe(true);
    expect(consoleClosed).toBe(0);
  });

  it('quits the app when the operator closes the console', () => {
    const windows = manager();
    windows.restore();
    only('console').close();
    expect(consoleClosed).toBe(1);
    expect(windows.console).toBeNull();
  });

  it('reopens an output where it was chosen, and closes it', () => {
    const windows = manager();
    windows.restore();
    windows.place('board', { displayId: keyer.id });
    windows.place('board', 'closed');
    expect(windowsOf('board').every((window) => window.destroyed)).toBe(true);
    windows.place('board', 'open');
    expect(only('board').options).toMatchObject({ x: 5352 });
    expect(() => windows.place('board', { displayId: 99 })).toThrow('display 99 is not connected');
  });

  it('without a choice, opens an output on the largest external display', () => {
    const windows = manager();
    windows.restore();
    windows.place('board', 'open');
    expect(only('board').options).toMatchObject({ x: 1512, width: 3840 });
  });

  it('forgets closed windows for IPC and watches board renderers', () => {
    vi.useFakeTimers();
    const windows = manager();
    windows.restore();
    windows.place('board', { displayId: led.id });
    const board = only('board');
    const contents = board.webContents;
    windows.heartbeat(contents.id);
    vi.advanceTimersByTime(2500); // hung: no heartbeat for more than 2 s
    expect(contents.crashes).toBe(1);
    expect(contents.reloads).toBe(1);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    board.close();
    expect(gone).toEqual([
      { id: contents.id, closed: false },
      { id: contents.id, closed: false },
      { id: contents.id, closed: true },
    ]);
    expect(windows.windowRoles.has(contents.id)).toBe(false);
    expect(log.some((line) => line.startsWith('board renderer hung'))).toBe(true);
  });

  it('identifies every display for a few seconds, saying what each shows', () => {
    vi.useFakeTimers();
    const windows = manager();
    windows.restore();
    windows.place('board', { displayId: led.id });
    windows.identify();
    const cards = windowsOf('identify');
    expect(cards).toHaveLength(3);
    expect(
      cards.every(
        (card) => card.ignoreMouse && card.options.alwaysOnTop && card.options.focusable === false,
      ),
    ).toBe(true);
    const urls = cards.map((card) => new URL(card.loaded[0]!));
    expect(
      urls.map((url) => [
        url.searchParams.get('number'),
        url.searchParams.get('label'),
        url.searchParams.getAll('showing').join('+'),
      ]),
    ).toEqual([
      ['1', 'Built-in', 'console'],
      ['2', 'LED wall', 'board'],
      ['3', 'DeckLink out', ''],
    ]);
    expect(cards[1]!.options).toMatchObject({ x: 1512 + (3840 - 560) / 2 });
    vi.advanceTimersByTime(4000);
    expect(cards.every((card) => card.destroyed)).toBe(true);
  });

  it("shows the test pattern over the board's display and follows it", () => {
    const windows = manager();
    windows.restore();
    windows.place('board', { displayId: led.id });
    expect(windows.setTestPattern(true).testPattern).toBe(true);
    const pattern = only('testPattern');
    expect(pattern.options).toMatchObject({
      x: 1512,
      width: 3840,
      alwaysOnTop: true,
      focusable: false,
    });
    expect(new URL(pattern.loaded[0]!).searchParams.get('safeArea')).toBe('0.05');
    windows.place('board', { displayId: keyer.id });
    expect(pattern.bounds).toEqual(keyer.bounds);
    windows.setTestPattern(false);
    expect(pattern.destroyed).toBe(true);
    expect(layout.layout.testPattern).toBe(false);
  });

  it('brings the console back for a second start of the app', () => {
    const windows = manager();
    windows.restore();
    const console = only('console');
    console.minimized = true;
    windows.focusConsole();
    expect(console.minimized).toBe(false);
    expect(console.visible).toBe(true);
  });
});
