import type { MassStartBridge } from '../../shared/protocol/ipc.ts';
import { connectWebSocket, hostUrlFromLocation, type HostClient } from './host-client.ts';
import { connectIpc } from './ipc-client.ts';

/** What a page needs to pick its connection: its location and, in Electron, the preload bridge. */
export interface PageContext {
  readonly location: Location;
  readonly massStart?: MassStartBridge;
}

/**
 * Connects a page to the race host: over IPC inside the Electron app (the preload put
 * `window.massStart` there), otherwise over the WebSocket of the page's own server (browser
 * mode, OBS, CasparCG). `?race=ID` follows that race instead of the active one in both;
 * `journal` (the console) has the race's journal pushed with every state.
 */
export function connectHost(
  page: PageContext = window,
  options: { journal?: boolean } = {},
): HostClient {
  if (page.massStart) {
    const race = new URLSearchParams(page.location.search).get('race');
    return connectIpc(page.massStart, race || null, options);
  }
  return connectWebSocket(hostUrlFromLocation(page.location, options));
}

/** The window's role in the Electron app (console, board, overlay), or null in a browser. */
export function electronWindowRole(
  page: PageContext = window,
): MassStartBridge['windowRole'] | null {
  return page.massStart?.windowRole ?? null;
}
