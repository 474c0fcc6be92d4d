/** Main asks the console to show a panel (the Electron menu's Hosts > Run as standby of…). */
import { useEffect, useRef } from 'react';
import type { ConsolePanel } from '../../../shared/protocol/ipc.ts';

/** Where the requests come from: the preload's `onShowPanel` (absent in a browser). */
export type PanelRequests = (listener: (panel: ConsolePanel) => void) => () => void;

/** Calls `show` for each request from main, with the console as it is at that moment. */
export function usePanelRequests(
  requests: PanelRequests | undefined,
  show: (panel: ConsolePanel) => void,
): void {
  const latest = useRef(show);
  useEffect(() => {
    latest.current = show;
  });
  useEffect(() => requests?.((panel) => latest.current(panel)), [requests]);
}
