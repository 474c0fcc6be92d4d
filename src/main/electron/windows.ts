// The app's windows: the console, the board and the overlay on their displays. Electron is passed
// in (a window factory and the screen), so the placement rules run in tests with stand-ins; the
// decisions are in display-choice.ts, the test pattern in test-pattern.ts, the identification
// cards in display-identify.ts and the role and watchdog of each window in tracked-windows.ts.
import type { BrowserWindow, Screen } from 'electron';
import type {
  OutputsView,
  OutputTarget,
  OutputPlacement as PlacementView,
  WindowRole,
} from '../../shared/protocol/ipc.ts';
import { appPageUrl } from './app-protocol.ts';
import {
  placeOutput,
  rememberDisplay,
  restorableBounds,
  summarizeDisplays,
  type OutputPlacement,
  type Rect,
} from './display-choice.ts';
import { showIdentifyCards, showingByDisplay } from './display-identify.ts';
import { TestPatternWindow } from './test-pattern.ts';
import { TrackedWindows } from './tracked-windows.ts';
import {
  closeWindow,
  loadPage,
  type Output,
  type OutputState,
  type WindowFactory,
} from './window-kinds.ts';
import type { LayoutStore } from './window-layout.ts';
import { consoleSpec, defaultConsoleSize, outputSpec, outputUrl } from './window-specs.ts';

/** Options of the window manager. */
export interface WindowManagerOptions {
  readonly create: WindowFactory;
  readonly screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'>;
  readonly layout: LayoutStore;
  readonly log: (line: string) => void;
  /** A window's renderer is gone or its window closed: stop sending it states. */
  readonly rendererGone: (contents: BrowserWindow['webContents'], closed: boolean) => void;
  /** Something the menu and the console show changed. */
  readonly changed: () => void;
  /** The board's safe area, for the test pattern. */
  readonly safeArea: () => number;
  /** The operator closed the console: the app quits. */
  readonly consoleClosed: () => void;
  readonly icon?: string;
  readonly identifyMs?: number;
  /** Where the pages come from: the app protocol, or electron-vite's dev server in development. */
  readonly pagesBase?: string;
}

const samePlacement = (a: OutputPlacement, b: OutputPlacement) =>
  a.kind === 'display' && b.kind === 'display'
    ? a.display.id === b.display.id &&
      JSON.stringify(a.display.bounds) === JSON.stringify(b.display.bounds)
    : a.kind === b.kind;

/** Opens, places and restores the app's windows. */
export class WindowManager {
  private consoleWindow: BrowserWindow | null = null;
  private readonly tracked: TrackedWindows;
  private readonly outputs: Record<Output, OutputState> = {
    board: { window: null, placement: null },
    overlay: { window: null, placement: null },
  };
  private readonly testPattern: TestPatternWindow;
  private identifyWindows: BrowserWindow[] = [];
  private quitting = false;

  constructor(private readonly options: WindowManagerOptions) {
    this.tracked = new TrackedWindows(options);
    this.testPattern = new TestPatternWindow({ ...options, board: () => this.outputs.board });
  }

  /** Which of our windows (by WebContents id) has which role, for ipc-guard.ts. */
  get windowRoles(): ReadonlyMap<number, WindowRole> {
    return this.tracked.windowRoles;
  }

  /** The console window, once open. */
  get console(): BrowserWindow | null {
    return this.consoleWindow;
  }

  /** Opens the console and, as they were at the last quit, the board and the overlay. */
  restore(): void {
    this.openConsole();
    this.apply('board');
    this.apply('overlay');
    if (this.options.layout.layout.testPattern) this.testPattern.show();
  }

  /** Puts an output on a display, in a window, back where it was chosen, or closes it. */
  place(output: Output, target: OutputTarget): OutputsView {
    const displays = this.options.screen.getAllDisplays();
    const display =
      typeof target === 'object'
        ? displays.find((candidate) => candidate.id === target.displayId)
        : undefined;
    if (typeof target === 'object' && !display)
      throw new Error(`display ${target.displayId} is not connected`);
    this.options.layout.update((layout) => {
      const current = layout[output];
      const next =
        target === 'closed'
          ? { ...current, open: false }
          : target === 'open'
            ? { ...current, open: true }
            : target === 'window'
              ? { ...current, open: true, choice: 'window' as const }
              : { ...current, open: true, choice: rememberDisplay(display!) };
      return { ...layout, [output]: next };
    });
    this.apply(output);
    this.testPattern.refresh();
    this.options.changed();
    return this.view();
  }

  /** Displays were plugged, unplugged or changed: every output goes where its choice says. */
  displaysChanged(): void {
    this.apply('board');
    this.apply('overlay');
    this.testPattern.refresh();
    this.options.changed();
  }

  /** A board or overlay page is alive. */
  heartbeat(webContentsId: number): void {
    this.tracked.heartbeat(webContentsId);
  }

  /** Shows or hides the test pattern over the board's output. */
  setTestPattern(visible: boolean): OutputsView {
    this.options.layout.update((layout) => ({ ...layout, testPattern: visible }));
    if (visible) this.testPattern.show();
    else this.testPattern.hide();
    this.options.changed();
    return this.view();
  }

  /** Shows a card with its number, name, size and what it shows on every display for a few seconds. */
  identify(): void {
    for (const window of this.identifyWindows) closeWindow(window);
    const displays = this.options.screen.getAllDisplays();
    const showing = showingByDisplay(this.options.screen, this.consoleWindow, this.outputs);
    this.identifyWindows = showIdentifyCards(displays, showing, {
      create: this.options.create,
      log: this.options.log,
      ms: this.options.identifyMs ?? 4000,
    });
  }

  /** The displays and where the outputs are, for the console and the menu. */
  view(): OutputsView {
    const displays = this.options.screen.getAllDisplays();
    const primary = this.options.screen.getPrimaryDisplay();
    return {
      displays: summarizeDisplays(displays, primary.id),
      board: this.placementView('board'),
      overlay: this.placementView('overlay'),
      testPattern: this.options.layout.layout.testPattern,
    };
  }

  /** Marks the app as quitting: windows that close now stay open in the saved layout. */
  prepareQuit(): Promise<void> {
    this.quitting = true;
    return this.options.layout.flush();
  }

  /** Brings the console to the front (a second start of the app). */
  focusConsole(): void {
    const window = this.consoleWindow;
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  private openConsole(): void {
    const { screen, layout } = this.options;
    const saved = layout.layout.console;
    const bounds = restorableBounds(
      saved.bounds,
      screen.getAllDisplays(),
      screen.getPrimaryDisplay(),
      defaultConsoleSize,
    );
    const window = this.tracked.create('console', consoleSpec(bounds, this.options.icon));
    this.consoleWindow = window;
    window.once('ready-to-show', () => {
      if (saved.maximized) window.maximize();
      window.show();
    });
    const remember = () => {
      if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
      const { x, y, width, height } = window.getNormalBounds();
      layout.update((current) => ({
        ...current,
        console: { bounds: { x, y, width, height }, maximized: window.isMaximized() },
      }));
    };
    for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const)
      window.on(event as 'resize', remember);
    window.on('closed', () => {
      this.consoleWindow = null;
      if (!this.quitting) this.options.consoleClosed();
    });
    this.load(window, appPageUrl('console', '', this.options.pagesBase));
  }

  private apply(output: Output): void {
    const state = this.outputs[output];
    const saved = this.options.layout.layout[output];
    if (!saved.open) {
      const open = state.window;
      state.window = null; // first, so its 'closed' handler knows we closed it
      state.placement = null;
      closeWindow(open);
      return;
    }
    const { screen } = this.options;
    const primary = screen.getPrimaryDisplay();
    const placement = placeOutput(screen.getAllDisplays(), primary.id, saved.choice);
    const window = state.window && !state.window.isDestroyed() ? state.window : null;
    if (window && state.placement && samePlacement(state.placement, placement)) {
      state.placement = placement;
      return;
    }
    if (window && state.placement?.kind === 'display' && placement.kind === 'display') {
      // Same kind of window, another display: move it, the page keeps running.
      window.setFullScreen(false);
      window.setBounds(placement.display.bounds);
      if (output === 'board') window.setFullScreen(true);
      state.placement = placement;
      this.options.log(
        `${output} moved to display ${placement.display.label || placement.display.id}`,
      );
      return;
    }
    state.window = null; // first, so its 'closed' handler knows we closed it
    closeWindow(window);
    state.placement = placement;
    state.window = this.openOutput(output, placement, saved.windowBounds, primary);
    this.options.log(
      placement.kind === 'display'
        ? `${output} on display ${placement.display.label || placement.display.id}`
        : `${output} in a window (${placement.reason})`,
    );
  }

  private openOutput(
    output: Output,
    placement: OutputPlacement,
    windowBounds: Rect | null,
    primary: ReturnType<Screen['getPrimaryDisplay']>,
  ): BrowserWindow {
    const spec = outputSpec(output, placement, windowBounds, primary, this.options.icon);
    const window = this.tracked.create(output, spec);
    window.once('ready-to-show', () => {
      window.showInactive(); // the console keeps the keyboard
      if (spec.fullscreen) window.setFullScreen(true);
    });
    if (placement.kind === 'window') {
      const remember = () => {
        if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
        const { x, y, width, height } = window.getContentBounds();
        this.options.layout.update((layout) => ({
          ...layout,
          [output]: { ...layout[output], windowBounds: { x, y, width, height } },
        }));
      };
      window.on('resize', remember);
      window.on('move', remember);
    }
    window.on('closed', () => {
      const state = this.outputs[output];
      if (state.window !== window) return;
      state.window = null;
      state.placement = null;
      if (!this.quitting) {
        this.options.layout.update((layout) => ({
          ...layout,
          [output]: { ...layout[output], open: false },
        }));
        this.options.changed();
      }
    });
    this.load(window, outputUrl(output, this.options.pagesBase));
    return window;
  }

  private load(window: BrowserWindow, url: string): void {
    loadPage(window, url, this.options.log);
  }

  private placementView(output: Output): PlacementView {
    const { window, placement } = this.outputs[output];
    const choice = this.options.layout.layout[output].choice;
    const open = window !== null && !window.isDestroyed();
    return {
      open,
      mode:
        (placement ?? { kind: choice === 'window' ? 'window' : 'display' }).kind === 'display'
          ? 'display'
          : 'window',
      displayId: open && placement?.kind === 'display' ? placement.display.id : null,
      chosenLabel: choice !== null && choice !== 'window' ? choice.label : null,
      waitingForDisplay:
        open && placement?.kind === 'window' && placement.reason === 'display-missing',
    };
  }
}
