import type { RaceCommand } from './events.ts';
import { describeCommand, RaceHistory } from './history.ts';

/** A command list that the rules refuse, with the index of the first refused command. */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Applies commands in order to a new race and returns its history; throws ReplayError at the
 * first command the rules refuse. Time stamps are left out (sheets and fixtures carry none).
 */
export function replayCommands(commands: readonly RaceCommand[], source = 'replay'): RaceHistory {
  const history = new RaceHistory();
  commands.forEach((command, index) => {
    const decision = history.decide(command, { at: '', source });
    if (!decision.ok) {
      throw new ReplayError(index, `${describeCommand(command)}: ${decision.error}`);
    }
    history.commit(decision);
  });
  return history;
}
