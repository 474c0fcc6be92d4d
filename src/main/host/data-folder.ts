/**
 * The data folder (issue 10: opening and recovery out of the host): DATA/program.json, one
 * journal per race in DATA/races/, removed races' journals in DATA/removed/, and the lock.
 * Opening it takes the lock, opens every race's journal, and puts the program back together
 * from them when needed (src/shared/program/recover.ts): a damaged program.json is set aside,
 * never deleted, and the races never keep from starting for it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProgramFile } from '../../shared/program/program-file.ts';
import { recoverProgram } from '../../shared/program/recover.ts';
import { lockDataDir, type DataLock } from './data-lock.ts';
import {
  ProgramFileDamagedError,
  readProgramFile,
  setProgramFileAside,
  writeProgramFile,
} from './program-file.ts';
import { RaceStore } from './race-store.ts';

/** DATA/program.json. */
export const programPath = (dataDir: string): string => join(dataDir, 'program.json');

/** A race's journal: DATA/races/<id>.jsonl. */
export const journalPath = (dataDir: string, raceId: string): string =>
  join(dataDir, 'races', `${raceId}.jsonl`);

/** Whether a race's journal is on disk (open or not: then it is someone's record, never reused). */
export const journalOnDisk = (dataDir: string, raceId: string): boolean =>
  existsSync(journalPath(dataDir, raceId));

/** What the host starts from: the program, every race's open store, the lock it holds. */
export interface OpenedDataFolder {
  readonly program: ProgramFile;
  readonly stores: Map<string, RaceStore>;
  readonly lock: DataLock;
}

/** How to open it: where, what to tell the operator, and the time (for the names of set-aside files). */
export interface DataFolderOptions {
  readonly dataDir: string;
  readonly log: (line: string) => void;
  readonly now: () => Date;
}

/**
 * Opens the data folder, creating it when new, and replays every race journal. Refuses a folder
 * another running host holds (DATA/host.lock); on any failure, lets go of what it opened.
 */
export async function openDataFolder(options: DataFolderOptions): Promise<OpenedDataFolder> {
  await mkdir(join(options.dataDir, 'races'), { recursive: true });
  const lock = await lockDataDir(options.dataDir);
  try {
    return { ...(await recover(options)), lock };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function recover({ dataDir, log, now }: DataFolderOptions) {
  const path = programPath(dataDir);
  let stored: ProgramFile | null;
  let damaged: string | null = null;
  try {
    stored = await readProgramFile(path);
  } catch (error) {
    if (!(error instanceof ProgramFileDamagedError)) throw error;
    // A damaged program must not keep the races from starting: their journals are the
    // record. Set the file aside (never delete it) and rebuild the program from them.
    const aside = await setProgramFileAside(path, now());
    damaged = `${error.message}; moved it to ${aside}`;
    stored = null;
  }
  const journals = (await readdir(join(dataDir, 'races')))
    .filter((name) => /^[a-z0-9-]+\.jsonl$/.test(name))
    .map((name) => name.replace(/\.jsonl$/, ''));
  const ids = [...new Set([...(stored?.races.map((race) => race.id) ?? []), ...journals])];
  const stores = await openStores(dataDir, ids, log, now());
  try {
    const recovered = recoverProgram(
      stored,
      damaged,
      ids.map((id) => {
        const { entries } = stores.get(id)!;
        return { id, firstAt: entries[0]?.at ?? '', lastAt: entries.at(-1)?.at ?? '' };
      }),
    );
    for (const note of recovered.notes) log(note);
    if (recovered.changed) await writeProgramFile(path, recovered.program);
    return { program: recovered.program, stores };
  } catch (error) {
    await Promise.all([...stores.values()].map((store) => store.close()));
    throw error;
  }
}

/** Opens every race at once (start-up time is mostly fsyncs, which overlap); all or none. */
async function openStores(
  dataDir: string,
  ids: readonly string[],
  log: (line: string) => void,
  now: Date,
): Promise<Map<string, RaceStore>> {
  const opened = await Promise.allSettled(
    ids.map((id) => RaceStore.open(journalPath(dataDir, id), { log, now })),
  );
  const failed = opened.find((result) => result.status === 'rejected');
  if (failed) {
    const openedStores = opened.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    await Promise.all(openedStores.map((store) => store.close()));
    throw failed.reason;
  }
  const stores = new Map<string, RaceStore>();
  opened.forEach((result, index) => {
    const store = (result as PromiseFulfilledResult<RaceStore>).value;
    if (store.recovered) log(store.recovered.message);
    stores.set(ids[index]!, store);
  });
  return stores;
}

/**
 * Moves a removed race's journal to DATA/removed/<id>.<time>.jsonl (never deleted). If it
 * cannot be moved it stays in races/, and the race comes back at the next start; either way
 * the log says so.
 */
export async function moveJournalToRemoved(
  dataDir: string,
  raceId: string,
  path: string,
  at: string,
  log: (line: string) => void,
): Promise<void> {
  const folder = join(dataDir, 'removed');
  const target = join(folder, `${raceId}.${at.replace(/[:.]/g, '-')}.jsonl`);
  try {
    await mkdir(folder, { recursive: true });
    await rename(path, target);
    log(`race ${raceId} removed from the program; its journal moved to ${target}`);
  } catch (error) {
    log(
      `race ${raceId} removed from the program, but its journal could not be moved to ${folder} (${(error as Error).message}): it stays in races/ and comes back at the next start`,
    );
  }
}
