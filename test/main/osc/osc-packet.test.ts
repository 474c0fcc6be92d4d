import fc from 'fast-check';
import { fromBuffer, toBuffer, type OscPacketInput, type OscPacketOutput } from 'osc-min';
import { describe, expect, it } from 'vitest';
import { maxBundleDepth, OscPacketError, readOscPacket } from '../../../src/main/osc/osc-packet.ts';

const encode = (packet: OscPacketInput): Buffer => {
  const view = toBuffer(packet);
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
};
const bytes = (value: string) => Buffer.from(value, 'latin1');
const int = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};
/** A bundle from raw elements, each prefixed with its length. */
const rawBundle = (...elements: Buffer[]) =>
  Buffer.concat([
    bytes('#bundle\0'),
    Buffer.alloc(8),
    ...elements.flatMap((element) => [int(element.length), element]),
  ]);
const lap = encode({ address: '/massstart/lap' });

/** What osc-min makes of a packet, bundles flattened: the answer for well-formed input. */
const flatten = (packet: OscPacketOutput): unknown[] =>
  packet.oscType === 'message' ? [packet] : packet.elements.flatMap(flatten);

const refusal = (data: Buffer): string => {
  try {
    readOscPacket(data);
  } catch (error) {
    if (error instanceof OscPacketError) return error.message;
    throw error;
  }
  throw new Error('expected the packet to be refused');
};

describe('reading an OSC datagram strictly', () => {
  it('reads messages and nested bundles in order, with every argument type osc-min knows', () => {
    const packet = encode({
      timetag: [1, 2],
      elements: [
        {
          address: '/a',
          args: [{ type: 'integer', value: -7 }, 'text', { type: 'symbol', value: 'sym' }],
        },
        {
          timetag: [0, 1],
          elements: [
            {
              address: '/b',
              args: [
                { type: 'blob', value: new Uint8Array([1, 2, 3, 4, 5]) },
                { type: 'double', value: 0.5 },
                { type: 'bigint', value: 9n },
                true,
                false,
                null,
                [
                  { type: 'float', value: 1.5 },
                  { type: 'character', value: 'é' },
                ],
                { type: 'timetag', value: [3, 4] },
                { type: 'midi', value: [1, 2, 3, 4] },
              ],
            },
          ],
        },
        { address: '/c' },
      ],
    });
    const messages = readOscPacket(packet);
    expect(messages.map((message) => message.address)).toEqual(['/a', '/b', '/c']);
    expect(messages).toEqual(flatten(fromBuffer(packet)));
  });

  it('agrees with osc-min on any well-formed packet', () => {
    const arg = fc.oneof(
      fc
        .integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })
        .map((value) => ({ type: 'integer' as const, value })),
      fc.string({ unit: 'grapheme' }).filter((value) => !value.includes('\0')),
      fc.double({ noNaN: true }).map((value) => ({ type: 'double' as const, value })),
      fc.uint8Array({ maxLength: 9 }).map((value) => ({ type: 'blob' as const, value })),
      fc.boolean(),
    );
    const message = fc.record({
      address: fc.stringMatching(/^\/[a-z/]{0,20}$/),
      args: fc.array(arg, { maxLength: 5 }),
    });
    const packet: fc.Arbitrary<OscPacketInput> = fc.letrec<{ packet: OscPacketInput }>((tie) => ({
      packet: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        message,
        fc.record({
          timetag: fc.constant<[number, number]>([0, 1]),
          elements: fc.array(tie('packet'), { maxLength: 4 }),
        }),
      ),
    })).packet;
    fc.assert(
      fc.property(packet, (input) => {
        const data = encode(input);
        expect(readOscPacket(data)).toEqual(flatten(fromBuffer(data)));
      }),
    );
  });

  it('accepts a message without type tags (older senders) as one without arguments', () => {
    expect(readOscPacket(bytes('/massstart/lap\0\0'))).toEqual([
      { address: '/massstart/lap', args: [], oscType: 'message' },
    ]);
  });

  it.each<[string, Buffer, string]>([
    [
      'a datagram of 22 bytes',
      bytes('definitely not OSC \0\x01\x02'),
      '22 bytes, not a multiple of 4',
    ],
    [
      'a bundle of only its tag',
      bytes('#bundle\0'),
      '8 bytes, too short for "#bundle" and a timetag',
    ],
    ['an address without "/"', bytes('lap\0'), 'the address must start with "/", got "lap"'],
    ['an address without a null', bytes('/lap'), 'the address is truncated (no terminating null)'],
    ['non-zero padding', bytes('/a\0x'), 'the address has non-zero padding'],
    ['an address not UTF-8', Buffer.from([0x2f, 0xff, 0, 0]), 'the address is not UTF-8'],
    [
      'a blob longer than the message',
      Buffer.concat([bytes('/a\0\0,b\0\0'), int(8), bytes('abcd')]),
      "argument 1 ('b') runs past the end of the message",
    ],
    [
      'a blob of negative length',
      Buffer.concat([bytes('/a\0\0,b\0\0'), int(-4), bytes('abcd')]),
      "argument 1 ('b') has a negative length -4",
    ],
    [
      'a double cut short',
      Buffer.concat([bytes('/a\0\0,d\0\0'), int(1)]),
      "argument 1 ('d') runs past the end of the message",
    ],
    ['an unclosed array', bytes('/a\0\0,[\0\0'), "Mismatched '[' character"],
    [
      'an argument missing',
      bytes('/a\0\0,[i\0'),
      "argument 2 ('i') runs past the end of the message",
    ],
    ['a stray "]"', bytes('/a\0\0,]\0\0'), "Mismatched ']' character."],
    [
      'a corrupt element after a good one',
      rawBundle(lap, bytes('/massstart/lap\0\0,q\0\0')),
      `element 2: unknown type tag 'q' in ",q"`,
    ],
    [
      'an element of size 0',
      Buffer.concat([rawBundle(lap), int(0)]),
      'element 2: size 0 is not a positive multiple of 4',
    ],
    [
      'an element running past the end of a nested bundle',
      rawBundle(Buffer.concat([rawBundle(lap).subarray(0, 16), int(40), lap])),
      'element 1.1: size 40 runs past the end of the bundle in element 1 (20 bytes left)',
    ],
  ])('refuses %s, naming the fault', (_, data, reason) => {
    expect(refusal(data)).toBe(reason);
  });

  it(`refuses bundles nested more than ${maxBundleDepth} deep`, () => {
    const nest = (depth: number): OscPacketInput =>
      depth === 0
        ? { address: '/massstart/lap' }
        : { timetag: [0, 1], elements: [nest(depth - 1)] };
    expect(readOscPacket(encode(nest(maxBundleDepth)))).toHaveLength(1);
    expect(refusal(encode(nest(maxBundleDepth + 1)))).toBe(
      `element ${Array(maxBundleDepth).fill(1).join('.')}: bundles nested more than ${maxBundleDepth} deep`,
    );
  });
});
