import type { RaceRequest } from '../../shared/protocol/commands.ts';
import type { ProgramCommand } from '../../shared/protocol/program.ts';
import { refused, type Reply } from '../../shared/protocol/reply.ts';
import type { JournalEntry, RaceCommand } from '../../shared/race/events.ts';
import { describe } from '../../shared/race/history.ts';
import { planRehearsal, replayed, type RehearsalPlan } from '../../shared/rehearsal/plan.ts';
import { RecordingError } from '../../shared/rehearsal/recording.ts';
import { sleep, type Scheduler } from './scheduler.ts';

// The pure parts moved to src/shared/rehearsal/; src/main/cli/demo.ts still imports them here.

/**
 * Rehearsal: replays a recorded race journal into a new race of the host at a chosen speed, as
 * if an operator were running it, so operators can rehearse and a new user sees the boards
 * move. The recording's first entry (race/configured) sets the race up; every later entry is
 * sent again with the recorded gaps divided by the speed, waited on the host's scheduler; undo
 * and redo are replayed as voids of the matching new entries. Entries are stamped by the
 * host's clock as always, with source "rehearsal": a rehearsal race's journal is an honest
 * record of the rehearsal. The plan is src/shared/rehearsal/plan.ts.
 */

/** A rehearsal request: the recording, the speed, whether it takes the boards. */
export type RehearsalCommand = Extract<ProgramCommand, { type: 'rehearsal/started' }>;

/** What a rehearsal drives: the host's commands, as any operator sends them. */
export interface RehearsalTarget {
  programCommand(command: ProgramCommand, source: string): Promise<Reply>;
  submit(request: RaceRequest, source: string, raceId?: string | null): Promise<Reply>;
  readonly activeRaceId: string | null;
  /** The host revision, for the answers. */
  readonly revision: number;
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
    private readonly target: RehearsalTarget,
    private readonly plan: RehearsalPlan,
    private readonly options: {
      speed: number;
      onBoards: boolean;
      scheduler: Scheduler;
      log: (line: string) => void;
    },
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
      const added = await this.target.programCommand(
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
        const result = await this.target.submit(
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
    }
  }

  private async activate(raceId: string): Promise<void> {
    if (this.stopped || this.target.activeRaceId === raceId) return;
    await this.target.programCommand({ type: 'race/activated', raceId }, 'rehearsal');
  }

  private async sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.stopped) return;
    const wait = sleep(this.options.scheduler, ms);
    this.wake = wait.wake;
    await wait.done;
    this.wake = null;
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

/** The rehearsals of one host: the host owns one of these and answers the rehearsal commands with it. */
export class Rehearsals {
  private readonly running = new Set<Rehearsal>();

  constructor(
    private readonly target: RehearsalTarget,
    private readonly options: { scheduler: Scheduler; log: (line: string) => void },
  ) {}

  /** The rehearsals under way. */
  list(): readonly Rehearsal[] {
    return [...this.running];
  }

  /**
   * The answer to `rehearsal/started`: checks the recording, then replays it in the background
   * (the race is added as the replay's first step, after this command has returned).
   */
  start(command: RehearsalCommand): Reply {
    let plan: RehearsalPlan;
    try {
      plan = planRehearsal(command.recording);
    } catch (error) {
      if (error instanceof RecordingError) return refused(400, `recording: ${error.message}`);
      throw error;
    }
    const rehearsal = new Rehearsal(this.target, plan, {
      speed: command.speed,
      onBoards: command.onBoards,
      ...this.options,
    });
    this.running.add(rehearsal);
    void rehearsal.done.then(() => this.running.delete(rehearsal));
    return { ok: true, revision: this.target.revision };
  }

  /** Stops the rehearsals in a race (it is being removed). */
  stopIn(raceId: string): void {
    for (const rehearsal of this.running) if (rehearsal.raceId === raceId) rehearsal.stop();
  }

  /** The answer to `rehearsal/stopped` (and what closing the host does): stops every rehearsal. */
  stopAll(): Reply {
    const running = this.list().filter((rehearsal) => rehearsal.running);
    for (const rehearsal of running) rehearsal.stop();
    if (running.length === 0) return refused(404, 'no rehearsal is running');
    return { ok: true, revision: this.target.revision };
  }
}
