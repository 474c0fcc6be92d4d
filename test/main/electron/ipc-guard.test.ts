import { describe, expect, it } from 'vitest';
import {
  channelRoles,
  checkRequestSize,
  maxRequestBytes,
  parseOutputsRequest,
  parseSubscribe,
} from '../../../src/main/electron/ipc-contract.ts';
import {
  appOrigin,
  checkSender,
  originOf,
  senderOf,
} from '../../../src/main/electron/ipc-guard.ts';
import { ipcChannels, type WindowRole } from '../../../src/shared/protocol/ipc.ts';
import { FakeWebContents, ipcEvent } from './fake-electron.ts';

const roles = new Map<number, WindowRole>([
  [1, 'console'],
  [2, 'board'],
]);
const sender = (
  webContentsId: number,
  frameUrl: string | null = 'app://mass-start/console/index.html',
  isMainFrame = true,
) => ({ webContentsId, frameUrl, isMainFrame });
const all = ['console', 'board', 'overlay'] as const;

describe('checkSender', () => {
  it('accepts the top frame of our window on our origin, with the window role', () => {
    expect(checkSender(sender(1), roles, [appOrigin], all)).toEqual({ ok: true, role: 'console' });
    expect(
      checkSender(
        sender(2, 'app://mass-start/board/index.html?output=overlay'),
        roles,
        [appOrigin],
        all,
      ),
    ).toEqual({ ok: true, role: 'board' });
  });

  it('refuses unknown windows, foreign origins, subframes and gone frames', () => {
    expect(checkSender(sender(3), roles, [appOrigin], all)).toEqual({
      ok: false,
      reason: 'not one of our windows',
    });
    expect(checkSender(sender(1, 'https://evil.example/'), roles, [appOrigin], all)).toMatchObject({
      ok: false,
      reason: 'untrusted origin https://evil.example',
    });
    expect(checkSender(sender(1, 'file:///tmp/page.html'), roles, [appOrigin], all).ok).toBe(false);
    expect(checkSender(sender(1, 'app://mass-start.evil/x'), roles, [appOrigin], all).ok).toBe(
      false,
    );
    expect(
      checkSender(sender(1, 'app://mass-start/console/index.html', false), roles, [appOrigin], all),
    ).toMatchObject({ ok: false, reason: 'only the top frame of a window may use IPC' });
    expect(checkSender(sender(1, null), roles, [appOrigin], all)).toMatchObject({
      ok: false,
      reason: 'the sending frame is gone',
    });
  });

  it('refuses a channel the window role may not use', () => {
    expect(
      checkSender(
        sender(2, 'app://mass-start/board/index.html'),
        roles,
        [appOrigin],
        channelRoles[ipcChannels.outputs],
      ),
    ).toEqual({ ok: false, reason: 'the board window may not use this channel' });
    expect(checkSender(sender(1), roles, [appOrigin], channelRoles[ipcChannels.heartbeat]).ok).toBe(
      false,
    );
  });

  it('reads the sender of an Electron event', () => {
    const contents = new FakeWebContents();
    expect(senderOf(ipcEvent(contents, 'app://mass-start/x') as never)).toEqual({
      webContentsId: contents.id,
      frameUrl: 'app://mass-start/x',
      isMainFrame: true,
    });
    expect(senderOf(ipcEvent(contents, 'app://mass-start/x', false) as never).isMainFrame).toBe(
      false,
    );
    expect(senderOf({ sender: contents, senderFrame: null } as never).frameUrl).toBeNull();
  });

  it('computes origins of custom schemes (WHATWG says "null")', () => {
    expect(originOf('app://mass-start/console/index.html')).toBe('app://mass-start');
    expect(originOf('http://localhost:5173/board/')).toBe('http://localhost:5173');
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('::')).toBeNull();
  });
});

describe('payload validation', () => {
  it('subscribe: a race id or null', () => {
    expect(parseSubscribe({ race: null })).toEqual({
      ok: true,
      value: { race: null, journal: false },
    });
    expect(parseSubscribe({})).toEqual({ ok: true, value: { race: null, journal: false } });
    expect(parseSubscribe({ race: 'men-semi-1' })).toEqual({
      ok: true,
      value: { race: 'men-semi-1', journal: false },
    });
    expect(parseSubscribe({ race: null, journal: true })).toEqual({
      ok: true,
      value: { race: null, journal: true },
    });
    expect(parseSubscribe({ journal: 'yes' }).ok).toBe(false);
    expect(parseSubscribe({ race: 5 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^race:/),
    });
    expect(parseSubscribe({ race: 'x'.repeat(65) }).ok).toBe(false);
    expect(parseSubscribe({ race: null, extra: 1 }).ok).toBe(false);
    expect(parseSubscribe('men-semi-1').ok).toBe(false);
  });

  it('outputs: only the known actions, exact shapes', () => {
    expect(parseOutputsRequest({ action: 'list' })).toEqual({
      ok: true,
      value: { action: 'list' },
    });
    expect(
      parseOutputsRequest({ action: 'place', output: 'board', target: { displayId: 3 } }).ok,
    ).toBe(true);
    expect(parseOutputsRequest({ action: 'place', output: 'overlay', target: 'window' }).ok).toBe(
      true,
    );
    expect(parseOutputsRequest({ action: 'place', output: 'console', target: 'window' }).ok).toBe(
      false,
    );
    expect(parseOutputsRequest({ action: 'place', output: 'board', target: 'fullscreen' }).ok).toBe(
      false,
    );
    expect(parseOutputsRequest({ action: 'testPattern', visible: 'yes' }).ok).toBe(false);
    expect(parseOutputsRequest({ action: 'exec', command: 'rm -rf /' }).ok).toBe(false);
    expect(parseOutputsRequest(null).ok).toBe(false);
  });

  it('requests: refuses more than the WebSocket would take, and what is not JSON data', () => {
    expect(checkRequestSize({ type: 'command', command: { type: 'lap/completed' } }).ok).toBe(true);
    expect(
      checkRequestSize({ type: 'program', command: { name: 'x'.repeat(maxRequestBytes) } }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('larger than') });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(checkRequestSize(cyclic).ok).toBe(false);
    expect(checkRequestSize(undefined).ok).toBe(false);
  });
});
