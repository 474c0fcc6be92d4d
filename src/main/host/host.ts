import type { ProgramContext } from '../../shared/program/apply.ts';
import type { ProgramFile } from '../../shared/program/program-file.ts';
import { journalName, stateName } from '../../shared/protocol/channel.ts';
import type { RaceRequest } from '../../shared/protocol/commands.ts';
import type { ProgramCommand, ProgramView } from '../../shared/protocol/program.ts';
import { refused } from '../../shared/protocol/reply.ts';
import type { JournalEntry } from '../../shared/race/events.ts';
import { raceView, type RaceView } from '../../shared/race/view.ts';
import { Channel } from './channel.ts';
import type { DataLock, HostAddress } from './data-lock.ts';
import { openDataFolder } from './data-folder.ts';
import { ProgramDesk, type DeskHost } from './program-desk.ts';
import { buildProgramView, publishRecords, publishViews } from './publisher.ts';
import type { RaceStore, Admission } from './race-store.ts';
import { Rehearsals, type Rehearsal } from './rehearsal.ts';
import { realScheduler } from './scheduler.ts';
import { storageRefusal } from './storage-errors.ts';

import type {
  CommitGate,
  HostChange,
  HostOptions,
  HostResult,
  HostSnapshot,
} from './host-types.ts';

export type * from './host-types.ts';

/**
 * The race host: the only writer. Every command is validated by the engine (a race's) or by
 * src/shared/program/apply.ts (the program's), made durable in the race's journal or in
 * program.json, and only then applied and published on the replication channel
 * (src/main/host/channel.ts): the journal lines first (the standby's), then the views. One path
 * for every race request (a single command is a batch of one) through the race's one queue
 * (race-store.ts). Program commands are src/main/host/program-desk.ts; opening the data folder
 * src/main/host/data-folder.ts; rehearsals src/main/host/rehearsal.ts.
 */
export class RaceHost {
  /** The replication channel: every view, console and standby follows its values. */
  readonly channel = new Channel();
  private hostRevision: number;
  private programCache: { key: number; view: ProgramView } | null = null;
  private readonly listeners = new Set<(change: HostChange) => void>();
  private readonly views = new Map<string, RaceView>();
  private programQueue: Promise<unknown> = Promise.resolve();
  private readonly rehearsing: Rehearsals;
  private readonly desk: ProgramDesk;
  /**
   * What may change the program and the races beside the commands: the program desk, and a
   * standby's replica writing what the primary decided (src/main/standby/replica.ts).
   */
  readonly internals: DeskHost;
  private admission: ((source: string, at: number) => Admission) | null = null;
  private gate: CommitGate | null = null;
  private readonly log: (line: string) => void;
  private readonly clock: () => Date;
  /** What the pure program commands know of the races. */
  private readonly context: ProgramContext = {
    race: (id) => {
      const view = this.race(id);
      return view && { phase: view.standings.phase, revision: view.revision };
    },
  };

  private constructor(
    private readonly options: HostOptions,
    private programFile: ProgramFile,
    private readonly stores: Map<string, RaceStore>,
    private readonly lock: DataLock,
  ) {
    const scheduler = options.scheduler ?? realScheduler;
    this.log = options.log ?? (() => undefined);
    this.clock = options.clock ?? (() => scheduler.now());
    this.rehearsing = new Rehearsals(this, { scheduler, log: this.log });
    this.internals = {
      dataDir: options.dataDir,
      stores,
      rehearsals: this.rehearsing,
      context: this.context,
      program: () => this.programFile,
      setProgram: (program) => (this.programFile = program),
      forgetRace: (raceId) => {
        this.views.delete(raceId);
        this.channel.drop(stateName(raceId));
        this.channel.drop(journalName(raceId));
      },
      changed: (raceId, extra) => this.changed(raceId, extra),
      now: () => this.now(),
      log: this.log,
    };
    this.desk = new ProgramDesk(this.internals);
    this.hostRevision = this.countRevision();
    this.publish(null);
  }

  /**
   * Opens the data directory, replaying every race journal; creates it when new. Refuses a
   * data directory another running host holds (DATA/host.lock).
   */
  static async open(options: HostOptions): Promise<RaceHost> {
    const scheduler = options.scheduler ?? realScheduler;
    const { program, stores, lock } = await openDataFolder({
      dataDir: options.dataDir,
      log: options.log ?? (() => undefined),
      now: options.clock ?? (() => scheduler.now()),
    });
    return new RaceHost(options, program, stores, lock);
  }

  /** Tells a second host started on this data folder where this one serves (host.lock). */
  advertise(info: HostAddress): Promise<void> {
    return this.lock.advertise?.(info) ?? Promise.resolve();
  }

  /** Grows with every accepted change of any race or of the program, and carries on after a restart. */
  get revision(): number {
    return this.hostRevision;
  }

  /** The race on the boards. */
  get activeRaceId(): string | null {
    return this.programFile.activeRaceId;
  }

  /** The rehearsals under way. */
  get rehearsals(): readonly Rehearsal[] {
    return this.rehearsing.list();
  }

  /** The program file as kept on disk (the standby's copy is this). */
  get programData(): ProgramFile {
    return this.programFile;
  }

  /** The meeting's races, the active one and the scenes. */
  program(): ProgramView {
    // Every state pushed and every feed read asks for it: built once per host revision (the
    // count, not the field, so a race committed a moment before its announcement counts).
    const key = this.countRevision();
    if (this.programCache?.key !== key)
      this.programCache = {
        key,
        view: buildProgramView(this.programFile, this.context, (id) => this.race(id)),
      };
    return this.programCache.view;
  }

  /** The derived view of a race (the active one by default), computed once per revision. */
  race(id: string | null = this.activeRaceId): RaceView | null {
    if (id === null) return null;
    const store = this.stores.get(id);
    if (!store) return null;
    const cached = this.views.get(id);
    if (cached?.revision === store.revision) return cached;
    const view = raceView(id, store.revision, store.state);
    this.views.set(id, view);
    return view;
  }

  /** What a view following `raceId` (or the active race) shows now. */
  snapshot(raceId: string | null = this.activeRaceId): HostSnapshot {
    return { revision: this.hostRevision, program: this.program(), race: this.race(raceId) };
  }

  /** A race's journal with the entries voids took out. */
  journal(raceId: string): { entries: readonly JournalEntry[]; voided: number[] } | null {
    const store = this.stores.get(raceId);
    return store ? { entries: store.entries, voided: [...store.voided] } : null;
  }

  /** Called after every accepted change; returns the unsubscribe function. */
  subscribe(listener: (change: HostChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A rule every race request passes in its race's queue (the timing feed's "same crossing" rule,
   * issue 17), made per request from its source and intake time; null: none.
   */
  useAdmission(rule: ((source: string, at: number) => Admission) | null): void {
    this.admission = rule;
  }

  /** The standby's commit rule (src/main/standby/replication.ts); null: none. */
  useCommitGate(gate: CommitGate | null): void {
    this.gate = gate;
  }

  /**
   * Applies a race request to a race, the active one by default: one command is a batch of one
   * (answered in its own words), through the race's one queue.
   */
  async submit(
    request: RaceRequest,
    source: string,
    raceId: string | null = this.activeRaceId,
  ): Promise<HostResult> {
    if (raceId === null) return refused(404, 'no race is active: add a race to the program first');
    const store = this.stores.get(raceId);
    if (!store) return refused(404, `race "${raceId}" is not in the program`);
    const meta = { at: this.now(), source };
    const admit = this.admission?.(source, Date.parse(meta.at));
    const single = request.kind === 'single';
    const commands = single ? [request.command] : request.commands;
    const result = await store.submitBatch(commands, meta, request.revision, admit, single);
    if (!result.ok && result.unavailable) {
      this.log(`race ${raceId}: ${source} command refused: ${result.error}`);
      return refused(503, result.error);
    }
    if (!result.ok) return refused(result.stale || result.conflict ? 409 : 400, result.error);
    return this.changed(raceId, { raceRevision: result.revision, entries: result.entries });
  }

  /**
   * Applies a command to the program: races, the active race, scenes, display, rehearsals. One
   * at a time, in the order sent; `expectedRevision` (the program revision the sender saw) is
   * checked in that order, so of two consoles sending against the same revision only the first
   * passes (409 for the second, as for a race).
   */
  programCommand(
    command: ProgramCommand,
    source: string,
    expectedRevision?: number,
  ): Promise<HostResult> {
    const run = this.programQueue
      .then(() => this.desk.apply(command, source, expectedRevision))
      .catch((error: unknown) =>
        storageRefusal(this.options.dataDir, 'program.json', error, this.log),
      );
    this.programQueue = run.catch(() => undefined);
    return run;
  }

  /** Closes every journal after pending writes. */
  async close(): Promise<void> {
    this.rehearsing.stopAll();
    await this.programQueue;
    await Promise.all([...this.stores.values()].map((store) => store.close()));
    this.listeners.clear();
    this.channel.close();
    await this.lock.release();
  }

  /**
   * The host revision, counted from what is on disk (the program's revision, the removed races'
   * and every journal's length): it grows with every change and a restarted host carries on at
   * the revision it stopped at, so a view that stayed open takes no new state for an old one.
   */
  private countRevision(): number {
    let revision = this.programFile.revision + this.programFile.removedRevisions;
    for (const store of this.stores.values()) revision += store.revision;
    return revision;
  }

  /**
   * Publishes what a durable change appended (the journal lines, the program file), waits for
   * the standby's commit rule, then publishes the views and answers.
   */
  private async changed(
    raceId: string | null,
    extra: { raceRevision?: number; entries?: readonly JournalEntry[] },
  ): Promise<HostResult> {
    const appended = publishRecords(this.channel, this.programFile, this.stores, raceId);
    const fenced = this.gate && (await this.gate(appended));
    if (fenced) return fenced;
    this.hostRevision = this.countRevision();
    this.publish(raceId);
    const change = { revision: this.hostRevision, raceId };
    for (const listener of this.listeners) listener(change);
    return {
      ok: true,
      revision: this.hostRevision,
      ...(raceId === null ? {} : { raceId }),
      ...extra,
    };
  }

  /** Publishes every value as it is now, and these names a new follower asks for. */
  publishAll(names: readonly string[] = []): void {
    this.publish(null, names);
  }

  /** Publishes the views (and with raceId null, every record too). */
  private publish(raceId: string | null, names: readonly string[] = []): void {
    if (raceId === null) publishRecords(this.channel, this.programFile, this.stores, null);
    publishViews(this.channel, names, {
      revision: this.hostRevision,
      activeRaceId: this.activeRaceId,
      stores: this.stores,
      program: () => this.program(),
      race: (id) => this.race(id),
    });
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
