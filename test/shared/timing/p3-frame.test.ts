import { describe, expect, it } from 'vitest';
import {
  P3FrameReader,
  crc16P3,
  frameCrc,
  parseFrame,
  unescapeFrame,
  type P3ReadEvent,
} from '../../../src/shared/timing/p3-frame.ts';
import {
  buildUnescapedFrame,
  encodeFrame,
  encodePassing,
  escapeFrame,
  u32le,
} from '../../../src/shared/timing/p3-encode.ts';
import { decodeRecord, usToMs, type P3Record } from '../../../src/shared/timing/p3-records.ts';

/** The two worked frames of ../shared/docs/timing-p3.md. */
const PASSING_HEX =
  '8e 02 3300 53c8 0000 0100 01 04 51680200 03 04 73d75600 04 08 88f2fab51e830500 ' +
  '05 02 b200 06 02 3400 08 02 0000 81 04 13180400 8f';
const STATUS_HEX =
  '8e 02 1f00 f389 0000 0200 01 02 2800 07 02 1600 0c 01 76 06 01 00 81 04 13180400 8f';

const hex = (text: string): Uint8Array =>
  Uint8Array.from(
    text
      .replace(/\s+/g, '')
      .match(/../g)!
      .map((pair) => parseInt(pair, 16)),
  );

function frames(events: P3ReadEvent[]): P3Record[] {
  return events.flatMap((event) => (event.kind === 'frame' ? [decodeRecord(event.frame)] : []));
}

function readAll(bytes: Uint8Array, reader = new P3FrameReader()): P3ReadEvent[] {
  return reader.push(bytes);
}

describe('P3 worked examples (docs/timing-p3.md)', () => {
  it('has the byte lengths the doc gives', () => {
    expect(hex(PASSING_HEX)).toHaveLength(51);
    expect(hex(STATUS_HEX)).toHaveLength(31);
  });

  it.each([
    ['PASSING', PASSING_HEX, 0xc853],
    ['STATUS', STATUS_HEX, 0x89f3],
  ])('%s: CRC over the frame with the CRC zeroed is 0x%s', (_name, text, crc) => {
    expect(frameCrc(hex(text))).toBe(crc);
    const zeroed = hex(text);
    zeroed[4] = 0;
    zeroed[5] = 0;
    expect(crc16P3(zeroed)).toBe(crc);
  });

  it.each<[string, string, Record<string, unknown>]>([
    [
      'PASSING',
      PASSING_HEX,
      {
        type: 'passing',
        tor: 0x0001,
        headerFlags: 0,
        passingNumber: 157777,
        transponder: 5691251,
        rtcTimeUs: 0x0005831eb5faf288n,
        strength: 178,
        hits: 52,
        flags: 0,
        decoderId: 0x00041813,
      },
    ],
    [
      'STATUS',
      STATUS_HEX,
      {
        type: 'status',
        tor: 0x0002,
        headerFlags: 0,
        noise: 40,
        temperature: 22,
        inputVoltage: 0x76,
        gps: 0,
        decoderId: 0x00041813,
      },
    ],
  ])('%s decodes to every value the doc gives', (_name, text, expected) => {
    const events = readAll(hex(text));
    expect(events).toHaveLength(1);
    const [record] = frames(events);
    expect(record).toMatchObject(expected);
  });

  it('PASSING RTC time is 2019-03-02 16:06:48.933 UTC', () => {
    const [record] = frames(readAll(hex(PASSING_HEX)));
    expect(record?.type).toBe('passing');
    if (record?.type !== 'passing') return;
    expect(new Date(usToMs(record.rtcTimeUs)).toISOString()).toBe('2019-03-02T16:06:48.933Z');
  });

  it('header: version 2, CRC and the TLV fields as read', () => {
    const result = parseFrame(hex(STATUS_HEX));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.frame.version).toBe(2);
    expect(result.frame.crc).toBe(0x89f3);
    expect(result.frame.fields.map((f) => [f.tag, Array.from(f.value)])).toEqual([
      [0x01, [0x28, 0x00]],
      [0x07, [0x16, 0x00]],
      [0x0c, [0x76]],
      [0x06, [0x00]],
      [0x81, [0x13, 0x18, 0x04, 0x00]],
    ]);
  });

  it('the encoder rebuilds both worked frames byte for byte', () => {
    const passing = encodePassing({
      passingNumber: 157777,
      transponder: 5691251,
      rtcTimeUs: 0x0005831eb5faf288n,
      strength: 178,
      hits: 52,
      decoderId: 0x00041813,
    });
    expect(Array.from(passing)).toEqual(Array.from(hex(PASSING_HEX)));
    const status = parseFrame(hex(STATUS_HEX));
    if (!status.ok) throw new Error('status');
    expect(Array.from(encodeFrame({ tor: 2, fields: status.frame.fields }))).toEqual(
      Array.from(hex(STATUS_HEX)),
    );
  });
});

describe('escaping', () => {
  it('escapes 0x8D, 0x8E, 0x8F inside the frame and reads them back', () => {
    const value = Uint8Array.of(0x8d, 0x8e, 0x8f, 0x8c);
    const raw = encodeFrame({ tor: 0x0030, fields: [{ tag: 0x01, value }] });
    const inner = Array.from(raw.subarray(1, -1));
    expect(inner).not.toContain(0x8e);
    expect(inner).not.toContain(0x8f);
    expect(Array.from(raw)).toEqual(
      expect.arrayContaining([0x8d, 0xad, 0x8d, 0xae, 0x8d, 0xaf, 0x8c]),
    );
    const [event] = readAll(raw);
    expect(event?.kind).toBe('frame');
    if (event?.kind !== 'frame') return;
    expect(Array.from(event.frame.fields[0]!.value)).toEqual(Array.from(value));
  });

  it('accepts 0x8A-0x8C sent escaped', () => {
    const unescaped = buildUnescapedFrame({
      tor: 0x0030,
      fields: [{ tag: 0x01, value: Uint8Array.of(0x8a, 0x8b, 0x8c) }],
    });
    const raw = escapeFrame(unescaped);
    const escapedAll: number[] = [];
    raw.forEach((byte, i) => {
      if (i > 0 && i < raw.length - 1 && byte >= 0x8a && byte <= 0x8c)
        escapedAll.push(0x8d, byte + 0x20);
      else escapedAll.push(byte);
    });
    expect(escapedAll.length).toBe(raw.length + 3);
    const [event] = readAll(Uint8Array.from(escapedAll));
    expect(event?.kind).toBe('frame');
    if (event?.kind !== 'frame') return;
    expect(Array.from(event.frame.fields[0]!.value)).toEqual([0x8a, 0x8b, 0x8c]);
  });

  it('refuses 0x8D followed by a byte that is no escape', () => {
    expect(unescapeFrame(Uint8Array.of(0x8e, 0x02, 0x8d, 0x41, 0x8f))).toMatchObject({
      reason: 'escape',
    });
  });
});

describe('bad frames and resynchronisation', () => {
  const passing = (n: number): Uint8Array =>
    encodePassing({
      passingNumber: n,
      transponder: 1000 + n,
      rtcTimeUs: 1_551_542_808_933_000n + BigInt(n),
    });

  it('skips a frame with a bad CRC and reads the next', () => {
    const bad = passing(1);
    bad[12] = bad[12]! ^ 0x01; // a byte of the passing number
    const events = readAll(Uint8Array.from([...bad, ...passing(2)]));
    expect(events.map((e) => (e.kind === 'bad' ? e.error.reason : e.kind))).toEqual([
      'crc',
      'frame',
    ]);
    expect(frames(events)).toMatchObject([{ passingNumber: 2 }]);
  });

  it('skips a frame whose header length is wrong', () => {
    const bad = buildUnescapedFrame({ tor: 1, fields: [{ tag: 1, value: u32le(5) }] });
    bad[2] = bad[2]! + 1;
    const events = readAll(Uint8Array.from([...bad, ...passing(3)]));
    expect(events.map((e) => (e.kind === 'bad' ? e.error.reason : e.kind))).toEqual([
      'length',
      'frame',
    ]);
  });

  it('skips a body whose field runs past the end, and a too short frame', () => {
    const bad = buildUnescapedFrame({ tor: 1, fields: [{ tag: 1, value: u32le(5) }] });
    bad[11] = 9; // field length past EOR; the CRC is checked first, so fix it up
    bad.set([0, 0], 4);
    const crc = frameCrc(bad);
    bad.set([crc & 0xff, crc >> 8], 4);
    expect(parseFrame(bad)).toMatchObject({ ok: false, error: { reason: 'body' } });
    expect(readAll(Uint8Array.of(0x8e, 0x02, 0x8f))).toMatchObject([
      { kind: 'bad', error: { reason: 'short' } },
    ]);
  });

  it('counts garbage between frames and resynchronises on the next SOR', () => {
    const events = readAll(Uint8Array.from([1, 2, 3, ...passing(4), 0x55, 0x8f, ...passing(5), 7]));
    expect(events.map((e) => (e.kind === 'skipped' ? e.bytes : e.kind))).toEqual([
      3,
      'frame',
      2,
      'frame',
      1,
    ]);
  });

  it('a SOR inside an open frame ends it as truncated', () => {
    const cut = passing(6).subarray(0, 20);
    const events = readAll(Uint8Array.from([...cut, ...passing(7)]));
    expect(events.map((e) => (e.kind === 'bad' ? e.error.reason : e.kind))).toEqual([
      'truncated',
      'frame',
    ]);
  });

  it('drops an open frame longer than the maximum', () => {
    const reader = new P3FrameReader({ maxFrameBytes: 64 });
    const events = reader.push(Uint8Array.from([0x8e, ...new Array<number>(100).fill(1)]));
    expect(events).toMatchObject([{ kind: 'bad', error: { reason: 'oversize' } }]);
    expect(reader.pending).toBe(0);
    expect(frames(reader.push(passing(8)))).toMatchObject([{ passingNumber: 8 }]);
  });

  it('keeps a frame split across pushes, several in one push', () => {
    const reader = new P3FrameReader();
    const stream = Uint8Array.from([...passing(9), ...passing(10), ...passing(11)]);
    const got = [
      ...reader.push(stream.subarray(0, 5)),
      ...reader.push(stream.subarray(5, 60)),
      ...reader.push(stream.subarray(60)),
    ];
    expect(frames(got).map((r) => (r.type === 'passing' ? r.passingNumber : 0))).toEqual([
      9, 10, 11,
    ]);
    expect(reader.pending).toBe(0);
  });

  it('can skip the CRC check when asked', () => {
    const bad = passing(12);
    bad[4] = 0;
    bad[5] = 0;
    expect(frames(new P3FrameReader({ checkCrc: false }).push(bad))).toHaveLength(1);
    expect(frames(new P3FrameReader().push(bad))).toHaveLength(0);
  });
});
