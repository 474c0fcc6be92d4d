/**
 * Building P3 frames (for tests and the decoder simulator): fields are laid out as
 * tag u8, length u8, value little-endian; the length and CRC are filled in on the unescaped
 * frame, then 0x8D/0x8E/0x8F inside the frame are escaped (../shared/docs/timing-p3.md).
 * Whether real decoders take the CRC before or after escaping is unconfirmed; this follows the
 * doc (before). Frame layout checked against hama-jp/ambp3client `docs/P3_PROTOCOL.md`.
 */
import {
  P3_EOR,
  P3_ESC,
  P3_ESCAPE_OFFSET,
  P3_HEADER_BYTES,
  P3_SOR,
  frameCrc,
  needsEscape,
  type P3Field,
} from './p3-frame.ts';
import { P3_GENERAL_TAG, P3_PASSING_TAG, P3_TOR } from './p3-records.ts';

export const u8 = (value: number): Uint8Array => Uint8Array.of(value & 0xff);
export const u16le = (value: number): Uint8Array =>
  Uint8Array.of(value & 0xff, (value >> 8) & 0xff);
export function u32le(value: number): Uint8Array {
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) out[i] = Math.floor(value / 2 ** (8 * i)) & 0xff;
  return out;
}
export function u64le(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[i] = Number((value >> BigInt(8 * i)) & 0xffn);
  return out;
}

export interface P3FrameInput {
  readonly tor: number;
  readonly fields: readonly P3Field[];
  /** Default 0x02. */
  readonly version?: number;
  /** Header flags, default 0. */
  readonly flags?: number;
}

/** The unescaped frame, SOR to EOR, with its length and CRC set. */
export function buildUnescapedFrame(input: P3FrameInput): Uint8Array {
  let size = P3_HEADER_BYTES + 1;
  for (const field of input.fields) {
    if (field.value.length > 0xff) throw new RangeError(`field 0x${field.tag.toString(16)} > 255`);
    size += 2 + field.value.length;
  }
  if (size > 0xffff) throw new RangeError(`frame of ${size} bytes`);
  const frame = new Uint8Array(size);
  frame[0] = P3_SOR;
  frame[1] = input.version ?? 0x02;
  frame.set(u16le(size), 2);
  frame.set(u16le(input.flags ?? 0), 6);
  frame.set(u16le(input.tor), 8);
  let at = P3_HEADER_BYTES;
  for (const field of input.fields) {
    frame[at] = field.tag;
    frame[at + 1] = field.value.length;
    frame.set(field.value, at + 2);
    at += 2 + field.value.length;
  }
  frame[at] = P3_EOR;
  frame.set(u16le(frameCrc(frame)), 4);
  return frame;
}

/** Escapes 0x8D, 0x8E, 0x8F between SOR and EOR. */
export function escapeFrame(unescaped: Uint8Array): Uint8Array {
  const out: number[] = [];
  const last = unescaped.length - 1;
  unescaped.forEach((byte, i) => {
    if (i > 0 && i < last && needsEscape(byte)) out.push(P3_ESC, byte + P3_ESCAPE_OFFSET);
    else out.push(byte);
  });
  return Uint8Array.from(out);
}

/** A frame ready to send: built, CRC set, escaped. */
export function encodeFrame(input: P3FrameInput): Uint8Array {
  return escapeFrame(buildUnescapedFrame(input));
}

export interface P3PassingInput {
  readonly passingNumber: number;
  readonly transponder: number;
  readonly rtcTimeUs: bigint;
  readonly strength?: number;
  readonly hits?: number;
  readonly flags?: number;
  readonly decoderId?: number;
}

/** A PASSING frame with the fields in the order of the doc's worked example. */
export function encodePassing(passing: P3PassingInput): Uint8Array {
  const T = P3_PASSING_TAG;
  const fields: P3Field[] = [
    { tag: T.PASSING_NUMBER, value: u32le(passing.passingNumber) },
    { tag: T.TRANSPONDER, value: u32le(passing.transponder) },
    { tag: T.RTC_TIME, value: u64le(passing.rtcTimeUs) },
  ];
  if (passing.strength !== undefined)
    fields.push({ tag: T.STRENGTH, value: u16le(passing.strength) });
  if (passing.hits !== undefined) fields.push({ tag: T.HITS, value: u16le(passing.hits) });
  fields.push({ tag: T.FLAGS, value: u16le(passing.flags ?? 0) });
  if (passing.decoderId !== undefined) {
    fields.push({ tag: P3_GENERAL_TAG.DECODER_ID, value: u32le(passing.decoderId) });
  }
  return encodeFrame({ tor: P3_TOR.PASSING, fields });
}

/**
 * A RESEND request for passings `from` to `until` (tags 0x01 and 0x02, u32 each, after
 * hama-jp/ambp3client `AmbP3/records.py`, which lists them but does not send them):
 * unconfirmed against a real decoder.
 */
export function encodeResendRequest(from: number, until: number): Uint8Array {
  return encodeFrame({
    tor: P3_TOR.RESEND,
    fields: [
      { tag: 0x01, value: u32le(from) },
      { tag: 0x02, value: u32le(until) },
    ],
  });
}
