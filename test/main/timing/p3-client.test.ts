import {
  startDecoder as startFakeDecoder,
  until,
  write,
  type FakeDecoder,
} from '../../support/fake-decoder.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { P3Client, type P3ClientStatus } from '../../../src/main/timing/p3-client.ts';
import { encodePassing } from '../../../src/shared/timing/p3-encode.ts';
import type { P3Passing, P3Record } from '../../../src/shared/timing/p3-records.ts';

const decoders: FakeDecoder[] = [];
const clients: P3Client[] = [];

async function startDecoder(port = 0): Promise<FakeDecoder> {
  const decoder = await startFakeDecoder(port);
  decoders.push(decoder);
  return decoder;
}

function passing(n: number): Uint8Array {
  return encodePassing({
    passingNumber: n,
    transponder: 5000 + n,
    rtcTimeUs: 1_551_542_808_933_000n + BigInt(n) * 1_000_000n,
    strength: 100,
    hits: 20,
    decoderId: 0x00041813,
  });
}

function startClient(port: number): { client: P3Client; records: P3Record[]; states: string[] } {
  const records: P3Record[] = [];
  const states: string[] = [];
  const client = new P3Client({
    host: '127.0.0.1',
    port,
    initialBackoffMs: 20,
    maxBackoffMs: 80,
    connectTimeoutMs: 1000,
    now: () => 1_000,
    onRecord: (record) => records.push(record),
    onStatus: (status: P3ClientStatus) => {
      if (states.at(-1) !== status.state) states.push(status.state);
    },
  });
  clients.push(client);
  client.start();
  return { client, records, states };
}

const numbers = (records: P3Record[]): number[] =>
  records.filter((r): r is P3Passing => r.type === 'passing').map((r) => r.passingNumber);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
  await Promise.all(decoders.splice(0).map((decoder) => decoder.close()));
});

describe('P3Client against a TCP decoder on loopback', () => {
  it('reads a frame split across writes and two frames in one write', async () => {
    const decoder = await startDecoder();
    const { client, records, states } = startClient(decoder.port);
    const socket = await decoder.nextConnection();
    await until(() => client.status().state === 'connected');
    const first = passing(1);
    await write(socket, first.subarray(0, 7));
    await new Promise((resolve) => setTimeout(resolve, 20).unref());
    await write(socket, first.subarray(7, 30));
    await new Promise((resolve) => setTimeout(resolve, 20).unref());
    await write(socket, first.subarray(30));
    await write(socket, Uint8Array.from([...passing(2), ...passing(3)]));
    await until(() => records.length === 3);
    expect(numbers(records)).toEqual([1, 2, 3]);
    expect(records[0]).toMatchObject({ transponder: 5001, decoderId: 0x00041813, strength: 100 });
    expect(client.status()).toMatchObject({ state: 'connected', records: 3, lastRecordAt: 1_000 });
    expect(states).toEqual(['connecting', 'connected']);
    await decoder.close();
  });

  it('skips a frame with a bad CRC, counts it and reads the next one', async () => {
    const decoder = await startDecoder();
    const { client, records } = startClient(decoder.port);
    const socket = await decoder.nextConnection();
    const bad = passing(4);
    bad[12] = bad[12]! ^ 0xff;
    await write(socket, Uint8Array.from([0x00, 0x01, ...bad, ...passing(5)]));
    await until(() => records.length === 1);
    expect(numbers(records)).toEqual([5]);
    const status = client.status();
    expect(status.badFrames.crc).toBe(1);
    expect(status.lastBadFrame).toMatchObject({ reason: 'crc' });
    expect(status.skippedBytes).toBe(2);
    await decoder.close();
  });

  it('reconnects with backoff after the decoder drops and comes back', async () => {
    const decoder = await startDecoder();
    const { client, records, states } = startClient(decoder.port);
    const socket = await decoder.nextConnection();
    await write(socket, passing(6));
    await until(() => records.length === 1);
    // The decoder goes away entirely (connections refused), then comes back on the same port.
    const port = decoder.port;
    await decoder.close();
    await until(() => client.status().state === 'reconnecting' && client.status().attempt >= 2);
    const back = await startDecoder(port);
    const again = await back.nextConnection();
    await until(() => client.status().state === 'connected');
    await write(again, Uint8Array.from([...passing(6), ...passing(7)])); // a resend after reconnect
    await until(() => records.length === 3);
    expect(numbers(records)).toEqual([6, 6, 7]);
    expect(client.status()).toMatchObject({ connections: 2, attempt: 0, records: 3 });
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    await back.close();
  });

  it('drops a partial frame when the connection drops, and a throwing listener does no harm', async () => {
    const decoder = await startDecoder();
    let calls = 0;
    const client = new P3Client({
      host: '127.0.0.1',
      port: decoder.port,
      initialBackoffMs: 10,
      maxBackoffMs: 10,
      onRecord: () => {
        calls++;
        throw new Error('listener broke');
      },
    });
    clients.push(client);
    client.start();
    const socket = await decoder.nextConnection();
    await write(socket, passing(8).subarray(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 20).unref());
    socket.destroy();
    const again = await decoder.nextConnection();
    await write(again, passing(9));
    await until(() => calls === 1);
    expect(client.status()).toMatchObject({ records: 1, lastError: 'listener: listener broke' });
    expect(client.status().badFrames.truncated).toBe(0);
    await decoder.close();
  });

  it('uses port 5403 by default and stop() ends retries', async () => {
    const client = new P3Client({ host: '127.0.0.1', initialBackoffMs: 10, maxBackoffMs: 10 });
    clients.push(client);
    expect(client.status()).toMatchObject({ state: 'idle', port: 5403 });
    await client.stop();
    expect(client.status().state).toBe('stopped');
    client.start();
    expect(client.status().state).toBe('stopped');
  });
});
