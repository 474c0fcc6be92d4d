import type { ClientMessage, ServerMessage } from '../../shared/protocol/messages.ts';
import type { HostSnapshotMessage } from '../../shared/protocol/snapshot.ts';

/** Connection state shown to the operator. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The one interface renderers use: subscribe to state, send messages. */
export interface HostClient {
  onState(listener: (snapshot: HostSnapshotMessage) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  send(message: ClientMessage): Promise<ServerMessage>;
  close(): void;
}

/**
 * The WebSocket implementation for browsers (OBS, vMix, CasparCG, browser mode). Reconnects
 * with backoff; the host sends the full state on every (re)connect.
 */
export function connectWebSocket(url: string): HostClient {
  const stateListeners = new Set<(snapshot: HostSnapshotMessage) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const pending = new Map<string, (reply: ServerMessage) => void>();
  let socket: WebSocket | null = null;
  let closed = false;
  let retry = 250;
  let nextId = 1;

  let connection: ConnectionState = 'connecting';
  let latest: HostSnapshotMessage | null = null;
  const announce = (state: ConnectionState) => {
    connection = state;
    connectionListeners.forEach((listener) => listener(state));
  };
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
      if (message.type === 'state') {
        latest = message;
        stateListeners.forEach((listener) => listener(message));
      } else if (message.id !== undefined) {
        pending.get(String(message.id))?.(message);
        pending.delete(String(message.id));
      }
    };
    ws.onclose = () => {
      announce('closed');
      for (const [id, resolve] of pending)
        resolve({ type: 'error', id, status: 0, error: 'connection to the host lost' });
      pending.clear();
      if (!closed) setTimeout(open, (retry = Math.min(retry * 2, 4000)));
    };
  };
  open();

  return {
    // A listener that arrives late is told the current state and connection at once.
    onState: (listener) => {
      stateListeners.add(listener);
      if (latest) listener(latest);
      return () => stateListeners.delete(listener);
    },
    onConnection: (listener) => {
      connectionListeners.add(listener);
      listener(connection);
      return () => connectionListeners.delete(listener);
    },
    send: (message) =>
      new Promise((resolve) => {
        if (!socket || socket.readyState !== WebSocket.OPEN) {
          resolve({ type: 'error', status: 0, error: 'not connected to the host' });
          return;
        }
        const id = `m${nextId++}`;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ ...message, id }));
      }),
    close: () => {
      closed = true;
      socket?.close();
    },
  };
}

/** The host's WebSocket URL for this page, with the token from the page's own query string. */
export function hostUrlFromLocation(location: Location): string {
  const params = new URLSearchParams(location.search);
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const race = params.get('race');
  return `${protocol}//${location.host}/api/v1/ws?token=${encodeURIComponent(params.get('token') ?? '')}${race ? `&race=${encodeURIComponent(race)}` : ''}`;
}
