// The IPC side of the race host: an Electron window is one more sink of the session's fan-out,
// and its requests go to the same session as WebSocket frames (host/session.ts).
import type { StateSink } from '../host/channel.ts';
import type { RaceHost } from '../host/host.ts';
import { HostSession, subscribedNames } from '../host/session.ts';
import { ipcChannels, type WindowRole } from '../../shared/protocol/ipc.ts';
import { refused } from '../../shared/protocol/reply.ts';
import { replyMessage, requestIdOf, type SocketMessage } from '../../shared/protocol/socket.ts';
import { checkRequestSize } from './ipc-contract.ts';

/** The part of a WebContents the adapter uses. */
export interface ViewTarget {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, payload: string): void;
}

/**
 * Serves the host to the app's windows over IPC: a window that subscribes gets the full state
 * at once and after every change; requests are answered by the session as over the WebSocket,
 * journaled with source "ipc". The console has the control role, board and overlay the view
 * role, decided by main from the window, never by the page.
 */
export class HostIpc {
  private readonly session: HostSession;
  private readonly ownSession: boolean;
  private readonly sinks = new Map<number, StateSink>();

  /** Uses the app's session (or makes one for a bare host, as tests do). */
  constructor(
    hostOrSession: HostSession | RaceHost,
    log: (line: string) => void = () => undefined,
  ) {
    this.ownSession = !(hostOrSession instanceof HostSession);
    this.session =
      hostOrSession instanceof HostSession ? hostOrSession : new HostSession(hostOrSession, log);
  }

  /** Number of windows receiving states (of this adapter). */
  get size(): number {
    return [...this.sinks.values()].filter((sink) => this.session.channel.has(sink)).length;
  }

  /** Starts (or restarts, after a reload) the state pushes to a window; sends the state at once. */
  subscribe(target: ViewTarget, race: string | null, options: { journal?: boolean } = {}): void {
    const names = subscribedNames(race, options.journal ?? false);
    this.session.follow(this.sinkFor(target), names, { replace: true });
  }

  /** Stops the pushes (the page unsubscribed, reloads or crashed). */
  unsubscribe(target: ViewTarget): void {
    const sink = this.sinks.get(target.id);
    if (sink) this.session.unfollow(sink);
  }

  /** Forgets a closed window. */
  forget(target: ViewTarget): void {
    this.unsubscribe(target);
    this.sinks.delete(target.id);
  }

  /** Answers a request from a window with the given role. Never throws. */
  async request(target: ViewTarget, role: WindowRole, payload: unknown): Promise<SocketMessage> {
    const size = checkRequestSize(payload);
    if (!size.ok) return replyMessage(refused(400, size.error), requestIdOf(payload));
    const caller = { role: role === 'console' ? 'control' : 'view', source: 'ipc' } as const;
    const answer = await this.session.receive(payload, caller, this.sinkFor(target));
    // A subscribe is answered by the state itself; invoke needs a reply, so acknowledge it too.
    return (
      answer ??
      replyMessage({ ok: true, revision: this.session.host.revision }, requestIdOf(payload))
    );
  }

  /** Stops the pushes to this adapter's windows. */
  close(): void {
    for (const sink of this.sinks.values()) this.session.unfollow(sink);
    this.sinks.clear();
    if (this.ownSession) this.session.close();
  }

  /** IPC has no send buffer to watch: every state is delivered. */
  private sinkFor(target: ViewTarget): StateSink {
    let sink = this.sinks.get(target.id);
    if (!sink) {
      sink = {
        send: (text, written) => {
          target.send(ipcChannels.state, text);
          written();
        },
        isOpen: () => !target.isDestroyed(),
        backedUp: () => false,
      };
      this.sinks.set(target.id, sink);
    }
    return sink;
  }
}
