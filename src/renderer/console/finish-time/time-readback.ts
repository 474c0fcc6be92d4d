/**
 * The finish time being entered, read back as it will be recorded (issue 19: an 8:04.15 typed
 * for 8:04.51 showed only in the board's small preview): the time in the results' own format
 * (hundredths, truncated as timing does), and the time it replaces when the skater has one.
 */
import type { RaceCommand } from '../../../shared/race/events.ts';
import type { RaceState } from '../../../shared/race/state.ts';
import { formatRaceTime } from '../../../shared/text.ts';

/** A finish time on the entry line. */
export interface TimeReadback {
  readonly bib: number;
  /** As the results will print it: "8:04.15". */
  readonly time: string;
  /** The skater's time in force, which this one replaces (a correction); null: none yet. */
  readonly replaces: string | null;
}

/** The time the entry's commands record, against the race on screen; null when they time nobody. */
export function timeReadback(
  commands: readonly RaceCommand[],
  state: RaceState | null,
): TimeReadback | null {
  const command = commands[0];
  if (command?.type !== 'finish/timed') return null;
  const was = state?.times[command.bib];
  return {
    bib: command.bib,
    time: formatRaceTime(command.time),
    replaces: was === undefined ? null : formatRaceTime(was),
  };
}
