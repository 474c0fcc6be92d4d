// How each window looks, as BrowserWindow options without webPreferences (windows.ts adds the
// secure ones). Pure: the placement comes from display-choice.ts.
import type { BrowserWindowConstructorOptions } from 'electron';
import { centredIn, type DisplayInfo, type OutputPlacement, type Rect } from './display-choice.ts';
import { appPageUrl } from './app-protocol.ts';

/** Window options without web preferences (added where the window is created). */
export type WindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

/** A window: its options, and whether to enter full screen once shown. */
export interface WindowSpec {
  readonly options: WindowOptions;
  readonly fullscreen: boolean;
}

const consoleSize = { width: 1400, height: 900 };
const outputWindowSize = { width: 1280, height: 720 };

/** The operator console: restored bounds (display-choice.restorableBounds), a normal window. */
export function consoleSpec(bounds: Rect, icon: string | undefined): WindowSpec {
  return {
    options: {
      ...bounds,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Mass Start console',
      backgroundColor: '#101418',
      ...(icon ? { icon } : {}),
    },
    fullscreen: false,
  };
}

/** The default console size, centred on the primary display when nothing was saved. */
export const defaultConsoleSize = consoleSize;

/**
 * Board or overlay. On a display: frameless and covering it (the board in full screen; the
 * overlay transparent for a keyer or a second output, not full screen, which would lose the
 * transparency on some systems). As a window: framed and movable, 16:9 content (the overlay's
 * for capture tools, which cannot capture transparency: the page paints the chroma colour).
 */
export function outputSpec(
  output: 'board' | 'overlay',
  placement: OutputPlacement,
  windowBounds: Rect | null,
  primary: DisplayInfo,
  icon: string | undefined,
): WindowSpec {
  const title = output === 'board' ? 'Mass Start board' : 'Mass Start overlay';
  const common: WindowOptions = {
    title,
    show: false,
    autoHideMenuBar: true,
    ...(icon ? { icon } : {}),
  };
  if (placement.kind === 'display') {
    const { x, y, width, height } = placement.display.bounds;
    const covering: WindowOptions = {
      ...common,
      x,
      y,
      width,
      height,
      frame: false,
      resizable: false,
      hasShadow: false,
      enableLargerThanScreen: true,
    };
    if (output === 'board')
      return { options: { ...covering, backgroundColor: '#000000' }, fullscreen: true };
    return {
      options: {
        ...covering,
        transparent: true,
        backgroundColor: '#00000000',
        skipTaskbar: true,
        focusable: false,
      },
      fullscreen: false,
    };
  }
  const bounds = windowBounds ?? centredIn(primary.workArea, outputWindowSize);
  return {
    options: {
      ...common,
      ...bounds,
      useContentSize: true,
      frame: true,
      backgroundColor: '#000000',
      minWidth: 320,
      minHeight: 180,
    },
    fullscreen: false,
  };
}

/** The page an output shows: the board page, in overlay mode for the overlay. */
export const outputUrl = (output: 'board' | 'overlay', base?: string) =>
  appPageUrl('board', output === 'overlay' ? '?output=overlay' : '', base);

/** The test pattern: frameless over the board output's display (or its window), on top. */
export function testPatternSpec(area: Rect): WindowSpec {
  return {
    options: {
      ...area,
      frame: false,
      resizable: false,
      movable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      focusable: false,
      hasShadow: false,
      show: false,
      backgroundColor: '#202020',
      title: 'Test pattern',
    },
    fullscreen: false,
  };
}

/** An identification card, centred on its display, on top and click-through. */
export function identifySpec(display: DisplayInfo): WindowSpec {
  const bounds = centredIn(display.workArea, { width: 560, height: 380 });
  return {
    options: {
      ...bounds,
      frame: false,
      transparent: true,
      backgroundColor: '#00000000',
      resizable: false,
      movable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      focusable: false,
      hasShadow: false,
      show: false,
      title: 'Display',
    },
    fullscreen: false,
  };
}
