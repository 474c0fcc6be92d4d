// A renderer that crashes or hangs is reloaded at once (issue 6): the page comes back from the
// app's own files and subscribes again, and the host sends the full state on subscribe, so a
// board shows the current state again well within a second. Everything is logged.
import type { WebContents } from 'electron';

/** What the watchdog may do to its renderer. */
export interface RendererActions {
  reload(): void;
  /** Kills a hung renderer so reload() starts a fresh one. */
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

/** Timing of the watchdog (defaults in brackets). */
export interface WatchdogOptions {
  /** Name in the log, e.g. "board". */
  readonly name: string;
  /** Delay before reloading a crashed renderer [100 ms]. */
  readonly reloadDelayMs?: number;
  /** No heartbeat for this long means hung [2000 ms]; null: no hang detection (no heartbeat). */
  readonly hangAfterMs?: number | null;
  /** How often the heartbeat is checked [250 ms]. */
  readonly checkEveryMs?: number;
  /** Crashes within this window count as a crash loop [60 s] ... */
  readonly crashWindowMs?: number;
  /** ... and after this many the reload waits longer (doubling, up to 30 s) [3]. */
  readonly quickRetries?: number;
  readonly log: (line: string) => void;
  readonly clock?: () => number;
}

/** Reloads its renderer when it crashes, hangs or fails to load. Feed it the renderer's events. */
export class RendererWatchdog {
  private lastBeat = 0;
  private armed = false;
  private expectingKill = false;
  private crashes: number[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly checkTimer: ReturnType<typeof setInterval> | null;
  private readonly clock: () => number;

  constructor(
    private readonly renderer: RendererActions,
    private readonly options: WatchdogOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    const hangAfter = options.hangAfterMs === undefined ? 2000 : options.hangAfterMs;
    this.checkTimer =
      hangAfter === null
        ? null
        : setInterval(() => this.check(hangAfter), options.checkEveryMs ?? 250);
    this.checkTimer?.unref?.();
  }

  /** The page's preload is alive. */
  heartbeat(): void {
    this.lastBeat = this.clock();
    this.armed = true;
    this.expectingKill = false; // a new page runs: a later exit is a new crash
  }

  /** A new page started loading: no heartbeat is due until its preload runs. */
  loading(): void {
    this.armed = false;
  }

  /** The renderer process is gone (Electron's `render-process-gone`). */
  gone(reason: string, exitCode: number): void {
    this.armed = false;
    if (reason === 'clean-exit') return;
    if (this.expectingKill) {
      this.expectingKill = false;
      return; // we killed it after a hang and reloaded already
    }
    const now = this.clock();
    this.crashes = [
      ...this.crashes.filter((at) => now - at < (this.options.crashWindowMs ?? 60_000)),
      now,
    ];
    const extra = this.crashes.length - (this.options.quickRetries ?? 3);
    const delay =
      extra > 0 ? Math.min(1000 * 2 ** (extra - 1), 30_000) : (this.options.reloadDelayMs ?? 100);
    this.options.log(
      `${this.options.name} renderer gone (${reason}, exit code ${exitCode}): reloading in ${delay} ms${extra > 0 ? ` (${this.crashes.length} crashes within a minute)` : ''}`,
    );
    this.scheduleReload(delay);
  }

  /** Electron's own hang detection fired (`unresponsive`). */
  unresponsive(): void {
    this.recoverHang('Electron reported it unresponsive');
  }

  /** A page failed to load (not an abort by a newer navigation): try again in a second. */
  failedLoad(errorCode: number, description: string, url: string, isMainFrame: boolean): void {
    if (!isMainFrame || errorCode === -3) return;
    this.options.log(
      `${this.options.name} page failed to load (${errorCode} ${description}) ${url}: retrying in 1 s`,
    );
    this.scheduleReload(1000);
  }

  /** Stops the timers (the window closed). */
  dispose(): void {
    if (this.checkTimer) clearInterval(this.checkTimer);
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
  }

  private check(hangAfterMs: number): void {
    if (!this.armed) return;
    const silent = this.clock() - this.lastBeat;
    if (silent > hangAfterMs) this.recoverHang(`no heartbeat for ${(silent / 1000).toFixed(1)} s`);
  }

  private recoverHang(why: string): void {
    if (this.renderer.isDestroyed()) return;
    this.armed = false;
    this.options.log(`${this.options.name} renderer hung (${why}): restarting it`);
    this.expectingKill = true;
    this.renderer.forcefullyCrashRenderer();
    this.renderer.reload();
  }

  private scheduleReload(delayMs: number): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      if (!this.renderer.isDestroyed()) this.renderer.reload();
    }, delayMs);
  }
}

/** Feeds a window's WebContents events to a watchdog; returns it. */
export function watchRenderer(contents: WebContents, options: WatchdogOptions): RendererWatchdog {
  const watchdog = new RendererWatchdog(contents, options);
  contents.on('render-process-gone', (_event, details) =>
    watchdog.gone(details.reason, details.exitCode),
  );
  contents.on('unresponsive', () => watchdog.unresponsive());
  contents.on('did-start-loading', () => watchdog.loading());
  contents.on('did-fail-load', (_event, errorCode, description, url, isMainFrame) =>
    watchdog.failedLoad(errorCode, description, url, isMainFrame),
  );
  contents.on('preload-error', (_event, path, error) =>
    options.log(`${options.name} preload ${path} failed: ${error.stack ?? error.message}`),
  );
  contents.on('destroyed', () => watchdog.dispose());
  return watchdog;
}
