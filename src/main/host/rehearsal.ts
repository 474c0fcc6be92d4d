import {
  journalEntrySchema,
  type JournalEntry,
  type RaceCommand,
  type RaceEventOf,
} from '../../shared/race/events.ts';
import { describe, RaceHistory } from '../../shared/race/history.ts';
import type { ProgramCommand } from '../../shared/protocol/program.ts';
import { describeIssues } from '../../shared/validation.ts';
import type { HostResult, RaceHost } from './host.ts';

/**
 * Rehearsal: replays a recorded race journal into a new race of the host at a chosen speed, as
 * if an operator were running it, so operators can rehearse and a new user sees the boards
 * move. The recording's first entry (race/configured) sets the race up; every later entry is
 * sent again with the recorded gaps divided by the speed; undo and redo are replayed as voids
 * of the matching new entries. Entries are stamped by the host's clock as always, with source
 * "rehearsal": a rehearsal race's journal is an honest record of the rehearsal.
 */

/** Gaps longer than this (waiting for the gun, for the officials) are cut to it; the first step comes at once. */
export const longestGapMs = 30_000;

/** A rehearsal request: the recording, the speed, whether it takes the boards. */
export type RehearsalCommand = Extract<ProgramCommand, { type: 'rehearsal/started' }>;

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

/** A recording that cannot be replayed; the message says why. */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
}

/** Reads a recorded journal (JSON Lines, one entry per line), naming the line of a bad entry. */
export function parseRecording(text: string): JournalEntry[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new RecordingError(`line ${number}: ${(error as Error).message}`);
      }
      const entry = journalEntrySchema.safeParse(value);
      if (!entry.success)
        throw new RecordingError(`line ${number}: ${describeIssues(entry.error)}`);
      return entry.data;
    });
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

/** The command that replays a recorded entry; a void targets the new entry of its recorded target. */
function replayed(entry: JournalEntry, seqs: ReadonlyMap<number, number>): RaceCommand {
  if (entry.event.type !== 'event/voided') return entry.event;
  const target = seqs.get(entry.event.target);
  if (target === undefined)
    throw new RecordingError(
      `entry #${entry.seq} voids #${entry.event.target}, which the recording does not hold`,
    );
  return { type: 'event/voided', target };
}

/** A rehearsal under way. */
export class Rehearsal {
  private stopped = false;
  private wake: (() => void) | null = null;
  /** Settles when the replay has ended (finished, stopped or failed). */
  readonly done: Promise<void>;
  /** The race the rehearsal runs in, once added. */
  raceId: string | null = null;

  constructor(
    private readonly host: RaceHost,
    private readonly plan: RehearsalPlan,
    private readonly options: { speed: number; onBoards: boolean; log: (line: string) => void },
  ) {
    this.done = this.run().catch((error: unknown) =>
      this.options.log(`rehearsal stopped: ${(error as Error).message}`),
    );
  }

  /** Stops after the step in progress. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  get running(): boolean {
    return !this.stopped;
  }

  private async run(): Promise<void> {
    const { setup } = this.plan;
    const { speed, onBoards, log } = this.options;
    try {
      const added = await this.host.programCommand(
        {
          type: 'race/added',
          title: `Rehearsal · ${setup.title}`.slice(0, 200),
          category: 'Rehearsal',
          round: setup.round,
          qualifiers: setup.qualifiers,
          format: setup.format,
        },
        'rehearsal',
      );
      if (!added.ok || !added.raceId) throw new Error(added.ok ? 'no race was added' : added.error);
      const raceId = (this.raceId = added.raceId);
      log(
        `rehearsal: replaying into race "${raceId}" at ${speed}x (about ${Math.round(this.plan.durationMs / speed / 1000)} s)`,
      );
      // On the boards: the rehearsal race becomes the active one; auto mode then cuts the
      // scenes as its phases come (the same rules as a live race, issue 9).
      if (onBoards) await this.activate(raceId);
      const seqs = new Map<number, number>([[1, 1]]);
      for (const step of this.plan.steps) {
        await this.sleep(step.gapMs / speed);
        if (this.stopped) return;
        const commands = step.entries.map((entry) => replayedOrNull(entry, seqs));
        if (commands.includes(null)) continue;
        const result = await this.host.submit(
          commands.length === 1
            ? { kind: 'single', command: commands[0]! }
            : { kind: 'batch', commands: commands as RaceCommand[] },
          'rehearsal',
          raceId,
        );
        if (!result.ok) {
          log(
            `rehearsal: skipped #${step.entries[0]!.seq} (${describe(step.entries[0]!.event)}): ${result.error}`,
          );
          continue;
        }
        step.entries.forEach((entry, index) =>
          seqs.set(entry.seq, result.entries?.[index]?.seq ?? -1),
        );
      }
      log(`rehearsal: race "${raceId}" replayed`);
    } finally {
      this.stopped = true;
      registry.get(this.host)?.delete(this);
    }
  }

  private async activate(raceId: string): Promise<void> {
    if (this.stopped || this.host.activeRaceId === raceId) return;
    await this.host.programCommand({ type: 'race/activated', raceId }, 'rehearsal');
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}

function replayedOrNull(
  entry: JournalEntry,
  seqs: ReadonlyMap<number, number>,
): RaceCommand | null {
  try {
    return replayed(entry, seqs);
  } catch {
    return null; // its target was skipped: nothing to void
  }
}

/** Rehearsals under way, per host. */
const registry = new WeakMap<RaceHost, Set<Rehearsal>>();

/** The rehearsals under way on a host. */
export function rehearsals(host: RaceHost): readonly Rehearsal[] {
  return [...(registry.get(host) ?? [])];
}

/**
 * The host's answer to `rehearsal/started`: checks the recording, then replays it in the
 * background (the race is added as the replay's first step, after this command has returned).
 */
export function startRehearsal(
  host: RaceHost,
  command: RehearsalCommand,
  log: (line: string) => void = () => undefined,
): HostResult {
  let plan: RehearsalPlan;
  try {
    plan = planRehearsal(command.recording);
  } catch (error) {
    if (error instanceof RecordingError)
      return { ok: false, status: 400, error: `recording: ${error.message}` };
    throw error;
  }
  const rehearsal = new Rehearsal(host, plan, {
    speed: command.speed,
    onBoards: command.onBoards,
    log,
  });
  const running = registry.get(host) ?? new Set<Rehearsal>();
  running.add(rehearsal);
  registry.set(host, running);
  return { ok: true, revision: host.revision };
}

/** The host's answer to `rehearsal/stopped` (and what closing the host does): stops every rehearsal. */
export function stopRehearsals(host: RaceHost): HostResult {
  const running = rehearsals(host).filter((rehearsal) => rehearsal.running);
  for (const rehearsal of running) rehearsal.stop();
  if (running.length === 0) return { ok: false, status: 404, error: 'no rehearsal is running' };
  return { ok: true, revision: host.revision };
}
