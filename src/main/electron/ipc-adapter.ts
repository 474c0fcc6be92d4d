// The IPC side of the race host: the same SnapshotHub and message handler as the WebSocket
// (server/ws-hub.ts, server/ws-messages.ts), with an Electron window in place of a socket.
import type { RaceHost } from '../host/host.ts';
import { SnapshotHub, type HubSocket } from '../server/ws-hub.ts';
import { answerClientMessage } from '../server/ws-messages.ts';
import { ipcChannels, type WindowRole } from '../../shared/protocol/ipc.ts';
import type { SocketMessage } from '../../shared/protocol/socket.ts';
import { checkRequestSize } from './ipc-contract.ts';

/** The part of a WebContents the adapter uses. */
export interface ViewTarget {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, payload: string): void;
}

const OPEN = 1;
const CLOSED = 3;

/** The id a request carried, to echo in an early refusal. */
const idOf = (value: unknown) => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? { id } : {};
};

/**
 * Serves the host to the app's windows over IPC: a window that subscribes gets the full state
 * at once and after every change (serialized once per revision for all views); requests are
 * answered with the WebSocket's replies. The console has the control role, board and overlay
 * the view role, decided by main from the window, never by the page.
 */
export class HostIpc {
  private readonly hub: SnapshotHub;
  private readonly sockets = new Map<number, HubSocket>();

  constructor(
    private readonly host: RaceHost,
    private readonly log: (line: string) => void,
  ) {
    // IPC has no send buffer to watch: every state is delivered.
    this.hub = new SnapshotHub(host, Number.POSITIVE_INFINITY);
  }

  /** Number of windows receiving states. */
  get size(): number {
    return this.hub.size;
  }

  /** Starts (or restarts, after a reload) the state pushes to a window; sends the state at once. */
  subscribe(target: ViewTarget, race: string | null): void {
    this.hub.add(this.socketFor(target), race);
  }

  /** Stops the pushes (the page unsubscribed, reloads or crashed). */
  unsubscribe(target: ViewTarget): void {
    const socket = this.sockets.get(target.id);
    if (socket) this.hub.remove(socket);
  }

  /** Forgets a closed window. */
  forget(target: ViewTarget): void {
    this.unsubscribe(target);
    this.sockets.delete(target.id);
  }

  /** Answers a request from a window with the given role. Never throws. */
  async request(target: ViewTarget, role: WindowRole, payload: unknown): Promise<SocketMessage> {
    const size = checkRequestSize(payload);
    if (!size.ok) return { type: 'error', ...idOf(payload), status: 400, error: size.error };
    const context = {
      host: this.host,
      role: role === 'console' ? ('control' as const) : ('view' as const),
      log: this.log,
      follow: (race: string | null) => this.subscribe(target, race),
    };
    const answer = await answerClientMessage(context, payload);
    // A subscribe is answered by the state itself; invoke needs a reply, so acknowledge it too.
    return answer ?? { type: 'ack', ...idOf(payload), ok: true, revision: this.host.revision };
  }

  /** Stops listening to the host. */
  close(): void {
    this.hub.close();
    this.sockets.clear();
  }

  private socketFor(target: ViewTarget): HubSocket {
    let socket = this.sockets.get(target.id);
    if (!socket) {
      socket = {
        get readyState() {
          return target.isDestroyed() ? CLOSED : OPEN;
        },
        bufferedAmount: 0,
        send: (data, callback) => {
          target.send(ipcChannels.state, data);
          callback?.();
        },
      };
      this.sockets.set(target.id, socket);
    }
    return socket;
  }
}
