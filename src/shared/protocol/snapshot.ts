/** The full state a view receives on connect and after every change it follows. */
export type { StateMessage as HostSnapshotMessage } from './socket.ts';
