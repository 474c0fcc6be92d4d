import type { ClientMessage, ServerMessage } from '../../shared/protocol/messages.ts';
import { refused } from '../../shared/protocol/reply.ts';
import type { HostSnapshotMessage } from '../../shared/protocol/snapshot.ts';
import { replyMessage } from '../../shared/protocol/socket.ts';
import type { JournalCopy } from './journal-feed.ts';
import type { TimingView } from '../../shared/timing/view.ts';
import type { HostRoleView } from '../../shared/protocol/host-role.ts';
import type { GapsView } from '../../shared/timing/gaps-view.ts';
import { Pushes } from './pushes.ts';

export { Pushes } from './pushes.ts';

/** Connection state shown to the operator. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The one interface renderers use: subscribe to state (and the journal), send messages. */
export interface HostClient {
  onState(listener: (snapshot: HostSnapshotMessage) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** The followed race's journal, whole, each time it grows (clients made with `journal`). */
  onJournal(listener: (journal: JournalCopy) => void): () => void;
  /** The timing feed's view (consoles, clients made with `journal`), each time it changes. */
  onTiming(listener: (timing: TimingView) => void): () => void;
  /** The host's role, epoch and peer (issue 20), each time it changes. */
  onHost(listener: (host: HostRoleView) => void): () => void;
  /** The active race's groups and gaps from the loop (issue 21), each time they change. */
  onGaps(listener: (gaps: GapsView) => void): () => void;
  send(message: ClientMessage): Promise<ServerMessage>;
  close(): void;
}

/** A refusal made by the client itself: status 0, the host never saw the request. */
export const notSent = (error: string, id?: string) => replyMessage(refused(0, error), id);

/**
 * The WebSocket implementation for browsers (OBS, vMix, CasparCG, browser mode). Reconnects
 * with backoff; the host sends the full state (and, with `journal`, the whole journal) on every
 * (re)connect.
 */
export function connectWebSocket(url: string): HostClient {
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const pending = new Map<string, (reply: ServerMessage) => void>();
  let socket: WebSocket | null = null;
  let closed = false;
  let retry = 250;
  let nextId = 1;
  // The hosts of a pair (issue 20): this page's, then what the hosts say of themselves and
  // their peer. A connection lost tries the next one; a host deposed sends the view on.
  const hosts = new FailoverList(url);
  let redirected = false;

  let connection: ConnectionState = 'connecting';
  const announce = (state: ConnectionState) => {
    connection = state;
    connectionListeners.forEach((listener) => listener(state));
  };
  const send = (message: ClientMessage): Promise<ServerMessage> =>
    new Promise((resolve) => {
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        resolve(notSent('not connected to the host'));
        return;
      }
      const id = `m${nextId++}`;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ ...message, id }));
    });
  // A change that does not follow on: the value is asked for whole (`follow`, the gap rule).
  const pushes = new Pushes(send);
  pushes.onHost((view) => {
    hosts.learn(view);
    // Deposed: the primary is elsewhere; go there (the same page, the same token).
    if (view.deposed && hosts.moveTo(view.deposed.by)) {
      redirected = true;
      socket?.close();
    }
  });
  const open = () => {
    announce('connecting');
    let ws: WebSocket;
    try {
      ws = new WebSocket(hosts.current);
    } catch {
      // A URL the page may not open (its policy): try the next host, never stop trying.
      hosts.next();
      setTimeout(open, 250);
      return;
    }
    socket = ws;
    ws.onopen = () => {
      retry = 250;
      announce('open');
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (pushes.push(message)) return;
      if ('id' in message && message.id !== undefined) {
        pending.get(String(message.id))?.(message);
        pending.delete(String(message.id));
      }
    };
    ws.onclose = () => {
      announce('closed');
      for (const [id, resolve] of pending) resolve(notSent('connection to the host lost', id));
      pending.clear();
      if (closed) return;
      // A pair: try the other host at once, then every 250 ms (a board follows the new primary
      // within 2 s of a takeover); one host: back off up to 4 s.
      if (hosts.size > 1) {
        if (!redirected) hosts.next();
        setTimeout(open, redirected ? 0 : 250);
        redirected = false;
      } else setTimeout(open, (retry = Math.min(retry * 2, 4000)));
    };
  };
  open();

  return {
    onState: (listener) => pushes.onState(listener),
    onJournal: (listener) => pushes.onJournal(listener),
    onTiming: (listener) => pushes.onTiming(listener),
    onHost: (listener) => pushes.onHost(listener),
    onGaps: (listener) => pushes.onGaps(listener),
    onConnection: (listener) => {
      connectionListeners.add(listener);
      listener(connection);
      return () => connectionListeners.delete(listener);
    },
    send,
    close: () => {
      closed = true;
      socket?.close();
    },
  };
}

/**
 * The host's WebSocket URL for this page, with the token from the page's own query string;
 * `journal` asks for the followed race's journal with every state (the console).
 */
export function hostUrlFromLocation(
  location: Location,
  options: { journal?: boolean } = {},
): string {
  const params = new URLSearchParams(location.search);
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const race = params.get('race');
  return `${protocol}//${location.host}/api/v1/ws?v=2&token=${encodeURIComponent(params.get('token') ?? '')}${race ? `&race=${encodeURIComponent(race)}` : ''}${options.journal ? '&journal=1' : ''}`;
}

/**
 * The WebSocket URLs of the hosts of a pair, in the order to try: the page's own first, then
 * each host a `host` value names (itself, its peer), with this page's path and query (the token).
 */
export class FailoverList {
  private readonly urls: string[];
  private index = 0;

  private readonly first: string;

  constructor(first: string) {
    this.first = new URL(first).toString();
    this.urls = [this.first];
  }

  get current(): string {
    return this.urls[this.index]!;
  }

  get size(): number {
    return this.urls.length;
  }

  /** Adds the hosts a role view names. */
  learn(view: HostRoleView): void {
    for (const base of [view.self, view.peer]) if (base) this.add(base);
  }

  /** Makes the host at `base` the one to connect to next; false when it is the current one. */
  moveTo(base: string): boolean {
    const url = this.add(base);
    if (url === null || url === this.current) return false;
    this.index = this.urls.indexOf(url);
    return true;
  }

  /** The next host to try. */
  next(): void {
    this.index = (this.index + 1) % this.urls.length;
  }

  private add(base: string): string | null {
    let url: string;
    try {
      const target = new URL(base);
      const mine = new URL(this.first);
      mine.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
      mine.host = target.host;
      url = mine.toString();
    } catch {
      return null;
    }
    if (!this.urls.includes(url)) this.urls.push(url);
    return url;
  }
}
