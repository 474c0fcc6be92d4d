import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appSchemePrivileges } from '../../../src/main/electron/app-protocol.ts';
import { startShell, type Electron, type RunningShell } from '../../../src/main/electron/shell.ts';
import { readWindowLayout } from '../../../src/main/electron/window-layout.ts';
import { ipcChannels } from '../../../src/shared/protocol/ipc.ts';
import { statesOf } from '../../support/patched-states.ts';
import {
  display,
  FakeBrowserWindow,
  FakeIpcMain,
  FakeScreen,
  FakeSession,
  FakeWebContents,
  ipcEvent,
  navigationEvent,
} from './fake-electron.ts';

/** The app object: events, paths, the single-instance lock, quitting. */
class FakeApp extends EventEmitter {
  isPackaged = true;
  quits = 0;
  lock = true;
  constructor(private readonly userData: string) {
    super();
  }
  whenReady = () => Promise.resolve();
  getPath = (name: string) => (name === 'userData' ? this.userData : '/tmp');
  getVersion = () => '0.1.0';
  getName = () => 'Mass Start Scoreboard';
  requestSingleInstanceLock = () => this.lock;
  quit = () => {
    this.quits += 1;
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('before-quit', event);
  };
}

const laptop = display(1, 'Built-in', 0, 1512, 982);
const led = display(7, 'LED wall', 1512, 3840, 2160);

let root: string;
let app: FakeApp;
let ipcMain: FakeIpcMain;
let screen: FakeScreen;
let session: FakeSession;
let schemes: unknown[];
let handlers: Map<string, (request: Request) => Promise<Response>>;
let menus: MenuItemConstructorOptions[][];
let electron: Electron;
let shell: RunningShell | null;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shell-'));
  await mkdir(join(root, 'app', 'out', 'renderer', 'console'), { recursive: true });
  await writeFile(
    join(root, 'app', 'out', 'renderer', 'console', 'index.html'),
    '<!doctype html><title>console</title>',
  );
  app = new FakeApp(join(root, 'data'));
  ipcMain = new FakeIpcMain();
  screen = new FakeScreen([laptop, led], laptop.id);
  session = new FakeSession();
  [schemes, handlers, menus] = [[], new Map(), []];
  FakeBrowserWindow.created = [];
  electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    screen,
    ipcMain,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => void menus.push(menu),
    },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => void schemes.push(...list),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        void handlers.set(scheme, handler),
    },
    session: { defaultSession: session },
    clipboard: { writeText: () => Promise.resolve() },
  } as unknown as Electron;
  shell = null;
});

afterEach(async () => {
  await shell?.stop();
  await rm(root, { recursive: true, force: true });
});

const start = (argv: string[] = ['--port', '0', '--no-osc']) =>
  startShell(electron, {
    preload: '/app/out/preload/index.cjs',
    appRoot: join(root, 'app'),
    argv,
    env: {},
    platform: 'linux',
    logProcessErrors: false,
  });
const windows = (role: string) =>
  FakeBrowserWindow.created.filter((window) =>
    window.options.webPreferences?.additionalArguments?.includes(`--mass-start-role=${role}`),
  );

describe('startShell', () => {
  it('starts locked down: app:// protocol, denying session, hardened web contents, secure console window', async () => {
    shell = await start();
    expect(shell).not.toBeNull();
    // Exactly the app:// scheme, with the privileges app-protocol.test.ts checks by name.
    expect(schemes).toEqual([appSchemePrivileges]);
    expect(
      (await handlers.get('app')!(new Request('app://mass-start/console/index.html'))).status,
    ).toBe(200);
    expect(session.permissionCheck!()).toBe(false);
    const [console] = windows('console');
    expect(console!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(console!.loaded).toEqual(['app://mass-start/console/index.html']);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const away = navigationEvent('https://example.com/');
    contents.emit('will-navigate', away);
    expect(away.prevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(menus).toHaveLength(1);
    expect(await readFile(join(root, 'data', 'logs', 'app.log'), 'utf8')).toContain(
      'Mass Start Scoreboard 0.1.0 starting',
    );
  });

  it('serves the host to the console over IPC, with the control role', async () => {
    shell = await start();
    const console = windows('console')[0]!.webContents;
    ipcMain.emit(ipcChannels.subscribe, ipcEvent(console), { race: null });
    expect(statesOf(console.messages(ipcChannels.state) as string[])).toHaveLength(1);
    const reply = await ipcMain.invoke(ipcChannels.request, ipcEvent(console), {
      type: 'program',
      id: 1,
      command: { type: 'race/added', title: 'Women Final', round: 'final' },
    });
    expect(reply).toMatchObject({ type: 'ack', id: 1, ok: true });
    expect(console.messages(ipcChannels.state).length).toBeGreaterThan(1);
    expect(statesOf(console.messages(ipcChannels.state) as string[]).at(-1)).toMatchObject({
      type: 'state',
      program: { races: [{ id: 'women-final' }] },
    });
    // The menu follows the host (a race is active now: race actions are enabled).
    expect(menus.length).toBeGreaterThan(1);
  });

  it('places the board from the console, re-places it when displays change, and restores it next start', async () => {
    shell = await start();
    const console = windows('console')[0]!.webContents;
    const placed = await ipcMain.invoke(ipcChannels.outputs, ipcEvent(console), {
      action: 'place',
      output: 'board',
      target: { displayId: 7 },
    });
    expect(placed).toMatchObject({ ok: true, outputs: { board: { open: true, displayId: 7 } } });
    const [board] = windows('board');
    expect(board!.options).toMatchObject({ x: 1512, frame: false });
    expect(console.messages(ipcChannels.outputsChanged).length).toBeGreaterThan(0);
    // A board page may subscribe, not use the outputs channel.
    ipcMain.emit(ipcChannels.subscribe, ipcEvent(board!.webContents), { race: null });
    expect(statesOf(board!.webContents.messages(ipcChannels.state) as string[])).toHaveLength(1);
    expect(
      await ipcMain.invoke(ipcChannels.outputs, ipcEvent(board!.webContents), { action: 'list' }),
    ).toMatchObject({ ok: false });

    screen.displays = [laptop];
    screen.emit('display-removed');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(board!.destroyed).toBe(true);
    expect(windows('board').at(-1)!.options.frame).toBe(true);

    app.quit();
    await shell!.stop();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.quits).toBeGreaterThanOrEqual(2); // before-quit waited for the host, then quit for real
    expect((await readWindowLayout(join(root, 'data'))).board).toMatchObject({
      open: true,
      choice: { label: 'LED wall' },
    });

    screen.displays = [laptop, led];
    FakeBrowserWindow.created = [];
    app.removeAllListeners();
    ipcMain = new FakeIpcMain();
    electron = { ...electron, ipcMain } as unknown as Electron;
    shell = await start();
    expect(windows('board')[0]!.options).toMatchObject({ x: 1512, frame: false });
  });

  it('runs menu actions on the host', async () => {
    shell = await start();
    const results = menus
      .at(-1)!
      .flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []))
      .find((item) => item.label === 'Results')!;
    (results.click as () => void)();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shell!.services.host.program().scenes.board).toBe('results');
  });

  it('brings the console forward on a second start, and a second instance quits at once', async () => {
    shell = await start();
    const [console] = windows('console');
    console!.minimized = true;
    app.emit('second-instance');
    expect(console!.minimized).toBe(false);
    const second = new FakeApp(join(root, 'data'));
    second.lock = false;
    expect(
      await startShell({ ...electron, app: second } as unknown as Electron, {
        preload: '',
        appRoot: root,
        argv: [],
        env: {},
        platform: 'linux',
      }),
    ).toBeNull();
    expect(second.quits).toBe(1);
  });

  it('keeps working without browser sources when the port is taken', async () => {
    shell = await start();
    const port = Number(new URL(shell!.services.urls!.board).port);
    const other = await mkdtemp(join(tmpdir(), 'shell-second-'));
    const secondApp = new FakeApp(other);
    const second = await startShell(
      { ...electron, app: secondApp, ipcMain: new FakeIpcMain() } as unknown as Electron,
      {
        preload: '',
        appRoot: join(root, 'app'),
        argv: ['--port', String(port), '--no-osc'],
        env: {},
        platform: 'linux',
        logProcessErrors: false,
      },
    );
    expect(second!.services.urls).toBeNull();
    expect(await readFile(join(other, 'logs', 'app.log'), 'utf8')).toContain('no browser sources');
    await second!.stop();
    await rm(other, { recursive: true, force: true });
  });
});

describe('startShell in development', () => {
  it("loads the pages from electron-vite's dev server and trusts only that origin besides the app", async () => {
    app.isPackaged = false;
    shell = await startShell(electron, {
      preload: '/p.cjs',
      appRoot: join(root, 'app'),
      argv: ['--no-server', '--no-osc'],
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' },
      platform: 'linux',
      logProcessErrors: false,
    });
    const [console] = windows('console');
    expect(console!.loaded).toEqual(['http://localhost:5173/console/index.html']);
    expect(console!.options.webPreferences?.devTools).toBe(true);
    const contents = console!.webContents;
    ipcMain.emit(ipcChannels.subscribe, ipcEvent(contents), { race: null });
    expect(statesOf(contents.messages(ipcChannels.state) as string[])).toHaveLength(1);
    let cancelled: boolean | undefined;
    session.beforeRequest!(
      { url: 'http://localhost:8080/x.js' },
      (response) => (cancelled = response.cancel),
    );
    expect(cancelled).toBe(true);
  });
});
