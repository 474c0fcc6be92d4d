/**
 * The program's commands as a pure function (issue 10): the program file in, the next program
 * file (or a refusal) out. The host writes the result to program.json, and only once that is
 * durable takes it and announces it; what touches the disk (a race's journal) stays there.
 */
import type { ProgramCommand } from '../protocol/program.ts';
import { refused, type Refused } from '../protocol/reply.ts';
import {
  cutBoard,
  cutOverlay,
  effectiveScenes,
  outputPhase,
  setAuto,
  type PhaseKey,
} from '../protocol/auto-scenes.ts';
import type { StandingsPhase } from '../race/standings.ts';
import type { ProgramFile } from './program-file.ts';

/** The commands that only change the program file. */
export type ProgramChange = Extract<
  ProgramCommand,
  {
    type:
      | 'meeting/renamed'
      | 'meeting/configured'
      | 'race/activated'
      | 'scene/shown'
      | 'overlay/toggled'
      | 'output/auto'
      | 'display/configured'
      | 'timing/configured'
      | 'public/configured'
      | 'race/removed';
  }
>;

/** What the program needs to know of a race in it: its standings phase and its revision. */
export interface RaceFacts {
  readonly phase: StandingsPhase;
  readonly revision: number;
}

/** The races as the host knows them now (null: no such race). */
export interface ProgramContext {
  race(raceId: string): RaceFacts | null;
}

/** What the host does besides writing the program: a removed race's journal is closed and moved aside. */
export type ProgramEffect = { readonly type: 'race/removed'; readonly raceId: string };

/** The outcome of a program change: the next program and what else to do, or the refusal. */
export type ProgramDecision =
  | { readonly ok: true; readonly program: ProgramFile; readonly effects: readonly ProgramEffect[] }
  | Refused;

/** The active race and its phase: what auto mode follows (src/shared/protocol/auto-scenes.ts). */
export function phaseNow(program: ProgramFile, context: ProgramContext): PhaseKey {
  const raceId = program.activeRaceId;
  const phase = raceId === null ? null : (context.race(raceId)?.phase ?? null);
  return { raceId, phase: outputPhase(phase) };
}

/**
 * A program command sent against an older program revision is refused, as a race's is (the
 * message follows src/main/host/race-store.ts); no revision sent: no check.
 */
export function staleProgram(
  program: ProgramFile,
  expectedRevision: number | undefined,
): Refused | null {
  if (expectedRevision === undefined || expectedRevision === program.revision) return null;
  return refused(
    409,
    `stale revision: you sent ${expectedRevision}, the program is at ${program.revision}; reload and try again`,
  );
}

/** The program after an accepted change: one revision on. */
const next = (program: ProgramFile, changes: Partial<ProgramFile>): ProgramFile => ({
  ...program,
  ...changes,
  revision: program.revision + 1,
});

const accepted = (
  program: ProgramFile,
  effects: readonly ProgramEffect[] = [],
): ProgramDecision => ({
  ok: true,
  program,
  effects,
});

const notInProgram = (program: ProgramFile, raceId: string): Refused | null =>
  program.races.some((race) => race.id === raceId)
    ? null
    : refused(404, `race "${raceId}" is not in the program`);

/** Applies a program change; pure: the program passed in is never changed. */
export function applyProgramCommand(
  program: ProgramFile,
  command: ProgramChange,
  context: ProgramContext,
): ProgramDecision {
  switch (command.type) {
    case 'meeting/renamed':
      return accepted(next(program, { meeting: command.name }));
    case 'meeting/configured':
      return accepted(next(program, meetingChanges(command)));
    case 'race/activated':
      return (
        notInProgram(program, command.raceId) ??
        accepted(next(program, { activeRaceId: command.raceId }))
      );
    case 'scene/shown':
      return accepted(
        next(program, {
          scenes: cutBoard(program.scenes, command.scene, phaseNow(program, context)),
        }),
      );
    case 'overlay/toggled': {
      // On top of what the overlay shows now (auto or manual), not of an older manual choice.
      const now = phaseNow(program, context);
      const shown = effectiveScenes(program.scenes, now).overlay;
      const overlay = { ...shown, [command.element]: command.visible };
      return accepted(next(program, { scenes: cutOverlay(program.scenes, overlay, now) }));
    }
    case 'output/auto':
      return accepted(
        next(program, {
          scenes: setAuto(program.scenes, command.output, command.auto, phaseNow(program, context)),
        }),
      );
    case 'display/configured': {
      const { type: _type, ...changes } = command;
      const defined = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      );
      return accepted(next(program, { display: { ...program.display, ...defined } }));
    }
    case 'timing/configured': {
      const { type: _type, ...changes } = command;
      const defined = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      );
      return accepted(next(program, { timing: { ...program.timing, ...defined } }));
    }
    case 'public/configured':
      return accepted(next(program, { publicFeed: command.enabled }));
    case 'race/removed':
      return removeRace(program, command.raceId, context);
  }
}

/** The program fields a meeting/configured sets: only those it sends (a field left out stays as it is). */
function meetingChanges(
  command: Extract<ProgramChange, { type: 'meeting/configured' }>,
): Partial<ProgramFile> {
  const { name, venue, date, timeZone } = command;
  return {
    ...(name === undefined ? {} : { meeting: name }),
    ...(venue === undefined ? {} : { venue }),
    ...(date === undefined ? {} : { meetingDate: date }),
    ...(timeZone === undefined ? {} : { timeZone }),
  };
}

/**
 * Takes a race out of the program, unless it is running on the boards. Its revision is kept in
 * `removedRevisions`, so the host revision does not go back; the host moves its journal aside.
 */
function removeRace(
  program: ProgramFile,
  raceId: string,
  context: ProgramContext,
): ProgramDecision {
  const missing = notInProgram(program, raceId);
  if (missing) return missing;
  const race = context.race(raceId);
  if (raceId === program.activeRaceId && (race?.phase === 'live' || race?.phase === 'finishing'))
    return refused(
      409,
      `race "${raceId}" is running on the boards: finish it, or activate another race, before removing it`,
    );
  return accepted(
    next(program, {
      races: program.races.filter((entry) => entry.id !== raceId),
      activeRaceId: program.activeRaceId === raceId ? null : program.activeRaceId,
      removedRevisions: program.removedRevisions + (race?.revision ?? 0),
    }),
    [{ type: 'race/removed', raceId }],
  );
}

/** The program with a new race (its journal made by the host); the first race becomes the active one. */
export function withRace(program: ProgramFile, raceId: string, category: string): ProgramFile {
  return next(program, {
    races: [...program.races, { id: raceId, category }],
    activeRaceId: program.activeRaceId ?? raceId,
  });
}
