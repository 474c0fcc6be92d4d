// The application menu as data: the console's main race actions with accelerators, scenes,
// overlay elements, where board and overlay go, display identification and the test pattern,
// and the two hosts (hosts-menu.ts). On a standby the race and scene items are disabled: the
// host refuses commands there (they go to the primary), so the menu does not pretend they work.
// Race accelerators carry a modifier, so they never take a key the console's own shortcuts or a
// text field need; Edit keeps the standard text roles (Ctrl+Z in a name field undoes typing).
import type { MenuItemConstructorOptions } from 'electron';
import type { OutputPlacement, DisplaySummary, OutputTarget } from '../../shared/protocol/ipc.ts';
import type { BoardScene, OverlayElement, ProgramCommand } from '../../shared/protocol/program.ts';
import type { RaceRequest } from '../../shared/protocol/commands.ts';
import { hostsMenu, type HostsMenuAction, type HostsMenuModel } from './hosts-menu.ts';

/** What File > Export writes: the results sheet, the race report, or the whole meeting. */
export type ExportWhat = 'race' | 'report' | 'meeting';

/** What a menu item asks main to do. */
export type MenuAction =
  | { readonly kind: 'race'; readonly command: 'lap/completed' | 'undo' | 'redo' }
  | { readonly kind: 'scene'; readonly scene: BoardScene }
  | { readonly kind: 'overlayElement'; readonly element: OverlayElement; readonly visible: boolean }
  | { readonly kind: 'auto'; readonly output: 'board' | 'overlay'; readonly auto: boolean }
  | { readonly kind: 'output'; readonly output: 'board' | 'overlay'; readonly target: OutputTarget }
  | { readonly kind: 'identify' }
  | { readonly kind: 'testPattern'; readonly visible: boolean }
  | { readonly kind: 'copyUrl'; readonly page: 'board' | 'overlay' | 'commentator' }
  /**
   * File > Export results: the active race's results sheet, or the whole meeting (issue 11), or
   * the active race's report (issue 21).
   */
  | { readonly kind: 'export'; readonly what: ExportWhat }
  /** Hosts: run as standby of…, take over, rejoin (issue 20). */
  | HostsMenuAction;

/** What the menu shows (rebuilt when it changes). */
export interface MenuModel {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  /** The board's scene and the overlay's elements; null before the host answered. */
  readonly scene: BoardScene | null;
  readonly overlay: Readonly<Record<OverlayElement, boolean>> | null;
  /** Auto mode of each output (follow the race's phases); null before the host answered. */
  readonly auto: Readonly<Record<'board' | 'overlay', boolean>> | null;
  readonly raceActive: boolean;
  readonly displays: readonly DisplaySummary[];
  readonly board: OutputPlacement;
  readonly overlayOutput: OutputPlacement;
  readonly testPattern: boolean;
  /** Whether the HTTP server runs, so browser-source URLs can be copied. */
  readonly browserUrls: boolean;
  readonly devTools: boolean;
  /** The two hosts (issue 20); null: this build has no standby control (no Hosts menu). */
  readonly hosts: HostsMenuModel | null;
}

const scenes: readonly { scene: BoardScene; label: string }[] = [
  { scene: 'blank', label: 'Blank' },
  { scene: 'startList', label: 'Start list' },
  { scene: 'live', label: 'Live standings' },
  { scene: 'sprint', label: 'Sprint result' },
  { scene: 'results', label: 'Results' },
];

const overlayElements: readonly { element: OverlayElement; label: string }[] = [
  { element: 'lapsToGo', label: 'Laps to go' },
  { element: 'standings', label: 'Standings' },
  { element: 'sprint', label: 'Sprint result' },
  { element: 'result', label: 'Final result' },
  { element: 'needs', label: 'What they need' },
  { element: 'breakaway', label: 'Breakaway (lower third)' },
  { element: 'gap', label: 'Gap bug' },
];

/** The host command behind a menu action, or null for window actions. */
export function hostCommandFor(
  action: MenuAction,
): { readonly race: RaceRequest } | { readonly program: ProgramCommand } | null {
  switch (action.kind) {
    case 'race':
      return { race: { kind: 'single', command: { type: action.command } } };
    case 'scene':
      return { program: { type: 'scene/shown', output: 'board', scene: action.scene } };
    case 'overlayElement':
      return {
        program: { type: 'overlay/toggled', element: action.element, visible: action.visible },
      };
    case 'auto':
      return { program: { type: 'output/auto', output: action.output, auto: action.auto } };
    default:
      return null;
  }
}

/** "Follow the race (auto)": the output cuts by itself as the race's phases come (issue 9). */
function autoItem(
  model: MenuModel,
  output: 'board' | 'overlay',
  commands: boolean,
  dispatch: (action: MenuAction) => void,
): MenuItemConstructorOptions {
  const auto = model.auto?.[output] ?? false;
  return {
    label: `${output === 'board' ? 'Board' : 'Overlay'} follows the race (auto)`,
    type: 'checkbox',
    checked: auto,
    enabled: model.auto !== null && commands,
    click: () => dispatch({ kind: 'auto', output, auto: !auto }),
  };
}

function outputMenu(
  model: MenuModel,
  output: 'board' | 'overlay',
  dispatch: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  const placement = output === 'board' ? model.board : model.overlayOutput;
  const items: MenuItemConstructorOptions[] = model.displays.map((display) => ({
    label: `${display.number}: ${display.label} (${display.bounds.width} × ${display.bounds.height})${display.primary ? ', main display' : ''}`,
    type: 'radio',
    checked: placement.open && placement.mode === 'display' && placement.displayId === display.id,
    click: () => dispatch({ kind: 'output', output, target: { displayId: display.id } }),
  }));
  items.push({
    label: output === 'board' ? 'In a window' : 'In a window (for capture tools)',
    type: 'radio',
    checked: placement.open && placement.mode === 'window',
    click: () => dispatch({ kind: 'output', output, target: 'window' }),
  });
  return items;
}

/** The menu template; every item that acts calls `dispatch`. */
export function buildMenuTemplate(
  model: MenuModel,
  dispatch: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  const mac = model.platform === 'darwin';
  // A standby takes no commands: they go to the primary.
  const commands = model.hosts?.role !== 'standby';
  const raceActive = model.raceActive && commands;
  const race: MenuItemConstructorOptions = {
    label: 'Race',
    submenu: [
      {
        label: 'Leader completed a lap',
        accelerator: 'CmdOrCtrl+L',
        enabled: raceActive,
        click: () => dispatch({ kind: 'race', command: 'lap/completed' }),
      },
      { type: 'separator' },
      {
        label: 'Undo last race action',
        accelerator: 'CmdOrCtrl+Alt+Z',
        enabled: raceActive,
        click: () => dispatch({ kind: 'race', command: 'undo' }),
      },
      {
        label: 'Redo race action',
        accelerator: 'CmdOrCtrl+Alt+Y',
        enabled: raceActive,
        click: () => dispatch({ kind: 'race', command: 'redo' }),
      },
    ],
  };
  const board: MenuItemConstructorOptions = {
    label: 'Board',
    submenu: [
      ...scenes.map(({ scene, label }, index): MenuItemConstructorOptions => ({
        label,
        type: 'radio',
        accelerator: `CmdOrCtrl+${index}`,
        checked: model.scene === scene,
        enabled: model.scene !== null && commands,
        click: () => dispatch({ kind: 'scene', scene }),
      })),
      autoItem(model, 'board', commands, dispatch),
      { type: 'separator' },
      {
        label: 'Show board',
        type: 'checkbox',
        accelerator: 'CmdOrCtrl+B',
        checked: model.board.open,
        click: () =>
          dispatch({
            kind: 'output',
            output: 'board',
            target: model.board.open ? 'closed' : 'open',
          }),
      },
      { label: 'Board output', submenu: outputMenu(model, 'board', dispatch) },
      {
        label: 'Test pattern on the board output',
        type: 'checkbox',
        accelerator: 'CmdOrCtrl+T',
        checked: model.testPattern,
        click: () => dispatch({ kind: 'testPattern', visible: !model.testPattern }),
      },
      {
        label: 'Copy board URL for browser sources',
        enabled: model.browserUrls,
        click: () => dispatch({ kind: 'copyUrl', page: 'board' }),
      },
      {
        label: 'Copy commentator screen URL',
        enabled: model.browserUrls,
        click: () => dispatch({ kind: 'copyUrl', page: 'commentator' }),
      },
    ],
  };
  const overlay: MenuItemConstructorOptions = {
    label: 'Overlay',
    submenu: [
      ...overlayElements.map(({ element, label }, index): MenuItemConstructorOptions => ({
        label,
        type: 'checkbox',
        accelerator: `CmdOrCtrl+Shift+${index + 1}`,
        checked: model.overlay?.[element] ?? false,
        enabled: model.overlay !== null && commands,
        click: () =>
          dispatch({
            kind: 'overlayElement',
            element,
            visible: !(model.overlay?.[element] ?? false),
          }),
      })),
      autoItem(model, 'overlay', commands, dispatch),
      { type: 'separator' },
      {
        label: 'Show overlay',
        type: 'checkbox',
        accelerator: 'CmdOrCtrl+Shift+O',
        checked: model.overlayOutput.open,
        click: () =>
          dispatch({
            kind: 'output',
            output: 'overlay',
            target: model.overlayOutput.open ? 'closed' : 'open',
          }),
      },
      { label: 'Overlay output', submenu: outputMenu(model, 'overlay', dispatch) },
      {
        label: 'Copy overlay URL for browser sources',
        enabled: model.browserUrls,
        click: () => dispatch({ kind: 'copyUrl', page: 'overlay' }),
      },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      {
        label: 'Identify displays',
        accelerator: 'CmdOrCtrl+I',
        click: () => dispatch({ kind: 'identify' }),
      },
      { type: 'separator' },
      { role: 'reload', label: 'Reload console' },
      ...(model.devTools ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const first: MenuItemConstructorOptions = mac
    ? {
        label: model.appName,
        submenu: [
          { role: 'about' },
          { type: 'separator' },
          { role: 'hide' },
          { role: 'hideOthers' },
          { role: 'unhide' },
          { type: 'separator' },
          { role: 'quit' },
        ],
      }
    : { label: 'File', submenu: [{ role: 'quit', accelerator: 'CmdOrCtrl+Q' }] };
  const exports: MenuItemConstructorOptions[] = [
    {
      label: 'Export results of the active race…',
      accelerator: 'CmdOrCtrl+E',
      enabled: model.raceActive,
      click: () => dispatch({ kind: 'export', what: 'race' }),
    },
    {
      label: 'Race report of the active race…',
      accelerator: 'CmdOrCtrl+Shift+E',
      enabled: model.raceActive,
      click: () => dispatch({ kind: 'export', what: 'report' }),
    },
    {
      label: 'Export the whole meeting…',
      click: () => dispatch({ kind: 'export', what: 'meeting' }),
    },
  ];
  // The export items lead the File menu (on macOS, a File menu of their own after the app menu).
  const file: MenuItemConstructorOptions = mac
    ? { label: 'File', submenu: exports }
    : {
        label: 'File',
        submenu: [
          ...exports,
          { type: 'separator' },
          ...(first.submenu as MenuItemConstructorOptions[]),
        ],
      };
  const hosts = model.hosts ? [hostsMenu(model.hosts, dispatch)] : [];
  return mac
    ? [first, file, edit, race, board, overlay, ...hosts, view, { role: 'windowMenu' }]
    : [file, edit, race, board, overlay, ...hosts, view, { role: 'windowMenu' }];
}

/** Every accelerator in a template (to check they are unique). */
export function accelerators(template: readonly MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.accelerator ? [item.accelerator] : []),
    ...(Array.isArray(item.submenu) ? accelerators(item.submenu) : []),
  ]);
}
