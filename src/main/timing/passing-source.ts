// How the timing feed reaches a decoder: a passing source (P3 over TCP today) and what it tells
// the feed.
import { encodeResendRequest } from '../../shared/timing/p3-encode.ts';
import type { PassingRange } from '../../shared/timing/passing-gaps.ts';
import { usToMs, type P3Record } from '../../shared/timing/p3-records.ts';
import type { DecoderAddress } from '../../shared/timing/settings.ts';
import type { Passing } from '../../shared/timing/tracker.ts';
import { P3Client, type P3ClientStatus } from './p3-client.ts';

/** What a decoder connection tells the feed. */
export interface SourceHandlers {
  passing(passing: Passing): void;
  status(): void;
}

/** A decoder connection (P3Client; tests may plug in their own). */
export interface PassingSource {
  start(): void;
  stop(): Promise<void>;
  status(): P3ClientStatus;
  /** Asks the decoder for these passings again; false when it cannot be asked now. */
  requestResend(range: PassingRange): boolean;
}

export type SourceFactory = (address: DecoderAddress, handlers: SourceHandlers) => PassingSource;

/** The P3 decoder connection: passings decoded from P3 records. */
export const p3Source: SourceFactory = (address, handlers) => {
  const client = new P3Client({
    host: address.host,
    port: address.port,
    onRecord: (record: P3Record, receivedAt: number) => {
      if (record.type !== 'passing') return;
      handlers.passing({
        passingNumber: record.passingNumber,
        transponder: String(record.transponder),
        ...(record.transponderCode ? { transponderCode: record.transponderCode } : {}),
        decoderMs: usToMs(record.rtcTimeUs),
        receivedAt,
      });
    },
    onStatus: () => handlers.status(),
  });
  return {
    start: () => client.start(),
    stop: () => client.stop(),
    status: () => client.status(),
    requestResend: (range) => client.send(encodeResendRequest(range.from, range.until)),
  };
};
