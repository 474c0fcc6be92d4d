import type { ClientMessage, ServerMessage } from '../../shared/protocol/messages.ts';
import { refused } from '../../shared/protocol/reply.ts';
import type { HostSnapshotMessage } from '../../shared/protocol/snapshot.ts';
import { replyMessage, type JournalPush } from '../../shared/protocol/socket.ts';
import { JournalFeed, type JournalCopy } from './journal-feed.ts';
import type { TimingMessage, TimingView } from '../../shared/timing/view.ts';

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
  send(message: ClientMessage): Promise<ServerMessage>;
  close(): void;
}

/** A refusal made by the client itself: status 0, the host never saw the request. */
export const notSent = (error: string, id?: string) => replyMessage(refused(0, error), id);

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

  constructor(private readonly send: (message: ClientMessage) => Promise<ServerMessage>) {}

  /** A state arrived (with the journal's new entries, for a journal follower). */
  state(message: HostSnapshotMessage & { journal?: JournalPush }): void {
    const { journal, ...snapshot } = message;
    this.latest = snapshot;
    this.stateListeners.forEach((listener) => listener(snapshot));
    if (journal) this.journal(journal);
  }

  /** A pushed message (a state or the timing view); false for anything else (a reply). */
  push(message: ServerMessage): message is Extract<ServerMessage, { type: 'state' | 'timing' }> {
    if (message.type === 'state') {
      this.state(message);
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
  const pushes = new Pushes(send);
  const open = () => {
    announce('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retry = 250;
      announce('open');
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (pushes.push(message)) return;
      if (message.id !== undefined) {
        pending.get(String(message.id))?.(message);
        pending.delete(String(message.id));
      }
    };
    ws.onclose = () => {
      announce('closed');
      for (const [id, resolve] of pending) resolve(notSent('connection to the host lost', id));
      pending.clear();
      if (!closed) setTimeout(open, (retry = Math.min(retry * 2, 4000)));
    };
  };
  open();

  return {
    onState: (listener) => pushes.onState(listener),
    onJournal: (listener) => pushes.onJournal(listener),
    onTiming: (listener) => pushes.onTiming(listener),
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
  return `${protocol}//${location.host}/api/v1/ws?token=${encodeURIComponent(params.get('token') ?? '')}${race ? `&race=${encodeURIComponent(race)}` : ''}${options.journal ? '&journal=1' : ''}`;
}
