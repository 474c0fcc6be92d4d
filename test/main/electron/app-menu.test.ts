import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accelerators,
  buildMenuTemplate,
  hostCommandFor,
  type MenuAction,
  type MenuModel,
} from '../../../src/main/electron/app-menu.ts';
import { MenuController, type MenuOutputs } from '../../../src/main/electron/menu-controller.ts';
import { hostsMenuModel, hostsStatusLine } from '../../../src/main/electron/hosts-menu.ts';
import type { StandbyControl } from '../../../src/main/standby/control.ts';
import { hostRole } from '../../renderer/console/hosts/host-fixtures.ts';
import type { HostRoleView } from '../../../src/shared/protocol/host-role.ts';
import { refused, type Reply } from '../../../src/shared/protocol/reply.ts';
import type { OutputsView, OutputTarget } from '../../../src/shared/protocol/ipc.ts';
import { openHost, type HostFixture } from '../../support/host-fixture.ts';

const closed = {
  open: false,
  mode: 'display' as const,
  displayId: null,
  chosenLabel: null,
  waitingForDisplay: false,
};
const displays = [
  {
    id: 1,
    number: 1,
    label: 'Built-in',
    bounds: { x: 0, y: 0, width: 1512, height: 982 },
    scaleFactor: 2,
    primary: true,
  },
  {
    id: 7,
    number: 2,
    label: 'LED wall',
    bounds: { x: 1512, y: 0, width: 3840, height: 2160 },
    scaleFactor: 1,
    primary: false,
  },
];
const model = (changes: Partial<MenuModel> = {}): MenuModel => ({
  platform: 'linux',
  appName: 'Mass Start Scoreboard',
  scene: 'live',
  overlay: {
    lapsToGo: true,
    standings: false,
    sprint: false,
    result: false,
    needs: false,
    breakaway: false,
    gap: false,
  },
  auto: { board: true, overlay: false },
  raceActive: true,
  displays,
  board: { ...closed, open: true, displayId: 7, chosenLabel: 'LED wall' },
  overlayOutput: closed,
  testPattern: false,
  browserUrls: true,
  devTools: false,
  hosts: null,
  ...changes,
});

/** Every item of a template, depth first. */
const items = (template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
const item = (template: readonly MenuItemConstructorOptions[], label: string) => {
  const found = items(template).find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no menu item "${label}"`);
  return found;
};
const click = (menuItem: MenuItemConstructorOptions) => (menuItem.click as () => void)();

describe('menu template', () => {
  let actions: MenuAction[];
  let template: MenuItemConstructorOptions[];
  beforeEach(() => {
    actions = [];
    template = buildMenuTemplate(model(), (action) => actions.push(action));
  });

  it("has the console's main actions with unique accelerators", () => {
    const keys = accelerators(template);
    expect(new Set(keys).size).toBe(keys.length);
    expect(item(template, 'Leader completed a lap').accelerator).toBe('CmdOrCtrl+L');
    expect(item(template, 'Undo last race action').accelerator).toBe('CmdOrCtrl+Alt+Z');
    expect(item(template, 'Live standings').accelerator).toBe('CmdOrCtrl+2');
    // Text editing keeps Ctrl+Z: the Edit menu uses the standard roles.
    expect(
      items(template).find((candidate) => candidate.role === 'undo')?.accelerator,
    ).toBeUndefined();
    expect(keys).not.toContain('CmdOrCtrl+Z');
  });

  it('dispatches what its items stand for', () => {
    click(item(template, 'Leader completed a lap'));
    click(item(template, 'Results'));
    click(item(template, 'Standings'));
    click(item(template, 'Laps to go'));
    click(item(template, 'What they need'));
    click(item(template, 'Gap bug'));
    click(item(template, '2: LED wall (3840 × 2160)'));
    click(item(template, 'In a window (for capture tools)'));
    click(item(template, 'Show board'));
    click(item(template, 'Show overlay'));
    click(item(template, 'Identify displays'));
    click(item(template, 'Test pattern on the board output'));
    click(item(template, 'Copy overlay URL for browser sources'));
    click(item(template, 'Copy commentator screen URL'));
    expect(actions).toEqual([
      { kind: 'race', command: 'lap/completed' },
      { kind: 'scene', scene: 'results' },
      { kind: 'overlayElement', element: 'standings', visible: true },
      { kind: 'overlayElement', element: 'lapsToGo', visible: false },
      { kind: 'overlayElement', element: 'needs', visible: true },
      { kind: 'overlayElement', element: 'gap', visible: true },
      { kind: 'output', output: 'board', target: { displayId: 7 } },
      { kind: 'output', output: 'overlay', target: 'window' },
      { kind: 'output', output: 'board', target: 'closed' },
      { kind: 'output', output: 'overlay', target: 'open' },
      { kind: 'identify' },
      { kind: 'testPattern', visible: true },
      { kind: 'copyUrl', page: 'overlay' },
      { kind: 'copyUrl', page: 'commentator' },
    ]);
  });

  it('switches auto mode per output, showing which output follows the race', () => {
    expect(item(template, 'Board follows the race (auto)').checked).toBe(true);
    expect(item(template, 'Overlay follows the race (auto)').checked).toBe(false);
    click(item(template, 'Board follows the race (auto)'));
    click(item(template, 'Overlay follows the race (auto)'));
    expect(actions).toEqual([
      { kind: 'auto', output: 'board', auto: false },
      { kind: 'auto', output: 'overlay', auto: true },
    ]);
    expect(hostCommandFor(actions[0]!)).toEqual({
      program: { type: 'output/auto', output: 'board', auto: false },
    });
    const before = buildMenuTemplate(model({ auto: null }), () => undefined);
    expect(item(before, 'Board follows the race (auto)').enabled).toBe(false);
  });

  it('File > Export: the active race (Ctrl+E, only with a race), its report (Ctrl+Shift+E) or the whole meeting, above Quit', () => {
    const file = template[0]!;
    expect(file.label).toBe('File');
    const labels = (file.submenu as MenuItemConstructorOptions[]).map(
      (entry) => entry.label ?? entry.role ?? entry.type,
    );
    expect(labels).toEqual([
      'Export results of the active race…',
      'Race report of the active race…',
      'Export the whole meeting…',
      'separator',
      'quit',
    ]);
    expect(item(template, 'Export results of the active race…').accelerator).toBe('CmdOrCtrl+E');
    expect(item(template, 'Race report of the active race…').accelerator).toBe('CmdOrCtrl+Shift+E');
    click(item(template, 'Export results of the active race…'));
    click(item(template, 'Race report of the active race…'));
    click(item(template, 'Export the whole meeting…'));
    expect(actions).toEqual([
      { kind: 'export', what: 'race' },
      { kind: 'export', what: 'report' },
      { kind: 'export', what: 'meeting' },
    ]);
    const noRace = buildMenuTemplate(model({ raceActive: false }), () => undefined);
    expect(item(noRace, 'Export results of the active race…').enabled).toBe(false);
    expect(item(noRace, 'Race report of the active race…').enabled).toBe(false);
    const mac = buildMenuTemplate(model({ platform: 'darwin' }), () => undefined);
    expect(mac[1]!.label).toBe('File');
  });

  it('shows the current scene, elements and outputs', () => {
    expect(item(template, 'Live standings').checked).toBe(true);
    expect(item(template, 'Blank').checked).toBe(false);
    expect(item(template, 'Laps to go').checked).toBe(true);
    // Issue 18: every overlay element has its item, in key order (CmdOrCtrl+Shift+1..5).
    const overlayMenu = template.find((entry) => entry.label === 'Overlay')!
      .submenu as MenuItemConstructorOptions[];
    expect(overlayMenu.slice(0, 5).map((entry) => [entry.label, entry.accelerator])).toEqual([
      ['Laps to go', 'CmdOrCtrl+Shift+1'],
      ['Standings', 'CmdOrCtrl+Shift+2'],
      ['Sprint result', 'CmdOrCtrl+Shift+3'],
      ['Final result', 'CmdOrCtrl+Shift+4'],
      ['What they need', 'CmdOrCtrl+Shift+5'],
    ]);
    expect(item(template, 'What they need')).toMatchObject({
      checked: false,
      accelerator: 'CmdOrCtrl+Shift+5',
    });
    const boardOutput = item(template, 'Board output').submenu as MenuItemConstructorOptions[];
    expect(boardOutput.map((entry) => [entry.label, entry.checked])).toEqual([
      ['1: Built-in (1512 × 982), main display', false],
      ['2: LED wall (3840 × 2160)', true],
      ['In a window', false],
    ]);
  });

  it('disables race actions without a race, and URLs without the server; devtools only in development', () => {
    const idle = buildMenuTemplate(
      model({ raceActive: false, browserUrls: false, scene: null, overlay: null }),
      () => undefined,
    );
    expect(item(idle, 'Leader completed a lap').enabled).toBe(false);
    expect(item(idle, 'Copy board URL for browser sources').enabled).toBe(false);
    expect(item(idle, 'Live standings').enabled).toBe(false);
    expect(items(template).some((entry) => entry.role === 'toggleDevTools')).toBe(false);
    expect(
      items(buildMenuTemplate(model({ devTools: true }), () => undefined)).some(
        (entry) => entry.role === 'toggleDevTools',
      ),
    ).toBe(true);
  });

  it('has the app menu on macOS and File > Quit elsewhere', () => {
    expect(buildMenuTemplate(model({ platform: 'darwin' }), () => undefined)[0]!.label).toBe(
      'Mass Start Scoreboard',
    );
    expect(template[0]!.label).toBe('File');
  });

  it('maps host actions to host commands', () => {
    expect(hostCommandFor({ kind: 'race', command: 'undo' })).toEqual({
      race: { kind: 'single', command: { type: 'undo' } },
    });
    expect(hostCommandFor({ kind: 'scene', scene: 'blank' })).toEqual({
      program: { type: 'scene/shown', output: 'board', scene: 'blank' },
    });
    expect(hostCommandFor({ kind: 'identify' })).toBeNull();
  });
});

describe('MenuController', () => {
  let fixture: HostFixture;
  let menus: MenuItemConstructorOptions[][];
  let notices: string[];
  let copied: string[];
  let placed: [string, OutputTarget][];
  let controller: MenuController;
  const view: OutputsView = { displays, board: closed, overlay: closed, testPattern: false };
  const outputs: MenuOutputs = {
    view: () => view,
    place: (output, target) => (placed.push([output, target]), view),
    identify: () => undefined,
    setTestPattern: () => view,
  };

  beforeEach(async () => {
    fixture = await openHost({ prefix: 'electron-host' });
    [menus, notices, copied, placed] = [[], [], [], []];
    controller = new MenuController({
      platform: 'linux',
      appName: 'Mass Start Scoreboard',
      devTools: false,
      host: fixture.host,
      outputs,
      urls: {
        console: 'http://127.0.0.1:8316/console/?token=c',
        board: 'http://127.0.0.1:8316/board/?token=v',
        overlay: 'http://127.0.0.1:8316/board/?output=overlay&token=v',
        commentator: 'http://127.0.0.1:8316/commentator/?token=v',
      },
      setMenu: (template) => menus.push(template),
      copy: (text) => void copied.push(text),
      notify: (text) => notices.push(text),
    });
  });
  afterEach(() => fixture.close());

  it('rebuilds the menu only when what it shows changes', async () => {
    controller.refresh();
    controller.refresh();
    expect(menus).toHaveLength(1);
    await fixture.host.submit({ kind: 'single', command: { type: 'race/started' } }, 'test');
    controller.refresh(); // auto mode cut the board to live at the start: a new menu
    expect(menus).toHaveLength(2);
    expect(item(menus[1]!, 'Live standings').checked).toBe(true);
    await fixture.host.submit({ kind: 'single', command: { type: 'lap/completed' } }, 'test');
    controller.refresh(); // the program summary changed, not the menu
    expect(menus).toHaveLength(2);
    await fixture.host.programCommand(
      { type: 'scene/shown', output: 'board', scene: 'results' },
      'test',
    );
    controller.refresh();
    expect(menus).toHaveLength(3);
    expect(item(menus[2]!, 'Results').checked).toBe(true);
  });

  it('export asks the shell and tells what was written; cancelled says nothing', async () => {
    const asked: string[] = [];
    const exporting = new MenuController({
      ...(controller as unknown as { options: ConstructorParameters<typeof MenuController>[0] })
        .options,
      exportResults: (what) => {
        asked.push(what);
        return Promise.resolve(what === 'race' ? '/tmp/men-semi-1-results.pdf' : null);
      },
    });
    await exporting.run({ kind: 'export', what: 'race' });
    await exporting.run({ kind: 'export', what: 'meeting' });
    await exporting.run({ kind: 'export', what: 'report' });
    expect(asked).toEqual(['race', 'meeting', 'report']);
    expect(notices).toEqual(['exported: /tmp/men-semi-1-results.pdf']);
    await controller.run({ kind: 'export', what: 'race' });
    expect(notices.at(-1)).toBe('export is not available in this build');
  });

  it('runs host commands with the source "menu" and tells refusals to the operator', async () => {
    await controller.run({ kind: 'race', command: 'redo' });
    expect(notices).toHaveLength(1);
    await fixture.host.submit({ kind: 'single', command: { type: 'race/started' } }, 'console');
    await controller.run({ kind: 'race', command: 'lap/completed' });
    expect(fixture.host.race()!.lapsToGo).toBe(15);
    const journal = fixture.host.journal('men-semi-1')!;
    expect(
      journal.entries.filter((entry) => entry.source === 'menu').map((entry) => entry.event.type),
    ).toEqual(['lap/completed']);
    await controller.run({ kind: 'race', command: 'undo' });
    expect(fixture.host.race()!.lapsToGo).toBe(16);
    await controller.run({ kind: 'scene', scene: 'results' });
    expect(fixture.host.program().scenes.board).toBe('results');
    expect(notices).toHaveLength(1);
  });

  it('carries out window actions and copies browser-source URLs', async () => {
    await controller.run({ kind: 'output', output: 'board', target: { displayId: 7 } });
    await controller.run({ kind: 'copyUrl', page: 'overlay' });
    expect(placed).toEqual([['board', { displayId: 7 }]]);
    expect(copied).toEqual(['http://127.0.0.1:8316/board/?output=overlay&token=v']);
    expect(notices.at(-1)).toContain('overlay URL copied');
    await controller.run({ kind: 'copyUrl', page: 'commentator' });
    expect(copied.at(-1)).toBe('http://127.0.0.1:8316/commentator/?token=v');
    expect(notices.at(-1)).toContain('commentator screen URL copied');
  });

  it('reports a window action that fails', async () => {
    const failing = new MenuController({
      ...(controller as unknown as { options: ConstructorParameters<typeof MenuController>[0] })
        .options,
      outputs: {
        ...outputs,
        place: () => {
          throw new Error('display 9 is not connected');
        },
      },
    });
    await failing.run({ kind: 'output', output: 'board', target: { displayId: 9 } });
    expect(notices.at(-1)).toBe('output: display 9 is not connected');
  });
});

/** A host's role view (issue 20): a primary alone at 192.168.1.10 unless changed. */
const roleView = (changes: Partial<HostRoleView> = {}): HostRoleView =>
  hostRole({ self: 'http://192.168.1.10:8316', ...changes });
const standbyOf = (changes: Partial<HostRoleView> = {}) =>
  roleView({ role: 'standby', peer: 'http://192.168.1.10:8316', lastHeardMs: 200, ...changes });

describe('Hosts menu (issue 20)', () => {
  const states: [string, HostRoleView, string, { takeOver: boolean; rejoin: boolean }][] = [
    ['a primary alone', roleView(), 'Primary · no standby', { takeOver: false, rejoin: false }],
    [
      'a primary with its standby in step',
      roleView({ epoch: 2, peer: 'http://192.168.1.20:8316', lastHeardMs: 40 }),
      'Primary · standby in step',
      { takeOver: false, rejoin: false },
    ],
    [
      'a primary whose standby is behind',
      roleView({ peer: 'http://192.168.1.20:8316', behind: 3, standbyBehind: true }),
      'Primary · STANDBY BEHIND',
      { takeOver: false, rejoin: false },
    ],
    [
      'a standby that hears its primary',
      standbyOf(),
      'Standby of http://192.168.1.10:8316',
      { takeOver: false, rejoin: false },
    ],
    [
      'a standby whose primary is silent',
      standbyOf({ lastHeardMs: 2400, canTakeOver: true }),
      'Standby of http://192.168.1.10:8316',
      { takeOver: true, rejoin: false },
    ],
    [
      'a deposed primary',
      standbyOf({ epoch: 3, deposed: { epoch: 3, by: 'http://192.168.1.20:8316' } }),
      'Deposed at epoch 3 by http://192.168.1.20:8316',
      { takeOver: false, rejoin: true },
    ],
  ];

  it.each(states)('%s: the status line and what may be done', (_name, view, line, enabled) => {
    const template = buildMenuTemplate(model({ hosts: hostsMenuModel(view) }), () => undefined);
    const hosts = template.find((entry) => entry.label === 'Hosts')!;
    const entries = hosts.submenu as MenuItemConstructorOptions[];
    expect(entries[0]).toMatchObject({ label: line, enabled: false });
    expect(hostsStatusLine(hostsMenuModel(view))).toBe(line);
    expect(item(template, 'Run as standby of…').enabled).not.toBe(false);
    expect(item(template, 'Take over as primary').enabled).toBe(enabled.takeOver);
    expect(item(template, 'Rejoin as standby').enabled).toBe(enabled.rejoin);
    // A standby takes no commands (they go to the primary): its race and scene items are off.
    const commands = view.role === 'primary';
    for (const label of ['Leader completed a lap', 'Undo last race action', 'Live standings'])
      expect(item(template, label).enabled, label).toBe(commands);
    expect(item(template, 'Standings').enabled).toBe(commands);
    expect(item(template, 'Board follows the race (auto)').enabled).toBe(commands);
    // Sits between Overlay and View; adds no accelerator (taking over is never one key here).
    expect(template.map((entry) => entry.label ?? entry.role)).toEqual([
      'File',
      'Edit',
      'Race',
      'Board',
      'Overlay',
      'Hosts',
      'View',
      'windowMenu',
    ]);
    expect(accelerators([hosts])).toEqual([]);
  });

  it('dispatches run as standby (the console panel), take over and rejoin', () => {
    const actions: MenuAction[] = [];
    const deposed = standbyOf({
      canTakeOver: true,
      deposed: { epoch: 3, by: 'http://192.168.1.20:8316' },
    });
    const template = buildMenuTemplate(model({ hosts: hostsMenuModel(deposed) }), (action) =>
      actions.push(action),
    );
    click(item(template, 'Run as standby of…'));
    click(item(template, 'Take over as primary'));
    click(item(template, 'Rejoin as standby'));
    expect(actions).toEqual([
      { kind: 'showPanel', panel: 'hosts' },
      { kind: 'takeOver' },
      { kind: 'rejoin' },
    ]);
    expect(actions.map(hostCommandFor)).toEqual([null, null, null]);
  });

  it('has no Hosts menu without standby control', () => {
    const template = buildMenuTemplate(model(), () => undefined);
    expect(template.some((entry) => entry.label === 'Hosts')).toBe(false);
  });
});

describe('MenuController with primary and standby', () => {
  let fixture: HostFixture;
  let view: HostRoleView;
  let menus: MenuItemConstructorOptions[][];
  let notices: string[];
  let calls: string[];
  let panels: string[];
  let answer: Reply;
  let controller: MenuController;
  const outputsView: OutputsView = { displays, board: closed, overlay: closed, testPattern: false };

  beforeEach(async () => {
    fixture = await openHost({ prefix: 'electron-hosts' });
    [menus, notices, calls, panels] = [[], [], [], []];
    view = standbyOf();
    answer = { ok: true, revision: 1 };
    // The StandbyControl contract as the menu uses it: what it was asked, the scripted reply.
    const standby: StandbyControl = {
      view: () => view,
      follow: () => Promise.resolve(refused(500, 'the menu never follows by itself')),
      takeOver: (options) => (
        calls.push(`takeOver force=${options.force}`),
        Promise.resolve(answer)
      ),
      rejoin: () => (calls.push('rejoin'), Promise.resolve(answer)),
      subscribe: () => () => undefined,
    };
    controller = new MenuController({
      platform: 'linux',
      appName: 'Mass Start Scoreboard',
      devTools: false,
      host: fixture.host,
      outputs: {
        view: () => outputsView,
        place: () => outputsView,
        identify: () => undefined,
        setTestPattern: () => outputsView,
      },
      urls: null,
      setMenu: (template) => menus.push(template),
      copy: () => undefined,
      notify: (text) => notices.push(text),
      standby,
      showPanel: (panel) => panels.push(panel),
    });
  });
  afterEach(() => fixture.close());

  it('rebuilds on a change of role, not on every heartbeat or line', () => {
    controller.refresh();
    view = standbyOf({ lastHeardMs: 900, behind: 2 });
    controller.refresh();
    expect(menus).toHaveLength(1);
    view = standbyOf({ lastHeardMs: 1600, canTakeOver: true });
    controller.refresh();
    expect(menus).toHaveLength(2);
    expect(item(menus[1]!, 'Take over as primary').enabled).toBe(true);
  });

  it('takes over without force and rejoins; says what the host answered, refusals verbatim', async () => {
    await controller.run({ kind: 'takeOver' });
    expect(calls).toEqual(['takeOver force=false']);
    expect(notices.at(-1)).toBe('this host is the primary now: commands come here');
    answer = refused(
      409,
      'the primary was heard 0.3 s ago: take over with force to make this host the primary anyway',
    );
    await controller.run({ kind: 'takeOver' });
    expect(calls).toEqual(['takeOver force=false', 'takeOver force=false']);
    expect(notices.at(-1)).toBe(
      'the primary was heard 0.3 s ago: take over with force to make this host the primary anyway',
    );
    answer = { ok: true, revision: 2 };
    await controller.run({ kind: 'rejoin' });
    expect(calls.at(-1)).toBe('rejoin');
    expect(notices.at(-1)).toBe('this host is a standby again: it follows the primary');
  });

  it('"Run as standby of…" asks the shell to show the console\'s Hosts panel', async () => {
    await controller.run({ kind: 'showPanel', panel: 'hosts' });
    expect(panels).toEqual(['hosts']);
    expect(notices).toEqual([]);
  });

  it('on a standby the race commands of the menu are not offered', () => {
    controller.refresh();
    expect(item(menus[0]!, 'Leader completed a lap').enabled).toBe(false);
    view = roleView();
    controller.refresh();
    expect(item(menus[1]!, 'Leader completed a lap').enabled).toBe(true);
  });
});
