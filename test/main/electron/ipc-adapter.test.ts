import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostIpc } from '../../../src/main/electron/ipc-adapter.ts';
import { registerIpc } from '../../../src/main/electron/ipc-main.ts';
import { appOrigin } from '../../../src/main/electron/ipc-guard.ts';
import {
  ipcChannels,
  type OutputsRequest,
  type WindowRole,
} from '../../../src/shared/protocol/ipc.ts';
import type { IpcMain } from 'electron';
import { defaultDisplaySettings } from '../../../src/shared/protocol/program.ts';
import { FakeIpcMain, FakeWebContents, ipcEvent } from './fake-electron.ts';
import { openHost, type HostFixture } from '../../support/host-fixture.ts';
import { statesOf } from '../../support/patched-states.ts';

let fixture: HostFixture;
let hostIpc: HostIpc;
const log: string[] = [];

beforeEach(async () => {
  fixture = await openHost({ prefix: 'electron-host' });
  hostIpc = new HostIpc(fixture.host, (line) => log.push(line));
  log.length = 0;
});

afterEach(async () => {
  hostIpc.close();
  await fixture.close();
});

const window = (url = 'app://mass-start/board/index.html') => {
  const contents = new FakeWebContents();
  contents.url = url;
  return contents;
};
/** What the window shows after each push (a state, or a patch applied to the one before). */
const states = (contents: FakeWebContents) =>
  statesOf(contents.messages(ipcChannels.state) as string[]);

describe('HostIpc', () => {
  it('sends the full state at once on subscribe, and what changed after every change', async () => {
    const board = window();
    hostIpc.subscribe(board, null);
    expect(states(board)).toHaveLength(1);
    expect(states(board)[0]!.race?.id).toBe('men-semi-1');
    await fixture.host.submit({ kind: 'single', command: { type: 'race/started' } }, 'test');
    expect(states(board)).toHaveLength(2);
    expect(states(board)[1]!.revision).toBe(fixture.host.revision);
  });

  it('serializes a state once for every window following the same race', async () => {
    const [board, overlay] = [window(), window()];
    hostIpc.subscribe(board, null);
    hostIpc.subscribe(overlay, null);
    await fixture.host.submit({ kind: 'single', command: { type: 'race/started' } }, 'test');
    expect(board.messages(ipcChannels.state).at(-1)).toBe(
      overlay.messages(ipcChannels.state).at(-1),
    );
  });

  it('sends the full state again when a reloaded page subscribes again (watchdog recovery)', () => {
    const board = window();
    hostIpc.subscribe(board, null);
    hostIpc.unsubscribe(board); // renderer gone
    hostIpc.subscribe(board, null); // the reloaded page's preload
    expect(states(board)).toHaveLength(2);
    expect(hostIpc.size).toBe(1);
  });

  it('stops sending to unsubscribed, closed and destroyed windows', async () => {
    const [a, b, c] = [window(), window(), window()];
    hostIpc.subscribe(a, null);
    hostIpc.subscribe(b, null);
    hostIpc.subscribe(c, null);
    hostIpc.unsubscribe(a);
    hostIpc.forget(b);
    c.destroyed = true;
    await fixture.host.submit({ kind: 'single', command: { type: 'race/started' } }, 'test');
    expect([states(a), states(b), states(c)].map((list) => list.length)).toEqual([1, 1, 1]);
  });

  it('lets the console command the race and gives its reply', async () => {
    const console = window('app://mass-start/console/index.html');
    const started = await hostIpc.request(console, 'console', {
      type: 'command',
      id: 'a1',
      command: { type: 'race/started' },
    });
    expect(started).toMatchObject({ type: 'ack', id: 'a1', ok: true, raceId: 'men-semi-1' });
    // Journaled as what carried it: the IPC adapter, not the WebSocket code it once borrowed.
    expect(fixture.host.journal('men-semi-1')!.entries.at(-1)).toMatchObject({
      source: 'ipc',
      event: { type: 'race/started' },
    });
    const refused = await hostIpc.request(console, 'console', {
      type: 'command',
      id: 'a2',
      command: { type: 'sprint/placed', sprint: 1, bibs: [44] },
    });
    expect(refused).toMatchObject({
      type: 'error',
      id: 'a2',
      status: 400,
      error: expect.stringContaining('sprint 1'),
    });
  });

  it('gives board and overlay the view role: read and subscribe, no commands', async () => {
    const board = window();
    const refused = await hostIpc.request(board, 'board', {
      type: 'command',
      id: 7,
      command: { type: 'race/started' },
    });
    expect(refused).toMatchObject({ type: 'error', id: 7, status: 403 });
    expect(fixture.host.race()!.revision).toBe(2); // configured and start list only: not started
    const journal = await hostIpc.request(board, 'overlay', {
      type: 'journal',
      id: 'j',
      race: 'men-semi-1',
    });
    expect(journal).toMatchObject({ type: 'journal', id: 'j', raceId: 'men-semi-1' });
  });

  it('answers subscribe requests with an ack and follows the race asked for', async () => {
    const console = window('app://mass-start/console/index.html');
    const reply = await hostIpc.request(console, 'console', {
      type: 'subscribe',
      race: 'men-semi-1',
    });
    expect(reply).toMatchObject({ type: 'ack', ok: true, revision: fixture.host.revision });
    expect(states(console)).toHaveLength(1);
  });

  it('validates requests as the WebSocket does', async () => {
    const console = window('app://mass-start/console/index.html');
    expect(await hostIpc.request(console, 'console', { type: 'shutdown' })).toMatchObject({
      type: 'error',
      status: 400,
      error: expect.stringContaining('unknown message type "shutdown"'),
    });
    expect(await hostIpc.request(console, 'console', 'lap')).toMatchObject({
      type: 'error',
      status: 400,
    });
    expect(
      await hostIpc.request(console, 'console', {
        type: 'program',
        id: 'big',
        command: { type: 'meeting/renamed', name: 'x'.repeat(70_000) },
      }),
    ).toMatchObject({
      type: 'error',
      id: 'big',
      status: 400,
      error: expect.stringContaining('larger than'),
    });
  });

  it('refuses unknown fields and __proto__ keys as the WebSocket does, journaling nothing', async () => {
    const console = window('app://mass-start/console/index.html');
    const journal = await readFile(fixture.journalPath);
    const forbidden = '(__proto__, constructor and prototype are never accepted)';
    // What Electron hands main: a structured clone of the page's object, own __proto__ keys kept.
    const sent = (json: string) =>
      hostIpc.request(console, 'console', structuredClone(JSON.parse(json)));
    const cases: [string, string][] = [
      [
        '{"type":"command","id":1,"command":{"type":"skater/statusChanged","bib":11,"status":"DNF","lap":9}}',
        'command.lap: unknown field "lap" (did you mean "laps"?)',
      ],
      [
        '{"type":"program","id":2,"command":{"type":"display/configured","theme":"default","overlayTp":4}}',
        'overlayTp: unknown field "overlayTp" (did you mean "overlayTop"?)',
      ],
      [
        '{"type":"batch","id":3,"commands":[{"type":"race/started"},{"type":"lap/completed","__proto__":{"x":1}}]}',
        `commands[1].__proto__: forbidden field "__proto__" ${forbidden}`,
      ],
      [
        '{"type":"command","id":4,"command":{"type":"skater/edited","bib":2,"prototype":{}}}',
        `command.prototype: forbidden field "prototype" ${forbidden}`,
      ],
    ];
    for (const [json, error] of cases)
      expect(await sent(json)).toEqual({
        type: 'error',
        id: (JSON.parse(json) as { id: number }).id,
        ok: false,
        status: 400,
        error,
      });
    expect(await readFile(fixture.journalPath)).toEqual(journal);
    expect(fixture.host.program().display).toEqual(defaultDisplaySettings);
    expect(
      await sent(
        '{"type":"command","id":5,"command":{"type":"skater/statusChanged","bib":11,"status":"DNF","laps":9}}',
      ),
    ).toMatchObject({ type: 'ack', ok: true });
  });
});

describe('registerIpc', () => {
  const roles = new Map<number, WindowRole>();
  let ipcMain: FakeIpcMain;
  let outputs: OutputsRequest[];
  let beats: number[];
  let unregister: () => void;
  const console = window('app://mass-start/console/index.html');
  const board = window('app://mass-start/board/index.html');
  const stranger = window('app://mass-start/console/index.html');
  roles.set(console.id, 'console').set(board.id, 'board');

  beforeEach(() => {
    ipcMain = new FakeIpcMain();
    outputs = [];
    beats = [];
    console.sent.length = 0;
    board.sent.length = 0;
    unregister = registerIpc(ipcMain as unknown as IpcMain, {
      roles: () => roles,
      origins: [appOrigin],
      hostIpc,
      outputs: (request) => (
        outputs.push(request),
        {
          ok: true,
          outputs: {
            displays: [],
            board: {
              open: false,
              mode: 'display',
              displayId: null,
              chosenLabel: null,
              waitingForDisplay: false,
            },
            overlay: {
              open: false,
              mode: 'display',
              displayId: null,
              chosenLabel: null,
              waitingForDisplay: false,
            },
            testPattern: false,
          },
        }
      ),
      heartbeat: (id) => beats.push(id),
      log: (line) => log.push(line),
    });
  });

  it('routes checked messages: subscribe, request, heartbeat, outputs', async () => {
    ipcMain.emit(ipcChannels.subscribe, ipcEvent(board), { race: null });
    expect(board.messages(ipcChannels.state)).toHaveLength(1);
    expect(
      await ipcMain.invoke(ipcChannels.request, ipcEvent(console), {
        type: 'command',
        command: { type: 'race/started' },
      }),
    ).toMatchObject({ type: 'ack', ok: true });
    expect(board.messages(ipcChannels.state)).toHaveLength(2);
    ipcMain.emit(ipcChannels.heartbeat, ipcEvent(board));
    expect(beats).toEqual([board.id]);
    expect(
      await ipcMain.invoke(ipcChannels.outputs, ipcEvent(console), { action: 'identify' }),
    ).toMatchObject({ ok: true });
    expect(outputs).toEqual([{ action: 'identify' }]);
    ipcMain.emit(ipcChannels.unsubscribe, ipcEvent(board), {});
    expect(hostIpc.size).toBe(0);
  });

  it('refuses strangers, foreign frames and roles without the right, and logs it once', async () => {
    expect(
      await ipcMain.invoke(ipcChannels.request, ipcEvent(stranger), {
        type: 'command',
        command: { type: 'race/started' },
      }),
    ).toEqual({
      type: 'error',
      ok: false,
      status: 403,
      error: 'refused: not one of our windows',
    });
    expect(
      await ipcMain.invoke(ipcChannels.request, ipcEvent(console, 'https://evil.example/'), {
        type: 'journal',
        race: 'men-semi-1',
      }),
    ).toMatchObject({ status: 403 });
    expect(await ipcMain.invoke(ipcChannels.outputs, ipcEvent(board), { action: 'list' })).toEqual({
      ok: false,
      error: 'refused: the board window may not use this channel',
    });
    ipcMain.emit(
      ipcChannels.subscribe,
      ipcEvent(console, 'app://mass-start/console/index.html', false),
      { race: null },
    );
    ipcMain.emit(ipcChannels.heartbeat, ipcEvent(console));
    ipcMain.emit(ipcChannels.heartbeat, ipcEvent(console));
    expect(console.messages(ipcChannels.state)).toHaveLength(0);
    expect(beats).toEqual([]);
    expect(outputs).toEqual([]);
    expect(fixture.host.race()!.revision).toBe(2); // configured and start list only: not started
    expect(log.filter((line) => line.includes('heartbeat'))).toHaveLength(1);
  });

  it('refuses bad payloads', async () => {
    ipcMain.emit(ipcChannels.subscribe, ipcEvent(board), { race: { $gt: '' } });
    expect(board.messages(ipcChannels.state)).toHaveLength(0);
    expect(
      await ipcMain.invoke(ipcChannels.outputs, ipcEvent(console), {
        action: 'place',
        output: 'board',
        target: 'everywhere',
      }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('target') });
  });

  it('removes its handlers', () => {
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listenerCount(ipcChannels.subscribe)).toBe(0);
  });
});
