import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DecoderSimulator,
  encodeStatus,
  FIRST_PASSING_NUMBER,
  SIMULATOR_DECODER_ID,
  type DecoderSimulatorOptions,
} from '../../../src/main/timing/decoder-simulator.ts';
import { P3Client } from '../../../src/main/timing/p3-client.ts';
import { encodeResendRequest } from '../../../src/shared/timing/p3-encode.ts';
import { P3FrameReader } from '../../../src/shared/timing/p3-frame.ts';
import {
  decodeRecord,
  type P3Passing,
  type P3Record,
  type P3Status,
} from '../../../src/shared/timing/p3-records.ts';
import {
  generateRace,
  passingsFromRecording,
  type SimRace,
} from '../../../src/shared/timing/race-passings.ts';

/** A short race (4 s laps: about 70 s of race time) with the default noise. */
const race: SimRace = passingsFromRecording(generateRace({ skaters: 6, seed: 5, lapSeconds: 4 }), {
  seed: 5,
});

const simulators: DecoderSimulator[] = [];
const clients: P3Client[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(clients.splice(0).map((client) => client.stop()));
  await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
});

async function simulate(options: Partial<DecoderSimulatorOptions> = {}) {
  const simulator = await DecoderSimulator.start({ race, speed: 200, leadInMs: 400, ...options });
  simulators.push(simulator);
  return simulator;
}

/** A real P3Client on loopback, collecting what it reads. */
function listen(port: number) {
  const records: P3Record[] = [];
  const client = new P3Client({
    host: '127.0.0.1',
    port,
    initialBackoffMs: 20,
    maxBackoffMs: 40,
    onRecord: (record) => records.push(record),
  });
  clients.push(client);
  client.start();
  const passings = () => records.filter((r): r is P3Passing => r.type === 'passing');
  return { client, records, passings };
}

/** Polls `check` until it holds (bounded). */
async function until(check: () => boolean, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5).unref());
  }
}

/** The passings of the race as the decoder should send them, in order. */
const expected = (simulator: DecoderSimulator) =>
  race.passings.map((p, i) => ({
    passingNumber: FIRST_PASSING_NUMBER + i,
    transponder: p.transponder,
    rtcTimeUs: simulator.rtcTimeUs(p.raceMs),
  }));
const received = (passings: readonly P3Passing[]) =>
  passings.map(({ passingNumber, transponder, rtcTimeUs }) => ({
    passingNumber,
    transponder,
    rtcTimeUs,
  }));
/** Keeps the first passing of each number (what an adapter does with resends). */
const deduped = (passings: readonly P3Passing[]) =>
  passings.filter((p, i) => passings.findIndex((q) => q.passingNumber === p.passingNumber) === i);

describe('encodeStatus', () => {
  it("writes the doc's worked STATUS example byte for byte", () => {
    const doc = '8e021f00f389000002000102280007021600 0c0176 060100 810413180400 8f';
    expect(Buffer.from(encodeStatus({ decoderId: 0x00041813 })).toString('hex')).toBe(
      doc.replace(/ /g, ''),
    );
    expect(
      Buffer.from(
        encodeStatus({
          noise: 40,
          temperature: 22,
          inputVoltage: 0x76,
          gps: 0,
          decoderId: 0x00041813,
        }),
      ).toString('hex'),
    ).toBe(doc.replace(/ /g, ''));
  });
});

describe('DecoderSimulator on loopback', () => {
  it('sends a P3Client every passing of the race, in order, on the decoder clock', async () => {
    const simulator = await simulate({ clockOffsetMs: -3_600_000 });
    const guns: number[] = [];
    simulator.onGun((gunAt) => guns.push(gunAt));
    const { client, passings } = listen(simulator.port);
    await simulator.done;
    await until(() => passings().length >= race.passings.length);
    expect(received(passings())).toEqual(expected(simulator));
    expect(simulator.sent).toBe(race.passings.length);
    expect(client.status().badFrames).toEqual({
      short: 0,
      length: 0,
      crc: 0,
      escape: 0,
      body: 0,
      truncated: 0,
      oversize: 0,
    });
    expect(client.status().skippedBytes).toBe(0);
    expect(passings().every((p) => p.decoderId === SIMULATOR_DECODER_ID)).toBe(true);
    expect(passings().every((p) => p.strength! > 0 && p.hits! > 0)).toBe(true);
    // The gun was at the clock's origin; decoder times read as real lap times at 200x.
    expect(guns).toEqual([simulator.gunAt]);
    const first = passings()[race.passings.findIndex((p) => p.lap === 1)]!;
    expect(first.rtcTimeUs).toBe(
      BigInt(simulator.gunAt - 3_600_000 + race.passings.find((p) => p.lap === 1)!.raceMs) * 1000n,
    );
    const leaderLaps = [1, 2].map((lap) => race.passings.findIndex((p) => p.lap === lap));
    const lapUs = passings()[leaderLaps[1]!]!.rtcTimeUs - passings()[leaderLaps[0]!]!.rtcTimeUs;
    expect(Number(lapUs) / 1000).toBe(
      race.passings[leaderLaps[1]!]!.raceMs - race.passings[leaderLaps[0]!]!.raceMs,
    );
  });

  it('runs its timeline without clients, keeps what fell due and sends it on connection', async () => {
    const simulator = await simulate({ speed: 1000, leadInMs: 0 });
    const due: number[] = [];
    simulator.onPassing((_, passingNumber) => due.push(passingNumber));
    await until(() => due.length === race.passings.length);
    expect(due).toEqual(race.passings.map((_, i) => FIRST_PASSING_NUMBER + i));
    expect(simulator.sent).toBe(0);
    let done = false;
    void simulator.done.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    const { passings } = listen(simulator.port);
    await simulator.done;
    await until(() => passings().length >= race.passings.length);
    expect(received(passings())).toEqual(expected(simulator));
  });

  it('drops the connection at dropAt and resends the overlap after the reconnect: no passing is lost', async () => {
    const simulator = await simulate({ dropAt: [40], resendOverlap: 5 });
    const { client, passings } = listen(simulator.port);
    await simulator.done;
    await until(() => deduped(passings()).length >= race.passings.length);
    expect(client.status().connections).toBe(2);
    expect(received(deduped(passings()))).toEqual(expected(simulator));
    // The five passings before the drop came twice, with their numbers.
    const numbers = passings().map((p) => p.passingNumber);
    const twice = numbers.filter((n, i) => numbers.indexOf(n) !== i);
    expect(twice).toEqual([35, 36, 37, 38, 39].map((i) => FIRST_PASSING_NUMBER + i));
  });

  it('survives dropClients() mid-race with every passing and some duplicates', async () => {
    const simulator = await simulate({ speed: 100 });
    const { client, passings } = listen(simulator.port);
    await until(() => passings().length >= 30);
    simulator.dropClients();
    await simulator.done;
    await until(() => deduped(passings()).length >= race.passings.length);
    expect(client.status().connections).toBe(2);
    expect(received(deduped(passings()))).toEqual(expected(simulator));
    expect(passings().length).toBeGreaterThan(race.passings.length);
  });

  it('answers a RESEND request with the passings asked for', async () => {
    const simulator = await simulate({ speed: 1000, leadInMs: 0 });
    listen(simulator.port);
    await simulator.done;
    // A raw client: it gets the last five again on connecting, then asks for 1010 to 1014.
    const records: P3Record[] = [];
    const reader = new P3FrameReader();
    const socket = connect(simulator.port, '127.0.0.1');
    sockets.push(socket);
    socket.on('data', (chunk: Buffer) => {
      for (const event of reader.push(chunk))
        if (event.kind === 'frame') records.push(decodeRecord(event.frame));
    });
    const numbers = () =>
      records.filter((r): r is P3Passing => r.type === 'passing').map((r) => r.passingNumber);
    const last = FIRST_PASSING_NUMBER + race.passings.length - 1;
    await until(() => numbers().length === 5);
    expect(numbers()).toEqual([last - 4, last - 3, last - 2, last - 1, last]);
    socket.write(encodeResendRequest(FIRST_PASSING_NUMBER + 10, FIRST_PASSING_NUMBER + 14));
    await until(() => numbers().length === 10);
    const resent = records.filter((r): r is P3Passing => r.type === 'passing').slice(5);
    expect(received(resent)).toEqual(expected(simulator).slice(10, 15));
    // Beyond what was sent: only what exists.
    socket.write(encodeResendRequest(last - 1, last + 100));
    await until(() => numbers().length === 12);
    expect(numbers().slice(10)).toEqual([last - 1, last]);
  });

  it('sends a STATUS record about every second', async () => {
    const simulator = await simulate({ leadInMs: 60_000, speed: 1, decoderId: 0x1234 });
    const { records } = listen(simulator.port);
    await until(() => records.some((r) => r.type === 'status'), 2500);
    const status = records.find((r): r is P3Status => r.type === 'status')!;
    expect(status).toMatchObject({ noise: 40, temperature: 22, inputVoltage: 0x76, gps: 0 });
    expect(status.decoderId).toBe(0x1234);
  });

  it('close() stops the timeline and leaves no server, socket or pending event behind', async () => {
    const handles = () =>
      process
        .getActiveResourcesInfo()
        .filter((name) => name === 'TCPServerWrap' || name === 'TCPSocketWrap').length;
    // Sockets of the tests before may still be closing.
    await until(() => handles() === 0);
    const before = handles();
    const simulator = await DecoderSimulator.start({ race, speed: 1, leadInMs: 50 });
    const events: string[] = [];
    simulator.onGun(() => events.push('gun'));
    simulator.onPassing(() => events.push('passing'));
    const { client } = listen(simulator.port);
    await until(() => client.status().state === 'connected');
    await until(() => events.includes('gun'));
    const seen = events.length;
    await simulator.close();
    await simulator.done;
    await client.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.length).toBe(seen);
    expect(handles()).toBe(before);
    await simulator.close();
  });

  it('refuses options it cannot run with', async () => {
    await expect(DecoderSimulator.start({ race, speed: 0 })).rejects.toThrow(RangeError);
    await expect(DecoderSimulator.start({ race, leadInMs: -1 })).rejects.toThrow(RangeError);
    await expect(DecoderSimulator.start({ race, resendOverlap: 1.5 })).rejects.toThrow(RangeError);
    const taken = await simulate();
    await expect(DecoderSimulator.start({ race, port: taken.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
