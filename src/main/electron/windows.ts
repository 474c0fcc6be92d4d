// The app's windows: the console, the board and the overlay on their displays, the test pattern
// and the identification cards. Electron is passed in (a window factory and the screen), so the
// placement rules run in tests with stand-ins; the decisions are in display-choice.ts.
import type { BrowserWindow, Screen } from 'electron';
import type {
  OutputsView,
  OutputTarget,
  OutputPlacement as PlacementView,
  WindowRole,
} from '../../shared/protocol/ipc.ts';
import { internalPageUrl, appPageUrl } from './app-protocol.ts';
import {
  placeOutput,
  rememberDisplay,
  restorableBounds,
  summarizeDisplays,
  centredIn,
  type OutputPlacement,
  type Rect,
} from './display-choice.ts';
import type { LayoutStore } from './window-layout.ts';
import { watchRenderer, type RendererWatchdog } from './watchdog.ts';
import {
  consoleSpec,
  defaultConsoleSize,
  identifySpec,
  outputSpec,
  outputUrl,
  testPatternSpec,
  type WindowSpec,
} from './window-specs.ts';

/** What a window is for: the three with a preload and a role, and two generated pages. */
export type WindowKind = WindowRole | 'identify' | 'testPattern';

/** Creates a BrowserWindow with the secure web preferences for its kind (shell.ts). */
export type WindowFactory = (kind: WindowKind, spec: WindowSpec) => BrowserWindow;

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

type Output = 'board' | 'overlay';

interface OutputState {
  window: BrowserWindow | null;
  placement: OutputPlacement | null;
}

const samePlacement = (a: OutputPlacement, b: OutputPlacement) =>
  a.kind === 'display' && b.kind === 'display'
    ? a.display.id === b.display.id &&
      JSON.stringify(a.display.bounds) === JSON.stringify(b.display.bounds)
    : a.kind === b.kind;

/** Opens, places and restores the app's windows. */
export class WindowManager {
  private consoleWindow: BrowserWindow | null = null;
  private readonly roles = new Map<number, WindowRole>();
  private readonly watchdogs = new Map<number, RendererWatchdog>();
  private readonly outputs: Record<Output, OutputState> = {
    board: { window: null, placement: null },
    overlay: { window: null, placement: null },
  };
  private testPatternWindow: BrowserWindow | null = null;
  private identifyWindows: BrowserWindow[] = [];
  private quitting = false;

  constructor(private readonly options: WindowManagerOptions) {}

  /** Which of our windows (by WebContents id) has which role, for ipc-guard.ts. */
  get windowRoles(): ReadonlyMap<number, WindowRole> {
    return this.roles;
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
    if (this.options.layout.layout.testPattern) this.showTestPattern();
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
    this.refreshTestPattern();
    this.options.changed();
    return this.view();
  }

  /** Displays were plugged, unplugged or changed: every output goes where its choice says. */
  displaysChanged(): void {
    this.apply('board');
    this.apply('overlay');
    this.refreshTestPattern();
    this.options.changed();
  }

  /** A board or overlay page is alive. */
  heartbeat(webContentsId: number): void {
    this.watchdogs.get(webContentsId)?.heartbeat();
  }

  /** Shows or hides the test pattern over the board's output. */
  setTestPattern(visible: boolean): OutputsView {
    this.options.layout.update((layout) => ({ ...layout, testPattern: visible }));
    if (visible) this.showTestPattern();
    else this.closeWindow(this.testPatternWindow);
    this.testPatternWindow = visible ? this.testPatternWindow : null;
    this.options.changed();
    return this.view();
  }

  /** Shows a card with its number, name, size and what it shows on every display for a few seconds. */
  identify(): void {
    for (const window of this.identifyWindows) this.closeWindow(window);
    const displays = this.options.screen.getAllDisplays();
    const showing = this.showingByDisplay();
    this.identifyWindows = displays.map((display, index) => {
      const window = this.options.create('identify', identifySpec(display));
      window.setIgnoreMouseEvents(true);
      window.once('ready-to-show', () => window.showInactive());
      const card = {
        number: index + 1,
        label: display.label || `Display ${index + 1}`,
        width: display.bounds.width,
        height: display.bounds.height,
        scale: display.scaleFactor,
        showing: showing.get(display.id) ?? [],
      };
      void window
        .loadURL(internalPageUrl('identify', card))
        .catch((error: Error) => this.options.log(`identify card: ${error.message}`));
      return window;
    });
    const shown = this.identifyWindows;
    setTimeout(
      () => shown.forEach((window) => this.closeWindow(window)),
      this.options.identifyMs ?? 4000,
    );
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
    const window = this.createTracked('console', consoleSpec(bounds, this.options.icon));
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
      this.closeWindow(open);
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
    this.closeWindow(window);
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
    const window = this.createTracked(output, spec);
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

  /** Creates a window with a role: registered for IPC, watched, forgotten when closed. */
  private createTracked(role: WindowRole, spec: WindowSpec): BrowserWindow {
    const window = this.options.create(role, spec);
    const contents = window.webContents;
    const id = contents.id;
    this.roles.set(id, role);
    const watchdog = watchRenderer(contents, {
      name: role,
      log: this.options.log,
      hangAfterMs: role === 'console' ? null : 2000,
    });
    this.watchdogs.set(id, watchdog);
    contents.on('render-process-gone', () => this.options.rendererGone(contents, false));
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument)
        this.options.rendererGone(contents, false);
    });
    window.on('closed', () => {
      this.roles.delete(id);
      watchdog.dispose();
      this.watchdogs.delete(id);
      this.options.rendererGone(contents, true);
    });
    return window;
  }

  private load(window: BrowserWindow, url: string): void {
    window
      .loadURL(url)
      .catch((error: Error) => this.options.log(`loading ${url} failed: ${error.message}`));
  }

  private closeWindow(window: BrowserWindow | null): void {
    if (window && !window.isDestroyed()) window.close();
  }

  /** Where the test pattern goes: the board's display, the board's window, or a window-sized area. */
  private testPatternArea(): Rect {
    const { screen } = this.options;
    const board = this.outputs.board;
    if (board.window && !board.window.isDestroyed() && board.placement?.kind === 'window')
      return board.window.getBounds();
    const primary = screen.getPrimaryDisplay();
    const placement =
      board.placement ??
      placeOutput(screen.getAllDisplays(), primary.id, this.options.layout.layout.board.choice);
    return placement.kind === 'display'
      ? placement.display.bounds
      : centredIn(primary.workArea, { width: 1280, height: 720 });
  }

  private showTestPattern(): void {
    const area = this.testPatternArea();
    const label =
      this.outputs.board.placement?.kind === 'display'
        ? this.outputs.board.placement.display.label
        : 'board window';
    const url = internalPageUrl('test-pattern', {
      label,
      width: area.width,
      height: area.height,
      safeArea: this.options.safeArea(),
    });
    let window = this.testPatternWindow;
    if (!window || window.isDestroyed()) {
      window = this.options.create('testPattern', testPatternSpec(area));
      const created = window;
      window.setIgnoreMouseEvents(true);
      window.once('ready-to-show', () => created.showInactive());
      window.on('closed', () => {
        if (this.testPatternWindow === created) this.testPatternWindow = null;
      });
      this.testPatternWindow = window;
    } else {
      window.setBounds(area);
    }
    this.load(window, url);
  }

  private refreshTestPattern(): void {
    if (this.options.layout.layout.testPattern) this.showTestPattern();
  }

  private showingByDisplay(): Map<number, string[]> {
    const showing = new Map<number, string[]>();
    const add = (displayId: number, what: string) =>
      showing.set(displayId, [...(showing.get(displayId) ?? []), what]);
    const { screen } = this.options;
    if (this.consoleWindow && !this.consoleWindow.isDestroyed())
      add(screen.getDisplayMatching(this.consoleWindow.getBounds()).id, 'console');
    for (const output of ['board', 'overlay'] as const) {
      const { window, placement } = this.outputs[output];
      if (!window || window.isDestroyed() || !placement) continue;
      add(
        placement.kind === 'display'
          ? placement.display.id
          : screen.getDisplayMatching(window.getBounds()).id,
        placement.kind === 'display' ? output : `${output} window`,
      );
    }
    return showing;
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
