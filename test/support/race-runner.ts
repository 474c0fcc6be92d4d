/**
 * Running a race script of the race engine property tests on a RaceHistory, as the hosts drive
 * it: decide, then commit when accepted, with fixed time stamps.
 */
import type { RaceCommand } from '../../src/shared/race/events.ts';
import type { Decision, RaceHistory } from '../../src/shared/race/history.ts';
import type { RaceState } from '../../src/shared/race/state.ts';
import { commandFor } from './race-commands.ts';
import type { RaceScript, Step } from './race-step-arbitraries.ts';

/** One command of a walk with what the history decided. */
export interface Taken {
  readonly command: RaceCommand;
  readonly decision: Decision;
  readonly before: RaceState;
}

/** The commands that set a race up. */
export function setUpCommands(script: RaceScript): RaceCommand[] {
  if (!script.setUp) return [];
  return [script.configured, { type: 'startList/set', skaters: [...script.skaters] }];
}

let clock = Date.UTC(2026, 1, 14, 13, 0, 0);

/** A fixed, increasing time stamp (journals of a test run do not depend on the wall clock). */
export function nextMeta(source = 'property'): { at: string; source: string } {
  clock += 250;
  return { at: new Date(clock).toISOString(), source };
}

/**
 * Sends one command: decides, and commits when accepted. `onTaken` sees every command with the
 * decision (before the commit).
 */
export function send(
  history: RaceHistory,
  command: RaceCommand,
  onTaken?: (taken: Taken) => void,
): Decision {
  const before = history.state;
  const decision = history.decide(command, nextMeta());
  onTaken?.({ command, decision, before });
  if (decision.ok) history.commit(decision);
  return decision;
}

/** Runs the set-up and the steps of a script on `history`. */
export function runScript(
  history: RaceHistory,
  script: RaceScript,
  onTaken?: (taken: Taken) => void,
): RaceHistory {
  for (const command of setUpCommands(script)) send(history, command, onTaken);
  runSteps(history, script.steps, onTaken);
  return history;
}

/** Runs steps on `history`, each turned into a command for the state at that moment. */
export function runSteps(
  history: RaceHistory,
  steps: readonly Step[],
  onTaken?: (taken: Taken) => void,
): RaceHistory {
  for (const step of steps) send(history, commandFor(history, step), onTaken);
  return history;
}
