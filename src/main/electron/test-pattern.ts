// The test pattern: a generated page over the board's output (its display, its window, or a
// window-sized area when the board is closed), with the board's safe area drawn in.
import type { BrowserWindow, Screen } from 'electron';
import { internalPageUrl } from './app-protocol.ts';
import { centredIn, placeOutput, type Rect } from './display-choice.ts';
import { loadPage, closeWindow, type OutputState, type WindowFactory } from './window-kinds.ts';
import type { LayoutStore } from './window-layout.ts';
import { testPatternSpec } from './window-specs.ts';

/** Options of the test pattern (a part of the window manager's options, and the board). */
export interface TestPatternOptions {
  readonly create: WindowFactory;
  readonly screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  readonly layout: LayoutStore;
  readonly log: (line: string) => void;
  /** The board's safe area, for the test pattern. */
  readonly safeArea: () => number;
  /** The board's output as it is now. */
  readonly board: () => Readonly<OutputState>;
}

/** Shows, moves and hides the test pattern window. */
export class TestPatternWindow {
  private window: BrowserWindow | null = null;

  constructor(private readonly options: TestPatternOptions) {}

  /** Shows the test pattern over the board's output, or moves it there and reloads it. */
  show(): void {
    const area = this.area();
    const board = this.options.board();
    const label =
      board.placement?.kind === 'display' ? board.placement.display.label : 'board window';
    const url = internalPageUrl('test-pattern', {
      label,
      width: area.width,
      height: area.height,
      safeArea: this.options.safeArea(),
    });
    let window = this.window;
    if (!window || window.isDestroyed()) {
      window = this.options.create('testPattern', testPatternSpec(area));
      const created = window;
      window.setIgnoreMouseEvents(true);
      window.once('ready-to-show', () => created.showInactive());
      window.on('closed', () => {
        if (this.window === created) this.window = null;
      });
      this.window = window;
    } else {
      window.setBounds(area);
    }
    loadPage(window, url, this.options.log);
  }

  /** Closes the test pattern. */
  hide(): void {
    closeWindow(this.window);
    this.window = null;
  }

  /** The board moved: the test pattern follows it, if it is on. */
  refresh(): void {
    if (this.options.layout.layout.testPattern) this.show();
  }

  /** Where the test pattern goes: the board's display, the board's window, or a window-sized area. */
  private area(): Rect {
    const { screen } = this.options;
    const board = this.options.board();
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
}
