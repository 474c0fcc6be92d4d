// Issue 19, part 3: a finish time for a skater still racing was accepted at 16 laps to go, and
// the public feed showed it. Over every transport the real host refuses it (400, the skater
// named), journals nothing and publishes nothing; once the skater is in the finish order his
// time is taken, and a retyped one too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostIpc } from '../../../src/main/electron/ipc-adapter.ts';
import type { Feed } from '../../../src/shared/feed/schema.ts';
import type { AckMessage, ErrorMessage } from '../../../src/shared/protocol/socket.ts';
import { startApi, TestSocket, type ApiFixture } from '../../support/api-server.ts';
import { FakeWebContents } from '../electron/fake-electron.ts';

let api: ApiFixture;
let ipc: HostIpc;
let socket: TestSocket;
const log: string[] = [];
beforeEach(async () => {
  api = await startApi();
  ipc = new HostIpc(api.host, (line) => log.push(line));
  socket = await TestSocket.open(api.server.url, { token: api.tokens.control });
  await socket.next('state');
});
afterEach(async () => {
  socket.close();
  ipc.close();
  await api.close();
});

const refusal = '#7 has not finished: record the finish order first';
const timeOf7 = { type: 'finish/timed', bib: 7, time: 484_510 };

/** The console window as the Electron shell has it. */
function consoleWindow(): FakeWebContents {
  const contents = new FakeWebContents();
  contents.url = 'app://mass-start/console/index.html';
  return contents;
}

/** Sends one race command over a transport; the reply as `status error`, or `ok`. */
const over = {
  async http(command: unknown): Promise<string> {
    const reply = await api.call(`/api/v1/races/${api.raceId}/commands`, { body: command });
    return reply.status === 200 ? 'ok' : `${reply.status} ${reply.json.error}`;
  },
  async ws(command: unknown): Promise<string> {
    const id = `c${Math.random()}`;
    socket.send({ type: 'command', id, command });
    for (;;) {
      const message = await socket.next();
      if (message.type !== 'ack' && message.type !== 'error') continue;
      if (message.id === id) return message.ok ? 'ok' : `${message.status} ${message.error}`;
    }
  },
  async ipc(command: unknown): Promise<string> {
    const message = await ipc.request(consoleWindow(), 'console', { type: 'command', command });
    const reply = message as AckMessage | ErrorMessage;
    return reply.ok ? 'ok' : `${reply.status} ${reply.error}`;
  },
};

/** The public feed's row of skater 7. */
async function publicRow7(): Promise<Feed['standings'][number]> {
  const live = (await (await fetch(`${api.server.url}/public/v1/live.json`)).json()) as {
    race: Feed;
  };
  return live.race.standings.find((row) => row.helmet === 7)!;
}

describe('a finish time for a skater still racing, over HTTP, WebSocket and IPC', () => {
  it('is refused at 16 laps to go and after the finish until he is in the finish order', async () => {
    const on = { type: 'public/configured', enabled: true };
    expect((await api.call('/api/v1/program', { body: on })).status).toBe(200);
    expect(await over.http({ type: 'race/started' })).toBe('ok');
    expect(api.host.race()!.lapsToGo).toBe(16);

    const journal = await api.journalBytes();
    const revision = api.host.race()!.revision;
    const replies = [await over.http(timeOf7), await over.ws(timeOf7), await over.ipc(timeOf7)];
    expect(replies).toEqual([`400 ${refusal}`, `400 ${refusal}`, `400 ${refusal}`]);
    expect(await api.journalBytes()).toEqual(journal);
    expect(api.host.race()!.revision).toBe(revision);
    expect(await publicRow7()).toMatchObject({ helmet: 7, time: null, timeMs: null });

    // The leader finishes; 7 is not in the finish order yet: still refused, on every transport.
    expect(await over.ws({ type: 'laps/corrected', lapsCompleted: 16 })).toBe('ok');
    expect(await over.ipc({ type: 'finish/recorded', bibs: [3, 1] })).toBe('ok');
    const finishing = await api.journalBytes();
    expect([await over.http(timeOf7), await over.ws(timeOf7), await over.ipc(timeOf7)]).toEqual([
      `400 ${refusal}`,
      `400 ${refusal}`,
      `400 ${refusal}`,
    ]);
    expect(await api.journalBytes()).toEqual(finishing);

    // In the finish order, his time is taken over each of them, the last one typed in force.
    expect(await over.http({ type: 'finish/appended', bibs: [7] })).toBe('ok');
    expect(await over.http(timeOf7)).toBe('ok');
    expect(await over.ws({ ...timeOf7, time: 484_150 })).toBe('ok');
    expect(await over.ipc({ ...timeOf7, time: 484_160 })).toBe('ok');
    expect(api.host.race()!.state.times[7]).toBe(484_160);
    expect(await publicRow7()).toMatchObject({ time: '8:04.16', timeMs: 484_160 });
    const sources = api.host
      .journal(api.raceId)!
      .entries.filter((entry) => entry.event.type === 'finish/timed')
      .map((entry) => entry.source);
    expect(sources).toEqual(['http', 'ws', 'ipc']);
    expect(log).toEqual([]);
  });

  it('a batch that times a skater before placing him is refused whole; placed first, it passes', async () => {
    expect(await over.http({ type: 'race/started' })).toBe('ok');
    expect(await over.http({ type: 'laps/corrected', lapsCompleted: 16 })).toBe('ok');
    const journal = await api.journalBytes();
    const early = await api.call(`/api/v1/races/${api.raceId}/commands`, {
      body: { commands: [timeOf7, { type: 'finish/recorded', bibs: [7] }] },
    });
    expect(early.status).toBe(400);
    expect(early.json.error).toContain(refusal);
    expect(await api.journalBytes()).toEqual(journal);
    const placed = await api.call(`/api/v1/races/${api.raceId}/commands`, {
      body: { commands: [{ type: 'finish/recorded', bibs: [7] }, timeOf7] },
    });
    expect(placed.status).toBe(200);
    expect(api.host.race()!.state.times).toEqual({ 7: 484_510 });
  });
});
