// Primary and standby (issue 20): which this host is, its epoch, its peer, the commit rule, the
// takeover and the fence that keeps a deposed primary from taking commands. One per host.
import { hostName } from '../../shared/protocol/channel.ts';
import {
  defaultCommitBoundMs,
  silentBeforeTakeoverMs,
  type HostRoleName,
  type HostRoleView,
} from '../../shared/protocol/host-role.ts';
import { refused, type Refused, type Reply } from '../../shared/protocol/reply.ts';
import type { StateSink } from '../host/channel.ts';
import type { RaceHost } from '../host/host.ts';
import { programPath } from '../host/data-folder.ts';
import { writeProgramFile } from '../host/program-file.ts';
import type { HostSession } from '../host/session.ts';
import type { StandbyControl, StandbyReplication } from './control.ts';
import { Follower } from './follower.ts';
import { fetchTokens, probeHost } from './probe.ts';
import { Replica } from './replica.ts';
import { loadPeer, savePeer } from './peer-file.ts';
import { StandbyLink } from './standby-link.ts';

/** Options of a host's roles. */
export interface RolesOptions {
  readonly host: RaceHost;
  readonly session: HostSession;
  readonly dataDir: string;
  /** This host's control token: a deposed primary rejoins its successor with it (the same tokens). */
  readonly controlToken: () => string | null;
  readonly log: (line: string) => void;
  /** How long the primary waits for its standby per change (default 300 ms). */
  readonly commitBoundMs?: number;
  /** The timing feed: only a primary reads the decoder. */
  readonly timing?: { standBy(standby: boolean): void };
  /** Trusts the other host's pages (its boards fail over here). */
  readonly trustPeer?: (url: string) => void;
  /** Takes the primary's tokens as this host's (saved, and in force at once). */
  readonly adoptTokens?: (tokens: { control: string; view: string }) => Promise<void>;
}

/** Which host this is, and what it may do. */
export class HostRoles implements StandbyControl, StandbyReplication {
  private role: HostRoleName = 'primary';
  private peer: string | null = null;
  private self: string | null = null;
  private follower: Follower | null = null;
  private primaryToken: string | null = null;
  private deposed: { epoch: number; by: string } | null = null;
  private lastHeard: number | null = null;
  private primaryEpoch = 0;
  private readonly diverged: string[] = [];
  private readonly listeners = new Set<(view: HostRoleView) => void>();
  private readonly link: StandbyLink;
  private readonly replica: Replica;
  private seq = 0;
  private fenceCheck: Promise<void> | null = null;

  constructor(private readonly options: RolesOptions) {
    this.replica = new Replica(options.host, options.dataDir);
    this.link = new StandbyLink(options.commitBoundMs ?? defaultCommitBoundMs, () =>
      this.announce(),
    );
    options.host.useCommitGate((appended) => this.gate(appended));
    options.session.attachStandby(this);
    options.session.useGuard(() => this.admit());
    this.announce();
    // Alone (no standby in step) with a peer: ask it now and then whether it took over.
    this.timer = setInterval(() => {
      if (this.role === 'primary' && !this.link.connected && this.knownPeer() !== null)
        void this.checkFence();
      // A standby restarted on its folder follows its primary again once it answers.
      const token = this.primaryToken ?? this.options.controlToken();
      if (this.role === 'standby' && !this.follower && !this.deposed && this.peer && token)
        this.refollow ??= this.follow(this.peer, token).finally(() => (this.refollow = null));
    }, 1000);
    this.timer.unref();
  }

  private readonly timer: NodeJS.Timeout;
  private refollow: Promise<Reply> | null = null;
  /** The standby went away or did not answer: ask the peer before the next change is accepted. */
  private needsFence = false;

  /** Stops the link to the primary and the peer checks. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.follower?.stop();
  }

  private knownPeer(): string | null {
    return this.link.address ?? this.peer;
  }

  /** Where this host serves (known once its server listens). */
  setSelf(url: string): void {
    this.self = url;
    this.announce();
  }

  view(): HostRoleView {
    const now = Date.now();
    const heard = this.role === 'standby' ? this.lastHeard : this.link.lastHeard;
    const primary = this.role === 'primary';
    return {
      role: this.role,
      epoch: this.options.host.programData.epoch,
      self: this.self,
      peer: primary ? (this.link.address ?? this.peer) : this.peer,
      behind: primary ? this.link.lag : (this.follower?.pending ?? 0),
      standbyBehind: primary && this.link.behind && (this.link.address ?? this.peer) !== null,
      lastHeardMs: heard === null ? null : now - heard,
      deposed: this.deposed,
      diverged: [...this.diverged],
      canTakeOver:
        this.role === 'standby' &&
        this.deposed === null &&
        (heard === null || now - heard >= silentBeforeTakeoverMs),
      position: this.replica.position(),
      stateHash: this.replica.stateHash(),
    };
  }

  subscribe(listener: (view: HostRoleView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The standby acknowledged what it has on disk (the `replicated` request). */
  acknowledged(sink: StateSink, acked: Readonly<Record<string, number>>, address?: string): void {
    const known = this.link.address;
    this.link.acknowledged(sink, acked, address);
    if (address && address !== known) {
      this.options.trustPeer?.(address);
      this.announce(); // every view learns the other host of the pair
    }
    // Kept on disk: a primary restarted on its folder asks its standby whether it took over.
    if (address && address !== known) void savePeer(this.options.dataDir, address, 'primary');
  }

  /** The peer this host knew before a restart (DATA/peer.json): fenced before the first change. */
  async restorePeer(): Promise<void> {
    const saved = await loadPeer(this.options.dataDir);
    if (saved === null || this.peer !== null) return;
    this.peer = saved.peer;
    this.options.trustPeer?.(saved.peer);
    if (saved.role === 'standby') {
      // A standby restarted on its folder stays a standby (never a second primary at the same
      // epoch) and follows its primary again as soon as it answers (the 1 s timer).
      this.role = 'standby';
      this.options.timing?.standBy(true);
    } else {
      this.needsFence = true;
      this.link.behind = true;
      void this.checkFence();
    }
    this.announce();
  }

  /** A socket closed: if it was the standby's, the primary carries on alone. */
  socketClosed(sink: StateSink): void {
    if (this.link.gone(sink)) this.needsFence = true;
  }

  async follow(primary: string, token: string): Promise<Reply> {
    const base = primary.replace(/\/$/, '');
    const probe = await probeHost(base, token);
    if (!probe.ok) return refused(502, `${base} did not answer as a host: ${probe.error}`);
    if (probe.view.role !== 'primary')
      return refused(
        409,
        `${base} is a standby itself: follow its primary ${probe.view.peer ?? ''}`,
      );
    // A copy of the same meeting (a standby restarted, a deposed primary) may follow; a folder
    // with races the primary does not have would be overwritten: refused.
    const foreign = this.options.host.programData.races.filter(
      (race) => !(race.id in probe.view.position.races),
    );
    if (foreign.length > 0)
      return refused(
        409,
        `this host holds races the primary does not have (${foreign.map((r) => r.id).join(', ')}): run the standby on an empty data folder`,
      );
    const tokens = await fetchTokens(base, token);
    if ('error' in tokens)
      return refused(403, `${base} did not give its tokens (the control token?): ${tokens.error}`);
    await this.options.adoptTokens?.(tokens);
    await this.follower?.stop();
    this.role = 'standby';
    this.peer = base;
    this.options.trustPeer?.(base);
    this.primaryToken = token;
    await savePeer(this.options.dataDir, base, 'standby');
    this.primaryEpoch = probe.view.epoch;
    this.options.timing?.standBy(true);
    this.follower = new Follower({
      primary: base,
      token,
      self: () => this.self,
      replica: this.replica,
      events: {
        heard: () => (this.lastHeard = Date.now()),
        primaryRole: (view) => {
          this.primaryEpoch = Math.max(this.primaryEpoch, view.epoch);
          this.announce();
        },
        diverged: (path) => {
          this.diverged.push(path);
          this.announce();
        },
        connection: (open, why) => {
          this.options.log(open ? `following the primary ${base}` : `primary ${base}: ${why}`);
          this.announce();
        },
        log: this.options.log,
      },
    });
    this.announce();
    return { ok: true, revision: this.options.host.revision };
  }

  async takeOver({ force }: { readonly force: boolean }): Promise<Reply> {
    if (this.role !== 'standby')
      return refused(409, 'this host is the primary already: only a standby takes over');
    const silentFor = this.lastHeard === null ? Infinity : Date.now() - this.lastHeard;
    if (!force && silentFor < silentBeforeTakeoverMs)
      return refused(
        409,
        `the primary ${this.peer} was heard ${(silentFor / 1000).toFixed(1)} s ago: take over with force to make this host the primary anyway`,
      );
    await this.follower?.stop();
    this.follower = null;
    const { host } = this.options;
    const epoch = Math.max(host.programData.epoch, this.primaryEpoch) + 1;
    const file = { ...host.programData, epoch, revision: host.programData.revision + 1 };
    await writeProgramFile(programPath(this.options.dataDir), file);
    host.internals.setProgram(file);
    this.role = 'primary';
    this.deposed = null;
    this.link.behind = true; // no standby yet
    if (this.peer) await savePeer(this.options.dataDir, this.peer, 'primary');
    this.options.log(`took over as primary at epoch ${epoch} (the primary was ${this.peer})`);
    this.options.timing?.standBy(false);
    const reply = await host.internals.changed(null, {});
    this.announce();
    return reply;
  }

  async rejoin(): Promise<Reply> {
    const successor = this.deposed?.by ?? (this.role === 'standby' ? this.peer : null);
    const token = this.primaryToken ?? this.options.controlToken();
    if (!successor || !token)
      return refused(409, 'this host is not deposed: there is no new primary to rejoin');
    const reply = await this.follow(successor, token);
    if (reply.ok) this.deposed = null;
    this.announce();
    return reply;
  }

  /**
   * Before a command: a primary that lost its standby (or restarted knowing one) asks it first
   * whether it took over, so a deposed primary journals nothing.
   */
  private async admit(): Promise<Refused | null> {
    // Every command waits for a check under way, not only the one that started it.
    if (
      this.role === 'primary' &&
      this.knownPeer() !== null &&
      (this.needsFence || this.fenceCheck)
    ) {
      this.needsFence = false;
      await this.checkFence();
    }
    return this.refusal();
  }

  /** Commands are the primary's alone. */
  private refusal(): Refused | null {
    if (this.deposed)
      return refused(
        409,
        `deposed at epoch ${this.deposed.epoch} by ${this.deposed.by}: this host is now a standby; send commands to ${this.deposed.by}`,
      );
    if (this.role === 'standby')
      return refused(409, `this host is the standby of ${this.peer}: send commands to the primary`);
    return null;
  }

  /**
   * The commit rule, and the fence: a change waits for the standby (bounded). A primary whose
   * standby did not answer asks its peer whether it took over; if so the change is refused
   * (it stays in this host's journal, set aside when it rejoins) and nothing more is accepted.
   */
  private async gate(appended: Parameters<StandbyLink['wait']>[0]): Promise<Refused | null> {
    if (this.deposed) return this.refusal();
    const wait = await this.link.wait(appended);
    if (wait === 'timed out') this.needsFence = true;
    if (wait !== 'in step' && (this.needsFence || this.fenceCheck) && this.knownPeer() !== null) {
      this.needsFence = false;
      await this.checkFence();
    }
    return this.deposed ? this.refusal() : null;
  }

  /** Asks the peer for its epoch (once at a time; bounded by the probe's own time limit). */
  private checkFence(): Promise<void> {
    this.fenceCheck ??= (async () => {
      const peer = this.knownPeer();
      const token = this.options.controlToken();
      if (!peer || !token) return;
      const probe = await probeHost(peer, token, 300);
      const epoch = this.options.host.programData.epoch;
      if (probe.ok && probe.view.role === 'primary' && probe.view.epoch > epoch) {
        this.deposed = { epoch: probe.view.epoch, by: peer };
        this.role = 'standby';
        this.peer = peer;
        this.options.timing?.standBy(true);
        this.options.log(`deposed at epoch ${probe.view.epoch} by ${peer}: commands are refused`);
        this.announce();
      }
    })().finally(() => (this.fenceCheck = null));
    return this.fenceCheck;
  }

  /** Publishes the role on the channel (the `host` value every view follows) and to listeners. */
  private announce(): void {
    const view = this.view();
    this.seq += 1;
    this.options.host.channel.publish(hostName, 'latest', this.seq, view);
    for (const listener of this.listeners) listener(view);
  }
}
