// Which display an output goes on, and where the console window may be restored. Plain data in,
// plain data out: Electron's Display objects fit DisplayInfo, so this is tested without Electron.
import type { DisplaySummary } from '../../shared/protocol/ipc.ts';

/** A rectangle in screen coordinates (DIP). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The part of Electron's `Display` the choice needs. */
export interface DisplayInfo {
  readonly id: number;
  readonly label: string;
  readonly bounds: Rect;
  readonly workArea: Rect;
  readonly scaleFactor: number;
  readonly internal?: boolean;
}

/** What is remembered of the display the operator chose (ids alone change when cables move). */
export interface DisplayMemory {
  readonly id: number;
  readonly label: string;
  readonly bounds: Rect;
}

/** Where an output goes now. */
export type OutputPlacement =
  | { readonly kind: 'display'; readonly display: DisplayInfo }
  | {
      readonly kind: 'window';
      readonly reason: 'chosen' | 'display-missing' | 'no-external-display';
    };

/** Remembers a display by id, label and bounds. */
export function rememberDisplay(display: DisplayInfo): DisplayMemory {
  const { x, y, width, height } = display.bounds;
  return { id: display.id, label: display.label, bounds: { x, y, width, height } };
}

const sameSize = (a: Rect, b: Rect) => a.width === b.width && a.height === b.height;
const samePlace = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y;

/**
 * How well a connected display matches the remembered one (0: not it). The same label is the
 * same monitor model (id, size and position break ties between twins); a different label is
 * another monitor even when the id was reused. Without labels (some Linux setups) the id, or
 * else the same position and size, identify it.
 */
export function matchScore(display: DisplayInfo, memory: DisplayMemory): number {
  const labelled = display.label !== '' && memory.label !== '';
  if (labelled && display.label !== memory.label) return 0;
  const id = display.id === memory.id;
  const size = sameSize(display.bounds, memory.bounds);
  const place = samePlace(display.bounds, memory.bounds);
  if (!labelled && !id && !(size && place)) return 0;
  return (labelled ? 8 : 0) + (id ? 4 : 0) + (size ? 2 : 0) + (place ? 1 : 0);
}

/** The connected display that is the remembered one, or null when it is unplugged. */
export function findRememberedDisplay(
  displays: readonly DisplayInfo[],
  memory: DisplayMemory,
): DisplayInfo | null {
  let best: DisplayInfo | null = null;
  let bestScore = 0;
  for (const display of displays) {
    const score = matchScore(display, memory);
    if (score > bestScore) [best, bestScore] = [display, score];
  }
  return best;
}

/** The display an output takes when none was chosen yet: the largest external one. */
export function firstExternalDisplay(
  displays: readonly DisplayInfo[],
  primaryId: number,
): DisplayInfo | null {
  const external = displays.filter(
    (display) => display.id !== primaryId && display.internal !== true,
  );
  const area = (display: DisplayInfo) => display.bounds.width * display.bounds.height;
  return external.reduce<DisplayInfo | null>(
    (best, display) => (best === null || area(display) > area(best) ? display : best),
    null,
  );
}

/**
 * Where an output (board, overlay) goes: the chosen display while it is connected; a window
 * while it is unplugged (so it never covers the console), back on it when it returns; with no
 * choice yet, the largest external display, or a window when there is none.
 */
export function placeOutput(
  displays: readonly DisplayInfo[],
  primaryId: number,
  choice: DisplayMemory | 'window' | null,
): OutputPlacement {
  if (choice === 'window') return { kind: 'window', reason: 'chosen' };
  if (choice !== null) {
    const display = findRememberedDisplay(displays, choice);
    return display ? { kind: 'display', display } : { kind: 'window', reason: 'display-missing' };
  }
  const external = firstExternalDisplay(displays, primaryId);
  return external
    ? { kind: 'display', display: external }
    : { kind: 'window', reason: 'no-external-display' };
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** A window of `size` centred in a work area, shrunk to fit. */
export function centredIn(workArea: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, workArea.width);
  const height = Math.min(size.height, workArea.height);
  return {
    x: Math.round(workArea.x + (workArea.width - width) / 2),
    y: Math.round(workArea.y + (workArea.height - height) / 2),
    width,
    height,
  };
}

/**
 * Saved window bounds if enough of the window (its title bar region and a third of its area)
 * is still on a connected display; otherwise the default size centred on the primary display.
 */
export function restorableBounds(
  saved: Rect | null,
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
  fallbackSize: { width: number; height: number },
): Rect {
  if (saved && saved.width >= 200 && saved.height >= 150) {
    const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
    const visible = displays.reduce(
      (sum, display) => sum + overlapArea(saved, display.workArea),
      0,
    );
    const titleVisible = displays.some(
      (display) => overlapArea(titleBar, display.workArea) >= Math.min(titleBar.width, 100) * 20,
    );
    if (titleVisible && visible >= (saved.width * saved.height) / 3) return saved;
  }
  return centredIn(primary.workArea, fallbackSize);
}

/** The displays as the console lists them (numbered as "identify displays" shows them). */
export function summarizeDisplays(
  displays: readonly DisplayInfo[],
  primaryId: number,
): DisplaySummary[] {
  return displays.map((display, index) => {
    const { x, y, width, height } = display.bounds;
    return {
      id: display.id,
      number: index + 1,
      label: display.label || `Display ${index + 1}`,
      bounds: { x, y, width, height },
      scaleFactor: display.scaleFactor,
      primary: display.id === primaryId,
    };
  });
}
