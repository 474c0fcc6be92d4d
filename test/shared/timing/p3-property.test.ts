import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { P3FrameReader } from '../../../src/shared/timing/p3-frame.ts';
import { encodePassing, type P3PassingInput } from '../../../src/shared/timing/p3-encode.ts';
import { decodeRecord } from '../../../src/shared/timing/p3-records.ts';

const passingArb: fc.Arbitrary<P3PassingInput> = fc.record({
  passingNumber: fc.integer({ min: 0, max: 0xffffffff }),
  transponder: fc.integer({ min: 0, max: 0xffffffff }),
  rtcTimeUs: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  strength: fc.integer({ min: 0, max: 0xffff }),
  hits: fc.integer({ min: 0, max: 0xffff }),
  flags: fc.integer({ min: 0, max: 0xffff }),
  decoderId: fc.integer({ min: 0, max: 0xffffffff }),
});

/** Splits bytes at the given cut points (any chunking of a TCP stream). */
function chunk(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  return chunks;
}

describe('P3 properties', () => {
  it('decode(encode(passing)) = passing, for any chunking of the stream', () => {
    fc.assert(
      fc.property(
        fc.array(passingArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 0x8d }), { maxLength: 6 }),
        (passings, cuts, garbage) => {
          const parts = passings.flatMap((p) => [Array.from(encodePassing(p)), garbage]);
          const stream = Uint8Array.from(parts.flat());
          const reader = new P3FrameReader();
          const records = chunk(stream, cuts)
            .flatMap((c) => reader.push(c))
            .flatMap((e) => (e.kind === 'frame' ? [decodeRecord(e.frame)] : []));
          expect(records).toHaveLength(passings.length);
          records.forEach((record, i) =>
            expect(record).toMatchObject({ type: 'passing', ...passings[i] }),
          );
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });
});
