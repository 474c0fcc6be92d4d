/**
 * Putting the program back together at start (issue 10): the journals are the record, so a
 * race whose journal is on disk but not in program.json (a crash between the two writes) comes
 * back, and a lost or damaged program.json is rebuilt from the journals. Pure: the host reads
 * the files and writes the result (src/main/host/data-folder.ts).
 */
import { emptyProgram, type ProgramFile } from './program-file.ts';

/** A race journal as opening found it: the race id and when its first and last entries were made. */
export interface JournalFound {
  readonly id: string;
  /** ISO time of the first entry ('' for an empty journal). */
  readonly firstAt: string;
  /** ISO time of the last entry ('' for an empty journal). */
  readonly lastAt: string;
}

/** The program to start with, whether it differs from the stored one, and what to tell the operator. */
export interface RecoveredProgram {
  readonly program: ProgramFile;
  /** Write it back: it is not what program.json holds. */
  readonly changed: boolean;
  readonly notes: readonly string[];
}

/**
 * The program to start with. `stored`: program.json as read (null: missing or damaged);
 * `damaged`: why it could not be read, if so; `journals`: every race opened, the stored
 * program's races and the journal files alike. Races missing from the program are added in the
 * order they were created; a rebuilt program puts the race written last on the boards (the one
 * that was running when the program was lost). A stored program that had to change moves one
 * revision on, so a console that read it before refuses to overwrite what it did not see.
 */
export function recoverProgram(
  stored: ProgramFile | null,
  damaged: string | null,
  journals: readonly JournalFound[],
): RecoveredProgram {
  const base = stored ?? emptyProgram();
  const byId = new Map(journals.map((journal) => [journal.id, journal]));
  const missing = journals
    .filter((journal) => !base.races.some((race) => race.id === journal.id))
    .sort((a, b) => a.firstAt.localeCompare(b.firstAt) || a.id.localeCompare(b.id))
    .map((journal) => journal.id);
  const notes: string[] = [];
  let activeRaceId = base.activeRaceId;
  if (stored) {
    for (const id of missing)
      notes.push(`recovered race ${id}: its journal was not yet in the program`);
  } else if (missing.length > 0) {
    const newest = [...missing].sort((a, b) =>
      byId.get(b)!.lastAt.localeCompare(byId.get(a)!.lastAt),
    )[0]!;
    activeRaceId = newest;
    notes.push(
      `${damaged ? `program.json could not be read (${damaged})` : 'program.json was missing'}: rebuilt the program from ${missing.length} race journal${missing.length === 1 ? '' : 's'} (${missing.join(', ')}), active race ${newest}; nothing was deleted`,
    );
  } else if (damaged) {
    notes.push(`program.json could not be read (${damaged}): started a new program`);
  }
  if (activeRaceId !== null && !byId.has(activeRaceId)) activeRaceId = null;
  const program: ProgramFile = {
    ...base,
    races: [...base.races, ...missing.map((id) => ({ id, category: '' }))],
    activeRaceId,
  };
  const changed = JSON.stringify(program) !== JSON.stringify(stored);
  return {
    program: stored && changed ? { ...program, revision: program.revision + 1 } : program,
    changed,
    notes,
  };
}
