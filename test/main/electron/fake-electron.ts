// Stand-ins for the Electron binary's objects (which cannot run on this machine): just enough
// behaviour to drive the shell's wiring in plain Node. Everything else in the tests is real.
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { DisplayInfo, Rect } from '../../../src/main/electron/display-choice.ts';

let nextId = 1;

/** A navigation-like event with preventDefault. */
export const navigationEvent = (url: string) => ({
  url,
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
});

/** A WebContents: events, sends, reloads, the window-open handler. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  reloads = 0;
  crashes = 0;
  destroyed = false;
  url = '';
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly mainFrame = { url: '', parent: null };

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  reload(): void {
    this.reloads += 1;
  }
  forcefullyCrashRenderer(): void {
    this.crashes += 1;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** The messages sent on one channel. */
  messages(channel: string): unknown[] {
    return this.sent
      .filter((message) => message.channel === channel)
      .map((message) => message.payload);
  }
}

/** A BrowserWindow that records what is done to it. */
export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: BrowserWindowConstructorOptions;
  bounds: Rect;
  fullscreen = false;
  visible = false;
  maximized = false;
  minimized = false;
  destroyed = false;
  ignoreMouse = false;
  loaded: string[] = [];

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.fullscreen = options.fullscreen ?? false;
    FakeBrowserWindow.created.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  /** Fires ready-to-show, as Electron does once the page painted. */
  ready(): this {
    this.emit('ready-to-show');
    return this;
  }
  show(): void {
    this.visible = true;
  }
  showInactive(): void {
    this.visible = true;
  }
  focus(): void {}
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isFullScreen(): boolean {
    return this.fullscreen;
  }
  setFullScreen(value: boolean): void {
    this.fullscreen = value;
  }
  setBounds(bounds: Rect): void {
    this.bounds = { ...bounds };
  }
  getBounds(): Rect {
    return { ...this.bounds };
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  getContentBounds(): Rect {
    return { ...this.bounds };
  }
  setIgnoreMouseEvents(value: boolean): void {
    this.ignoreMouse = value;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    if (this.destroyed) return;
    this.emit('close');
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    this.webContents.emit('destroyed');
  }
}

/** The screen: displays that can be plugged and unplugged. */
export class FakeScreen extends EventEmitter {
  constructor(
    public displays: DisplayInfo[],
    public primaryId = displays[0]!.id,
  ) {
    super();
  }
  getAllDisplays(): DisplayInfo[] {
    return this.displays;
  }
  getPrimaryDisplay(): DisplayInfo {
    return this.displays.find((display) => display.id === this.primaryId)!;
  }
  getDisplayMatching(rect: Rect): DisplayInfo {
    const centre = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    return (
      this.displays.find(
        ({ bounds: b }) =>
          centre.x >= b.x &&
          centre.x < b.x + b.width &&
          centre.y >= b.y &&
          centre.y < b.y + b.height,
      ) ?? this.getPrimaryDisplay()
    );
  }
}

/** A display with its work area below a 25 px menu bar. */
export const display = (
  id: number,
  label: string,
  x: number,
  width = 1920,
  height = 1080,
): DisplayInfo => ({
  id,
  label,
  bounds: { x, y: 0, width, height },
  workArea: { x, y: 25, width, height: height - 25 },
  scaleFactor: 1,
});

/** An IPC event from a window's top frame (or another frame) at a URL. */
export function ipcEvent(contents: FakeWebContents, url = contents.url, mainFrame = true) {
  return { sender: contents, senderFrame: { url, parent: mainFrame ? null : {} } };
}

/** ipcMain: listeners and invoke handlers that tests call directly. */
export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  handle(channel: string, handler: (event: unknown, payload: unknown) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke would resolve with. */
  invoke(channel: string, event: unknown, payload: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`no handler for ${channel}`));
    return Promise.resolve(handler(event, payload));
  }
}

/** A session: its handlers, for the tests to call. */
export class FakeSession {
  permissionRequest:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
    null;
  permissionCheck: (() => boolean) | null = null;
  devicePermission: (() => boolean) | null = null;
  beforeRequest:
    ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null =
    null;
  readonly webRequest = {
    onBeforeRequest: (listener: FakeSession['beforeRequest']) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequest']): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheck']): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermission']): void {
    this.devicePermission = handler;
  }
}
