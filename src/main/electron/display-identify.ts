// Identifying the displays: a card on every display with its number, name, size and what the
// app shows on it, closed again after a few seconds.
import type { BrowserWindow, Screen } from 'electron';
import { internalPageUrl } from './app-protocol.ts';
import type { DisplayInfo } from './display-choice.ts';
import { closeWindow, type Output, type OutputState, type WindowFactory } from './window-kinds.ts';
import { identifySpec } from './window-specs.ts';

/** Options of the identification cards. */
export interface IdentifyOptions {
  readonly create: WindowFactory;
  readonly log: (line: string) => void;
  /** How long the cards stay up. */
  readonly ms: number;
}

/** What each display shows now (the console, the outputs or their windows), by display id. */
export function showingByDisplay(
  screen: Pick<Screen, 'getDisplayMatching'>,
  consoleWindow: BrowserWindow | null,
  outputs: Readonly<Record<Output, Readonly<OutputState>>>,
): Map<number, string[]> {
  const showing = new Map<number, string[]>();
  const add = (displayId: number, what: string) =>
    showing.set(displayId, [...(showing.get(displayId) ?? []), what]);
  if (consoleWindow && !consoleWindow.isDestroyed())
    add(screen.getDisplayMatching(consoleWindow.getBounds()).id, 'console');
  for (const output of ['board', 'overlay'] as const) {
    const { window, placement } = outputs[output];
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

/** Opens an identification card on every display and closes the cards after `options.ms`. */
export function showIdentifyCards(
  displays: readonly DisplayInfo[],
  showing: ReadonlyMap<number, readonly string[]>,
  options: IdentifyOptions,
): BrowserWindow[] {
  const shown = displays.map((display, index) => {
    const window = options.create('identify', identifySpec(display));
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
      .catch((error: Error) => options.log(`identify card: ${error.message}`));
    return window;
  });
  setTimeout(() => shown.forEach((window) => closeWindow(window)), options.ms);
  return shown;
}
