// The Electron IPC contract shared by main, preload and renderer (architecture.md: "one typed
// IPC/WebSocket contract in src/shared"). Names and types only, no runtime imports, so the
// sandboxed preload can bundle it (a sandboxed preload may only require 'electron').
import type { SocketMessage } from './socket.ts';

/** IPC channel names; every renderer-to-main channel is checked by main (ipc-guard.ts). */
export const ipcChannels = {
  /** renderer → main (send): start or change the followed race, `{ race: string | null }`. */
  subscribe: 'mass-start:subscribe',
  /** renderer → main (send): stop the state pushes to this window. */
  unsubscribe: 'mass-start:unsubscribe',
  /** main → renderer: a state message as JSON text (serialized once per revision for all views). */
  state: 'mass-start:state',
  /** renderer → main (invoke): one request as over the WebSocket; answers with the reply. */
  request: 'mass-start:request',
  /** renderer → main (send): board and overlay prove they are alive (watchdog.ts). */
  heartbeat: 'mass-start:heartbeat',
  /** main → console: a short message for the operator (a refused menu action). */
  notice: 'mass-start:notice',
  /** console → main (invoke): list displays, put board and overlay on them, identify. */
  outputs: 'mass-start:outputs',
  /** main → console: the outputs changed (a display was plugged or unplugged). */
  outputsChanged: 'mass-start:outputs-changed',
  /** main → console: show a panel of the console (a menu item that needs the console's form). */
  showPanel: 'mass-start:show-panel',
} as const;

/** A console panel main may ask the console to show (Hosts > Run as standby of…, issue 20). */
export type ConsolePanel = 'hosts';

/** Which window a renderer runs in; decided by main, passed to the preload as an argument. */
export const windowRoles = ['console', 'board', 'overlay'] as const;
export type WindowRole = (typeof windowRoles)[number];

/** The command-line switch main adds so the preload knows its window's role. */
export const windowRoleSwitch = '--mass-start-role=';

/** A display as the console lists it. */
export interface DisplaySummary {
  readonly id: number;
  /** 1-based, in the order the OS lists them; shown by "identify displays". */
  readonly number: number;
  readonly label: string;
  readonly bounds: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
  readonly scaleFactor: number;
  readonly primary: boolean;
}

/** Where an output (board or overlay) is shown now. */
export interface OutputPlacement {
  readonly open: boolean;
  /** `display`: frameless on a display; `window`: an ordinary window (overlay: for capture tools). */
  readonly mode: 'display' | 'window';
  /** The display it is on now (null: a window, or closed). */
  readonly displayId: number | null;
  /** The display the operator chose, by label; kept while it is unplugged. */
  readonly chosenLabel: string | null;
  /** The chosen display is unplugged: shown as a window until it returns. */
  readonly waitingForDisplay: boolean;
}

/** The displays and where board and overlay are. */
export interface OutputsView {
  readonly displays: readonly DisplaySummary[];
  readonly board: OutputPlacement;
  readonly overlay: OutputPlacement;
  readonly testPattern: boolean;
}

/** Where to put an output: on a display, as a window, back where it was chosen (open), or closed. */
export type OutputTarget = { readonly displayId: number } | 'window' | 'open' | 'closed';

/** What the console may ask about outputs. */
export type OutputsRequest =
  | { readonly action: 'list' }
  | {
      readonly action: 'place';
      readonly output: 'board' | 'overlay';
      readonly target: OutputTarget;
    }
  | { readonly action: 'identify' }
  | { readonly action: 'testPattern'; readonly visible: boolean };

/** The answer: the outputs after the request, or why it was refused. */
export type OutputsReply =
  | { readonly ok: true; readonly outputs: OutputsView }
  | { readonly ok: false; readonly error: string };

/** What the preload puts on `window.massStart`. */
export interface MassStartBridge {
  readonly platform: 'electron';
  readonly windowRole: WindowRole;
  /**
   * Receives every state message (as JSON text: parsed once, in the page) for the followed race
   * (null: the active one); the full state arrives at once; with `journal` (the console) each
   * state carries the race's new journal entries. Returns the unsubscribe function.
   */
  subscribe(
    listener: (stateJson: string) => void,
    race?: string | null,
    options?: { journal?: boolean },
  ): () => void;
  /** Sends one request (command, batch, program, journal, subscribe) and resolves with the reply. */
  send(message: unknown): Promise<SocketMessage>;
  /** Console only: short messages for the operator (e.g. a refused menu action). */
  onNotice?(listener: (text: string) => void): () => void;
  /** Console only: main asks the console to show one of its panels (from the menu). */
  onShowPanel?(listener: (panel: ConsolePanel) => void): () => void;
  /** Console only: displays, board and overlay placement, identification and test pattern. */
  readonly outputs?: {
    request(request: OutputsRequest): Promise<OutputsReply>;
    onChange(listener: (outputs: OutputsView) => void): () => void;
  };
}
