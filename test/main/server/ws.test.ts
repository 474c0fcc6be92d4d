import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startApi, TestSocket, type ApiFixture } from '../../support/api-server.ts';

let api: ApiFixture;
const sockets: TestSocket[] = [];
beforeEach(async () => {
  api = await startApi();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  vi.restoreAllMocks();
  await api.close();
});

async function connect(query: Record<string, string>): Promise<TestSocket> {
  const socket = await TestSocket.open(api.server.url, query);
  sockets.push(socket);
  return socket;
}
const view = () => connect({ token: api.tokens.view });
const control = () => connect({ token: api.tokens.control });
const lap = { type: 'lap/completed' };

describe('the WebSocket API: state pushes', () => {
  it('sends the full state on connect: the program and the active race', async () => {
    const board = await view();
    const state = await board.next('state');
    expect(state).toEqual({ type: 'state', ...JSON.parse(JSON.stringify(api.host.snapshot())) });
    expect(state.race).toMatchObject({ id: 'men-semi-1', revision: 2, lapsToGo: 16 });
  });

  it('pushes the new state after a command sent over HTTP', async () => {
    const board = await view();
    await board.next('state');
    await api.call('/api/v1/commands', { body: { type: 'race/started' } });
    const pushed = await board.next('state');
    expect(pushed.revision).toBe(api.host.revision);
    expect(pushed.race).toMatchObject({ revision: 3, state: { started: true } });
    expect(pushed.program.races[0]!.revision).toBe(3);
  });

  it('follows a given race (?race= or subscribe) and the active one again with race: null', async () => {
    const second = await api.host.programCommand(
      {
        type: 'race/added',
        title: 'Men Semi 2',
        category: 'Men',
        round: 'semi',
        qualifiers: 8,
        format: 'isu-2018',
      },
      'test',
    );
    const overlay = await connect({
      token: api.tokens.view,
      race: second.ok ? second.raceId! : '',
    });
    expect((await overlay.next('state')).race!.id).toBe('men-semi-2');
    overlay.send({ type: 'subscribe', race: null });
    expect((await overlay.next('state')).race!.id).toBe('men-semi-1');
    overlay.send({ type: 'subscribe', race: 'men-semi-3' });
    expect((await overlay.next('state')).race).toBeNull();
    expect(await overlay.next('error')).toMatchObject({
      status: 404,
      error: /race "men-semi-3" is not in the program \(yet\)/,
    });
    await api.host.programCommand(
      {
        type: 'race/added',
        title: 'Men Semi 3',
        category: 'Men',
        round: 'semi',
        qualifiers: 8,
        format: 'isu-2018',
      },
      'test',
    );
    expect((await overlay.next('state')).race!.id).toBe('men-semi-3');
  });

  it('serializes each state once and sends the same text to every view following that race', async () => {
    const boards = await Promise.all([1, 2, 3, 4, 5].map(() => view()));
    await Promise.all(boards.map((board) => board.next('state')));
    const stringify = vi.spyOn(JSON, 'stringify');
    await api.call('/api/v1/commands', { body: { type: 'race/started' } });
    await Promise.all(boards.map((board) => board.next('state')));
    const calls = (name: string, form: 'ops' | 'value') =>
      stringify.mock.calls.filter(([value]) => {
        const message = value as { type?: string; name?: string } | null;
        return message?.type === 'value' && message.name === name && form in message;
      });
    // The state value whole and its change from the state before, each serialized once; the
    // change to every view (the replication channel, issue 20).
    expect(calls('state', 'value')).toHaveLength(1);
    expect(calls('state', 'ops')).toHaveLength(1);
    expect(new Set(boards.map((board) => board.raw.at(-1))).size).toBe(1);
    expect(JSON.parse(boards[0]!.raw.at(-1)!)).toMatchObject({ type: 'value', name: 'state' });
  });
});

describe('the WebSocket API: commands', () => {
  it('acknowledges a command and a batch with the new revisions, after the state push', async () => {
    const console = await control();
    await console.next('state');
    console.send({ type: 'command', id: 'c1', command: { type: 'race/started' }, revision: 2 });
    const state = await console.next('state');
    const ack = await console.next('ack');
    expect(ack).toMatchObject({
      id: 'c1',
      ok: true,
      raceId: 'men-semi-1',
      raceRevision: 3,
      entries: [{ seq: 3, source: 'ws' }],
    });
    expect(state.revision).toBe(ack.revision);
    console.send({ type: 'batch', id: 7, race: 'men-semi-1', commands: [lap, lap] });
    expect(await console.next('ack')).toMatchObject({ id: 7, raceRevision: 5 });
    expect(api.host.race()!.lapsToGo).toBe(14);
    console.send({
      type: 'program',
      id: 'p',
      command: { type: 'scene/shown', output: 'board', scene: 'results' },
    });
    expect(await console.next('ack')).toMatchObject({ id: 'p', ok: true });
    expect(api.host.program().scenes.board).toBe('results');
  });

  it('refuses bad commands with the reason and the status, journal untouched', async () => {
    const console = await control();
    await console.next('state');
    const before = await api.journalBytes();
    const cases: [unknown, number, RegExp][] = [
      [{ type: 'command', id: 1, command: lap, revision: 0 }, 409, /stale revision: you sent 0/],
      [
        { type: 'command', id: 2, command: { type: 'qualifier/advanced', bib: 77 } },
        400,
        /^helmet number 77 is not on the start list$/,
      ],
      [
        { type: 'command', id: 3, command: { type: 'teleport' } },
        400,
        /unknown command type "teleport"/,
      ],
      [{ type: 'batch', id: 4, commands: 'lap' }, 400, /1 to 500 commands/],
      [
        { type: 'command', id: 5, race: 'nope', command: lap },
        404,
        /race "nope" is not in the program/,
      ],
      [
        { type: 'program', id: 6, command: { type: 'race/activated', raceId: 'nope' } },
        404,
        /not in the program/,
      ],
      [{ type: 'journal', id: 7, race: 'nope' }, 404, /not in the program/],
    ];
    for (const [message, status, error] of cases) {
      console.send(message);
      const reply = await console.next('error');
      expect(reply, JSON.stringify(message)).toMatchObject({
        id: (message as { id: number }).id,
        status,
      });
      expect(reply.error).toMatch(error);
    }
    expect(await api.journalBytes()).toEqual(before);
  });

  it('answers frames that are not JSON or not a known message with an error and stays open', async () => {
    const console = await control();
    await console.next('state');
    console.send('{"type": "command", ');
    expect(await console.next('error')).toMatchObject({ status: 400, error: /^malformed JSON: / });
    console.send('hello');
    expect(await console.next('error')).toMatchObject({ status: 400, error: /^malformed JSON: / });
    console.send('[1,2]');
    expect(await console.next('error')).toMatchObject({
      status: 400,
      error: /expected a JSON object with a "type"/,
    });
    console.send({ type: 'dance', id: 'x' });
    expect(await console.next('error')).toMatchObject({
      id: 'x',
      status: 400,
      error: /unknown message type "dance" \(known: subscribe, command, batch, program, journal\)/,
    });
    console.send({ type: 'journal', id: 'j', race: 7 });
    expect(await console.next('error')).toMatchObject({ id: 'j', status: 400, error: /race/ });
    console.socket.send(Buffer.from([0xff, 0x00, 0x01]), { binary: true });
    expect(await console.next('error')).toMatchObject({
      status: 400,
      error: /binary frames are not accepted/,
    });
    console.send({ type: 'journal', id: 'ok', race: 'men-semi-1' });
    expect(await console.next('journal')).toMatchObject({
      id: 'ok',
      raceId: 'men-semi-1',
      entries: [{ seq: 1 }, { seq: 2 }],
      voided: [],
    });
    expect(console.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('lets the view token read and subscribe but not command (403)', async () => {
    const board = await view();
    await board.next('state');
    const before = await api.journalBytes();
    for (const message of [
      { type: 'command', id: 'a', command: lap },
      { type: 'batch', id: 'b', commands: [lap] },
      { type: 'program', id: 'c', command: { type: 'meeting/renamed', name: 'Hacked' } },
    ]) {
      board.send(message);
      expect(await board.next('error')).toMatchObject({
        id: message.id,
        status: 403,
        error: /view token may only read/,
      });
    }
    board.send({ type: 'journal', id: 'j', race: 'men-semi-1' });
    expect(await board.next('journal')).toMatchObject({ id: 'j' });
    expect(await api.journalBytes()).toEqual(before);
    expect(api.host.program().meeting).toBe('Mass Start meeting');
  });
});

describe('the WebSocket API: connections', () => {
  it('refuses an upgrade without a known token (401) and accepts the Bearer header', async () => {
    const wsUrl = `${api.server.url.replace('http', 'ws')}/api/v1/ws`;
    for (const url of [wsUrl, `${wsUrl}?token=wrong`]) {
      const status = await new Promise<number>((resolve) => {
        const socket = new WebSocket(url);
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => resolve(101));
        socket.on('error', () => undefined);
      });
      expect(status).toBe(401);
    }
    const withHeader = new WebSocket(wsUrl, {
      headers: { authorization: `Bearer ${api.tokens.control}` },
    });
    const first = await new Promise<string>((resolve) =>
      withHeader.once('message', (data) => resolve((data as Buffer).toString('utf8'))),
    );
    expect((JSON.parse(first) as { type: string }).type).toBe('state');
    withHeader.close();
  });

  it('closes a socket that sends more than the size limit, and the host keeps serving', async () => {
    const console = await control();
    await console.next('state');
    const closed = new Promise<number>((resolve) =>
      console.socket.once('close', (code) => resolve(code)),
    );
    console.send({
      type: 'command',
      command: { type: 'meeting/renamed', name: 'x'.repeat(70 * 1024) },
    });
    expect(await closed).toBe(1009);
    const other = await control();
    await other.next('state');
    other.send({ type: 'command', id: 1, command: { type: 'race/started' } });
    expect(await other.next('ack')).toMatchObject({ id: 1, ok: true });
  });

  it('pings, and closes a socket that stops answering', async () => {
    const quick = await startApi({ pingIntervalMs: 150 });
    try {
      const url = `${quick.server.url.replace('http', 'ws')}/api/v1/ws?token=${quick.tokens.view}`;
      const opened = (socket: WebSocket) => new Promise((resolve) => socket.once('open', resolve));
      const lively = new WebSocket(url);
      await opened(lively);
      const pinged = new Promise((resolve) => lively.once('ping', resolve));
      const mute = new WebSocket(url, { autoPong: false });
      const closed = new Promise<number>((resolve) => mute.once('close', resolve));
      await opened(mute);
      await pinged;
      expect(await closed).toBe(1006);
      expect(lively.readyState).toBe(WebSocket.OPEN);
      lively.close();
    } finally {
      await quick.close();
    }
  });
});
