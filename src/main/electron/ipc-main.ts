// The main side of the IPC contract: every channel checks its sender (ipc-guard.ts) and its
// payload (ipc-contract.ts) before anything reaches the host or the windows.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import {
  ipcChannels,
  type OutputsReply,
  type OutputsRequest,
  type WindowRole,
} from '../../shared/protocol/ipc.ts';
import type { SocketMessage } from '../../shared/protocol/socket.ts';
import {
  channelRoles,
  parseOutputsRequest,
  parseSubscribe,
  type RendererChannel,
} from './ipc-contract.ts';
import { checkSender, senderOf, type SenderCheck } from './ipc-guard.ts';
import type { HostIpc } from './ipc-adapter.ts';
import { refused } from '../../shared/protocol/reply.ts';
import { replyMessage } from '../../shared/protocol/socket.ts';

/** What the IPC handlers act on. */
export interface IpcDependencies {
  /** Our windows' roles by WebContents id (WindowManager.windowRoles). */
  readonly roles: () => ReadonlyMap<number, WindowRole>;
  readonly origins: readonly string[];
  readonly hostIpc: Pick<HostIpc, 'subscribe' | 'unsubscribe' | 'request'>;
  readonly outputs: (request: OutputsRequest) => OutputsReply;
  readonly heartbeat: (webContentsId: number) => void;
  readonly log: (line: string) => void;
}

/** Registers every renderer-to-main channel; returns a function that removes them. */
export function registerIpc(ipcMain: IpcMain, deps: IpcDependencies): () => void {
  const refusedOnce = new Set<string>();
  const guard = (
    channel: RendererChannel,
    event: IpcMainEvent | IpcMainInvokeEvent,
  ): SenderCheck => {
    const check = checkSender(senderOf(event), deps.roles(), deps.origins, channelRoles[channel]);
    if (!check.ok) {
      // A misbehaving page may repeat itself (heartbeats): log each kind of refusal once per sender.
      const key = `${channel} ${event.sender.id} ${check.reason}`;
      if (!refusedOnce.has(key))
        deps.log(`refused IPC ${channel} from window ${event.sender.id}: ${check.reason}`);
      refusedOnce.add(key);
    }
    return check;
  };

  const onSubscribe = (event: IpcMainEvent, payload: unknown) => {
    if (!guard(ipcChannels.subscribe, event).ok) return;
    const parsed = parseSubscribe(payload);
    if (!parsed.ok)
      return deps.log(`refused IPC subscribe from window ${event.sender.id}: ${parsed.error}`);
    deps.hostIpc.subscribe(event.sender, parsed.value.race, { journal: parsed.value.journal });
  };
  const onUnsubscribe = (event: IpcMainEvent) => {
    if (guard(ipcChannels.unsubscribe, event).ok) deps.hostIpc.unsubscribe(event.sender);
  };
  const onHeartbeat = (event: IpcMainEvent) => {
    if (guard(ipcChannels.heartbeat, event).ok) deps.heartbeat(event.sender.id);
  };
  const onRequest = async (event: IpcMainInvokeEvent, payload: unknown): Promise<SocketMessage> => {
    const check = guard(ipcChannels.request, event);
    if (!check.ok) return replyMessage(refused(403, `refused: ${check.reason}`));
    return deps.hostIpc.request(event.sender, check.role, payload);
  };
  const onOutputs = (event: IpcMainInvokeEvent, payload: unknown): OutputsReply => {
    const check = guard(ipcChannels.outputs, event);
    if (!check.ok) return { ok: false, error: `refused: ${check.reason}` };
    const parsed = parseOutputsRequest(payload);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    try {
      return deps.outputs(parsed.value);
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  };

  ipcMain.on(ipcChannels.subscribe, onSubscribe);
  ipcMain.on(ipcChannels.unsubscribe, onUnsubscribe);
  ipcMain.on(ipcChannels.heartbeat, onHeartbeat);
  ipcMain.handle(ipcChannels.request, onRequest);
  ipcMain.handle(ipcChannels.outputs, onOutputs);
  return () => {
    ipcMain.removeListener(ipcChannels.subscribe, onSubscribe);
    ipcMain.removeListener(ipcChannels.unsubscribe, onUnsubscribe);
    ipcMain.removeListener(ipcChannels.heartbeat, onHeartbeat);
    ipcMain.removeHandler(ipcChannels.request);
    ipcMain.removeHandler(ipcChannels.outputs);
  };
}
