import { z } from 'zod';
import type { JournalEntry } from '../race/events.ts';
import type { RaceView } from '../race/view.ts';
import type { ProgramView } from './program.ts';

/** A client's own id for a request; echoed in the reply so it can match them. */
const requestId = z.union([z.string().max(200), z.number()]);
export type RequestId = z.output<typeof requestId>;

const raceRef = z.string().min(1, 'race: expected a race id').max(64);

/**
 * What a WebSocket client may send (JSON text frames). Command payloads are left `unknown`
 * here and checked by the same parsers as HTTP bodies, so both give the same errors.
 */
export const socketRequestSchema = z.discriminatedUnion('type', [
  /** Follow a race (null or absent: whichever race is active). */
  z.object({ type: z.literal('subscribe'), race: raceRef.nullable().optional() }),
  /** One race command (control token). */
  z.object({
    type: z.literal('command'),
    id: requestId.optional(),
    race: raceRef.nullable().optional(),
    command: z.unknown().optional(),
    revision: z.unknown().optional(),
  }),
  /** An all-or-nothing list of race commands (control token). */
  z.object({
    type: z.literal('batch'),
    id: requestId.optional(),
    race: raceRef.nullable().optional(),
    commands: z.unknown().optional(),
    revision: z.unknown().optional(),
  }),
  /** A program command (control token). */
  z.object({
    type: z.literal('program'),
    id: requestId.optional(),
    command: z.unknown().optional(),
  }),
  /** A race's journal (view token). */
  z.object({ type: z.literal('journal'), id: requestId.optional(), race: raceRef }),
]);
export type SocketRequest = z.output<typeof socketRequestSchema>;

/** Every message type a client may send. */
export const socketRequestTypes: readonly string[] = socketRequestSchema.options.map(
  (option) => option.shape.type.value,
);

/** The full state a view shows: sent on connect, on subscribe and after every change. */
export interface StateMessage {
  readonly type: 'state';
  readonly revision: number;
  readonly program: ProgramView;
  readonly race: RaceView | null;
}

/** An accepted command or program command. */
export interface AckMessage {
  readonly type: 'ack';
  readonly id?: RequestId;
  readonly ok: true;
  readonly revision: number;
  readonly raceId?: string;
  readonly raceRevision?: number;
  readonly entries?: readonly JournalEntry[];
}

/** A race's journal, with the entries that voids took out. */
export interface JournalMessage {
  readonly type: 'journal';
  readonly id?: RequestId;
  readonly raceId: string;
  readonly entries: readonly JournalEntry[];
  readonly voided: readonly number[];
}

/** A refused or unreadable message; `status` uses the HTTP codes (400, 403, 404, 409, 500, 503). */
export interface ErrorMessage {
  readonly type: 'error';
  readonly id?: RequestId;
  readonly status: number;
  readonly error: string;
}

/** Everything the host sends over the WebSocket. */
export type SocketMessage = StateMessage | AckMessage | JournalMessage | ErrorMessage;
