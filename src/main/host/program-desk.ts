import { rm } from 'node:fs/promises';
import {
  applyProgramCommand,
  staleProgram,
  withRace,
  type ProgramChange,
  type ProgramContext,
} from '../../shared/program/apply.ts';
import type { ProgramFile } from '../../shared/program/program-file.ts';
import { finalSetup, raceAddedSetup, uniqueRaceId } from '../../shared/program/race-setup.ts';
import type { ProgramCommand } from '../../shared/protocol/program.ts';
import { refused, type Reply } from '../../shared/protocol/reply.ts';
import type { JournalEntry, RaceCommand } from '../../shared/race/events.ts';
import { journalOnDisk, journalPath, moveJournalToRemoved, programPath } from './data-folder.ts';
import { writeProgramFile } from './program-file.ts';
import { RaceStore } from './race-store.ts';
import type { Rehearsals } from './rehearsal.ts';

/** What the program desk may touch of the host: its program, its races, its announcement. */
export interface DeskHost {
  readonly dataDir: string;
  readonly stores: Map<string, RaceStore>;
  readonly rehearsals: Rehearsals;
  readonly context: ProgramContext;
  program(): ProgramFile;
  /** Sets the program in memory (after program.json is durable). */
  setProgram(program: ProgramFile): void;
  /** A race left the program: forget its cached view and published values. */
  forgetRace(raceId: string): void;
  /** Announces an accepted change (src/main/host/host.ts). */
  changed(
    raceId: string | null,
    extra: { raceRevision?: number; entries?: readonly JournalEntry[] },
  ): Promise<Reply>;
  now(): string;
  log(line: string): void;
}

/**
 * The program's commands: races added, built and removed, the active race, scenes, display,
 * rehearsals (src/shared/program/apply.ts decides; this makes it durable). Split from the host
 * so src/main/host/host.ts keeps to the race's one path (issue 20).
 */
export class ProgramDesk {
  constructor(private readonly host: DeskHost) {}

  /** Applies one program command (the host runs them one at a time, in order). */
  async apply(
    command: ProgramCommand,
    source: string,
    expectedRevision: number | undefined,
  ): Promise<Reply> {
    const stale = staleProgram(this.host.program(), expectedRevision);
    if (stale) return stale;
    switch (command.type) {
      case 'race/added': {
        const setup = raceAddedSetup(command);
        if (!setup.ok) return setup;
        return this.addRace(command.id ?? command.title, command.category, setup.commands, source);
      }
      case 'final/built': {
        const semis = command.semis.map((id) => ({ id, store: this.host.stores.get(id) }));
        const missing = semis.find((semi) => !semi.store);
        if (missing) return refused(404, `race "${missing.id}" is not in the program`);
        const setup = finalSetup(command, [semis[0]!.store!.state, semis[1]!.store!.state]);
        if (!setup.ok) return setup;
        return this.addRace(command.id ?? command.title, command.category, setup.commands, source);
      }
      case 'rehearsal/started':
        return this.host.rehearsals.start(command);
      case 'rehearsal/stopped':
        return this.host.rehearsals.stopAll();
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
  private async changeProgram(command: ProgramChange): Promise<Reply> {
    const { host } = this;
    const decision = applyProgramCommand(host.program(), command, host.context);
    if (!decision.ok) return decision;
    const removed = decision.effects.map(({ raceId }) => ({
      raceId,
      store: host.stores.get(raceId)!,
    }));
    for (const { raceId } of removed) host.rehearsals.stopIn(raceId);
    await this.save(decision.program, () => {
      for (const { raceId } of removed) {
        host.stores.delete(raceId);
        host.forgetRace(raceId);
      }
    });
    const reply = await host.changed(null, {});
    for (const { raceId, store } of removed) {
      await store.close();
      await moveJournalToRemoved(host.dataDir, raceId, store.path, host.now(), (line) =>
        host.log(line),
      );
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
  ): Promise<Reply> {
    const { host } = this;
    // Never reuse the file of a journal that is on disk but not open (it is someone's record).
    const id = uniqueRaceId(
      idOrTitle,
      (candidate) => host.stores.has(candidate) || journalOnDisk(host.dataDir, candidate),
    );
    const path = journalPath(host.dataDir, id);
    const store = await RaceStore.open(path, { log: (line) => host.log(line) });
    const result = await store.submitBatch(setup, { at: host.now(), source });
    if (!result.ok) {
      await store.close();
      // The journal was made for this race and holds nothing: a restart must not adopt it.
      if (store.revision === 0) await rm(path, { force: true });
      return refused(result.unavailable ? 503 : 400, result.error);
    }
    try {
      await this.save(withRace(host.program(), id, category), () => host.stores.set(id, store));
    } catch (error) {
      await store.close();
      throw error;
    }
    return host.changed(id, { raceRevision: result.revision, entries: result.entries });
  }

  /**
   * Writes program.json first and changes the program in memory only once that write is
   * durable, so a failed write (full disk) cannot leave the two apart.
   */
  private async save(program: ProgramFile, alsoInMemory?: () => void): Promise<void> {
    await writeProgramFile(programPath(this.host.dataDir), program);
    this.host.setProgram(program);
    alsoInMemory?.();
  }
}
