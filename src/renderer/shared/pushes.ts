// The pushes every host client receives (states, patches, the journal, the timing view), put
// together the same way over the WebSocket and IPC. No DOM here: tests run it in Node.
import jsonPatch, { type Operation } from 'fast-json-patch';
import type { ClientMessage, ServerMessage } from '../../shared/protocol/messages.ts';
import type { HostSnapshotMessage } from '../../shared/protocol/snapshot.ts';
import type { JournalPush, PatchMessage } from '../../shared/protocol/socket.ts';
import type { TimingMessage, TimingView } from '../../shared/timing/view.ts';
import { JournalFeed, type JournalCopy } from './journal-feed.ts';

/**
 * The pushes every client receives: states to their listeners, journal pushes put together
 * (asking for the whole journal once after a gap). Shared by the WebSocket and IPC clients.
 */
export class Pushes {
  readonly stateListeners = new Set<(snapshot: HostSnapshotMessage) => void>();
  readonly journalListeners = new Set<(journal: JournalCopy) => void>();
  readonly timingListeners = new Set<(timing: TimingView) => void>();
  latest: HostSnapshotMessage | null = null;
  latestTiming: TimingView | null = null;
  private readonly feed = new JournalFeed();

  constructor(
    private readonly send: (message: ClientMessage) => Promise<ServerMessage>,
    /** Asks the host for the full state again (a patch that does not follow on). */
    private readonly resync: () => void = () => undefined,
  ) {}

  /**
   * A patch arrived (issue 13): applied to the state it was made from, or, if this client's state
   * is not that one (it missed a push), thrown away and the full state asked for. The result is
   * the state the host would have sent in full.
   */
  patch(message: PatchMessage): void {
    const base = this.latest;
    if (!base || base.revision !== message.from) {
      this.resync();
      return;
    }
    let next: { program: HostSnapshotMessage['program']; race: HostSnapshotMessage['race'] };
    try {
      next = jsonPatch.applyPatch(
        { program: base.program, race: base.race },
        message.ops as Operation[],
        false,
        false,
      ).newDocument;
    } catch {
      this.resync();
      return;
    }
    // The revision counters come beside the ops.
    const program =
      message.program === undefined ? next.program : { ...next.program, revision: message.program };
    const race =
      next.race && message.raceRevision !== undefined
        ? { ...next.race, revision: message.raceRevision }
        : next.race;
    this.state({
      type: 'state',
      revision: message.to,
      program,
      race,
      ...(message.journal ? { journal: message.journal } : {}),
    });
  }

  /** A state arrived (with the journal's new entries, for a journal follower). */
  state(message: HostSnapshotMessage & { journal?: JournalPush }): void {
    const { journal, ...snapshot } = message;
    this.latest = snapshot;
    this.stateListeners.forEach((listener) => listener(snapshot));
    if (journal) this.journal(journal);
  }

  /** A pushed message (a state or the timing view); false for anything else (a reply). */
  push(
    message: ServerMessage,
  ): message is Extract<ServerMessage, { type: 'state' | 'patch' | 'timing' }> {
    if (message.type === 'state') {
      this.state(message);
      return true;
    }
    if (message.type === 'patch') {
      this.patch(message);
      return true;
    }
    if (message.type === 'timing') {
      this.timing(message);
      return true;
    }
    return false;
  }

  timing(message: TimingMessage): void {
    const { type: _type, ...view } = message;
    this.latestTiming = view;
    this.timingListeners.forEach((listener) => listener(view));
  }

  onTiming(listener: (timing: TimingView) => void): () => void {
    this.timingListeners.add(listener);
    if (this.latestTiming) listener(this.latestTiming);
    return () => this.timingListeners.delete(listener);
  }

  /** Subscribes a listener; a late one is told the current state and journal at once. */
  onState(listener: (snapshot: HostSnapshotMessage) => void): () => void {
    this.stateListeners.add(listener);
    if (this.latest) listener(this.latest);
    return () => this.stateListeners.delete(listener);
  }

  onJournal(listener: (journal: JournalCopy) => void): () => void {
    this.journalListeners.add(listener);
    if (this.feed.current) listener(this.feed.current);
    return () => this.journalListeners.delete(listener);
  }

  private journal(push: JournalPush): void {
    if (this.feed.apply(push)) {
      this.announceJournal();
      return;
    }
    void this.send({ type: 'journal', race: push.raceId }).then((reply) => {
      if (reply.type !== 'journal') return;
      this.feed.replace({ raceId: reply.raceId, entries: reply.entries, voided: reply.voided });
      this.announceJournal();
    });
  }

  private announceJournal(): void {
    const journal = this.feed.current;
    if (journal) this.journalListeners.forEach((listener) => listener(journal));
  }
}
