/**
 * Reads one OSC datagram strictly (OSC 1.0): all of it or nothing (issue 17). osc-min 2.1.2's
 * own bundle reader drops an element it cannot parse and goes on (`mapBundleList`), and its
 * message reader ignores bytes after the last argument, so a corrupt element could be skipped
 * and the rest applied. Here the framing (bundle sizes, string padding, argument sizes) is
 * checked byte by byte; osc-min then decodes the values of each message found well-formed.
 */
import { fromBuffer, type OscMessageOutput } from 'osc-min';

/** A datagram that is not a well-formed OSC packet; the message says where and why. */
export class OscPacketError extends Error {}

/** Bundles nested deeper than this are refused (a datagram could otherwise nest thousands). */
export const maxBundleDepth = 8;

const bundleTag = Buffer.from('#bundle\0', 'latin1');
/** "#bundle\0" and the 8-byte timetag. */
const bundleHeader = 16;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes each fixed-size argument type takes; `s`, `S` and `b` are sized by their contents. */
const argumentBytes: Readonly<Record<string, number>> = {
  i: 4,
  f: 4,
  c: 4,
  r: 4,
  m: 4,
  h: 8,
  d: 8,
  t: 8,
  T: 0,
  F: 0,
  N: 0,
  I: 0,
  '[': 0,
  ']': 0,
};

/**
 * Every message of a datagram, bundles flattened in order (timetags are ignored: applied at
 * once); throws an OscPacketError naming the first fault anywhere in it.
 */
export function readOscPacket(data: Buffer): OscMessageOutput[] {
  const messages: OscMessageOutput[] = [];
  readElement(data, '', 0, messages);
  return messages;
}

const isBundle = (bytes: Buffer) => bytes.subarray(0, bundleTag.length).equals(bundleTag);

/** One bundle element (`path` "2", "3.1"), or the whole datagram (`path` empty). */
function readElement(bytes: Buffer, path: string, depth: number, out: OscMessageOutput[]): void {
  const fault = (reason: string) =>
    new OscPacketError(path ? `element ${path}: ${reason}` : reason);
  if (bytes.length % 4 !== 0) throw fault(`${bytes.length} bytes, not a multiple of 4`);
  if (!isBundle(bytes)) {
    out.push(readMessage(bytes, fault));
    return;
  }
  if (depth >= maxBundleDepth) throw fault(`bundles nested more than ${maxBundleDepth} deep`);
  if (bytes.length < bundleHeader)
    throw fault(`${bytes.length} bytes, too short for "#bundle" and a timetag`);
  // Each element: a big-endian int32 size, then that many bytes (a multiple of 4).
  let offset = bundleHeader;
  for (let index = 1; offset < bytes.length; index++) {
    const inner = path ? `${path}.${index}` : `${index}`;
    const size = bytes.readInt32BE(offset);
    offset += 4;
    const left = bytes.length - offset;
    if (size <= 0 || size % 4 !== 0)
      throw new OscPacketError(`element ${inner}: size ${size} is not a positive multiple of 4`);
    if (size > left)
      throw new OscPacketError(
        `element ${inner}: size ${size} runs past the end of the ${path ? `bundle in element ${path}` : 'bundle'} (${left} bytes left)`,
      );
    readElement(bytes.subarray(offset, offset + size), inner, depth + 1, out);
    offset += size;
  }
}

/** Checks a message's layout to its last byte, then lets osc-min decode the values. */
function readMessage(bytes: Buffer, fault: (reason: string) => OscPacketError): OscMessageOutput {
  const fail = (reason: string): never => {
    throw fault(reason);
  };
  let offset = 0;
  const string = (what: string): string => {
    const end = bytes.indexOf(0, offset);
    if (end === -1) fail(`${what} is truncated (no terminating null)`);
    const padded = end + 4 - (end % 4);
    if (padded > bytes.length) fail(`${what} is truncated (its padding runs past the end)`);
    if (bytes.subarray(end, padded).some((byte) => byte !== 0))
      fail(`${what} has non-zero padding`);
    let text = '';
    try {
      text = utf8.decode(bytes.subarray(offset, end));
    } catch {
      fail(`${what} is not UTF-8`);
    }
    offset = padded;
    return text;
  };
  const address = string('the address');
  if (!address.startsWith('/'))
    fail(`the address must start with "/", got "${address.slice(0, 40)}"`);
  // OSC 1.0 asks readers to accept a message without type tags (older senders): no arguments.
  if (offset === bytes.length) return { address, args: [], oscType: 'message' };
  const tags = string('the type tags');
  if (!tags.startsWith(',')) fail(`the type tags must start with ",", got "${tags.slice(0, 40)}"`);
  for (const [index, tag] of [...tags.slice(1)].entries()) {
    const what = `argument ${index + 1} ('${tag}')`;
    if (tag === 's' || tag === 'S') string(what);
    else if (tag === 'b') {
      if (bytes.length - offset < 4) fail(`${what} runs past the end of the message`);
      const length = bytes.readInt32BE(offset);
      if (length < 0) fail(`${what} has a negative length ${length}`);
      offset += 4 + length + ((4 - (length % 4)) % 4);
    } else if (Object.hasOwn(argumentBytes, tag)) offset += argumentBytes[tag]!;
    else fail(`unknown type tag '${tag}' in "${tags.slice(0, 40)}"`);
    if (offset > bytes.length) fail(`${what} runs past the end of the message`);
  }
  if (offset !== bytes.length) fail(`${bytes.length - offset} bytes after the last argument`);
  try {
    return fromBuffer(bytes) as OscMessageOutput;
  } catch (error) {
    return fail((error as Error).message);
  }
}
