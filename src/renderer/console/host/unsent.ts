/**
 * Commands the console could not deliver (issue 9). A key pressed while the host is away is
 * kept, with its time, until the operator sends it again or dismisses it: never dropped
 * silently, and never sent again by itself (a lap counted late is a wrong lap).
 */
import type { ClientMessage } from '../../../shared/protocol/messages.ts';
import type { ProgramCommand } from '../../../shared/protocol/program.ts';
import type { RaceCommand } from '../../../shared/race/events.ts';
import { describe, describeCommand, lapEvent } from '../../../shared/race/history.ts';
import type { RaceState } from '../../../shared/race/state.ts';

/** One command that did not reach the host, or got no answer. */
export interface Unsent {
  readonly id: number;
  /** Local clock time of the key press, "15:07:42". */
  readonly time: string;
  /** The control it came from ("Leader crossed the line", "Undo", "Outputs"). */
  readonly origin: string;
  /** What it would do: "lap completed", "undo", "board: live". */
  readonly what: string;
  /** The connection's words: "not connected to the host", "connection to the host lost". */
  readonly error: string;
  /**
   * Sent while connected, but the connection went before the answer: the host may have it.
   * (A command pressed while disconnected was certainly not sent.)
   */
  readonly unanswered: boolean;
  /** The message as it was meant, to send again on request. */
  readonly message: ClientMessage;
  /** Being sent again right now. */
  readonly sending: boolean;
  /** The host's refusal when it was sent again; then it can only be dismissed. */
  readonly refused: string | null;
}

/**
 * What race commands would do, in the journal's words; the lap key as the race on screen
 * would take it ("race started" before the start, then "lap completed").
 */
export function describeCommands(
  commands: readonly RaceCommand[],
  state: RaceState | null = null,
): string {
  return commands
    .map((command) =>
      command.type === 'lap' && state ? describe(lapEvent(state)) : describeCommand(command),
    )
    .join('; ');
}

/** What a program command does, briefly. */
export function describeProgramCommand(command: ProgramCommand): string {
  if (command.type === 'scene/shown') return `board: ${command.scene}`;
  if (command.type === 'overlay/toggled')
    return `overlay: ${command.element} ${command.visible ? 'on' : 'off'}`;
  return command.type;
}
