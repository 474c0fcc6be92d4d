// What the app's windows are, and the helpers the window modules share: the kinds, the factory
// shell.ts passes in, an output's state, and closing and loading a window.
import type { BrowserWindow } from 'electron';
import type { WindowRole } from '../../shared/protocol/ipc.ts';
import type { OutputPlacement } from './display-choice.ts';
import type { WindowSpec } from './window-specs.ts';

/** What a window is for: the three with a preload and a role, and two generated pages. */
export type WindowKind = WindowRole | 'identify' | 'testPattern';

/** Creates a BrowserWindow with the secure web preferences for its kind (shell.ts). */
export type WindowFactory = (kind: WindowKind, spec: WindowSpec) => BrowserWindow;

/** An output: the venue board or the broadcast overlay. */
export type Output = 'board' | 'overlay';

/** An output's window, while open, and where it is placed. */
export interface OutputState {
  window: BrowserWindow | null;
  placement: OutputPlacement | null;
}

/** Closes a window unless it is gone already. */
export function closeWindow(window: BrowserWindow | null): void {
  if (window && !window.isDestroyed()) window.close();
}

/** Loads a page into a window; a failure is logged. */
export function loadPage(window: BrowserWindow, url: string, log: (line: string) => void): void {
  window.loadURL(url).catch((error: Error) => log(`loading ${url} failed: ${error.message}`));
}
