import type { HostSnapshotMessage } from './snapshot.ts';

/** Messages a view or console sends over the WebSocket (README, "WebSocket"). */
export type ClientMessage =
  | { readonly type: 'subscribe'; readonly race?: string | null }
  | {
      readonly type: 'command';
      readonly id?: string;
      readonly race?: string;
      readonly command: unknown;
      readonly revision?: number;
    }
  | {
      readonly type: 'batch';
      readonly id?: string;
      readonly race?: string;
      readonly commands: readonly unknown[];
      readonly revision?: number;
    }
  | { readonly type: 'program'; readonly id?: string; readonly command: unknown }
  | { readonly type: 'journal'; readonly id?: string; readonly race: string };

/** Messages the host sends. */
export type ServerMessage =
  | HostSnapshotMessage
  | {
      readonly type: 'ack';
      readonly id?: string;
      readonly ok: true;
      readonly revision: number;
      readonly raceRevision?: number;
    }
  | {
      readonly type: 'error';
      readonly id?: string;
      readonly status: number;
      readonly error: string;
    }
  | {
      readonly type: 'journal';
      readonly id?: string;
      readonly race: string;
      readonly entries: readonly unknown[];
      readonly voided: readonly number[];
    };
