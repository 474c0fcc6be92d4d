// Operator console: keyboard-first race control (IPC in the Electron app, WebSocket in a browser).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHost } from '../shared/connect.ts';
import { ConsoleApp } from './ConsoleApp.tsx';
import './console.css';
import './timing/timing.css';
import './hosts/hosts.css';
import type { MassStartBridge } from '../../shared/protocol/ipc.ts';
import type { PanelRequests } from './hosts/use-panel-requests.ts';

// The console URL carries the control token (for the host) and the view token (for the previews).
const viewToken = new URLSearchParams(window.location.search).get('viewToken');
// A journal follower: the host pushes the race's new journal entries with each state.
const client = connectHost(window, { journal: true });
// In the Electron app, the menu can ask for a panel (Hosts > Run as standby of…).
const bridge = (window as Window & { massStart?: MassStartBridge }).massStart;
const panelRequests: PanelRequests | undefined = bridge?.onShowPanel
  ? (listener) => bridge.onShowPanel?.(listener) ?? (() => undefined)
  : undefined;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleApp client={client} viewToken={viewToken} panelRequests={panelRequests} />
  </StrictMode>,
);
