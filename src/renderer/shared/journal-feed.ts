import type { JournalEntry } from '../../shared/race/events.ts';

/**
 * A race's journal as a client holds it: the `journal` value of the replication channel
 * (src/renderer/shared/pushes.ts) with the entries voids took out.
 */
export interface JournalCopy {
  readonly raceId: string;
  readonly entries: readonly JournalEntry[];
  readonly voided: readonly number[];
}
