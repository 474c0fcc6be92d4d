import type { JournalEntry } from '../race/events.ts';

/** A request the host took: the host revision after it and, for a race, what was journaled. */
export interface Accepted {
  readonly ok: true;
  readonly revision: number;
  readonly raceId?: string;
  readonly raceRevision?: number;
  readonly entries?: readonly JournalEntry[];
  /** The epoch of the primary that answered (issue 20: grows with every takeover). */
  readonly epoch?: number;
}

/**
 * A request the host did not take, and why; `status` uses the HTTP codes (400 bad input, 403
 * role, 404 unknown race, 409 stale revision, 413 too large, 500 bug, 503 storage; 0: the
 * client could not reach the host).
 */
export interface Refused {
  readonly ok: false;
  readonly status: number;
  readonly error: string;
  /** The epoch of the host that answered (issue 20). */
  readonly epoch?: number;
}

/**
 * The one answer to a command, whatever carried it: the host returns it, HTTP sends it as the
 * body (with `status` as the HTTP status), the WebSocket and IPC as `ack` / `error` messages,
 * and the console's host client hands it to the view as it came.
 */
export type Reply = Accepted | Refused;

/** A refusal. */
export const refused = (status: number, error: string): Refused => ({ ok: false, status, error });
