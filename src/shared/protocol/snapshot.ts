import type { RaceView } from '../race/view.ts';
import type { ProgramView } from './program.ts';

/** The full state a view receives on connect and after every change it follows. */
export interface HostSnapshotMessage {
  readonly type: 'state';
  readonly revision: number;
  readonly program: ProgramView;
  readonly race: RaceView | null;
}
