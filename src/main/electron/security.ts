// The Electron security checklist as data, plus the functions that apply it to Electron's own
// objects (passed in, so tests can hand in stand-ins: the Electron binary cannot run here).
// https://www.electronjs.org/docs/latest/tutorial/security
import type { Session, WebContents, WebPreferences } from 'electron';
import { windowRoleSwitch, type WindowRole } from '../../shared/protocol/ipc.ts';
import { originOf } from './ipc-guard.ts';

/**
 * The Content Security Policy of every app page, sent as a response header by app-protocol.ts
 * (checklist item 7): scripts only from the app itself, no eval, no remote anything.
 * Pixi needs no eval when the board imports 'pixi.js/unsafe-eval' (its CSP-safe shader path).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Options of a window's web preferences. */
export interface PreferenceOptions {
  readonly role: WindowRole;
  /** The built preload (CommonJS: sandboxed preloads cannot be ES modules). */
  readonly preload: string;
  /** DevTools only in development builds. */
  readonly devTools: boolean;
}

/**
 * Web preferences of every app window: isolated, sandboxed, no Node, web security on (checklist
 * items 2-6, 9-10). The role reaches the preload as a command-line switch. Board and overlay keep
 * rendering at full rate when not focused (backgroundThrottling off).
 */
export function secureWebPreferences(options: PreferenceOptions): WebPreferences {
  return {
    preload: options.preload,
    additionalArguments: [`${windowRoleSwitch}${options.role}`],
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    enableWebSQL: false,
    safeDialogs: true,
    spellcheck: options.role === 'console',
    backgroundThrottling: options.role === 'console',
    devTools: options.devTools,
  };
}

/** Which origins are the app's own: the app protocol, and the dev server in development only. */
export function trustedOrigins(
  appOrigin: string,
  devServerUrl: string | undefined,
  packaged: boolean,
): string[] {
  const dev = !packaged && devServerUrl ? originOf(devServerUrl) : null;
  return dev ? [appOrigin, dev] : [appOrigin];
}

/** Schemes that never reach the network. */
const localSchemes = new Set(['data:', 'blob:', 'devtools:']);

/** Whether a request may load: the app's own origins and local data; nothing remote (item 1). */
export function isAllowedRequest(url: string, origins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (localSchemes.has(parsed.protocol)) return true;
  const origin = originOf(url);
  if (origin === null) return false;
  // The dev server's hot reload talks over ws:// to the same host and port.
  const asHttp = parsed.protocol === 'ws:' ? origin.replace(/^ws:/, 'http:') : origin;
  return origins.includes(origin) || origins.includes(asHttp);
}

/** Whether a page may navigate to a URL: only to the app's own pages (item 13). */
export function isAllowedNavigation(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/** Denies every permission request and check: the app needs none (item 5). */
export function applySessionPolicy(
  session: Session,
  origins: readonly string[],
  log: (line: string) => void,
): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    log(`permission "${permission}" denied to ${contents.getURL().slice(0, 200)}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, origins);
    if (!allowed) log(`blocked a request for remote content: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

/**
 * Blocks navigation away from the app, new windows and <webview> (items 12-14) for one
 * WebContents; applied to every one of them (app 'web-contents-created').
 */
export function hardenWebContents(
  contents: WebContents,
  origins: readonly string[],
  log: (line: string) => void,
): void {
  const block = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAllowedNavigation(event.url, origins)) return;
    event.preventDefault();
    log(`blocked ${kind} to ${event.url.slice(0, 200)}`);
  };
  contents.on('will-navigate', block('navigation'));
  contents.on('will-frame-navigate', block('frame navigation'));
  contents.on('will-redirect', block('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked a new window for ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}
