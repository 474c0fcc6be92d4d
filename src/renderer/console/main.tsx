// Operator console (browser mode): keyboard-first race control.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectWebSocket, hostUrlFromLocation } from '../shared/host-client.ts';
import { ConsoleApp } from './ConsoleApp.tsx';
import './console.css';

// The console URL carries the control token (for the host) and the view token (for the previews).
const viewToken = new URLSearchParams(window.location.search).get('viewToken');
const client = connectWebSocket(hostUrlFromLocation(window.location));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleApp client={client} viewToken={viewToken} />
  </StrictMode>,
);
