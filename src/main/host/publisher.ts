import { phaseNow, type ProgramContext } from '../../shared/program/apply.ts';
import type { ProgramFile } from '../../shared/program/program-file.ts';
import { programView } from '../../shared/program/program-view.ts';
import { effectiveScenes } from '../../shared/protocol/auto-scenes.ts';
import {
  journalName,
  packState,
  programFileName,
  stateName,
  type LogValue,
} from '../../shared/protocol/channel.ts';
import type { ProgramView } from '../../shared/protocol/program.ts';
import type { JournalEntry } from '../../shared/race/events.ts';
import type { RaceView } from '../../shared/race/view.ts';
import type { Channel } from './channel.ts';
import type { RaceStore } from './race-store.ts';

/** A value a change appended, by name and revision (what a standby acknowledges). */
export interface Appended {
  readonly name: string;
  readonly rev: number;
}

/**
 * Publishes the records a standby keeps (issue 20): the program file and the journals of the
 * races changed (raceId null: all of them). Returns what they are at now.
 */
export function publishRecords(
  channel: Channel,
  program: ProgramFile,
  stores: ReadonlyMap<string, RaceStore>,
  raceId: string | null,
): Appended[] {
  channel.publish(programFileName, 'doc', program.revision, program);
  const appended = [{ name: programFileName, rev: program.revision }];
  for (const id of raceId === null ? [...stores.keys()] : [raceId]) {
    const store = stores.get(id);
    if (!store) continue;
    const log: LogValue<JournalEntry> = { of: id, entries: store.entries };
    channel.publish(journalName(id), 'log', store.revision, log);
    appended.push({ name: journalName(id), rev: store.revision });
  }
  return appended;
}

/** What the views are made of. */
export interface ViewSource {
  readonly revision: number;
  readonly activeRaceId: string | null;
  readonly stores: ReadonlyMap<string, RaceStore>;
  program(): ProgramView;
  race(id?: string | null): RaceView | null;
}

/**
 * Publishes the views someone follows (and `asked`, names a new follower asks for): the active
 * race's state and journal, and the state of each race followed by id (one followed before it
 * is added: race null), packed as the channel carries them. A race nobody follows by id costs
 * nothing here; the names are published when asked for.
 */
export function publishViews(channel: Channel, asked: readonly string[], source: ViewSource): void {
  const { revision, stores } = source;
  const program = source.program();
  const names = new Set([stateName(null), ...channel.followedNames(), ...asked]);
  for (const name of names) {
    if (name !== stateName(null) && !name.startsWith('state/')) continue;
    // Already published at this revision (a subscribe asking for names): nothing to pack.
    if (channel.held(name)?.rev === revision) continue;
    const id = name === stateName(null) ? undefined : name.slice('state/'.length);
    const view = { program, race: source.race(id) };
    channel.publish(name, 'doc', revision, packState(view), view);
  }
  const active = source.activeRaceId;
  const store = active === null ? undefined : stores.get(active);
  if (active !== null && store)
    channel.publish(journalName(null), 'log', store.revision, {
      of: active,
      entries: store.entries,
    } satisfies LogValue<JournalEntry>);
}

/** The program as views see it: the races' summaries and the scenes in force. */
export function buildProgramView(
  programFile: ProgramFile,
  context: ProgramContext,
  race: (id: string) => RaceView | null,
): ProgramView {
  const scenes = effectiveScenes(programFile.scenes, phaseNow(programFile, context));
  const races = programFile.races.map(({ id, category }) => {
    const view = race(id)!;
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
  return programView(programFile, races, scenes);
}
