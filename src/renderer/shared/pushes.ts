// What every host client receives, put together the same way over the WebSocket and IPC: the
// replication channel's values (src/shared/protocol/channel.ts, issue 20) in one map. No DOM
// here: tests run it in Node.
import {
  applyValue,
  unpackState,
  type HeldValue,
  type LogValue,
  type StateDoc,
  type ValueMessage,
} from '../../shared/protocol/channel.ts';
import type { HostRoleView } from '../../shared/protocol/host-role.ts';
import type { ClientMessage, ServerMessage } from '../../shared/protocol/messages.ts';
import type { HostSnapshotMessage } from '../../shared/protocol/snapshot.ts';
import type { JournalEntry } from '../../shared/race/events.ts';
import { voidedEntries } from '../../shared/race/history.ts';
import type { TimingView } from '../../shared/timing/view.ts';
import type { GapsView } from '../../shared/timing/gaps-view.ts';
import type { JournalCopy } from './journal-feed.ts';

/**
 * The values a client holds, by name, and who listens to them: the view state (`state`,
 * `state/RACE`), the journal (`journal…`) and the timing view. One gap rule: a change from a
 * revision this client does not hold is thrown away and the whole value asked for (`follow`).
 */
export class Pushes {
  readonly stateListeners = new Set<(snapshot: HostSnapshotMessage) => void>();
  readonly journalListeners = new Set<(journal: JournalCopy) => void>();
  readonly timingListeners = new Set<(timing: TimingView) => void>();
  readonly hostListeners = new Set<(host: HostRoleView) => void>();
  readonly gapsListeners = new Set<(gaps: GapsView) => void>();
  /** The one map of held values. */
  readonly held = new Map<string, HeldValue>();
  latest: HostSnapshotMessage | null = null;
  latestTiming: TimingView | null = null;
  latestJournal: JournalCopy | null = null;
  /** The host's role, epoch and peer (issue 20: the `host` value). */
  latestHost: HostRoleView | null = null;
  /** The groups and gaps of the active race from the loop (issue 21: the `gaps` value). */
  latestGaps: GapsView | null = null;

  constructor(
    private readonly send: (message: ClientMessage) => Promise<ServerMessage>,
    /** Asks the host for the whole value again (legacy hook: resubscribe; default `follow`). */
    private readonly resync: ((name: string) => void) | null = null,
  ) {}

  /** A pushed message; false for anything else (a reply). */
  push(
    message: ServerMessage,
  ): message is Extract<ServerMessage, { type: 'state' | 'value' | 'timing' }> {
    if (message.type === 'value') {
      this.value(message);
      return true;
    }
    if (message.type === 'state') {
      // Protocol 1's whole state (a host before the channel).
      this.announceState(message);
      return true;
    }
    return false;
  }

  /** A value arrived: held, then told to whoever listens to that kind of name. */
  value(message: ValueMessage): void {
    const next = applyValue(this.held.get(message.name), message);
    if (next === 'gap') {
      if (this.resync) this.resync(message.name);
      else void this.send({ type: 'follow', names: [message.name] });
      return;
    }
    this.held.set(message.name, next);
    const kind = message.name.split('/')[0];
    if (kind === 'state') {
      const { program, race } = unpackState(next.value as StateDoc);
      this.announceState({ type: 'state', revision: next.rev, program, race });
    } else if (kind === 'journal') {
      const log = next.value as LogValue<JournalEntry>;
      this.latestJournal = {
        raceId: log.of,
        entries: log.entries,
        voided: [...voidedEntries(log.entries)],
      };
      const journal = this.latestJournal;
      this.journalListeners.forEach((listener) => listener(journal));
    } else if (kind === 'host') {
      const host = next.value as HostRoleView;
      this.latestHost = host;
      this.hostListeners.forEach((listener) => listener(host));
    } else if (kind === 'gaps') {
      const gaps = next.value as GapsView;
      this.latestGaps = gaps;
      this.gapsListeners.forEach((listener) => listener(gaps));
    } else if (kind === 'timing') {
      const view = next.value as TimingView;
      this.latestTiming = view;
      this.timingListeners.forEach((listener) => listener(view));
    }
  }

  onTiming(listener: (timing: TimingView) => void): () => void {
    this.timingListeners.add(listener);
    if (this.latestTiming) listener(this.latestTiming);
    return () => this.timingListeners.delete(listener);
  }

  /** The groups and gaps of the active race (issue 21), each time they change. */
  onGaps(listener: (gaps: GapsView) => void): () => void {
    this.gapsListeners.add(listener);
    if (this.latestGaps) listener(this.latestGaps);
    return () => this.gapsListeners.delete(listener);
  }

  /** The host's role (primary or standby), epoch and peer, each time it changes. */
  onHost(listener: (host: HostRoleView) => void): () => void {
    this.hostListeners.add(listener);
    if (this.latestHost) listener(this.latestHost);
    return () => this.hostListeners.delete(listener);
  }

  /** Subscribes a listener; a late one is told the current state at once. */
  onState(listener: (snapshot: HostSnapshotMessage) => void): () => void {
    this.stateListeners.add(listener);
    if (this.latest) listener(this.latest);
    return () => this.stateListeners.delete(listener);
  }

  onJournal(listener: (journal: JournalCopy) => void): () => void {
    this.journalListeners.add(listener);
    if (this.latestJournal) listener(this.latestJournal);
    return () => this.journalListeners.delete(listener);
  }

  private announceState(snapshot: HostSnapshotMessage): void {
    this.latest = snapshot;
    this.stateListeners.forEach((listener) => listener(snapshot));
  }
}
