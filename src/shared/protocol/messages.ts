/** Messages a view or console sends (a subset of socket.ts's schema, with string ids). */
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

/** Messages the host sends: one contract with the server (socket.ts). */
export type { SocketMessage as ServerMessage } from './socket.ts';
