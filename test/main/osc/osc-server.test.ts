import { createSocket, type Socket } from 'node:dgram';
import { readFile } from 'node:fs/promises';
import { fromBuffer, toBuffer, type OscMessageOutput, type OscPacketInput } from 'osc-min';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RaceHost } from '../../../src/main/host/host.ts';
import { startOscServer, type OscServer } from '../../../src/main/osc/osc-server.ts';
import type { JournalEntry } from '../../../src/shared/race/events.ts';
import { addRace, expectAccepted, openHost, type HostFixture } from '../../support/host-fixture.ts';

/** A UDP client that sends OSC packets and collects the server's answers. */
interface Client {
  readonly replies: OscMessageOutput[];
  send(packet: OscPacketInput | Buffer): Promise<void>;
  close(): Promise<void>;
}

let fixture: HostFixture;
let host: RaceHost;
let server: OscServer | null;
let clients: Client[];
let logs: string[];
/** The server's clock for its once-a-minute log lines (ms); tests move it. */
let clock: number;

/** Encodes an OSC packet with osc-min (what Companion and oscsend send). */
const encode = (packet: OscPacketInput): Buffer => {
  const view = toBuffer(packet);
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
};

async function openClient(port: number, bindAddress = '127.0.0.1'): Promise<Client> {
  const socket: Socket = createSocket('udp4');
  const replies: OscMessageOutput[] = [];
  socket.on('message', (data) => replies.push(fromBuffer(data) as OscMessageOutput));
  await new Promise<void>((resolve) => socket.bind(0, bindAddress, resolve));
  const client: Client = {
    replies,
    send: (packet) =>
      new Promise<void>((resolve, reject) =>
        socket.send(
          Buffer.isBuffer(packet) ? packet : encode(packet),
          port,
          '127.0.0.1',
          (error) => (error ? reject(error) : resolve()),
        ),
      ),
    close: () => new Promise<void>((resolve) => socket.close(resolve)),
  };
  clients.push(client);
  return client;
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
    now: () => clock,
  });
  return openClient(server.port);
}

/** Sends a packet and waits for the one answer it gets. */
async function ask(
  c: Client,
  packet: OscPacketInput | Buffer,
): Promise<{ address: string; value: unknown }> {
  const before = c.replies.length;
  await c.send(packet);
  await until(() => c.replies.length > before, 'the answer');
  const reply = c.replies[before]!;
  return { address: reply.address, value: reply.args[0]?.value };
}

const msg = (
  address: string,
  ...args: (
    number | string | { type: 'float' | 'integer' | 'string' | 'character'; value: number | string }
  )[]
) => ({ address, args }) as OscPacketInput;
const bundle = (...elements: OscPacketInput[]): OscPacketInput => ({ timetag: [0, 1], elements });

/** A bundle built byte by byte from raw elements, each given its big-endian int32 size. */
const rawBundle = (...elements: (Buffer | { size: number; bytes: Buffer })[]): Buffer =>
  Buffer.concat([
    Buffer.from('#bundle\0', 'latin1'),
    Buffer.alloc(8),
    ...elements.flatMap((element) => {
      const { size, bytes } = Buffer.isBuffer(element)
        ? { size: element.length, bytes: element }
        : element;
      const prefix = Buffer.alloc(4);
      prefix.writeInt32BE(size);
      return [prefix, bytes];
    }),
  ]);
const text = (value: string) => Buffer.from(value, 'latin1');

const journal = () => readFile(fixture.journalPath, 'utf8');
const entries = async (): Promise<JournalEntry[]> =>
  (await journal())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEntry);
const logged = (prefix: string) => logs.filter((line) => line.startsWith(`osc: ${prefix}`));

async function startRace(): Promise<void> {
  expectAccepted(await host.submit({ kind: 'single', command: { type: 'race/started' } }, 'test'));
}

beforeEach(async () => {
  fixture = await openHost({ prefix: 'osc' });
  host = fixture.host;
  logs = [];
  clients = [];
  clock = 1_000_000;
  server = null;
});

afterEach(async () => {
  for (const c of clients) await c.close();
  await server?.close();
  await fixture.close();
});

describe('the OSC server', () => {
  it('counts a lap, answers /massstart/ok <revision> and journals it with source "osc"', async () => {
    const c = await start();
    expect(await ask(c, msg('/massstart/lap'))).toEqual({
      address: '/massstart/ok',
      value: host.revision,
    });
    expect(host.race()!.lapsToGo).toBe(15);
    expect((await entries()).at(-1)).toMatchObject({
      seq: 3,
      source: 'osc',
      event: { type: 'lap/completed' },
    });
  });

  it('applies a bundle (nested ones too) as one batch, then sprint placings (floats and numeric strings) and undo', async () => {
    const c = await start();
    expect(
      await ask(
        c,
        bundle(
          msg('/massstart/start'),
          msg('/massstart/lap'),
          bundle(msg('/massstart/lap'), msg('/massstart/lap')),
        ),
      ),
    ).toEqual({ address: '/massstart/ok', value: host.revision });
    expect(host.race()!.lapsToGo).toBe(13);
    expect((await entries()).slice(-4).map((entry) => [entry.event.type, entry.batchEnd])).toEqual([
      ['race/started', 6],
      ['lap/completed', 6],
      ['lap/completed', 6],
      ['lap/completed', 6],
    ]);
    await ask(
      c,
      msg('/massstart/sprint', { type: 'float', value: 1 }, 12, { type: 'float', value: 7 }, '3'),
    );
    expect(host.race()!.state.sprints[0]).toEqual([12, 7, 3]);
    expect(await ask(c, msg('/massstart/undo'))).toMatchObject({ address: '/massstart/ok' });
    expect(host.race()!.state.sprints[0] ?? []).toEqual([]);
    expect(host.race()!.lapsToGo).toBe(13);
  });

  it('journals a bundle of two good race commands (the sprint lap, then its placings) as one batch and answers /massstart/ok once', async () => {
    await startRace();
    for (let lap = 0; lap < 3; lap++)
      expectAccepted(
        await host.submit({ kind: 'single', command: { type: 'lap/completed' } }, 'test'),
      );
    const c = await start();
    const before = (await entries()).length;
    expect(await ask(c, bundle(msg('/massstart/lap'), msg('/massstart/sprint', 1, 5, 9)))).toEqual({
      address: '/massstart/ok',
      value: host.revision,
    });
    const added = (await entries()).slice(before);
    expect(added.map((entry) => [entry.event.type, entry.seq, entry.batchEnd])).toEqual([
      ['lap/completed', before + 1, before + 2],
      ['sprint/placed', before + 2, before + 2],
    ]);
    expect(added.every((entry) => entry.source === 'osc')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(c.replies).toHaveLength(1);
  });

  it('changes the board scene, an overlay element and the active race', async () => {
    const second = await addRace(host, { title: 'Men Semi 2' });
    const c = await start();
    await ask(c, msg('/massstart/scene', 'results'));
    expect(host.program().scenes.board).toBe('results');
    await ask(c, msg('/massstart/overlay', 'lapsToGo', 1));
    expect(host.program().scenes.overlay.lapsToGo).toBe(true);
    await ask(c, msg('/massstart/overlay', 'lapsToGo', { type: 'float', value: 0 }));
    expect(host.program().scenes.overlay.lapsToGo).toBe(false);
    expect(await ask(c, msg('/massstart/race', second))).toMatchObject({
      address: '/massstart/ok',
    });
    expect(host.activeRaceId).toBe('men-semi-2');
  });

  it('applies nothing of a bundle whose second command the engine refuses (a lap, then a sprint)', async () => {
    await startRace();
    const c = await start();
    const before = await journal();
    const revision = host.revision;
    expect(await ask(c, bundle(msg('/massstart/lap'), msg('/massstart/sprint', 1, 77)))).toEqual({
      address: '/massstart/error',
      value: expect.stringMatching(
        /^batch refused at command 2 of 2 \(index 1, sprint 1: 77\): sprint 1 is decided at 12 laps to go; the race is at 15; nothing was written$/,
      ),
    });
    expect(host.race()!.lapsToGo).toBe(16);
    expect(host.revision).toBe(revision);
    expect(await journal()).toBe(before);
  });

  const lap = encode(msg('/massstart/lap'));
  it.each<[string, Buffer, RegExp]>([
    [
      'a size that runs past the datagram',
      rawBundle(lap, { size: 64, bytes: lap }),
      /^element 2: size 64 runs past the end of the bundle \(20 bytes left\)$/,
    ],
    [
      'a size not a multiple of 4',
      rawBundle(lap, { size: 6, bytes: text('/x\0\0\0\0\0\0') }),
      /^element 2: size 6 is not a positive multiple of 4$/,
    ],
    [
      'a negative size',
      rawBundle(lap, { size: -8, bytes: lap }),
      /^element 2: size -8 is not a positive multiple of 4$/,
    ],
    [
      'an unknown type tag',
      rawBundle(lap, text('/massstart/lap\0\0,x\0\0')),
      /^element 2: unknown type tag 'x' in ",x"$/,
    ],
    [
      'type tags without the comma',
      rawBundle(lap, text('/massstart/lap\0\0i\0\0\0\0\0\0\x09')),
      /^element 2: the type tags must start with ",", got "i"$/,
    ],
    [
      'a truncated string',
      rawBundle(lap, text('/massstart/status\0\0\0,is\0\0\0\0\x03DNFX')),
      /^element 2: argument 2 \('s'\) is truncated \(no terminating null\)$/,
    ],
    [
      'an integer cut short',
      rawBundle(lap, text('/massstart/advance\0\0,ii\0\0\0\0\x09')),
      /^element 2: argument 2 \('i'\) runs past the end of the message$/,
    ],
    [
      'bytes after the last argument',
      rawBundle(lap, text('/massstart/advance\0\0,i\0\0\0\0\0\x09\0\0\0\x07')),
      /^element 2: 4 bytes after the last argument$/,
    ],
    [
      'bytes after the last element',
      Buffer.concat([rawBundle(lap, lap), Buffer.alloc(4)]),
      /^element 3: size 0 is not a positive multiple of 4$/,
    ],
    [
      'a corrupt element in a nested bundle',
      rawBundle(lap, rawBundle(lap, text('/massstart/lap\0\0,x\0\0'))),
      /^element 2\.2: unknown type tag 'x' in ",x"$/,
    ],
  ])(
    'refuses a whole bundle whose second element has %s, and applies nothing',
    async (_, data, reason) => {
      await startRace();
      const c = await start();
      const before = await journal();
      const revision = host.revision;
      const answer = await ask(c, data);
      expect(answer.address).toBe('/massstart/error');
      expect(answer.value).toMatch(new RegExp(`^not an OSC packet \\(${data.length} bytes\\): `));
      expect(String(answer.value).replace(/^not an OSC packet \(\d+ bytes\): /, '')).toMatch(
        reason,
      );
      expect(host.race()!.lapsToGo).toBe(16);
      expect(host.revision).toBe(revision);
      expect(await journal()).toBe(before);
    },
  );

  it('answers an empty bundle, ignores a bundle of only our own answers, and refuses 65 commands', async () => {
    await startRace();
    const c = await start();
    const before = await journal();
    expect(await ask(c, bundle())).toEqual({
      address: '/massstart/error',
      value: 'empty bundle: nothing to do',
    });
    expect(await ask(c, bundle(bundle(), bundle()))).toEqual({
      address: '/massstart/error',
      value: 'empty bundle: nothing to do',
    });
    // Our own answers are never answered: the next answer is the one to the empty bundle.
    await c.send(bundle(msg('/massstart/ok', 3), msg('/massstart/error', 'no')));
    await c.send(msg('/massstart/error', 'no'));
    expect(await ask(c, bundle())).toMatchObject({ address: '/massstart/error' });
    expect(c.replies).toHaveLength(3);
    const laps = (count: number) =>
      bundle(...Array.from({ length: count }, () => msg('/massstart/lap')));
    expect(await ask(c, laps(65))).toEqual({
      address: '/massstart/error',
      value: 'bundle of 65 commands: at most 64 in one datagram',
    });
    expect(await ask(c, bundle(laps(30), laps(35)))).toMatchObject({
      value: 'bundle of 65 commands: at most 64 in one datagram',
    });
    expect(await journal()).toBe(before);
    // 64 pass the limit and reach the engine, which refuses the 17th lap of 16: still nothing.
    expect(await ask(c, laps(64))).toEqual({
      address: '/massstart/error',
      value: expect.stringMatching(/^batch refused at command 17 of 64 /),
    });
    expect(await journal()).toBe(before);
    expect(host.race()!.lapsToGo).toBe(16);
  });

  it('refuses a bundle with a program command and anything else, naming it', async () => {
    await startRace();
    const c = await start();
    const before = await journal();
    const program = host.program().revision;
    expect(await ask(c, bundle(msg('/massstart/lap'), msg('/massstart/scene', 'results')))).toEqual(
      {
        address: '/massstart/error',
        value:
          'message 2 of 2: /massstart/scene changes the program, which cannot be applied all or nothing with other messages: send it in a datagram of its own (a bundle may hold race commands only)',
      },
    );
    expect(
      await ask(
        c,
        bundle(msg('/massstart/overlay', 'lapsToGo', 1), msg('/massstart/auto', 'board', 0)),
      ),
    ).toMatchObject({
      value: expect.stringMatching(/^message 1 of 2: \/massstart\/overlay changes the program/),
    });
    expect(await journal()).toBe(before);
    expect(host.program().revision).toBe(program);
    expect(host.program().scenes.board).not.toBe('results');
    // Alone in its bundle, a program command is applied.
    expect(await ask(c, bundle(msg('/massstart/scene', 'results')))).toMatchObject({
      address: '/massstart/ok',
    });
    expect(host.program().scenes.board).toBe('results');
  });

  it('leaves the journal byte-identical for refused, unknown, malformed and garbage packets, logs the refusals once a minute, and keeps serving', async () => {
    const c = await start();
    const before = await journal();
    const revision = host.revision;
    await c.send(msg('/massstart/sprint', 1, 12, 7)); // refused by the engine: not started
    await c.send(msg('/massstart/jump'));
    await c.send(msg('/massstart/finish', { type: 'float', value: 2.5 }));
    await c.send(bundle(msg('/massstart/lap'), msg('/massstart/status', 3, 'GONE'))); // one bad message: nothing applied
    await c.send(Buffer.from('definitely not OSC \u0000\u0001\u0002'));
    await c.send(Buffer.from([0x2f, 0x78, 0xff, 0xfe, 0, 0, 0, 0]));
    await c.send(msg('/massstart/ok', 99)); // our own answers are never acted on nor answered
    await until(() => c.replies.length === 6, 'six error answers');
    expect(c.replies.map((reply) => reply.address)).toEqual(Array(6).fill('/massstart/error'));
    expect(c.replies.map((reply) => reply.args[0]?.value)).toEqual([
      '/massstart/sprint: the race has not started',
      expect.stringMatching(/^unknown OSC address "\/massstart\/jump" \(known: \/massstart\/lap, /),
      expect.stringMatching(/must be a whole number, got float 2\.5/),
      expect.stringMatching(
        /^message 2 of 2: \/massstart\/status: argument 2 \(status\) must be one of/,
      ),
      'not an OSC packet (22 bytes): 22 bytes, not a multiple of 4',
      'not an OSC packet (8 bytes): the address is not UTF-8',
    ]);
    expect(await journal()).toBe(before);
    expect(host.revision).toBe(revision);
    // One line for the first refusal; the next five are counted for the minute's line.
    expect(logged('refused')).toEqual([
      expect.stringMatching(
        /^osc: refused a datagram from 127\.0\.0\.1:\d+: \/massstart\/sprint: the race has not started \(more from 127\.0\.0\.1 are counted, one line a minute\)$/,
      ),
    ]);
    clock += 61_000;
    await ask(c, msg('/massstart/advance', 99));
    expect(logged('refused')[1]).toBe(
      'osc: refused 6 datagrams from 127.0.0.1 in the last 61 s; the latest: /massstart/advance: helmet number 99 is not on the start list',
    );
    expect(await ask(c, msg('/massstart/start'))).toMatchObject({ address: '/massstart/ok' });
    expect(logged('refused')).toHaveLength(2);
  });

  it('answers a refusal that would echo a NUL or a 60 kB address, cut to a sendable reason', async () => {
    const c = await start();
    expect(await ask(c, msg('/massstart/scene', { type: 'character', value: '\0' }))).toEqual({
      address: '/massstart/error',
      value: expect.stringMatching(/ must be one of blank, .*, got "\\0"; usage: /),
    });
    const long = `/massstart/${'x'.repeat(60_000)}`;
    const answer = await ask(c, msg(long));
    expect(String(answer.value)).toHaveLength(2001);
    expect(String(answer.value)).toMatch(/^unknown OSC address "\/massstart\/xxxx.*…$/);
  });

  it('drops datagrams from peers not in allowFrom, without answering', async () => {
    const c = await start(['127.0.0.2']);
    const before = await journal();
    await c.send(msg('/massstart/lap'));
    await until(() => logged('dropped').length === 1, 'the drop logged');
    expect(logged('dropped')[0]).toMatch(
      /^osc: dropped a datagram from 127\.0\.0\.1:\d+: not in allowFrom \(127\.0\.0\.2\)/,
    );
    expect(host.race()!.lapsToGo).toBe(16);
    expect(await journal()).toBe(before);
    if (process.platform === 'linux') {
      // The whole 127/8 is loopback on Linux: the allowed peer gets through.
      const allowed = await openClient(server!.port, '127.0.0.2');
      expect(await ask(allowed, msg('/massstart/lap'))).toMatchObject({
        address: '/massstart/ok',
      });
      expect(host.race()!.lapsToGo).toBe(15);
    }
    expect(c.replies).toEqual([]);
  });

  // The whole 127/8 is loopback on Linux, so a second sender can bind 127.0.0.2.
  it.runIf(process.platform === 'linux')(
    'logs a flood of 500 datagrams from a peer not allowed as one line, then one line a minute with the count',
    async () => {
      const c = await start(['127.0.0.1']);
      const stranger = await openClient(server!.port, '127.0.0.2');
      const before = await journal();
      // An allowed peer's answer comes after every datagram sent before it has been read.
      const settled = () => ask(c, bundle());
      for (let round = 0; round < 10; round++) {
        await Promise.all(Array.from({ length: 50 }, () => stranger.send(msg('/massstart/lap'))));
        await settled();
      }
      expect(logged('dropped')).toEqual([
        expect.stringMatching(
          /^osc: dropped a datagram from 127\.0\.0\.2:\d+: not in allowFrom \(127\.0\.0\.1\) \(more from 127\.0\.0\.2 are counted, one line a minute\)$/,
        ),
      ]);
      clock += 60_000;
      await stranger.send(msg('/massstart/lap'));
      await settled();
      expect(logged('dropped')).toEqual([
        expect.any(String),
        'osc: dropped 500 datagrams from 127.0.0.2 in the last 60 s; the latest: not in allowFrom (127.0.0.1)',
      ]);
      expect(stranger.replies).toEqual([]);
      expect(await journal()).toBe(before);
      expect(host.race()!.lapsToGo).toBe(16);
      // The allowed peer's 11 empty bundles: the first at once, the other 10 a minute later.
      expect(logged('refused')).toEqual([
        expect.any(String),
        'osc: refused 10 datagrams from 127.0.0.1 in the last 60 s; the latest: empty bundle: nothing to do',
      ]);
    },
  );
});
