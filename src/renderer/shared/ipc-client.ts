import type { MassStartBridge } from '../../shared/protocol/ipc.ts';
import type { ClientMessage, ServerMessage } from '../../shared/protocol/messages.ts';
import { notSent, Pushes, type HostClient } from './host-client.ts';

/**
 * The IPC implementation of HostClient for the Electron windows: the preload bridge
 * (`window.massStart`) carries the same messages as the WebSocket. The host lives in the same
 * app, so the connection is open from the start and for as long as the window exists.
 */
export function connectIpc(
  bridge: MassStartBridge,
  race: string | null = null,
  options: { journal?: boolean } = {},
): HostClient {
  let closed = false;
  const send = async (message: ClientMessage): Promise<ServerMessage> => {
    if (closed) return notSent('the connection to the host was closed');
    try {
      // The host's replies are the WebSocket's (socket.ts), one contract for both transports.
      return await bridge.send(message);
    } catch (error) {
      return notSent(`the host did not answer: ${(error as Error).message}`);
    }
  };
  const pushes = new Pushes(send);
  // One subscription: with `journal`, the journal comes with the states.
  const unsubscribe = bridge.subscribe(
    (text) => pushes.push(JSON.parse(text) as ServerMessage),
    race,
    { journal: options.journal === true },
  );

  return {
    onState: (listener) => pushes.onState(listener),
    onJournal: (listener) => pushes.onJournal(listener),
    onTiming: (listener) => pushes.onTiming(listener),
    onHost: (listener) => pushes.onHost(listener),
    onGaps: (listener) => pushes.onGaps(listener),
    onConnection: (listener) => {
      listener(closed ? 'closed' : 'open');
      return () => undefined;
    },
    send,
    close: () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      pushes.stateListeners.clear();
      pushes.journalListeners.clear();
      pushes.timingListeners.clear();
      pushes.hostListeners.clear();
    },
  };
}
