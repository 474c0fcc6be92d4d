import type { HostResult } from '../host/host.ts';
import type { JournalEntry } from '../../shared/race/events.ts';

/** The JSON body of every write: what was accepted, or why not. */
export type ReplyBody =
  | {
      readonly ok: true;
      readonly revision: number;
      readonly raceId?: string;
      readonly raceRevision?: number;
      readonly entries?: readonly JournalEntry[];
    }
  | { readonly ok: false; readonly error: string };

/** A host answer as an HTTP status and body: refusals keep their status (400, 404, 409, 503). */
export function hostReply(result: HostResult): { status: number; body: ReplyBody } {
  if (result.ok) return { status: 200, body: result };
  return { status: result.status, body: { ok: false, error: result.error } };
}

/** An error body. */
export const failure = (error: string): ReplyBody => ({ ok: false, error });

/** A client error with an HTTP status, for Fastify's error handler. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}
