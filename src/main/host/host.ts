import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  applyProgramCommand,
  phaseNow,
  staleProgram,
  withRace,
  type ProgramChange,
  type ProgramContext,
} from '../../shared/program/apply.ts';
import type { ProgramFile } from '../../shared/program/program-file.ts';
import { programView } from '../../shared/program/program-view.ts';
import { finalSetup, raceAddedSetup, uniqueRaceId } from '../../shared/program/race-setup.ts';
import { effectiveScenes } from '../../shared/protocol/auto-scenes.ts';
import type { RaceRequest } from '../../shared/protocol/commands.ts';
import type { ProgramCommand, ProgramView } from '../../shared/protocol/program.ts';
import { refused, type Reply } from '../../shared/protocol/reply.ts';
import type { JournalEntry, RaceCommand } from '../../shared/race/events.ts';
import { raceView, type RaceView } from '../../shared/race/view.ts';
import type { DataLock, HostAddress } from './data-lock.ts';
import {
  journalOnDisk,
  journalPath,
  moveJournalToRemoved,
  openDataFolder,
  programPath,
} from './data-folder.ts';
import { writeProgramFile } from './program-file.ts';
import { RaceStore, type Admission } from './race-store.ts';
import { Rehearsals, type Rehearsal } from './rehearsal.ts';
import { realScheduler, type Scheduler } from './scheduler.ts';
import { storageProblem } from './storage-errors.ts';

/** What the host answers to a command: the one reply shape (src/shared/protocol/reply.ts). */
export type HostResult = Reply;

/** What views receive: the host revision, the program, and the race they follow. */
export interface HostSnapshot {
  readonly revision: number;
  readonly program: ProgramView;
  readonly race: RaceView | null;
}

/** A change notice for subscribers: which race changed (null: the program itself). */
export interface HostChange {
  readonly revision: number;
  readonly raceId: string | null;
}

/** Options of the race host. */
export interface HostOptions {
  readonly dataDir: string;
  /** The host's clock: every accepted event is stamped with it at intake (default: the scheduler's). */
  readonly clock?: () => Date;
  /** The clock and timers of rehearsals (default: the real ones; tests drive their own). */
  readonly scheduler?: Scheduler;
  readonly log?: (line: string) => void;
}

/**
 * The race host: the only writer. Every command is validated by the engine (a race's) or by
 * src/shared/program/apply.ts (the program's), made durable in the race's journal or in
 * program.json, and only then applied and announced to subscribers. Opening and recovering the
 * data folder is src/main/host/data-folder.ts; rehearsals are src/main/host/rehearsal.ts.
 */
export class RaceHost {
  private hostRevision: number;
  private programCache: { key: number; view: ProgramView } | null = null;
  private readonly listeners = new Set<(change: HostChange) => void>();
  private readonly views = new Map<string, RaceView>();
  private programQueue: Promise<unknown> = Promise.resolve();
  private readonly rehearsing: Rehearsals;
  private admission: ((source: string, at: number) => Admission) | null = null;
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
    this.hostRevision = this.countRevision();
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

  /** The meeting's races, the active one and the scenes. */
  program(): ProgramView {
    // Every state pushed and every feed read asks for it: built once per host revision (the
    // count, not the field, so a race committed a moment before its announcement counts).
    const key = this.countRevision();
    if (this.programCache?.key !== key) this.programCache = { key, view: this.buildProgram() };
    return this.programCache.view;
  }

  private buildProgram(): ProgramView {
    const scenes = effectiveScenes(
      this.programFile.scenes,
      phaseNow(this.programFile, this.context),
    );
    const races = this.programFile.races.map(({ id, category }) => {
      const view = this.race(id)!;
      const { state } = view;
      return {
        id,
        category,
        title: state.title,
        round: state.round,
        skaters: state.skaters.length,
        phase: view.standings.phase,
        revision: view.revision,
      };
    });
    return programView(this.programFile, races, scenes);
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

  /** Applies a race request (one command or a batch) to a race, the active one by default. */
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
    const result =
      request.kind === 'single'
        ? await store.submit(request.command, meta, request.revision, admit)
        : await store.submitBatch(request.commands, meta, request.revision, admit);
    if (!result.ok && result.unavailable) {
      this.log(`race ${raceId}: ${source} command refused: ${result.error}`);
      return refused(503, result.error);
    }
    if (!result.ok) return refused(result.stale || result.conflict ? 409 : 400, result.error);
    const entries = 'entries' in result ? result.entries : [result.entry];
    return this.changed(raceId, { raceRevision: result.revision, entries });
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
      .then(() => this.applyProgram(command, source, expectedRevision))
      .catch((error: unknown) => this.storageRefusal(error, 'program.json'));
    this.programQueue = run.catch(() => undefined);
    return run;
  }

  /** Closes every journal after pending writes. */
  async close(): Promise<void> {
    this.rehearsing.stopAll();
    await this.programQueue;
    await Promise.all([...this.stores.values()].map((store) => store.close()));
    this.listeners.clear();
    await this.lock.release();
  }

  /**
   * A file system error while saving becomes a refusal the operator can act on (the change
   * was not made); anything else is a bug and propagates.
   */
  private storageRefusal(error: unknown, file: string): HostResult {
    const problem = storageProblem(join(this.options.dataDir, file), error);
    if (!problem.known) throw error;
    const line = `${file} could not be written: ${problem.reason}; nothing was changed: ${problem.remedy} and send it again`;
    this.log(line);
    return refused(503, line);
  }

  private async applyProgram(
    command: ProgramCommand,
    source: string,
    expectedRevision: number | undefined,
  ): Promise<HostResult> {
    const stale = staleProgram(this.programFile, expectedRevision);
    if (stale) return stale;
    switch (command.type) {
      case 'race/added': {
        const setup = raceAddedSetup(command);
        if (!setup.ok) return setup;
        return this.addRace(command.id ?? command.title, command.category, setup.commands, source);
      }
      case 'final/built': {
        const semis = command.semis.map((id) => ({ id, store: this.stores.get(id) }));
        const missing = semis.find((semi) => !semi.store);
        if (missing) return refused(404, `race "${missing.id}" is not in the program`);
        const setup = finalSetup(command, [semis[0]!.store!.state, semis[1]!.store!.state]);
        if (!setup.ok) return setup;
        return this.addRace(command.id ?? command.title, command.category, setup.commands, source);
      }
      case 'rehearsal/started':
        return this.rehearsing.start(command);
      case 'rehearsal/stopped':
        return this.rehearsing.stopAll();
      default:
        return this.changeProgram(command);
    }
  }

  /**
   * A change of the program file alone (src/shared/program/apply.ts). A removed race leaves
   * memory with the program; its journal is then moved to DATA/removed/ (never deleted). The
   * program is written first: a crash before the move leaves the journal in races/, where the
   * next start finds it and puts the race back (nothing lost); the reverse order could leave a
   * program naming a race whose journal is gone.
   */
  private async changeProgram(command: ProgramChange): Promise<HostResult> {
    const decision = applyProgramCommand(this.programFile, command, this.context);
    if (!decision.ok) return decision;
    const removed = decision.effects.map(({ raceId }) => ({
      raceId,
      store: this.stores.get(raceId)!,
    }));
    for (const { raceId } of removed) this.rehearsing.stopIn(raceId);
    await this.saveProgram(decision.program, () => {
      for (const { raceId } of removed) {
        this.stores.delete(raceId);
        this.views.delete(raceId);
      }
    });
    const reply = this.changed(null, {});
    for (const { raceId, store } of removed) {
      await store.close();
      await moveJournalToRemoved(this.options.dataDir, raceId, store.path, this.now(), this.log);
    }
    return reply;
  }

  /**
   * Adds a race: its journal made and the set-up written to it first, then the program. A
   * program that cannot be written leaves the journal on disk, and the next start adopts it.
   */
  private async addRace(
    idOrTitle: string,
    category: string,
    setup: readonly RaceCommand[],
    source: string,
  ): Promise<HostResult> {
    const { dataDir } = this.options;
    // Never reuse the file of a journal that is on disk but not open (it is someone's record).
    const id = uniqueRaceId(
      idOrTitle,
      (candidate) => this.stores.has(candidate) || journalOnDisk(dataDir, candidate),
    );
    const path = journalPath(dataDir, id);
    const store = await RaceStore.open(path, { log: this.log });
    const result = await store.submitBatch(setup, { at: this.now(), source });
    if (!result.ok) {
      await store.close();
      // The journal was made for this race and holds nothing: a restart must not adopt it.
      if (store.revision === 0) await rm(path, { force: true });
      return refused(result.unavailable ? 503 : 400, result.error);
    }
    try {
      await this.saveProgram(withRace(this.programFile, id, category), () =>
        this.stores.set(id, store),
      );
    } catch (error) {
      await store.close();
      throw error;
    }
    return this.changed(id, { raceRevision: result.revision, entries: result.entries });
  }

  /**
   * Writes program.json first and changes the program in memory only once that write is
   * durable, so a failed write (full disk) cannot leave the two apart.
   */
  private async saveProgram(program: ProgramFile, alsoInMemory?: () => void): Promise<void> {
    await writeProgramFile(programPath(this.options.dataDir), program);
    this.programFile = program;
    alsoInMemory?.();
  }

  /**
   * The host revision is counted from what is on disk, not from 0 at each start: the program's
   * revision, the revisions of the races removed from it (both in program.json) and every race's
   * revision (its journal's entries). Every accepted change raises one of them and none ever goes
   * down, so the host revision grows with every change, and a restarted host carries on at the
   * revision it stopped at (the same state, the same revision), so a view that stayed open does
   * not take the new states for old ones. Only a damaged program.json, rebuilt, loses its part.
   */
  private countRevision(): number {
    let revision = this.programFile.revision + this.programFile.removedRevisions;
    for (const store of this.stores.values()) revision += store.revision;
    return revision;
  }

  private changed(
    raceId: string | null,
    extra: { raceRevision?: number; entries?: readonly JournalEntry[] },
  ): HostResult {
    this.hostRevision = this.countRevision();
    const change = { revision: this.hostRevision, raceId };
    for (const listener of this.listeners) listener(change);
    return {
      ok: true,
      revision: this.hostRevision,
      ...(raceId === null ? {} : { raceId }),
      ...extra,
    };
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
