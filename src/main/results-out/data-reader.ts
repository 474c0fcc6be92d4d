/**
 * Reads a data folder without changing it (the `results --data` and `export --data` commands):
 * no lock taken, nothing created, repaired or set aside, so it is safe next to a running host.
 * A torn last line or unfinished last batch (a write under way, or a crash) is left out, as
 * the host would; damage anywhere else is refused with the line named.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { journalEntrySchema, type JournalEntry } from '../../shared/race/events.ts';
import { RaceHistory } from '../../shared/race/history.ts';
import type { RaceRecord } from '../../shared/export/results-document.ts';
import type { MeetingRecord } from '../../shared/export/meeting.ts';
import type { MeetingFacts } from '../../shared/results/meeting-facts.ts';
import { describeFirstIssue } from '../../shared/validation.ts';
import { journalPath, programPath } from '../host/data-folder.ts';
import { ProgramFileDamagedError, readProgramFile } from '../host/program-file.ts';
import { recoverProgram } from '../../shared/program/recover.ts';
import type { ProgramFile } from '../../shared/program/program-file.ts';
import { meetingFacts } from './meeting-facts.ts';

/** The data folder cannot be read as a meeting; the message names the file and the problem. */
export class DataReadError extends Error {
  override readonly name = 'DataReadError';
}

/**
 * Parses journal text. A last line without its newline, or an unreadable last line, is a write
 * under way (or torn by a crash) and is left out, as the host does; damage before it is refused.
 */
export function parseJournalText(path: string, text: string): JournalEntry[] {
  const lines = text.split('\n').slice(0, -1); // the piece after the last newline is torn or ''
  const entries: JournalEntry[] = [];
  for (const [index, line] of lines.entries()) {
    const problem = (why: string) =>
      new DataReadError(`journal ${path} is corrupt at line ${index + 1}: ${why}`);
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      if (index === lines.length - 1) break;
      throw problem('not valid JSON');
    }
    const parsed = journalEntrySchema.safeParse(json);
    if (!parsed.success) {
      if (index === lines.length - 1) break;
      throw problem(`not a journal entry (${describeFirstIssue(parsed.error, 'entry')})`);
    }
    const previous = entries.at(-1);
    if (previous && parsed.data.seq <= previous.seq)
      throw problem(`seq ${parsed.data.seq} does not follow seq ${previous.seq}`);
    entries.push(parsed.data);
  }
  // A batch is all or nothing: an unfinished one at the end is not in force yet.
  const last = entries.at(-1);
  if (last?.batchEnd !== undefined && last.batchEnd !== last.seq) {
    while (entries.at(-1)?.batchEnd === last.batchEnd) entries.pop();
  }
  return entries;
}

/** A race journal read from disk: its id and entries. */
interface JournalRead {
  readonly id: string;
  readonly path: string;
  readonly entries: readonly JournalEntry[];
}

async function readJournal(dataDir: string, id: string): Promise<JournalRead> {
  const path = journalPath(dataDir, id);
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new DataReadError(`cannot read ${path}: ${(error as Error).message}`);
  }
  return { id, path, entries: parseJournalText(path, text) };
}

/** A race replayed from its journal (a race without a journal yet is empty). */
function raceRecord(journal: JournalRead, category: string): RaceRecord {
  const history = new RaceHistory(journal.entries);
  const problem = history.problems[0];
  if (problem)
    throw new DataReadError(
      `journal ${journal.path}: entry seq ${problem.seq} cannot be replayed: ${problem.message}`,
    );
  return { id: journal.id, category, state: history.state, journal: history.entries };
}

/** A meeting read from a data folder, and what was put back together in memory to read it. */
export interface MeetingRead extends MeetingRecord {
  /** As the host would say at its start: races recovered from journals, a rebuilt program. */
  readonly notes: readonly string[];
}

/**
 * The meeting of a data folder, read only: program.json and every race journal in races/. As
 * the host does at its start (src/shared/program/recover.ts), a race whose journal is not in
 * program.json yet is added, and a missing or damaged program.json is rebuilt from the
 * journals, here only in memory: nothing is written or set aside.
 */
export async function readMeeting(dataDir: string): Promise<MeetingRead> {
  const path = programPath(dataDir);
  let stored: ProgramFile | null = null;
  let damaged: string | null = null;
  try {
    stored = await readProgramFile(path);
  } catch (error) {
    if (!(error instanceof ProgramFileDamagedError))
      throw new DataReadError(`cannot read ${path}: ${(error as Error).message}`);
    damaged = error.message;
  }
  let files: string[] | null = null;
  try {
    files = await readdir(join(dataDir, 'races'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new DataReadError(`cannot read ${join(dataDir, 'races')}: ${(error as Error).message}`);
  }
  if (!stored && !damaged && files === null)
    throw new DataReadError(`${dataDir} is not a data folder of the race host: ${path} is missing`);
  const found = (files ?? [])
    .filter((name) => /^[a-z0-9-]+\.jsonl$/.test(name))
    .map((name) => name.replace(/\.jsonl$/, ''));
  const ids = [...new Set([...(stored?.races.map((race) => race.id) ?? []), ...found])];
  const journals = new Map(
    (await Promise.all(ids.map((id) => readJournal(dataDir, id)))).map((j) => [j.id, j]),
  );
  const { program, notes } = recoverProgram(
    stored,
    damaged,
    ids.map((id) => {
      const { entries } = journals.get(id)!;
      return { id, firstAt: entries[0]?.at ?? '', lastAt: entries.at(-1)?.at ?? '' };
    }),
  );
  return {
    meeting: meetingFacts(program),
    races: program.races.map((race) => raceRecord(journals.get(race.id)!, race.category)),
    notes,
  };
}

/** One race of a data folder's meeting; DataReadError naming the races there when it is unknown. */
export async function readMeetingRace(
  dataDir: string,
  raceId: string,
): Promise<{ meeting: MeetingFacts; race: RaceRecord; notes: readonly string[] }> {
  const { meeting, races, notes } = await readMeeting(dataDir);
  const race = races.find((candidate) => candidate.id === raceId);
  if (!race) {
    const known = races.map((r) => r.id).join(', ') || 'none';
    throw new DataReadError(
      `race "${raceId}" is not in the program of ${dataDir} (races: ${known})`,
    );
  }
  return { meeting, race, notes };
}
