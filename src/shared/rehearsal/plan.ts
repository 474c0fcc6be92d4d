/**
 * Rehearsal: a recorded race journal replayed into a new race at a chosen speed. This
 * is the pure part: the recording split into the race set-up and timed steps, checked against
 * the rules before anything starts, and how a recorded entry is sent again. The runner that
 * waits and sends is src/main/host/rehearsal.ts.
 */
import type { JournalEntry, RaceCommand, RaceEventOf } from '../race/events.ts';
import { RaceHistory } from '../race/history.ts';
import { RecordingError } from './recording.ts';

/** Gaps longer than this (waiting for the gun, for the officials) are cut to it; the first step comes at once. */
export const longestGapMs = 30_000;

/** One step of the replay: when, and which recorded entries (a recorded batch stays one). */
export interface RehearsalStep {
  /** Wait before this step in recorded time (ms), already capped at `longestGapMs`. */
  readonly gapMs: number;
  readonly entries: readonly JournalEntry[];
}

/** A recording made into a race set-up and the steps that follow it. */
export interface RehearsalPlan {
  readonly setup: RaceEventOf<'race/configured'>;
  readonly steps: readonly RehearsalStep[];
  /** Recorded time from the set-up to the last entry, gaps capped (ms). */
  readonly durationMs: number;
}

/** Splits a recording into the set-up and timed steps, and checks that it replays cleanly. */
export function planRehearsal(recording: readonly JournalEntry[]): RehearsalPlan {
  const [first, ...rest] = recording;
  if (first?.event.type !== 'race/configured') {
    throw new RecordingError('the recording must begin with race/configured (the race set-up)');
  }
  const steps: RehearsalStep[] = [];
  let previous = Date.parse(first.at);
  let durationMs = 0;
  for (let i = 0; i < rest.length;) {
    const entry = rest[i]!;
    const end = entry.batchEnd ?? entry.seq;
    const batch = rest.slice(i).filter((e, k) => k === 0 || e.seq <= end);
    const at = Date.parse(entry.at);
    // The first step follows the set-up at once: the race is being set up now.
    const gapMs =
      steps.length === 0 || Number.isNaN(at) || Number.isNaN(previous)
        ? 0
        : Math.min(Math.max(0, at - previous), longestGapMs);
    if (!Number.isNaN(at)) previous = at;
    durationMs += gapMs;
    steps.push({ gapMs, entries: batch });
    i += batch.length;
  }
  const plan = { setup: first.event, steps, durationMs };
  dryRun(plan);
  return plan;
}

/** Replays the plan on a scratch history, so a broken recording is refused before it starts. */
function dryRun(plan: RehearsalPlan): void {
  const history = new RaceHistory();
  const seqs = new Map<number, number>();
  const apply = (command: RaceCommand, recordedSeq: number) => {
    const decision = history.decide(command, { at: '', source: 'rehearsal' });
    if (!decision.ok)
      throw new RecordingError(`entry #${recordedSeq} cannot be replayed: ${decision.error}`);
    history.commit(decision);
    seqs.set(recordedSeq, decision.entry.seq);
  };
  apply(plan.setup, 1);
  for (const step of plan.steps) {
    for (const entry of step.entries) apply(replayed(entry, seqs), entry.seq);
  }
}

/**
 * The command that replays a recorded entry; a void targets the new entry of its recorded
 * target (`seqs`: recorded seq to replayed seq). Throws RecordingError if that target was
 * never replayed.
 */
export function replayed(entry: JournalEntry, seqs: ReadonlyMap<number, number>): RaceCommand {
  if (entry.event.type !== 'event/voided') return entry.event;
  const target = seqs.get(entry.event.target);
  if (target === undefined)
    throw new RecordingError(
      `entry #${entry.seq} voids #${entry.event.target}, which the recording does not hold`,
    );
  return { type: 'event/voided', target };
}
