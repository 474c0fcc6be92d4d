/**
 * The set-up journaled first in a new race of the program: race/configured (and, for a final
 * built from two semis, the start list with the helmet numbers they earned). Pure: the host
 * opens the journal and writes it.
 */
import type { ProgramCommand } from '../protocol/program.ts';
import { refused, type Refused } from '../protocol/reply.ts';
import type { RaceCommand } from '../race/events.ts';
import { resolveFormat } from '../race/format.ts';
import { finalistsFromSemis, finalStartList } from '../race/helmets.ts';
import { RaceHistory } from '../race/history.ts';
import { computeStandings } from '../race/standings.ts';
import type { RaceState } from '../race/state.ts';

/** The set-up commands of a new race, checked by the rules; or why not. */
export type RaceSetup = { readonly ok: true; readonly commands: readonly RaceCommand[] } | Refused;

/** Checks the set-up on a scratch history, so a refused one never makes a journal. */
function checked(commands: readonly RaceCommand[]): RaceSetup {
  const scratch = new RaceHistory();
  for (const command of commands) {
    const decision = scratch.decide(command, { at: '', source: 'setup' });
    if (!decision.ok) return refused(400, decision.error);
    scratch.commit(decision);
  }
  return { ok: true, commands };
}

/** The set-up of `race/added`: the race configured with its format. */
export function raceAddedSetup(
  command: Extract<ProgramCommand, { type: 'race/added' }>,
): RaceSetup {
  let format;
  try {
    format = resolveFormat(command.format);
  } catch (error) {
    return refused(400, `format: ${(error as Error).message}`);
  }
  return checked([
    {
      type: 'race/configured',
      title: command.title,
      round: command.round,
      qualifiers: command.qualifiers,
      format,
    },
  ]);
}

/**
 * The set-up of `final/built` from the two semis' states: the final in the first semi's format,
 * its start list ranked from the semis (src/shared/race/helmets.ts).
 */
export function finalSetup(
  command: Extract<ProgramCommand, { type: 'final/built' }>,
  semis: readonly [RaceState, RaceState],
): RaceSetup {
  const [first, second] = semis.map((state) => ({ state, standings: computeStandings(state) }));
  let skaters;
  try {
    skaters = finalStartList(finalistsFromSemis([first!, second!]));
  } catch (error) {
    return refused(400, (error as Error).message);
  }
  return checked([
    {
      type: 'race/configured',
      title: command.title,
      round: 'final',
      qualifiers: 0,
      format: first!.state.format,
    },
    { type: 'startList/set', skaters },
  ]);
}

/**
 * A race id from a title or a requested id: lower-case letters, digits and dashes, numbered on
 * ("men-semi-1-2") while `taken` says the id is in use.
 */
export function uniqueRaceId(text: string, taken: (id: string) => boolean): string {
  const base =
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'race';
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}
