import type { MassStartBridge } from '../../shared/protocol/ipc.ts';
import type { ClientMessage } from '../../shared/protocol/messages.ts';
import type { HostSnapshotMessage } from '../../shared/protocol/snapshot.ts';
import type { HostClient } from './host-client.ts';

/**
 * The IPC implementation of HostClient for the Electron windows: the preload bridge
 * (`window.massStart`) carries the same messages as the WebSocket. The host lives in the same
 * app, so the connection is open from the start and for as long as the window exists.
 */
export function connectIpc(bridge: MassStartBridge, race: string | null = null): HostClient {
  const stateListeners = new Set<(snapshot: HostSnapshotMessage) => void>();
  let closed = false;
  const unsubscribe = bridge.subscribe((stateJson) => {
    const snapshot = JSON.parse(stateJson) as HostSnapshotMessage;
    stateListeners.forEach((listener) => listener(snapshot));
  }, race);

  return {
    onState: (listener) => (stateListeners.add(listener), () => stateListeners.delete(listener)),
    onConnection: (listener) => {
      listener(closed ? 'closed' : 'open');
      return () => undefined;
    },
    send: async (message: ClientMessage) => {
      if (closed)
        return { type: 'error', status: 0, error: 'the connection to the host was closed' };
      try {
        // The host's replies are the WebSocket's (socket.ts), one contract for both transports.
        return await bridge.send(message);
      } catch (error) {
        return {
          type: 'error',
          status: 0,
          error: `the host did not answer: ${(error as Error).message}`,
        };
      }
    },
    close: () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      stateListeners.clear();
    },
  };
}
