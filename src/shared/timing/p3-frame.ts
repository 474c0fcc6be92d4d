/**
 * MYLAPS / AMB P3 frames: CRC, unescaping, header and TLV body, and an incremental reader that
 * scans a TCP byte stream for start and end of record (../shared/docs/timing-p3.md, "Frame").
 *
 * Checked against public readers (read, not copied):
 * - vmindru/ambp3client `AmbP3/decoder.py`, hama-jp/ambp3client `AmbP3/decoder.py`: header
 *   offsets, escaping (0x8D then byte + 0x20, SOR and EOR never escaped), TLV body
 *   (tag u8, length u8, value little-endian). Both readers split merged records only on an
 *   adjacent `8f 8e` and their unescape list misses 0x8F (`[141, 141, 142]`), and parse the TLV
 *   length as decimal text (`int(hex)`): this reader scans for SOR/EOR instead, unescapes all of
 *   0x8A-0x8F and reads the length as a byte.
 * - hama-jp/ambp3client `AmbP3/crc16.py` and `docs/P3_PROTOCOL.md`, vmindru/ambp3client
 *   `NOTES/CRC_NOTES`: the CRC is taken over the whole unescaped frame (SOR and EOR included)
 *   with the two CRC bytes zeroed; `calc` byte-swaps its result and compares it with the bytes
 *   read big-endian, which is the same as reading the stored CRC little-endian (doc: 53c8 ->
 *   0xC853).
 */

export const P3_SOR = 0x8e;
export const P3_EOR = 0x8f;
export const P3_ESC = 0x8d;
/** What an escaped byte carries: the original byte plus this. */
export const P3_ESCAPE_OFFSET = 0x20;
/** SOR, version, length, CRC, flags, TOR. */
export const P3_HEADER_BYTES = 10;
/** Header plus EOR: the shortest frame (a record with an empty body). */
export const P3_MIN_FRAME_BYTES = P3_HEADER_BYTES + 1;
/** The decoder's TCP port. */
export const P3_DEFAULT_PORT = 5403;

/** One tag-length-value field of a frame's body. */
export interface P3Field {
  readonly tag: number;
  readonly value: Uint8Array;
}

/** A frame that passed every check, with its body split into fields. */
export interface P3Frame {
  readonly version: number;
  /** The header's flags (u16). */
  readonly flags: number;
  /** Type of record (u16). */
  readonly tor: number;
  readonly crc: number;
  readonly fields: readonly P3Field[];
}

/** Why a frame was skipped. */
export type P3FrameErrorReason =
  /** Fewer bytes than a header and an EOR. */
  | 'short'
  /** The header's length differs from the frame's unescaped length. */
  | 'length'
  | 'crc'
  /** 0x8D followed by a byte that is no escaped control byte (0xAA-0xAF). */
  | 'escape'
  /** A field's length runs past the end of the body. */
  | 'body'
  /** A new SOR arrived before the frame's EOR: the frame was cut off. */
  | 'truncated'
  /** No EOR within the reader's maximum frame size. */
  | 'oversize';

export interface P3FrameError {
  readonly reason: P3FrameErrorReason;
  readonly detail: string;
}

export type P3FrameResult =
  | { readonly ok: true; readonly frame: P3Frame }
  | { readonly ok: false; readonly error: P3FrameError };

const CRC_TABLE: readonly number[] = (() => {
  const table: number[] = [];
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = ((crc << 1) & 0xffff) ^ (crc & 0x8000 ? 0x1021 : 0);
    }
    table.push(crc & 0xffff);
  }
  return table;
})();

/**
 * The P3 CRC-16 (polynomial 0x1021, initial 0xFFFF, table update
 * `crc = T[crc >> 8] ^ ((crc << 8) & 0xFFFF) ^ byte`) over `bytes` as they are: callers pass the
 * unescaped frame with its CRC bytes set to 0 ({@link frameCrc} does that).
 */
export function crc16P3(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc = (CRC_TABLE[crc >> 8]! ^ ((crc << 8) & 0xffff) ^ byte) & 0xffff;
  }
  return crc;
}

/** The CRC of an unescaped frame, computed with its CRC field (offsets 4-5) zeroed. */
export function frameCrc(frame: Uint8Array): number {
  const copy = frame.slice();
  if (copy.length > 5) {
    copy[4] = 0;
    copy[5] = 0;
  }
  return crc16P3(copy);
}

/** Whether a byte must be escaped inside a frame: 0x8D, 0x8E, 0x8F. */
export function needsEscape(byte: number): boolean {
  return byte === P3_ESC || byte === P3_SOR || byte === P3_EOR;
}

/**
 * Undoes escaping of a raw frame (SOR ... EOR, as read). SOR and EOR stay as they are. An
 * escape may carry any of 0x8A-0x8F (some sources list 0x8A-0x8C as control bytes too); a
 * 0x8D followed by anything else is an error.
 */
export function unescapeFrame(raw: Uint8Array): Uint8Array | P3FrameError {
  const out = new Uint8Array(raw.length);
  let n = 0;
  const last = raw.length - 1;
  for (let i = 0; i <= last; i++) {
    const byte = raw[i]!;
    if (byte === P3_ESC && i > 0 && i < last) {
      const next = raw[i + 1]!;
      const original = next - P3_ESCAPE_OFFSET;
      if (i + 1 >= last || original < 0x8a || original > 0x8f) {
        return {
          reason: 'escape',
          detail: `0x8d followed by 0x${next.toString(16).padStart(2, '0')} at ${i}`,
        };
      }
      out[n++] = original;
      i++;
    } else {
      out[n++] = byte;
    }
  }
  return out.slice(0, n);
}

const u16 = (bytes: Uint8Array, at: number): number => bytes[at]! | (bytes[at + 1]! << 8);

/** Checks an unescaped frame (SOR ... EOR) and splits its body into fields. */
export function parseFrame(frame: Uint8Array, options: { checkCrc?: boolean } = {}): P3FrameResult {
  const fail = (reason: P3FrameErrorReason, detail: string): P3FrameResult => ({
    ok: false,
    error: { reason, detail },
  });
  if (frame.length < P3_MIN_FRAME_BYTES) return fail('short', `${frame.length} bytes`);
  if (frame[0] !== P3_SOR || frame[frame.length - 1] !== P3_EOR) {
    return fail('short', 'no SOR/EOR');
  }
  const length = u16(frame, 2);
  if (length !== frame.length) {
    return fail('length', `header says ${length} bytes, frame has ${frame.length}`);
  }
  const crc = u16(frame, 4);
  if (options.checkCrc ?? true) {
    const computed = frameCrc(frame);
    if (computed !== crc) {
      return fail('crc', `frame 0x${hex16(crc)}, computed 0x${hex16(computed)}`);
    }
  }
  const fields: P3Field[] = [];
  const end = frame.length - 1;
  let at = P3_HEADER_BYTES;
  while (at < end) {
    if (at + 2 > end) return fail('body', `field header cut at ${at}`);
    const tag = frame[at]!;
    const size = frame[at + 1]!;
    if (at + 2 + size > end) {
      return fail('body', `field 0x${tag.toString(16)} of ${size} bytes runs past the body`);
    }
    fields.push({ tag, value: frame.slice(at + 2, at + 2 + size) });
    at += 2 + size;
  }
  return {
    ok: true,
    frame: { version: frame[1]!, flags: u16(frame, 6), tor: u16(frame, 8), crc, fields },
  };
}

function hex16(value: number): string {
  return value.toString(16).padStart(4, '0');
}

/** What the reader found in the stream. */
export type P3ReadEvent =
  | { readonly kind: 'frame'; readonly frame: P3Frame }
  | { readonly kind: 'bad'; readonly error: P3FrameError }
  /** Bytes outside any frame (before a SOR), dropped. */
  | { readonly kind: 'skipped'; readonly bytes: number };

export interface P3FrameReaderOptions {
  /** Verify the CRC (default true; some readers skip it, see hama-jp/ambp3client decoder.py). */
  readonly checkCrc?: boolean;
  /** Longest raw (escaped) frame kept while waiting for its EOR (default 4096 bytes). */
  readonly maxFrameBytes?: number;
}

/**
 * Incremental reader: feed it chunks as they arrive; a frame may span chunks and a chunk may
 * hold several frames. Garbage before a SOR is skipped and counted; a SOR inside an open frame
 * (unescaped 0x8E cannot occur there) ends the open one as truncated and starts anew.
 */
export class P3FrameReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private readonly checkCrc: boolean;
  private readonly maxFrameBytes: number;

  constructor(options: P3FrameReaderOptions = {}) {
    this.checkCrc = options.checkCrc ?? true;
    this.maxFrameBytes = options.maxFrameBytes ?? 4096;
  }

  /** Bytes held for a frame still waiting for its EOR. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Drops a partial frame (after a disconnect: a frame never spans connections). */
  reset(): void {
    this.buffer = new Uint8Array(0);
  }

  push(chunk: Uint8Array): P3ReadEvent[] {
    const data = this.buffer.length === 0 ? chunk : concat(this.buffer, chunk);
    const events: P3ReadEvent[] = [];
    let at = 0;
    while (at < data.length) {
      const sor = data.indexOf(P3_SOR, at);
      if (sor < 0) {
        events.push({ kind: 'skipped', bytes: data.length - at });
        at = data.length;
        break;
      }
      if (sor > at) events.push({ kind: 'skipped', bytes: sor - at });
      let end = sor + 1;
      while (end < data.length && data[end] !== P3_EOR && data[end] !== P3_SOR) end++;
      if (end >= data.length) {
        // Open frame: keep it for the next chunk unless it is already too long.
        if (data.length - sor > this.maxFrameBytes) {
          events.push({ kind: 'bad', error: oversize(data.length - sor) });
          at = data.length;
        } else {
          at = sor;
        }
        break;
      }
      if (data[end] === P3_SOR) {
        events.push({
          kind: 'bad',
          error: { reason: 'truncated', detail: `SOR after ${end - sor} bytes` },
        });
        at = end;
        continue;
      }
      events.push(this.read(data.subarray(sor, end + 1)));
      at = end + 1;
    }
    this.buffer = at < data.length ? data.slice(at) : new Uint8Array(0);
    return events;
  }

  private read(raw: Uint8Array): P3ReadEvent {
    if (raw.length > this.maxFrameBytes) return { kind: 'bad', error: oversize(raw.length) };
    const unescaped = unescapeFrame(raw);
    if (!(unescaped instanceof Uint8Array)) return { kind: 'bad', error: unescaped };
    const result = parseFrame(unescaped, { checkCrc: this.checkCrc });
    return result.ok
      ? { kind: 'frame', frame: result.frame }
      : { kind: 'bad', error: result.error };
  }
}

function oversize(bytes: number): P3FrameError {
  return { reason: 'oversize', detail: `${bytes} bytes without EOR` };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
