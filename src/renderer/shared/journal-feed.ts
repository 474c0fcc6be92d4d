import type { JournalPush } from '../../shared/protocol/socket.ts';
import type { JournalEntry } from '../../shared/race/events.ts';

/** A race's journal as a client holds it. */
export interface JournalCopy {
  readonly raceId: string;
  readonly entries: readonly JournalEntry[];
  readonly voided: readonly number[];
}

/**
 * Puts the journal pushes that come with the state (socket.ts, JournalPush) together into the
 * race's whole journal. A push that does not follow on from what the client holds (it missed
 * one) is a gap: the client asks for the whole journal once and `replace`s it.
 */
export class JournalFeed {
  private copy: JournalCopy | null = null;

  /** The journal as held now. */
  get current(): JournalCopy | null {
    return this.copy;
  }

  /** Adds a push: true when it followed on (or started a race's journal), false on a gap. */
  apply(push: JournalPush): boolean {
    const held = this.copy;
    if (push.from === 0) {
      this.copy = { raceId: push.raceId, entries: push.entries, voided: push.voided };
      return true;
    }
    if (!held || held.raceId !== push.raceId || held.entries.length !== push.from) return false;
    this.copy = {
      raceId: push.raceId,
      entries: [...held.entries, ...push.entries],
      voided: push.voided,
    };
    return true;
  }

  /** The whole journal, as the host sent it after a gap. */
  replace(journal: JournalCopy): void {
    this.copy = journal;
  }
}
