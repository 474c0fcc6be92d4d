// The race host's types (src/main/host/host.ts), apart so the host keeps to its one path.
import type { ProgramView } from '../../shared/protocol/program.ts';
import type { Refused, Reply } from '../../shared/protocol/reply.ts';
import type { RaceView } from '../../shared/race/view.ts';
import type { Appended } from './publisher.ts';
import type { Scheduler } from './scheduler.ts';

/** What the host answers to a command: the one reply shape (src/shared/protocol/reply.ts). */
export type HostResult = Reply;

/** What views receive: the host revision, the program, and the race they follow. */
export interface HostSnapshot {
  readonly revision: number;
  readonly program: ProgramView;
  readonly race: RaceView | null;
}

/** A change notice for subscribers: which race changed (null: the program itself). */
export interface HostChange {
  readonly revision: number;
  readonly raceId: string | null;
}

/** Options of the race host. */
export interface HostOptions {
  readonly dataDir: string;
  /** The host's clock: every accepted event is stamped with it at intake (default: the scheduler's). */
  readonly clock?: () => Date;
  /** The clock and timers of rehearsals (default: the real ones; tests drive their own). */
  readonly scheduler?: Scheduler;
  readonly log?: (line: string) => void;
}

/**
 * Waits, after a change is durable here, until the standby has it too (issue 20's commit rule):
 * given the values the change appended, resolves when they are acknowledged or the bound passed;
 * a refusal when this host learned it was deposed (the change stays in its journal, unshown).
 */
export type CommitGate = (appended: readonly Appended[]) => Promise<Refused | null>;
