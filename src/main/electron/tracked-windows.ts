// The windows with a role (console, board, overlay): registered for ipc-guard.ts by their
// WebContents id, watched by a renderer watchdog, and forgotten when they close.
import type { BrowserWindow } from 'electron';
import type { WindowRole } from '../../shared/protocol/ipc.ts';
import { watchRenderer, type RendererWatchdog } from './watchdog.ts';
import type { WindowFactory } from './window-kinds.ts';
import type { WindowSpec } from './window-specs.ts';

/** Options of the tracked windows (a part of the window manager's options). */
export interface TrackedWindowsOptions {
  readonly create: WindowFactory;
  readonly log: (line: string) => void;
  /** A window's renderer is gone or its window closed: stop sending it states. */
  readonly rendererGone: (contents: BrowserWindow['webContents'], closed: boolean) => void;
}

/** Creates the windows with a role and keeps their roles and watchdogs. */
export class TrackedWindows {
  private readonly roles = new Map<number, WindowRole>();
  private readonly watchdogs = new Map<number, RendererWatchdog>();

  constructor(private readonly options: TrackedWindowsOptions) {}

  /** Which of our windows (by WebContents id) has which role, for ipc-guard.ts. */
  get windowRoles(): ReadonlyMap<number, WindowRole> {
    return this.roles;
  }

  /** A board or overlay page is alive. */
  heartbeat(webContentsId: number): void {
    this.watchdogs.get(webContentsId)?.heartbeat();
  }

  /** Creates a window with a role: registered for IPC, watched, forgotten when closed. */
  create(role: WindowRole, spec: WindowSpec): BrowserWindow {
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
}
