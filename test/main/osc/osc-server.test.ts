import { createSocket, type Socket } from 'node:dgram';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBuffer, toBuffer, type OscMessageOutput, type OscPacketInput } from 'osc-min';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RaceHost } from '../../../src/main/host/host.ts';
import { startOscServer, type OscServer } from '../../../src/main/osc/osc-server.ts';
import { skaters } from '../../support/race.ts';

/** A UDP client that sends OSC packets and collects the server's answers. */
interface Client {
  readonly replies: OscMessageOutput[];
  send(packet: OscPacketInput | Buffer): Promise<void>;
  close(): Promise<void>;
}

let dataDir: string;
let host: RaceHost;
let raceId: string;
let server: OscServer | null;
let client: Client | null;
let logs: string[];

async function openClient(port: number, bindAddress = '127.0.0.1'): Promise<Client> {
  const socket: Socket = createSocket('udp4');
  const replies: OscMessageOutput[] = [];
  socket.on('message', (data) => replies.push(fromBuffer(data) as OscMessageOutput));
  await new Promise<void>((resolve) => socket.bind(0, bindAddress, resolve));
  return {
    replies,
    send: (packet) => {
      const data = Buffer.isBuffer(packet)
        ? packet
        : Buffer.from(
            (({ buffer, byteOffset, byteLength }) =>
              new Uint8Array(buffer, byteOffset, byteLength))(toBuffer(packet)),
          );
      return new Promise<void>((resolve, reject) =>
        socket.send(data, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())),
      );
    },
    close: () => new Promise<void>((resolve) => socket.close(resolve)),
  };
}

/** Polls until `check` holds (or fails after a short timeout). */
async function until(check: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function start(allowFrom?: string[]): Promise<Client> {
  server = await startOscServer({
    host,
    port: 0,
    ...(allowFrom ? { allowFrom } : {}),
    log: (line) => logs.push(line),
  });
  client = await openClient(server.port);
  return client;
}

const msg = (
  address: string,
  ...args: (number | string | { type: 'float' | 'integer' | 'string'; value: number | string })[]
) => ({ address, args }) as OscPacketInput;
const bundle = (...elements: OscPacketInput[]): OscPacketInput => ({ timetag: [0, 1], elements });
const journalFile = () => join(dataDir, 'races', `${raceId}.jsonl`);
const replyAt = (c: Client, index: number) =>
  c.replies[index] && { address: c.replies[index].address, value: c.replies[index].args[0]?.value };

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'osc-'));
  logs = [];
  server = null;
  client = null;
  host = await RaceHost.open({ dataDir });
  const added = await host.programCommand(
    {
      type: 'race/added',
      title: 'Semi 1',
      category: 'Men',
      round: 'semi',
      qualifiers: 8,
      format: 'isu-2018',
    },
    'test',
  );
  if (!added.ok) throw new Error(added.error);
  raceId = added.raceId!;
  const listed = await host.submit(
    { kind: 'single', command: { type: 'startList/set', skaters: skaters(12) } },
    'test',
  );
  if (!listed.ok) throw new Error(listed.error);
});

afterEach(async () => {
  await client?.close();
  await server?.close();
  await host.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the OSC server', () => {
  it('counts a lap, answers /massstart/ok <revision> and journals it with source "osc"', async () => {
    const c = await start();
    await c.send(msg('/massstart/lap'));
    await until(() => host.race()!.lapsToGo === 15, 'laps to go 15');
    await until(() => c.replies.length === 1, 'the answer');
    expect(replyAt(c, 0)).toEqual({ address: '/massstart/ok', value: host.revision });
    const last = (await readFile(journalFile(), 'utf8')).trim().split('\n').at(-1)!;
    expect(JSON.parse(last)).toMatchObject({
      seq: 3,
      source: 'osc',
      event: { type: 'lap/completed' },
    });
  });

  it('applies a bundle in order, then sprint placings (floats and numeric strings) and undo', async () => {
    const c = await start();
    await c.send(
      bundle(
        msg('/massstart/start'),
        msg('/massstart/lap'),
        bundle(msg('/massstart/lap'), msg('/massstart/lap')),
      ),
    );
    await until(() => host.race()!.lapsToGo === 13, 'laps to go 13');
    await c.send(
      msg('/massstart/sprint', { type: 'float', value: 1 }, 12, { type: 'float', value: 7 }, '3'),
    );
    await until(() => host.race()!.state.sprints[0]?.length === 3, 'sprint 1 placings');
    expect(host.race()!.state.sprints[0]).toEqual([12, 7, 3]);
    await c.send(msg('/massstart/undo'));
    await until(() => (host.race()!.state.sprints[0] ?? []).length === 0, 'the sprint undone');
    await until(() => c.replies.length === 3, 'three answers');
    expect(c.replies.map((reply) => reply.address)).toEqual([
      '/massstart/ok',
      '/massstart/ok',
      '/massstart/ok',
    ]);
    expect(host.race()!.lapsToGo).toBe(13);
  });

  it('changes the board scene, an overlay element and the active race', async () => {
    const second = await host.programCommand(
      {
        type: 'race/added',
        title: 'Semi 2',
        category: 'Men',
        round: 'semi',
        qualifiers: 8,
        format: 'isu-2018',
      },
      'test',
    );
    const c = await start();
    await c.send(msg('/massstart/scene', 'results'));
    await until(() => host.program().scenes.board === 'results', 'the results scene');
    await c.send(msg('/massstart/overlay', 'lapsToGo', 1));
    await until(() => host.program().scenes.overlay.lapsToGo, 'the laps-to-go overlay');
    await c.send(msg('/massstart/overlay', 'lapsToGo', { type: 'float', value: 0 }));
    await until(() => !host.program().scenes.overlay.lapsToGo, 'the overlay hidden');
    await c.send(msg('/massstart/race', second.ok ? second.raceId! : ''));
    await until(() => host.activeRaceId === 'semi-2', 'semi 2 active');
  });

  it('stops a bundle at the first refusal and says which message and how many were skipped', async () => {
    const c = await start();
    await c.send(
      bundle(msg('/massstart/lap'), msg('/massstart/advance', 77), msg('/massstart/lap')),
    );
    await until(() => c.replies.length === 1, 'the answer');
    expect(replyAt(c, 0)).toEqual({
      address: '/massstart/error',
      value: expect.stringMatching(
        /^message 2 of 3: \/massstart\/advance: helmet number 77 is not on the start list \(1 later message not applied\)$/,
      ),
    });
    expect(host.race()!.lapsToGo).toBe(15);
  });

  it('leaves the journal byte-identical for refused, unknown, malformed and garbage packets, and keeps serving', async () => {
    const c = await start();
    const before = await readFile(journalFile());
    const revision = host.revision;
    await c.send(msg('/massstart/sprint', 1, 12, 7)); // refused by the engine: not started
    await c.send(msg('/massstart/jump'));
    await c.send(msg('/massstart/finish', { type: 'float', value: 2.5 }));
    await c.send(bundle(msg('/massstart/lap'), msg('/massstart/status', 3, 'GONE'))); // one bad message: nothing applied
    await c.send(Buffer.from('definitely not OSC \u0000\u0001\u0002'));
    await c.send(Buffer.from([0x2f, 0x78, 0xff, 0xfe, 0, 0, 0]));
    await c.send(msg('/massstart/ok', 99)); // our own answers are never acted on nor answered
    await until(() => c.replies.length === 6, 'six error answers');
    expect(c.replies.map((reply) => reply.address)).toEqual(Array(6).fill('/massstart/error'));
    expect(c.replies.map((reply) => reply.args[0]?.value)).toEqual([
      expect.stringMatching(/^\/massstart\/sprint: the race has not started$/),
      expect.stringMatching(/^unknown OSC address "\/massstart\/jump" \(known: \/massstart\/lap, /),
      expect.stringMatching(/must be a whole number, got float 2\.5/),
      expect.stringMatching(
        /^message 2 of 2: \/massstart\/status: argument 2 \(status\) must be one of/,
      ),
      expect.stringMatching(/^not an OSC packet/),
      expect.stringMatching(/^not an OSC packet/),
    ]);
    expect(await readFile(journalFile())).toEqual(before);
    expect(host.revision).toBe(revision);
    expect(logs.filter((line) => line.startsWith('osc: refused from 127.0.0.1:'))).toHaveLength(6);
    await c.send(msg('/massstart/lap'));
    await until(() => host.race()!.lapsToGo === 15, 'the server still counting laps');
    await until(() => c.replies.length === 7, 'the seventh answer');
    expect(replyAt(c, 6)?.address).toBe('/massstart/ok');
  });

  it('drops datagrams from peers not in allowFrom, without answering', async () => {
    const c = await start(['127.0.0.2']);
    const before = await readFile(journalFile());
    await c.send(msg('/massstart/lap'));
    await until(
      () =>
        logs.some((line) =>
          /dropped a datagram from 127\.0\.0\.1:\d+: not in allowFrom \(127\.0\.0\.2\)/.test(line),
        ),
      'the drop logged',
    );
    expect(host.race()!.lapsToGo).toBe(16);
    expect(await readFile(journalFile())).toEqual(before);
    if (process.platform === 'linux') {
      // The whole 127/8 is loopback on Linux: the allowed peer gets through.
      const allowed = await openClient(server!.port, '127.0.0.2');
      try {
        await allowed.send(msg('/massstart/lap'));
        await until(() => host.race()!.lapsToGo === 15, 'the allowed lap');
        await until(() => allowed.replies.length === 1, 'the answer to the allowed peer');
      } finally {
        await allowed.close();
      }
    }
    expect(c.replies).toEqual([]);
  });
});
