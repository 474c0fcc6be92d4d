/**
 * A hand lap just after a lap that timing counted is the same crossing (issue 17). With auto
 * laps on, the decoder reports the leader within milliseconds; an operator who also presses Space,
 * as operators do, presses 200-300 ms later. Counting that press would show one lap fewer to go
 * for the whole next lap. So a lap from any other source within the minimum lap time of a lap
 * journaled by timing is refused, never journaled; an operator who really means another lap
 * (timing missed one) corrects the laps, which stays explicit. The other order (hand first, then
 * the decoder) needs nothing here: auto laps counts only when the race is behind the loop.
 */
import type { JournalEntry, RaceCommand } from '../race/events.ts';
import type { RaceState } from '../race/state.ts';

/** The journal source of every command the timing feed makes. */
export const TIMING_SOURCE = 'timing';

/** What the rule looks at: the race as its queue has it, and the commands about to be decided. */
export interface LapIntake {
  readonly state: RaceState;
  readonly entries: readonly JournalEntry[];
  readonly voided: ReadonlySet<number>;
  readonly commands: readonly RaceCommand[];
  readonly source: string;
  /** Host clock of the intake, ms. */
  readonly at: number;
  readonly minLapMs: number;
}

/** The refusal for a hand lap that is the crossing timing just counted, or null. */
export function sameCrossing(intake: LapIntake): string | null {
  const { state, commands, source } = intake;
  if (source === TIMING_SOURCE || !state.started) return null;
  const handLap = commands.some(
    (command) => command.type === 'lap/completed' || command.type === 'lap',
  );
  if (!handLap) return null;
  const last = lastLapChange(intake.entries, intake.voided);
  if (last?.source !== TIMING_SOURCE || last.event.type !== 'lap/completed') return null;
  const ago = intake.at - Date.parse(last.at);
  if (!(ago >= 0 && ago < intake.minLapMs)) return null;
  return (
    `lap ${state.lapsCompleted} was counted ${(ago / 1000).toFixed(1)} s ago by timing: the same ` +
    `crossing, not counted again (if timing missed a lap, correct the laps instead)`
  );
}

/** The entry that last set the lap count (a lap, a correction, the start), voids taken out. */
function lastLapChange(
  entries: readonly JournalEntry[],
  voided: ReadonlySet<number>,
): JournalEntry | null {
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index]!;
    if (voided.has(entry.seq)) continue;
    const { type } = entry.event;
    if (type === 'lap/completed' || type === 'laps/corrected' || type === 'race/started')
      return entry;
  }
  return null;
}
