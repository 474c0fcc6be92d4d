// The Hosts menu (issue 20, two laptops: primary and standby): where this host stands, in one
// disabled line, and the three things the operator does with the two hosts. Pure: built from
// the host's HostRoleView, so each role state is tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { HostRoleName, HostRoleView } from '../../shared/protocol/host-role.ts';
import type { ConsolePanel } from '../../shared/protocol/ipc.ts';

/**
 * What of the host's role the menu shows. Not the whole view: `behind` and `lastHeardMs` move
 * with every line and heartbeat, and the menu is rebuilt only when what it shows changes.
 */
export interface HostsMenuModel {
  readonly role: HostRoleName;
  readonly epoch: number;
  readonly peer: string | null;
  readonly standbyBehind: boolean;
  readonly deposed: { readonly epoch: number; readonly by: string } | null;
  readonly canTakeOver: boolean;
}

/** What a Hosts menu item asks main to do. */
export type HostsMenuAction =
  /** Show the console's panel: "Run as standby of…" needs an address and a token typed there. */
  | { readonly kind: 'showPanel'; readonly panel: ConsolePanel }
  /** Take over as primary, without force (force stays in the console, behind two questions). */
  | { readonly kind: 'takeOver' }
  /** A deposed host follows the new primary again. */
  | { readonly kind: 'rejoin' };

/** The menu's part of the host's role view. */
export function hostsMenuModel(view: HostRoleView): HostsMenuModel {
  const { role, epoch, peer, standbyBehind, deposed, canTakeOver } = view;
  return { role, epoch, peer, standbyBehind, deposed, canTakeOver };
}

/** The status line, e.g. "Primary · standby in step", "Standby of http://…", "Deposed …". */
export function hostsStatusLine(model: HostsMenuModel): string {
  if (model.deposed) return `Deposed at epoch ${model.deposed.epoch} by ${model.deposed.by}`;
  if (model.role === 'standby') return model.peer ? `Standby of ${model.peer}` : 'Standby';
  if (model.standbyBehind) return 'Primary · STANDBY BEHIND';
  if (model.peer) return 'Primary · standby in step';
  return 'Primary · no standby';
}

/** The Hosts menu: the status line, then run as standby, take over, rejoin. */
export function hostsMenu(
  model: HostsMenuModel,
  dispatch: (action: HostsMenuAction) => void,
): MenuItemConstructorOptions {
  return {
    label: 'Hosts',
    submenu: [
      { label: hostsStatusLine(model), enabled: false },
      { type: 'separator' },
      {
        label: 'Run as standby of…',
        click: () => dispatch({ kind: 'showPanel', panel: 'hosts' }),
      },
      {
        // No native question here: enabled only once the primary has been silent for 1.5 s
        // (the host's own rule); taking over while it is still heard is the console's, with force.
        label: 'Take over as primary',
        enabled: model.role === 'standby' && model.canTakeOver,
        click: () => dispatch({ kind: 'takeOver' }),
      },
      {
        label: 'Rejoin as standby',
        enabled: model.deposed !== null,
        click: () => dispatch({ kind: 'rejoin' }),
      },
    ],
  };
}
