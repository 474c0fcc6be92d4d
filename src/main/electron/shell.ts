// The Electron shell: wires Electron's objects to the plain modules beside this one. Electron
// is passed in (index.ts passes the real module), so this wiring also runs in tests.
import { join } from 'node:path';
import type * as ElectronModule from 'electron';
import type { BrowserWindow } from 'electron';
import {
  ipcChannels,
  type OutputsReply,
  type OutputsRequest,
  type WindowRole,
} from '../../shared/protocol/ipc.ts';
import { openAppLog, type AppLog } from './app-log.ts';
import { appSchemePrivileges, createAppProtocolHandler } from './app-protocol.ts';
import { startHostServices, type HostServices } from './host-services.ts';
import { HostIpc } from './ipc-adapter.ts';
import { appOrigin, appScheme } from './ipc-guard.ts';
import { registerIpc } from './ipc-main.ts';
import { MenuController } from './menu-controller.ts';
import { exportWithDialog } from './export-dialog.ts';
import { exportHostMeeting } from '../results-out/meeting-export.ts';
import {
  applySessionPolicy,
  hardenWebContents,
  secureWebPreferences,
  trustedOrigins,
} from './security.ts';
import { LayoutStore, readWindowLayout } from './window-layout.ts';
import type { WindowKind } from './window-kinds.ts';
import { WindowManager } from './windows.ts';
import type { WindowSpec } from './window-specs.ts';

/** The parts of the electron module the shell uses. */
export type Electron = Pick<
  typeof ElectronModule,
  | 'app'
  | 'BrowserWindow'
  | 'screen'
  | 'ipcMain'
  | 'Menu'
  | 'protocol'
  | 'session'
  | 'clipboard'
  | 'dialog'
>;

/** Where things are and how the app was started. */
export interface ShellOptions {
  /** The built preload (out/preload/index.cjs). */
  readonly preload: string;
  /** The app's root: out/renderer, resources/ are under it (app.getAppPath()). */
  readonly appRoot: string;
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  /** Log uncaught errors of the main process to the app log (off in tests). */
  readonly logProcessErrors?: boolean;
}

/** The running shell, for tests and quitting. */
export interface RunningShell {
  readonly log: AppLog;
  readonly services: HostServices;
  readonly windows: WindowManager;
  readonly menu: MenuController;
  stop(): Promise<void>;
}

/** Port numbers from the command line (`--port 8316`, `--no-osc`), as in browser mode. */
function ports(argv: readonly string[]): { port: number | null; oscPort: number | null } {
  const value = (name: string, fallback: number) => {
    const index = argv.indexOf(`--${name}`);
    const parsed = index >= 0 ? Number(argv[index + 1]) : fallback;
    return Number.isInteger(parsed) && parsed >= 0 && parsed <= 65535 ? parsed : fallback;
  };
  return {
    port: argv.includes('--no-server') ? null : value('port', 8316),
    oscPort: argv.includes('--no-osc') ? null : value('osc-port', 8317),
  };
}

/**
 * Starts the app: one instance only; the app:// protocol and the security policy before any
 * window; then the host, the IPC handlers, the menu, and the windows as they were left.
 * Resolves with the running shell, or null when another instance runs.
 */
export async function startShell(
  electron: Electron,
  options: ShellOptions,
): Promise<RunningShell | null> {
  const { app, protocol } = electron;
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  const dataDir = app.getPath('userData');
  const log = openAppLog(dataDir, { echo: (line) => console.log(line) });
  const devServer = app.isPackaged ? undefined : options.env.ELECTRON_RENDERER_URL;
  const origins = trustedOrigins(appOrigin, devServer, app.isPackaged);
  const devTools = !app.isPackaged;
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, origins, log.info),
  );
  if (options.logProcessErrors !== false) {
    process.on('uncaughtException', (error) => log.error('uncaught exception in main', error));
    process.on('unhandledRejection', (reason) => log.error('unhandled rejection in main', reason));
  }

  await app.whenReady();
  log.info(
    `Mass Start Scoreboard ${app.getVersion()} starting (Electron ${process.versions.electron ?? '?'}, data ${dataDir})`,
  );
  applySessionPolicy(electron.session.defaultSession, origins, log.info);
  protocol.handle(appScheme, createAppProtocolHandler(join(options.appRoot, 'out', 'renderer')));

  const { port, oscPort } = ports(options.argv);
  const services = await startHostServices({
    dataDir,
    appRoot: options.appRoot,
    demo: !app.isPackaged || options.argv.includes('--demo'),
    port,
    address: '127.0.0.1',
    oscPort,
    log: (line) => log.info(`[host] ${line}`),
  });
  const { host } = services;
  const hostIpc = new HostIpc(services.session);
  const layout = new LayoutStore(dataDir, await readWindowLayout(dataDir, log.info), {
    log: log.info,
  });

  const create = (kind: WindowKind, spec: WindowSpec): BrowserWindow => {
    const role: WindowRole | null = kind === 'identify' || kind === 'testPattern' ? null : kind;
    const preferences = role
      ? secureWebPreferences({ role, preload: options.preload, devTools })
      : { devTools: false };
    // The checklist's flags are spelled out here as well, where the window is made, so a
    // reader (and the security scanner, `npm run security`) sees them at the creation site.
    return new electron.BrowserWindow({
      ...spec.options,
      webPreferences: {
        ...preferences,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
      },
    });
  };
  let menu: MenuController | null = null;
  const notifyConsole = (channel: string, payload: unknown) => {
    const consoleWindow = windows.console;
    if (consoleWindow && !consoleWindow.isDestroyed())
      consoleWindow.webContents.send(channel, payload);
  };
  const windows = new WindowManager({
    create,
    screen: electron.screen,
    layout,
    log: log.info,
    rendererGone: (contents, closed) =>
      closed ? hostIpc.forget(contents) : hostIpc.unsubscribe(contents),
    changed: () => {
      menu?.refresh();
      notifyConsole(ipcChannels.outputsChanged, windows.view());
    },
    safeArea: () => host.program().display.safeArea,
    consoleClosed: () => app.quit(),
    icon: join(options.appRoot, 'resources', 'icon.png'),
    // `electron-vite dev` serves the pages with hot reload; the built app uses app://.
    ...(devServer ? { pagesBase: devServer } : {}),
  });

  const outputs = (request: OutputsRequest): OutputsReply => {
    switch (request.action) {
      case 'list':
        return { ok: true, outputs: windows.view() };
      case 'place':
        return { ok: true, outputs: windows.place(request.output, request.target) };
      case 'identify':
        windows.identify();
        return { ok: true, outputs: windows.view() };
      case 'testPattern':
        return { ok: true, outputs: windows.setTestPattern(request.visible) };
    }
  };
  const unregisterIpc = registerIpc(electron.ipcMain, {
    roles: () => windows.windowRoles,
    origins,
    hostIpc,
    outputs,
    heartbeat: (id) => windows.heartbeat(id),
    log: log.info,
  });

  menu = new MenuController({
    platform: options.platform,
    appName: app.getName(),
    devTools,
    host,
    outputs: windows,
    urls: services.urls,
    standby: services.roles,
    setMenu: (template) =>
      electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template)),
    copy: (text) => electron.clipboard.writeText(text),
    notify: (text) => {
      log.info(`menu: ${text}`);
      notifyConsole(ipcChannels.notice, text);
    },
    exportResults: (what) =>
      exportWithDialog({ dialog: electron.dialog, host, exportMeeting: exportHostMeeting }, what),
    // Hosts > Run as standby of…: the address and token are typed in the console's Hosts panel.
    showPanel: (panel) => {
      windows.focusConsole();
      notifyConsole(ipcChannels.showPanel, panel);
    },
  });
  const unsubscribeMenu = host.subscribe(() => menu?.refresh());
  const unsubscribeStandby = services.roles.subscribe(() => menu?.refresh());

  let displayTimer: ReturnType<typeof setTimeout> | null = null;
  const displaysChanged = () => {
    // Plugging a display fires several events; act once they settle.
    if (displayTimer) clearTimeout(displayTimer);
    displayTimer = setTimeout(() => windows.displaysChanged(), 300);
  };
  electron.screen.on('display-added', displaysChanged);
  electron.screen.on('display-removed', displaysChanged);
  electron.screen.on('display-metrics-changed', displaysChanged);

  app.on('second-instance', () => windows.focusConsole());
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      if (displayTimer) clearTimeout(displayTimer);
      await windows.prepareQuit();
      unsubscribeMenu();
      unsubscribeStandby();
      unregisterIpc();
      hostIpc.close();
      await services.close();
      log.info('stopped');
    })());
  let quitReady = false;
  app.on('before-quit', (event) => {
    if (quitReady) return;
    event.preventDefault(); // finish the journals and the layout first, then quit for real
    void stop()
      .catch((error: unknown) => log.error('stopping failed', error))
      .finally(() => {
        quitReady = true;
        app.quit();
      });
  });
  app.on('window-all-closed', () => app.quit());

  menu.refresh();
  windows.restore();
  return { log, services, windows, menu, stop };
}
