// Preload (sandboxed, context-isolated): exposes a few typed verbs as `window.massStart`, never
// ipcRenderer itself. Main checks the sender of every message and the payload (ipc-guard.ts,
// ipc-contract.ts); this side only forwards. Built as CommonJS: sandboxed preloads cannot be ESM.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  ipcChannels,
  windowRoles,
  windowRoleSwitch,
  type ConsolePanel,
  type MassStartBridge,
  type OutputsReply,
  type OutputsRequest,
  type OutputsView,
  type WindowRole,
} from '../shared/protocol/ipc.ts';
import type { SocketMessage } from '../shared/protocol/socket.ts';

/** The role main gave this window (additionalArguments); a page without one gets no bridge. */
function roleFromArguments(argv: readonly string[]): WindowRole | null {
  const value = argv
    .find((arg) => arg.startsWith(windowRoleSwitch))
    ?.slice(windowRoleSwitch.length);
  return windowRoles.find((role) => role === value) ?? null;
}

/** Listens on a main-to-renderer channel; the event object never reaches the page. */
function listen<T>(channel: string, listener: (payload: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const windowRole = roleFromArguments(process.argv);

if (windowRole) {
  const stateListeners = new Set<(stateJson: string) => void>();
  listen<string>(ipcChannels.state, (stateJson) =>
    stateListeners.forEach((listener) => listener(stateJson)),
  );

  const bridge: MassStartBridge = {
    platform: 'electron',
    windowRole,
    subscribe(listener, race = null, options = {}) {
      stateListeners.add(listener);
      ipcRenderer.send(ipcChannels.subscribe, { race, journal: options.journal === true });
      return () => {
        stateListeners.delete(listener);
        if (stateListeners.size === 0) ipcRenderer.send(ipcChannels.unsubscribe, {});
      };
    },
    send: (message) => ipcRenderer.invoke(ipcChannels.request, message) as Promise<SocketMessage>,
    ...(windowRole === 'console'
      ? {
          onNotice: (listener: (text: string) => void) => listen(ipcChannels.notice, listener),
          onShowPanel: (listener: (panel: ConsolePanel) => void) =>
            listen(ipcChannels.showPanel, listener),
          outputs: {
            request: (request: OutputsRequest) =>
              ipcRenderer.invoke(ipcChannels.outputs, request) as Promise<OutputsReply>,
            onChange: (listener: (outputs: OutputsView) => void) =>
              listen(ipcChannels.outputsChanged, listener),
          },
        }
      : {}),
  };
  contextBridge.exposeInMainWorld('massStart', bridge);

  // Board and overlay prove they are alive; a page whose main thread hangs stops this timer
  // and main's watchdog reloads it (issue 6: "reloaded automatically").
  if (windowRole !== 'console') setInterval(() => ipcRenderer.send(ipcChannels.heartbeat), 250);
}
