import { z } from 'zod';
import { strictObject } from '../unknown-fields.ts';

/**
 * Where the timing feed comes from: `p3://HOST:PORT` (a MYLAPS / AMB P3 decoder, port 5403 by
 * default). Only P3 exists today; the scheme leaves room for other decoders.
 */
export const timingUrlSchema = z
  .string()
  .trim()
  .max(300)
  .regex(
    /^p3:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?\/?$/,
    'expected p3://HOST or p3://HOST:PORT (a MYLAPS P3 decoder, port 5403 by default)',
  )
  .refine((url) => {
    const port = /:(\d{1,5})\/?$/.exec(url.replace(/^p3:\/\/\[[^\]]*\]/, 'p3://x'))?.[1];
    return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
  }, 'the port must be between 1 and 65535');

/**
 * The timing settings of a meeting, kept in program.json with the program (issue 12); strict
 * (issue 17), and read leniently from program.json (src/shared/program/program-file.ts).
 */
export const timingSettingsSchema = strictObject({
  /** The decoder to connect to; null: no timing feed (the default). */
  url: timingUrlSchema.nullable().default(null),
  /** Count laps from the leader's passings by themselves; off: propose each lap. */
  autoLaps: z.boolean().default(false),
  /** A skater's passings closer than this are one crossing read twice (several antennas). */
  minLapSeconds: z.number().min(0.05).max(600).default(20),
  /**
   * The transponder number the decoder gives its start input (a gun or start button wired to
   * it): its passing is the start, so race times run from the gun. MYLAPS Type 3 decoders report
   * the external start input as transponder 9992 (their manual, "Auxiliary port"). null: none.
   */
  startSignal: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,20}$/, 'a transponder number such as 9992')
    .nullable()
    .default('9992'),
  /**
   * A new group where consecutive skaters cross the line at least this far apart (issue 21; as
   * cycling timing splits a field). Groups and gaps: src/shared/timing/groups.ts.
   */
  groupGapSeconds: z.number().min(0.1).max(30).default(1),
});
export type TimingSettings = z.output<typeof timingSettingsSchema>;

export const defaultTimingSettings: TimingSettings = timingSettingsSchema.parse({});

/** A decoder address read from a timing URL. */
export interface DecoderAddress {
  readonly protocol: 'p3';
  readonly host: string;
  readonly port: number;
}

/** Reads `p3://HOST:PORT` (checked by timingUrlSchema). */
export function decoderAddress(url: string): DecoderAddress {
  const match = /^p3:\/\/(\[([^\]]+)\]|[^:/]+)(?::(\d+))?\/?$/.exec(url.trim());
  if (!match) throw new Error(`not a timing URL: ${url}`);
  return { protocol: 'p3', host: match[2] ?? match[1]!, port: Number(match[3] ?? 5403) };
}
