/**
 * Typed P3 records from checked frames (../shared/docs/timing-p3.md, "PASSING fields").
 *
 * Tags and record types checked against hama-jp/ambp3client `AmbP3/records.py` and
 * vmindru/ambp3client `AmbP3/records.py` (identical tables), and the PASSING/STATUS tags against
 * the field notes of the Rust P3 workspace the doc names (`tags.rs`, read only: non-commercial
 * licence), which match for 0x01/0x03/0x04/0x05/0x06/0x08/0x0A/0x10/0x81 and STATUS
 * 0x01/0x06/0x07/0x0A (read, not copied). Multi-byte values are
 * little-endian. Field widths are taken from the value's own length byte, so a decoder sending
 * a shorter or longer integer still decodes.
 */
import type { P3Field, P3Frame } from './p3-frame.ts';

/** Types of record (TOR). */
export const P3_TOR = {
  RESET: 0x0000,
  PASSING: 0x0001,
  STATUS: 0x0002,
  VERSION: 0x0003,
  RESEND: 0x0004,
  CLEAR_PASSING: 0x0005,
  SERVER_SETTINGS: 0x0013,
  SESSION: 0x0015,
  NETWORK_SETTINGS: 0x0016,
  WATCHDOG: 0x0018,
  PING: 0x0020,
  GET_TIME: 0x0024,
  GENERAL_SETTINGS: 0x0028,
  SIGNALS: 0x002d,
  LOOP_TRIGGER: 0x002f,
  GPS_INFO: 0x0030,
  FIRST_CONTACT: 0x0045,
  TIMELINE: 0x004a,
  ERROR: 0xffff,
} as const;

export type P3TorName = keyof typeof P3_TOR;

/** The name of a TOR, or `UNKNOWN_xxxx`. */
export function torName(tor: number): string {
  for (const [name, value] of Object.entries(P3_TOR)) if (value === tor) return name;
  return `UNKNOWN_${tor.toString(16).padStart(4, '0')}`;
}

/** Tags any record may carry. */
export const P3_GENERAL_TAG = { DECODER_ID: 0x81, CONTROLLER_ID: 0x83, REQUEST_ID: 0x85 } as const;

export const P3_PASSING_TAG = {
  PASSING_NUMBER: 0x01,
  TRANSPONDER: 0x03,
  RTC_TIME: 0x04,
  STRENGTH: 0x05,
  HITS: 0x06,
  FLAGS: 0x08,
  TRAN_CODE: 0x0a,
  USER_FLAG: 0x0e,
  DRIVER_ID: 0x0f,
  UTC_TIME: 0x10,
  RTC_ID: 0x13,
  SPORT: 0x14,
  VOLTAGE: 0x30,
  TEMPERATURE: 0x31,
} as const;

export const P3_STATUS_TAG = {
  NOISE: 0x01,
  GPS: 0x06,
  TEMPERATURE: 0x07,
  SAT_IN_USE: 0x0a,
  LOOP_TRIGGERS: 0x0b,
  INPUT_VOLTAGE: 0x0c,
} as const;

/**
 * VERSION tags after ambp3client `AmbP3/records.py`; the Rust P3 workspace lists 0x20-0x23
 * instead (both unvalidated against a capture): every field is also kept raw in `fields`.
 */
export const P3_VERSION_TAG = {
  DECODER_TYPE: 0x01,
  DESCRIPTION: 0x02,
  VERSION: 0x03,
  RELEASE: 0x04,
  REGISTRATION: 0x08,
  BUILD_NUMBER: 0x0a,
  OPTIONS: 0x0c,
} as const;

interface RecordBase {
  readonly tor: number;
  /** The header's flags. */
  readonly headerFlags: number;
  /** Every field as read, also those decoded into named properties. */
  readonly fields: readonly P3Field[];
  readonly decoderId?: number;
  readonly controllerId?: number;
  readonly requestId?: bigint;
}

export interface P3Passing extends RecordBase {
  readonly type: 'passing';
  readonly passingNumber: number;
  readonly transponder: number;
  /** Decoder RTC time, microseconds since the Unix epoch (exact). */
  readonly rtcTimeUs: bigint;
  readonly utcTimeUs?: bigint;
  readonly strength?: number;
  readonly hits?: number;
  /** The passing's flags field (tag 0x08). */
  readonly flags?: number;
  /**
   * Tag 0x0A as text: the code printed on the chip (e.g. "FL-94890" in the ProChip capture notes
   * of the Rust P3 workspace the doc mentions; ambp3client calls it TRAN_CODE).
   */
  readonly transponderCode?: string;
  readonly rtcId?: number;
  readonly sport?: number;
}

export interface P3Status extends RecordBase {
  readonly type: 'status';
  readonly noise?: number;
  readonly gps?: number;
  /**
   * As sent, read as a signed integer (a rink may be below 0). The unit is unconfirmed: the
   * doc reads 22; the Rust P3 workspace's ProChip capture notes read it as tenths of a degree
   * (i16), which would make that 2.2 °C.
   */
  readonly temperature?: number;
  readonly satInUse?: number;
  readonly loopTriggers?: number;
  /** Raw unit as sent (the doc gives 0x76 without a scale). */
  readonly inputVoltage?: number;
}

export interface P3Version extends RecordBase {
  readonly type: 'version';
  readonly decoderType?: number;
  readonly description?: string;
  readonly version?: string;
  readonly release?: number;
  readonly buildNumber?: number;
}

/** Any other record, or a PASSING without passing number, transponder or RTC time. */
export interface P3OtherRecord extends RecordBase {
  readonly type: 'other';
  readonly name: string;
  /** Why a known record type was not decoded into its typed form. */
  readonly problem?: string;
}

export type P3Record = P3Passing | P3Status | P3Version | P3OtherRecord;

/** A little-endian unsigned integer of up to 6 bytes (exact as a number). */
export function readUintLE(value: Uint8Array): number {
  if (value.length > 6) throw new RangeError(`${value.length} bytes do not fit a number`);
  let result = 0;
  for (let i = value.length - 1; i >= 0; i--) result = result * 256 + value[i]!;
  return result;
}

/** A little-endian unsigned integer of any length. */
export function readBigUintLE(value: Uint8Array): bigint {
  let result = 0n;
  for (let i = value.length - 1; i >= 0; i--) result = (result << 8n) | BigInt(value[i]!);
  return result;
}

/** A little-endian signed integer of 1 to 6 bytes. */
export function readIntLE(value: Uint8Array): number {
  const unsigned = readUintLE(value);
  const bits = value.length * 8;
  return value.length > 0 && unsigned >= 2 ** (bits - 1) ? unsigned - 2 ** bits : unsigned;
}

/** Microseconds since the epoch to milliseconds (a number, exact to the millisecond). */
export function usToMs(us: bigint): number {
  return Number(us / 1000n);
}

function latin1(value: Uint8Array): string {
  let text = '';
  for (const byte of value) if (byte !== 0) text += String.fromCharCode(byte);
  return text;
}

/** Turns a checked frame into a typed record; never throws. */
export function decodeRecord(frame: P3Frame): P3Record {
  const byTag = new Map<number, Uint8Array>();
  for (const field of frame.fields) if (!byTag.has(field.tag)) byTag.set(field.tag, field.value);
  const num = (tag: number): number | undefined => {
    const value = byTag.get(tag);
    return value && value.length > 0 && value.length <= 6 ? readUintLE(value) : undefined;
  };
  const big = (tag: number): bigint | undefined => {
    const value = byTag.get(tag);
    return value && value.length > 0 ? readBigUintLE(value) : undefined;
  };
  const base: RecordBase = {
    tor: frame.tor,
    headerFlags: frame.flags,
    fields: frame.fields,
    ...defined('decoderId', num(P3_GENERAL_TAG.DECODER_ID)),
    ...defined('controllerId', num(P3_GENERAL_TAG.CONTROLLER_ID)),
    ...defined('requestId', big(P3_GENERAL_TAG.REQUEST_ID)),
  };
  const text = (tag: number): string | undefined => {
    const value = byTag.get(tag);
    return value ? latin1(value) : undefined;
  };
  const other = (problem?: string): P3OtherRecord => ({
    ...base,
    type: 'other',
    name: torName(frame.tor),
    ...defined('problem', problem),
  });

  switch (frame.tor) {
    case P3_TOR.PASSING: {
      const T = P3_PASSING_TAG;
      const passingNumber = num(T.PASSING_NUMBER);
      const transponder = num(T.TRANSPONDER);
      const rtcTimeUs = big(T.RTC_TIME);
      if (passingNumber === undefined || transponder === undefined || rtcTimeUs === undefined) {
        return other('PASSING without passing number, transponder or RTC time');
      }
      return {
        ...base,
        type: 'passing',
        passingNumber,
        transponder,
        rtcTimeUs,
        ...defined('utcTimeUs', big(T.UTC_TIME)),
        ...defined('strength', num(T.STRENGTH)),
        ...defined('hits', num(T.HITS)),
        ...defined('flags', num(T.FLAGS)),
        ...defined('transponderCode', text(T.TRAN_CODE)),
        ...defined('rtcId', num(T.RTC_ID)),
        ...defined('sport', num(T.SPORT)),
      };
    }
    case P3_TOR.STATUS: {
      const T = P3_STATUS_TAG;
      const temperature = byTag.get(T.TEMPERATURE);
      return {
        ...base,
        type: 'status',
        ...defined('noise', num(T.NOISE)),
        ...defined('gps', num(T.GPS)),
        ...defined(
          'temperature',
          temperature && temperature.length > 0 && temperature.length <= 6
            ? readIntLE(temperature)
            : undefined,
        ),
        ...defined('satInUse', num(T.SAT_IN_USE)),
        ...defined('loopTriggers', num(T.LOOP_TRIGGERS)),
        ...defined('inputVoltage', num(T.INPUT_VOLTAGE)),
      };
    }
    case P3_TOR.VERSION: {
      const T = P3_VERSION_TAG;
      return {
        ...base,
        type: 'version',
        ...defined('decoderType', num(T.DECODER_TYPE)),
        ...defined('description', text(T.DESCRIPTION)),
        ...defined('version', text(T.VERSION)),
        ...defined('release', num(T.RELEASE)),
        ...defined('buildNumber', num(T.BUILD_NUMBER)),
      };
    }
    default:
      return other();
  }
}

/** `{ [key]: value }` when value is defined, else `{}` (keeps records free of undefined keys). */
function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
