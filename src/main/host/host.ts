import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalEntry, RaceCommand } from '../../shared/race/events.ts';
import { resolveFormat } from '../../shared/race/format.ts';
import { finalistsFromSemis, finalStartList } from '../../shared/race/helmets.ts';
import { RaceHistory } from '../../shared/race/history.ts';
import { computeStandings } from '../../shared/race/standings.ts';
import { raceView, type RaceView } from '../../shared/race/view.ts';
import type { RaceRequest } from '../../shared/protocol/commands.ts';
import type { ProgramCommand, ProgramView } from '../../shared/protocol/program.ts';
import {
  cutBoard,
  cutOverlay,
  effectiveScenes,
  outputPhase,
  setAuto,
  type PhaseKey,
} from '../../shared/protocol/auto-scenes.ts';
import {
  emptyProgram,
  ProgramFileDamagedError,
  readProgramFile,
  setProgramFileAside,
  writeProgramFile,
  type ProgramFile,
} from './program-file.ts';
import { lockDataDir, type DataLock, type HostAddress } from './data-lock.ts';
import { RaceStore } from './race-store.ts';
import { rehearsals, startRehearsal, stopRehearsals } from './rehearsal.ts';

/** What the host answers to a command. */
export type HostResult =
  | {
      readonly ok: true;
      readonly revision: number;
      readonly raceId?: string;
      readonly raceRevision?: number;
      readonly entries?: readonly JournalEntry[];
    }
  | { readonly ok: false; readonly status: 400 | 404 | 409 | 503; readonly error: string };

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
  /** The host's clock: every accepted event is stamped with it at intake. */
  readonly clock?: () => Date;
  readonly log?: (line: string) => void;
}

/** File system errors an operator can fix on the spot, in words. */
const storageProblem: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the data folder is read-only',
  EACCES: 'no permission to write the data folder',
  EPERM: 'no permission to write the data folder',
  EIO: 'an input/output error (a failing disk or a removed drive)',
};

const refuse = (status: 400 | 404 | 409 | 503, error: string): HostResult => ({
  ok: false,
  status,
  error,
});

/**
 * The race host: the only writer. Every command is validated by the engine, made durable in
 * the race's journal, and only then applied and announced to subscribers.
 */
export class RaceHost {
  private hostRevision = 0;
  private readonly listeners = new Set<(change: HostChange) => void>();
  private readonly views = new Map<string, RaceView>();
  private programQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly options: HostOptions,
    private programFile: ProgramFile,
    private readonly stores: Map<string, RaceStore>,
    private readonly lock: DataLock,
  ) {}

  /**
   * Opens the data directory, replaying every race journal; creates it when new. Refuses a
   * data directory another running host holds (DATA/host.lock).
   */
  static async open(options: HostOptions): Promise<RaceHost> {
    await mkdir(join(options.dataDir, 'races'), { recursive: true });
    const lock = await lockDataDir(options.dataDir);
    try {
      return await RaceHost.replay(options, lock);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private static async replay(options: HostOptions, lock: DataLock): Promise<RaceHost> {
    const log = options.log ?? (() => undefined);
    const programPath = join(options.dataDir, 'program.json');
    let stored: ProgramFile | null;
    let damaged: string | null = null;
    try {
      stored = await readProgramFile(programPath);
    } catch (error) {
      if (!(error instanceof ProgramFileDamagedError)) throw error;
      // A damaged program must not keep the races from starting: their journals are the
      // record. Set the file aside (never delete it) and rebuild the program from them.
      const aside = await setProgramFileAside(programPath, options.clock?.() ?? new Date());
      damaged = `${(error as Error).message}; moved it to ${aside}`;
      stored = null;
    }
    const program = stored ?? emptyProgram();
    const before = JSON.stringify(stored);
    const journals = (await readdir(join(options.dataDir, 'races')))
      .filter((name) => /^[a-z0-9-]+\.jsonl$/.test(name))
      .map((name) => name.replace(/\.jsonl$/, ''));
    const ids = [...new Set([...program.races.map((race) => race.id), ...journals])];
    const stores = new Map<string, RaceStore>();
    // Open every race at once: start-up time is mostly fsyncs, which overlap.
    const opened = await Promise.allSettled(
      ids.map((id) => RaceStore.open(join(options.dataDir, 'races', `${id}.jsonl`), { log })),
    );
    const failed = opened.find((result) => result.status === 'rejected');
    if (failed) {
      const openedStores = opened.flatMap((result) =>
        result.status === 'fulfilled' ? [result.value] : [],
      );
      await Promise.all(openedStores.map((store) => store.close()));
      throw failed.reason;
    }
    opened.forEach((result, index) => {
      const store = (result as PromiseFulfilledResult<RaceStore>).value;
      if (store.recovered) log(store.recovered.message);
      stores.set(ids[index]!, store);
    });
    const firstAt = (id: string) => stores.get(id)!.entries[0]?.at ?? '';
    const lastAt = (id: string) => stores.get(id)!.entries.at(-1)?.at ?? '';
    const missing = ids
      .filter((id) => !program.races.some((race) => race.id === id))
      .sort((a, b) => firstAt(a).localeCompare(firstAt(b)) || a.localeCompare(b));
    for (const id of missing) {
      program.races.push({ id, category: '' });
      if (stored) log(`recovered race ${id}: its journal was not yet in the program`);
    }
    if (!stored && missing.length > 0) {
      // The race written last is the one that was running when the program was lost.
      const newest = [...missing].sort((a, b) => lastAt(b).localeCompare(lastAt(a)))[0]!;
      program.activeRaceId = newest;
      log(
        `${damaged ? `program.json could not be read (${damaged})` : 'program.json was missing'}: rebuilt the program from ${missing.length} race journal${missing.length === 1 ? '' : 's'} (${missing.join(', ')}), active race ${newest}; nothing was deleted`,
      );
    } else if (damaged) {
      log(`program.json could not be read (${damaged}): started a new program`);
    }
    if (program.activeRaceId !== null && !stores.has(program.activeRaceId))
      program.activeRaceId = null;
    const host = new RaceHost(options, program, stores, lock);
    if (JSON.stringify(program) !== before) await host.saveProgram();
    return host;
  }

  /** Tells a second host started on this data folder where this one serves (host.lock). */
  advertise(info: HostAddress): Promise<void> {
    return this.lock.advertise?.(info) ?? Promise.resolve();
  }

  /** Increases with every accepted change of any race or of the program. */
  get revision(): number {
    return this.hostRevision;
  }

  /** The race on the boards. */
  get activeRaceId(): string | null {
    return this.programFile.activeRaceId;
  }

  /** The meeting's races, the active one and the scenes. */
  program(): ProgramView {
    const { meeting, activeRaceId, display } = this.programFile;
    const scenes = effectiveScenes(this.programFile.scenes, this.phaseNow());
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
    return { meeting, races, activeRaceId, scenes, display };
  }

  /** The active race and its phase: what auto mode follows (src/shared/protocol/auto-scenes.ts). */
  private phaseNow(): PhaseKey {
    const raceId = this.activeRaceId;
    return { raceId, phase: outputPhase(this.race(raceId)?.standings.phase ?? null) };
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

  /** Applies a race request (one command or a batch) to a race, the active one by default. */
  async submit(
    request: RaceRequest,
    source: string,
    raceId: string | null = this.activeRaceId,
  ): Promise<HostResult> {
    if (raceId === null) return refuse(404, 'no race is active: add a race to the program first');
    const store = this.stores.get(raceId);
    if (!store) return refuse(404, `race "${raceId}" is not in the program`);
    const meta = { at: this.now(), source };
    const result =
      request.kind === 'single'
        ? await store.submit(request.command, meta, request.revision)
        : await store.submitBatch(request.commands, meta, request.revision);
    if (!result.ok && result.unavailable) {
      this.options.log?.(`race ${raceId}: ${source} command refused: ${result.error}`);
      return refuse(503, result.error);
    }
    if (!result.ok) return refuse(result.stale ? 409 : 400, result.error);
    const entries = 'entries' in result ? result.entries : [result.entry];
    return this.changed(raceId, { raceRevision: result.revision, entries });
  }

  /** Applies a command to the program: races, the active race, scenes. */
  programCommand(command: ProgramCommand, source: string): Promise<HostResult> {
    const run = this.programQueue
      .then(() => this.applyProgram(command, source))
      .catch((error: unknown) => this.storageRefusal(error, 'program.json'));
    this.programQueue = run.catch(() => undefined);
    return run;
  }

  /** Closes every journal after pending writes. */
  async close(): Promise<void> {
    stopRehearsals(this);
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
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const why = code ? storageProblem[code] : undefined;
    if (!why) throw error;
    const line = `${file} could not be written in ${this.options.dataDir}: ${why} (${code}); nothing was changed, send it again once that is fixed`;
    this.options.log?.(line);
    return refuse(503, line);
  }

  private async applyProgram(command: ProgramCommand, source: string): Promise<HostResult> {
    const program = this.programFile;
    switch (command.type) {
      case 'meeting/renamed':
        return this.saveAndAnnounce({ ...program, meeting: command.name });
      case 'race/activated':
        if (!this.stores.has(command.raceId))
          return refuse(404, `race "${command.raceId}" is not in the program`);
        return this.saveAndAnnounce({ ...program, activeRaceId: command.raceId });
      case 'scene/shown':
        return this.saveAndAnnounce({
          ...program,
          scenes: cutBoard(program.scenes, command.scene, this.phaseNow()),
        });
      case 'overlay/toggled': {
        // On top of what the overlay shows now (auto or manual), not of an older manual choice.
        const now = this.phaseNow();
        const shown = effectiveScenes(program.scenes, now).overlay;
        const overlay = { ...shown, [command.element]: command.visible };
        return this.saveAndAnnounce({
          ...program,
          scenes: cutOverlay(program.scenes, overlay, now),
        });
      }
      case 'output/auto':
        return this.saveAndAnnounce({
          ...program,
          scenes: setAuto(program.scenes, command.output, command.auto, this.phaseNow()),
        });
      case 'race/removed':
        return this.removeRace(command.raceId);
      case 'display/configured': {
        const { type: _type, ...changes } = command;
        const defined = Object.fromEntries(
          Object.entries(changes).filter(([, value]) => value !== undefined),
        );
        return this.saveAndAnnounce({ ...program, display: { ...program.display, ...defined } });
      }
      case 'race/added': {
        let format;
        try {
          format = resolveFormat(command.format);
        } catch (error) {
          return refuse(400, `format: ${(error as Error).message}`);
        }
        const setup: RaceCommand[] = [
          {
            type: 'race/configured',
            title: command.title,
            round: command.round,
            qualifiers: command.qualifiers,
            format,
          },
        ];
        return this.addRace(command.id ?? command.title, command.category, setup, source);
      }
      case 'final/built':
        return this.buildFinal(command, source);
      case 'rehearsal/started':
        return startRehearsal(this, command, this.options.log);
      case 'rehearsal/stopped':
        return stopRehearsals(this);
    }
  }

  private async buildFinal(
    command: Extract<ProgramCommand, { type: 'final/built' }>,
    source: string,
  ): Promise<HostResult> {
    const semis = command.semis.map((id) => ({ id, store: this.stores.get(id) }));
    const missing = semis.find((semi) => !semi.store);
    if (missing) return refuse(404, `race "${missing.id}" is not in the program`);
    const [first, second] = semis.map(({ store }) => ({
      state: store!.state,
      standings: computeStandings(store!.state),
    }));
    let skaters;
    try {
      skaters = finalStartList(finalistsFromSemis([first!, second!]));
    } catch (error) {
      return refuse(400, (error as Error).message);
    }
    const setup: RaceCommand[] = [
      {
        type: 'race/configured',
        title: command.title,
        round: 'final',
        qualifiers: 0,
        format: first!.state.format,
      },
      { type: 'startList/set', skaters },
    ];
    return this.addRace(command.id ?? command.title, command.category, setup, source);
  }

  private async addRace(
    idOrTitle: string,
    category: string,
    setup: RaceCommand[],
    source: string,
  ): Promise<HostResult> {
    const scratch = new RaceHistory();
    for (const command of setup) {
      const decision = scratch.decide(command, { at: '', source });
      if (!decision.ok) return refuse(400, decision.error);
      scratch.commit(decision);
    }
    const id = this.uniqueId(idOrTitle);
    const path = join(this.options.dataDir, 'races', `${id}.jsonl`);
    const store = await RaceStore.open(path, { log: this.options.log });
    const result = await store.submitBatch(setup, { at: this.now(), source });
    if (!result.ok) {
      await store.close();
      // The journal was made for this race and holds nothing: a restart must not adopt it.
      if (store.revision === 0) await rm(path, { force: true });
      return refuse(result.unavailable ? 503 : 400, result.error);
    }
    const program = this.programFile;
    try {
      await this.saveAndAnnounce(
        {
          ...program,
          races: [...program.races, { id, category }],
          activeRaceId: program.activeRaceId ?? id,
        },
        () => this.stores.set(id, store),
      );
    } catch (error) {
      await store.close();
      throw error;
    }
    return this.changed(id, { raceRevision: result.revision, entries: result.entries });
  }

  private uniqueId(text: string): string {
    const base =
      text
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 48) || 'race';
    let id = base;
    // Never reuse the file of a journal that is on disk but not open (it is someone's record).
    const taken = (candidate: string) =>
      this.stores.has(candidate) ||
      existsSync(join(this.options.dataDir, 'races', `${candidate}.jsonl`));
    for (let n = 2; taken(id); n++) id = `${base}-${n}`;
    return id;
  }

  /**
   * Takes a race out of the program and moves its journal to DATA/removed/ (never deleted).
   * The program is written first: a crash before the move leaves the journal in races/, where
   * the next start finds it and puts the race back (nothing lost); the reverse order could
   * leave a program naming a race whose journal is gone.
   */
  private async removeRace(raceId: string): Promise<HostResult> {
    const store = this.stores.get(raceId);
    if (!store) return refuse(404, `race "${raceId}" is not in the program`);
    const program = this.programFile;
    const phase = this.race(raceId)?.standings.phase;
    if (raceId === program.activeRaceId && (phase === 'live' || phase === 'finishing'))
      return refuse(
        409,
        `race "${raceId}" is running on the boards: finish it, or activate another race, before removing it`,
      );
    for (const rehearsal of rehearsals(this)) if (rehearsal.raceId === raceId) rehearsal.stop();
    await this.saveAndAnnounce(
      {
        ...program,
        races: program.races.filter((race) => race.id !== raceId),
        activeRaceId: program.activeRaceId === raceId ? null : program.activeRaceId,
      },
      () => {
        this.stores.delete(raceId);
        this.views.delete(raceId);
      },
    );
    const log = this.options.log ?? (() => undefined);
    await store.close();
    const folder = join(this.options.dataDir, 'removed');
    const stamp = this.now().replace(/[:.]/g, '-');
    const target = join(folder, `${raceId}.${stamp}.jsonl`);
    try {
      await mkdir(folder, { recursive: true });
      await rename(store.path, target);
      log(`race ${raceId} removed from the program; its journal moved to ${target}`);
    } catch (error) {
      log(
        `race ${raceId} removed from the program, but its journal could not be moved to ${folder} (${(error as Error).message}): it stays in races/ and comes back at the next start`,
      );
    }
    return { ok: true, revision: this.hostRevision };
  }

  /**
   * Writes program.json first and changes the program in memory only once that write is
   * durable, so a failed write (full disk) cannot leave the two apart.
   */
  private async saveAndAnnounce(
    program: ProgramFile,
    alsoInMemory?: () => void,
  ): Promise<HostResult> {
    await writeProgramFile(join(this.options.dataDir, 'program.json'), program);
    this.programFile = program;
    alsoInMemory?.();
    return this.changed(null, {});
  }

  private saveProgram(): Promise<void> {
    return writeProgramFile(join(this.options.dataDir, 'program.json'), this.programFile);
  }

  private changed(
    raceId: string | null,
    extra: { raceRevision?: number; entries?: readonly JournalEntry[] },
  ): HostResult {
    this.hostRevision += 1;
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
    return (this.options.clock?.() ?? new Date()).toISOString();
  }
}
