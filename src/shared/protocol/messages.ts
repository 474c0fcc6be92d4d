import type { z } from 'zod';
import type { raceCommandSchema } from '../race/events.ts';
import type { programCommandSchema } from './program.ts';

type RaceCommandInput = z.input<typeof raceCommandSchema>;
type ProgramCommandInput = z.input<typeof programCommandSchema>;

/**
 * Messages a view or console sends: the requests of socket.ts's one schema as a client writes
 * them (typed commands, string ids).
 */
export type ClientMessage =
  | {
      readonly type: 'subscribe';
      readonly race?: string | null;
      readonly journal?: boolean;
      readonly v?: 2;
    }
  | { readonly type: 'follow'; readonly id?: string; readonly names: readonly string[] }
  | {
      readonly type: 'command';
      readonly id?: string;
      readonly race?: string;
      readonly command: RaceCommandInput;
      readonly revision?: number;
    }
  | {
      readonly type: 'batch';
      readonly id?: string;
      readonly race?: string;
      readonly commands: readonly RaceCommandInput[];
      readonly revision?: number;
    }
  | {
      readonly type: 'program';
      readonly id?: string;
      readonly command: ProgramCommandInput;
      readonly revision?: number;
    }
  | { readonly type: 'journal'; readonly id?: string; readonly race: string }
  | {
      readonly type: 'host';
      readonly id?: string;
      readonly action: 'follow' | 'takeover' | 'rejoin';
      readonly primary?: string;
      readonly token?: string;
      readonly force?: boolean;
    }
  | {
      readonly type: 'timing';
      readonly id?: string;
      readonly action: 'accept' | 'dismiss';
      readonly proposal: string;
      readonly bibs?: readonly number[];
    };

/** Messages the host sends: one contract with the server (socket.ts). */
export type { SocketMessage as ServerMessage } from './socket.ts';
