// A standby's copy of the primary (issue 20): the program file and every race journal, written
// to this host's own data folder (write + fsync before it is acknowledged) and folded as a
// restart would fold them, so its board and overlay show the same race as the primary's.
import { createHash } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProgramFile } from '../../shared/program/program-file.ts';
import type { JournalEntry } from '../../shared/race/events.ts';
import { journalPath, moveJournalToRemoved, programPath } from '../host/data-folder.ts';
import { writeFileAtomic } from '../host/atomic-file.ts';
import type { RaceHost } from '../host/host.ts';
import { writeProgramFile } from '../host/program-file.ts';
import { RaceStore } from '../host/race-store.ts';

/** What a copied journal came to: written, or set aside because this host's copy went its own way. */
export type Copied =
  | { readonly ok: true; readonly count: number; readonly diverged: string | null }
  | { readonly ok: false; readonly error: string };

/** The folder where a host sets aside what it wrote after a split (never deleted). */
export const divergedFolder = (dataDir: string): string => join(dataDir, 'diverged');

/** Writes what the primary decided into this host. */
export class Replica {
  constructor(
    private readonly host: RaceHost,
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Takes the primary's program file: new races get their (empty) journal first, then
   * program.json is written, then races the primary removed leave for DATA/removed/.
   */
  async program(file: ProgramFile): Promise<void> {
    const { internals } = this.host;
    const before = internals.program();
    for (const { id } of file.races)
      if (!internals.stores.has(id))
        internals.stores.set(id, await RaceStore.open(journalPath(this.dataDir, id)));
    await writeProgramFile(programPath(this.dataDir), file);
    internals.setProgram(file);
    const kept = new Set(file.races.map((race) => race.id));
    for (const { id } of before.races) {
      const store = internals.stores.get(id);
      if (kept.has(id) || !store) continue;
      internals.stores.delete(id);
      internals.forgetRace(id);
      await store.close();
      await moveJournalToRemoved(this.dataDir, id, store.path, this.now().toISOString(), (line) =>
        internals.log(line),
      );
    }
    await internals.changed(null, {});
  }

  /**
   * Takes a race's journal as the primary has it (whole, or the entries from `from` on): the
   * entries this host lacks are appended. A copy that is not a prefix of the primary's (this
   * host wrote entries the primary never had: it was the primary before a split) is copied to
   * DATA/diverged/ first and cut back to what the two have in common.
   */
  async journal(raceId: string, from: number, entries: readonly JournalEntry[]): Promise<Copied> {
    const { internals } = this.host;
    let store = internals.stores.get(raceId);
    if (!store) {
      store = await RaceStore.open(journalPath(this.dataDir, raceId));
      internals.stores.set(raceId, store);
    }
    const local = store.entries;
    if (from > local.length) return { ok: false, error: `gap: have ${local.length}, got ${from}` };
    let same = from;
    while (
      same < local.length &&
      same - from < entries.length &&
      JSON.stringify(local[same]) === JSON.stringify(entries[same - from])
    )
      same += 1;
    let diverged: string | null = null;
    if (same < local.length) {
      diverged = await this.setAside(raceId, store, same);
      store = internals.stores.get(raceId)!;
    }
    const missing = entries.slice(store.entries.length - from);
    const adopted = await store.adopt(missing);
    if (!adopted.ok) return adopted;
    if (missing.length > 0 || diverged) await internals.changed(raceId, {});
    return { ok: true, count: store.entries.length, diverged };
  }

  /** This host's position: the program revision and each race's journal length. */
  position(): { program: number; races: Record<string, number> } {
    const { internals } = this.host;
    const races: Record<string, number> = {};
    for (const [id, store] of internals.stores) races[id] = store.revision;
    return { program: internals.program().revision, races };
  }

  /** SHA-256 of the races (ids, active race) and their journals: equal on two hosts in step. */
  stateHash(): string {
    const { internals } = this.host;
    const program = internals.program();
    const hash = createHash('sha256');
    hash.update(JSON.stringify({ races: program.races, active: program.activeRaceId }));
    for (const { id } of program.races)
      hash.update(`\n${id}\n${JSON.stringify(internals.stores.get(id)?.entries ?? [])}`);
    return hash.digest('hex');
  }

  /**
   * Copies the race's journal to DATA/diverged/ (kept, never deleted) and cuts it back to its
   * first `keep` entries: what this host wrote after the split leaves the race, not the disk.
   */
  private async setAside(raceId: string, store: RaceStore, keep: number): Promise<string> {
    const { internals } = this.host;
    const folder = divergedFolder(this.dataDir);
    await mkdir(folder, { recursive: true });
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const target = join(folder, `${raceId}.${stamp}.jsonl`);
    const kept = store.entries.slice(0, keep);
    await store.close();
    await copyFile(store.path, target);
    await writeFileAtomic(store.path, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    internals.stores.set(raceId, await RaceStore.open(store.path));
    internals.forgetRace(raceId);
    internals.log(
      `race ${raceId}: entries ${keep + 1} to ${store.entries.length} were written here after the split; set aside in ${target}`,
    );
    return target;
  }
}
