// What the operator can do with the two hosts (issue 20), whatever asks: the HTTP routes
// (/api/v1/host...), the console's form and keys (over the control API), the Electron menu.
import type { Reply } from '../../shared/protocol/reply.ts';
import type { HostRoleView } from '../../shared/protocol/host-role.ts';
import type { StateSink } from '../host/channel.ts';

/** The operator's controls of primary and standby. Implemented by src/main/standby/roles.ts. */
export interface StandbyControl {
  /** The role, epoch, peer and how far behind (GET /api/v1/host). */
  view(): HostRoleView;
  /**
   * Become the standby of a primary ("Run as standby of ..."): `primary` its address
   * (http://HOST:PORT), `token` its control token. Refused on a host that holds races of
   * another meeting.
   */
  follow(primary: string, token: string): Promise<Reply>;
  /**
   * Take over as primary (standby only). Refused (409) while the primary was heard within
   * 1.5 s, unless `force`.
   */
  takeOver(options: { readonly force: boolean }): Promise<Reply>;
  /** A deposed primary (or a standby that stopped) follows the new primary again. */
  rejoin(): Promise<Reply>;
  /** Listens to every change of the view; returns the unsubscribe function. */
  subscribe(listener: (view: HostRoleView) => void): () => void;
}

/** What the session tells the host's roles of the channel (src/main/host/session.ts). */
export interface StandbyReplication {
  /** The standby, following on `sink`, has these revisions on disk (the `replicated` request). */
  acknowledged(sink: StateSink, acked: Readonly<Record<string, number>>, address?: string): void;
  /** A follower's socket closed (it may have been the standby's). */
  socketClosed(sink: StateSink): void;
}
