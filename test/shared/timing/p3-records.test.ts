import { describe, expect, it } from 'vitest';
import { parseFrame, unescapeFrame, type P3Field } from '../../../src/shared/timing/p3-frame.ts';
import {
  buildUnescapedFrame,
  encodeResendRequest,
  u16le,
  u32le,
  u64le,
} from '../../../src/shared/timing/p3-encode.ts';
import {
  P3_TOR,
  decodeRecord,
  readBigUintLE,
  readIntLE,
  readUintLE,
  torName,
  type P3Record,
} from '../../../src/shared/timing/p3-records.ts';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

function decode(tor: number, fields: P3Field[]): P3Record {
  const result = parseFrame(buildUnescapedFrame({ tor, fields }));
  if (!result.ok) throw new Error(result.error.detail);
  return decodeRecord(result.frame);
}

describe('P3 records', () => {
  it('reads little-endian integers', () => {
    expect(readUintLE(Uint8Array.of(0x13, 0x18, 0x04, 0x00))).toBe(0x00041813);
    expect(readUintLE(Uint8Array.of(0xff, 0xff, 0xff, 0xff))).toBe(0xffffffff);
    expect(readBigUintLE(u64le(0xfedcba9876543210n))).toBe(0xfedcba9876543210n);
    expect(readIntLE(u16le(0xfffe))).toBe(-2);
    expect(() => readUintLE(new Uint8Array(8))).toThrow(RangeError);
  });

  it('a PASSING with a transponder code, UTC time, controller and request id', () => {
    expect(
      decode(P3_TOR.PASSING, [
        { tag: 0x01, value: u32le(8841) },
        { tag: 0x03, value: u32le(102758186) },
        { tag: 0x04, value: u64le(1_761_840_000_000_000n) },
        { tag: 0x0a, value: ascii('FL-94890') },
        { tag: 0x10, value: u64le(1_761_840_000_000_123n) },
        { tag: 0x83, value: u32le(7) },
        { tag: 0x85, value: u64le(99n) },
      ]),
    ).toMatchObject({
      type: 'passing',
      passingNumber: 8841,
      transponder: 102758186,
      transponderCode: 'FL-94890',
      utcTimeUs: 1_761_840_000_000_123n,
      controllerId: 7,
      requestId: 99n,
    });
  });

  it('a PASSING without a transponder is kept as another record, with the problem', () => {
    expect(decode(P3_TOR.PASSING, [{ tag: 0x01, value: u32le(1) }])).toMatchObject({
      type: 'other',
      name: 'PASSING',
      problem: expect.stringContaining('transponder'),
    });
  });

  it('a VERSION and an unknown record', () => {
    expect(
      decode(P3_TOR.VERSION, [
        { tag: 0x01, value: Uint8Array.of(0x13) },
        { tag: 0x02, value: ascii('ProChip') },
        { tag: 0x03, value: ascii('4.1') },
      ]),
    ).toMatchObject({ type: 'version', decoderType: 0x13, description: 'ProChip', version: '4.1' });
    const other = decode(0x1234, [{ tag: 0x09, value: Uint8Array.of(1, 2) }]);
    expect(other).toMatchObject({ type: 'other', name: 'UNKNOWN_1234', tor: 0x1234 });
    expect(Array.from(other.fields[0]!.value)).toEqual([1, 2]);
    expect(torName(0x0018)).toBe('WATCHDOG');
  });

  it('a RESEND request carries from and until', () => {
    const frame = unescapeFrame(encodeResendRequest(100, 200));
    if (!(frame instanceof Uint8Array)) throw new Error('escape');
    const result = parseFrame(frame);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.frame.tor).toBe(P3_TOR.RESEND);
    expect(result.frame.fields.map((f) => [f.tag, readUintLE(f.value)])).toEqual([
      [1, 100],
      [2, 200],
    ]);
  });
});
