import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { appOrigin } from '../../../src/main/electron/ipc-guard.ts';
import {
  applySessionPolicy,
  contentSecurityPolicy,
  hardenWebContents,
  isAllowedNavigation,
  isAllowedRequest,
  secureWebPreferences,
  trustedOrigins,
} from '../../../src/main/electron/security.ts';
import { FakeSession, FakeWebContents, navigationEvent } from './fake-electron.ts';

const origins = [appOrigin];

describe('web preferences (Electron security checklist)', () => {
  for (const role of ['console', 'board', 'overlay'] as const) {
    it(`isolate and sandbox the ${role} window without Node`, () => {
      const preferences = secureWebPreferences({
        role,
        preload: '/app/out/preload/index.cjs',
        devTools: false,
      });
      expect(preferences).toMatchObject({
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
        devTools: false,
        preload: '/app/out/preload/index.cjs',
        additionalArguments: [`--mass-start-role=${role}`],
      });
      expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    });
  }

  it('keeps board and overlay rendering when unfocused, and spellchecks only the console', () => {
    expect(secureWebPreferences({ role: 'board', preload: 'p', devTools: true })).toMatchObject({
      backgroundThrottling: false,
      spellcheck: false,
      devTools: true,
    });
    expect(secureWebPreferences({ role: 'console', preload: 'p', devTools: true })).toMatchObject({
      backgroundThrottling: true,
      spellcheck: true,
    });
  });
});

describe('content security policy', () => {
  const directives = new Map(
    contentSecurityPolicy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]),
  );

  it("is strict: default-src 'self', scripts only from the app, no eval, no remote hosts", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).not.toMatch(/https?:|wss?:|\*/);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('origins and requests', () => {
  it('trusts the dev server only in development', () => {
    expect(trustedOrigins(appOrigin, 'http://localhost:5173', false)).toEqual([
      appOrigin,
      'http://localhost:5173',
    ]);
    expect(trustedOrigins(appOrigin, 'http://localhost:5173', true)).toEqual([appOrigin]);
    expect(trustedOrigins(appOrigin, undefined, false)).toEqual([appOrigin]);
  });

  it('loads the app and local data, nothing remote', () => {
    expect(isAllowedRequest('app://mass-start/board/index.html', origins)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', origins)).toBe(true);
    expect(isAllowedRequest('blob:app://mass-start/1234', origins)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/index.html', origins)).toBe(true);
    expect(isAllowedRequest('https://fonts.googleapis.com/css', origins)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8316/api/v1/ws', origins)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', origins)).toBe(false);
    expect(isAllowedRequest('app://other-host/x', origins)).toBe(false);
    expect(isAllowedRequest('not a url', origins)).toBe(false);
  });

  it('lets the dev server hot-reload over its own WebSocket in development', () => {
    const dev = [appOrigin, 'http://localhost:5173'];
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:9999/', dev)).toBe(false);
  });

  it('navigates only within the app', () => {
    expect(isAllowedNavigation('app://mass-start/console/index.html', origins)).toBe(true);
    expect(isAllowedNavigation('https://example.com/', origins)).toBe(false);
    expect(isAllowedNavigation('file:///tmp/x.html', origins)).toBe(false);
  });
});

describe('session policy', () => {
  const session = new FakeSession();
  const log: string[] = [];
  applySessionPolicy(session as unknown as Session, origins, (line) => log.push(line));

  it('denies every permission request, check and device', () => {
    const answers: boolean[] = [];
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
    ]) {
      session.permissionRequest!(
        { getURL: () => 'app://mass-start/console/index.html' },
        permission,
        (granted) => answers.push(granted),
      );
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(session.permissionCheck!()).toBe(false);
    expect(session.devicePermission!()).toBe(false);
    expect(log[0]).toContain('permission "media" denied');
  });

  it('cancels requests for remote content', () => {
    const cancel = (url: string) => {
      let result: boolean | undefined;
      session.beforeRequest!({ url }, (response) => (result = response.cancel));
      return result;
    };
    expect(cancel('https://cdn.example.com/pixi.js')).toBe(true);
    expect(cancel('app://mass-start/assets/board.js')).toBe(false);
  });
});

describe('hardened web contents', () => {
  const contents = new FakeWebContents();
  const log: string[] = [];
  hardenWebContents(contents as unknown as WebContents, origins, (line) => log.push(line));

  it('blocks navigation, frame navigation and redirects away from the app', () => {
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = navigationEvent('https://evil.example/');
      contents.emit(event, away);
      expect(away.prevented).toBe(true);
      const inside = navigationEvent('app://mass-start/board/index.html');
      contents.emit(event, inside);
      expect(inside.prevented).toBe(false);
    }
  });

  it('denies new windows and webviews', () => {
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://mass-start/console/index.html' })).toEqual({
      action: 'deny',
    });
    const webview = navigationEvent('');
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    expect(log.some((line) => line.includes('blocked a new window'))).toBe(true);
  });
});
