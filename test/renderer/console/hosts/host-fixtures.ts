// Host role views (issue 20) as a host pushes them: a primary alone unless changed.
import type { HostRoleView } from '../../../../src/shared/protocol/host-role.ts';

/** A primary with no standby, at epoch 1; `changes` make any other state. */
export const hostRole = (changes: Partial<HostRoleView> = {}): HostRoleView => ({
  role: 'primary',
  epoch: 1,
  self: 'http://192.168.1.20:8316',
  peer: null,
  behind: 0,
  standbyBehind: false,
  lastHeardMs: null,
  deposed: null,
  diverged: [],
  canTakeOver: false,
  position: { program: 7, races: { 'men-semi-1': 42, 'women-semi-1': 38 } },
  stateHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  ...changes,
});

/** A standby of http://192.168.1.10:8316 that heard its primary 200 ms ago. */
export const standbyRole = (changes: Partial<HostRoleView> = {}): HostRoleView =>
  hostRole({ role: 'standby', peer: 'http://192.168.1.10:8316', lastHeardMs: 200, ...changes });
