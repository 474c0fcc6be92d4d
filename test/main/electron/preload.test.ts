// The preload runs against a stand-in of Electron's renderer modules (the binary cannot run here).
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels, type MassStartBridge } from '../../../src/shared/protocol/ipc.ts';

const exposed = new Map<string, unknown>();
class FakeIpcRenderer extends EventEmitter {
  sent: [string, unknown][] = [];
  invoked: [string, unknown][] = [];
  send(channel: string, payload?: unknown) {
    this.sent.push([channel, payload]);
  }
  invoke(channel: string, payload: unknown) {
    this.invoked.push([channel, payload]);
    return Promise.resolve({ type: 'ack', ok: true, revision: 1 });
  }
}
const ipcRenderer = new FakeIpcRenderer();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

const argv = process.argv;
async function load(role: string | null): Promise<MassStartBridge | undefined> {
  process.argv = role ? [...argv, `--mass-start-role=${role}`] : [...argv];
  vi.resetModules();
  await import('../../../src/preload/index.ts');
  return exposed.get('massStart') as MassStartBridge | undefined;
}

beforeEach(() => {
  vi.useFakeTimers();
  exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.sent = [];
  ipcRenderer.invoked = [];
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  process.argv = argv;
});

describe('preload bridge', () => {
  it('exposes only window.massStart with its verbs, never ipcRenderer', async () => {
    const bridge = (await load('board'))!;
    expect([...exposed.keys()]).toEqual(['massStart']);
    expect(Object.keys(bridge).sort()).toEqual(['platform', 'send', 'subscribe', 'windowRole']);
    expect(bridge).toMatchObject({ platform: 'electron', windowRole: 'board' });
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
  });

  it('gives the console the outputs and notices, and no one else', async () => {
    const console = (await load('console'))!;
    expect(Object.keys(console).sort()).toEqual([
      'onNotice',
      'onShowPanel',
      'outputs',
      'platform',
      'send',
      'subscribe',
      'windowRole',
    ]);
    await console.outputs!.request({ action: 'identify' });
    expect(ipcRenderer.invoked).toEqual([[ipcChannels.outputs, { action: 'identify' }]]);
    const notices: string[] = [];
    const stop = console.onNotice!((text) => notices.push(text));
    ipcRenderer.emit(ipcChannels.notice, { sender: 'event' }, 'nothing to redo');
    stop();
    ipcRenderer.emit(ipcChannels.notice, {}, 'not heard');
    expect(notices).toEqual(['nothing to redo']);
    // The menu's Hosts > Run as standby of… asks the console to show its Hosts panel.
    const panels: string[] = [];
    console.onShowPanel!((panel) => panels.push(panel));
    ipcRenderer.emit(ipcChannels.showPanel, {}, 'hosts');
    expect(panels).toEqual(['hosts']);
    const overlay = (await load('overlay'))!;
    expect(overlay.outputs).toBeUndefined();
  });

  it('subscribes, passes states through and unsubscribes after the last listener', async () => {
    const bridge = (await load('overlay'))!;
    const a: string[] = [];
    const b: string[] = [];
    const stopA = bridge.subscribe((state) => a.push(state));
    const stopB = bridge.subscribe((state) => b.push(state), 'men-semi-1');
    expect(ipcRenderer.sent.filter(([channel]) => channel === ipcChannels.subscribe)).toEqual([
      [ipcChannels.subscribe, { race: null, journal: false }],
      [ipcChannels.subscribe, { race: 'men-semi-1', journal: false }],
    ]);
    ipcRenderer.emit(ipcChannels.state, {}, '{"type":"state"}');
    expect([a, b]).toEqual([['{"type":"state"}'], ['{"type":"state"}']]);
    stopA();
    expect(ipcRenderer.sent.some(([channel]) => channel === ipcChannels.unsubscribe)).toBe(false);
    stopB();
    expect(ipcRenderer.sent.at(-1)).toEqual([ipcChannels.unsubscribe, {}]);
  });

  it('sends requests by invoke and resolves with the reply', async () => {
    const bridge = (await load('console'))!;
    await expect(
      bridge.send({ type: 'command', command: { type: 'lap/completed' } }),
    ).resolves.toEqual({ type: 'ack', ok: true, revision: 1 });
    expect(ipcRenderer.invoked).toEqual([
      [ipcChannels.request, { type: 'command', command: { type: 'lap/completed' } }],
    ]);
  });

  it('beats the heart of board and overlay pages only', async () => {
    await load('board');
    vi.advanceTimersByTime(1000);
    expect(ipcRenderer.sent.filter(([channel]) => channel === ipcChannels.heartbeat)).toHaveLength(
      4,
    );
    vi.clearAllTimers();
    ipcRenderer.sent = [];
    await load('console');
    vi.advanceTimersByTime(1000);
    expect(ipcRenderer.sent).toEqual([]);
  });

  it('exposes nothing to a page main did not give a role', async () => {
    expect(await load(null)).toBeUndefined();
    expect(await load('admin')).toBeUndefined();
  });
});
