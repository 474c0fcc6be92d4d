// Two laptops, main and standby (issue 20): what a host says of its role. Published on the
// replication channel as the `host` value (every view follows it, to follow the primary) and
// answered by GET /api/v1/host. Fields only grow (a published contract).

/** A host is the primary (it takes commands) or a standby (it follows the primary). */
export type HostRoleName = 'primary' | 'standby';

/** A host's role, epoch and peer. */
export interface HostRoleView {
  readonly role: HostRoleName;
  /** Grows with every takeover; the primary with the highest epoch is the one every view follows. */
  readonly epoch: number;
  /** This host's address as its peer and views reach it (null: not known yet). */
  readonly self: string | null;
  /** The primary this standby follows, or the standby following this primary (null: none). */
  readonly peer: string | null;
  /**
   * Standby: journal lines and program changes the primary has that are not on disk here yet.
   * Primary: those its standby has not acknowledged.
   */
  readonly behind: number;
  /**
   * The primary carries on without its standby in step ("standby behind": the standby did not
   * acknowledge within the bound, or it is gone). Shown in every console and the menu.
   */
  readonly standbyBehind: boolean;
  /** Milliseconds since the peer was last heard (null: never heard). */
  readonly lastHeardMs: number | null;
  /** This host was the primary and another took over: at which epoch, by which host. */
  readonly deposed: { readonly epoch: number; readonly by: string } | null;
  /** Journals this host set aside in DATA/diverged/ (never deleted), newest last. */
  readonly diverged: readonly string[];
  /** A standby may take over without force: the primary has been silent for 1.5 s or more. */
  readonly canTakeOver: boolean;
  /** Where this host's records are: the program revision and each race's journal length. */
  readonly position: {
    readonly program: number;
    readonly races: Readonly<Record<string, number>>;
  };
  /** SHA-256 of the races' journals and the program (without the epoch): equal on two hosts in step. */
  readonly stateHash: string;
}

/** How long a primary must be silent before a standby may take over without force. */
export const silentBeforeTakeoverMs = 1500;

/** How long a primary waits for its standby before it carries on alone (the commit bound). */
export const defaultCommitBoundMs = 300;
