import { applyEvent } from './apply.ts';
import { RaceRuleError } from './errors.ts';
import type { JournalEntry, RaceCommand, RaceEvent } from './events.ts';
import { emptyRaceState, type RaceState } from './state.ts';

/** An entry that cannot be applied where it stands in the journal. */
export interface FoldProblem {
  readonly seq: number;
  readonly message: string;
}

/** The state a journal establishes, with the entries that voids took out. */
export interface FoldResult {
  readonly state: RaceState;
  /** Sequence numbers of entries that an effective void took out. */
  readonly voided: ReadonlySet<number>;
  readonly problems: readonly FoldProblem[];
}

/**
 * Entries taken out by voids. A void only counts if it is not itself voided, so walk from the
 * newest entry back: redo (a void of a void) brings its target's target back.
 */
export function voidedEntries(entries: readonly JournalEntry[]): Set<number> {
  const voided = new Set<number>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.event.type === 'event/voided' && !voided.has(entry.seq)) {
      voided.add(entry.event.target);
    }
  }
  return voided;
}

/** Folds a journal into the race state: pure, so a journal replays to the same state forever. */
export function foldJournal(entries: readonly JournalEntry[]): FoldResult {
  const voided = voidedEntries(entries);
  const problems: FoldProblem[] = [];
  let state = emptyRaceState;
  for (const entry of entries) {
    if (entry.event.type === 'event/voided' || voided.has(entry.seq)) continue;
    try {
      state = applyEvent(state, entry.event);
    } catch (error) {
      if (!(error instanceof RaceRuleError)) throw error;
      problems.push({ seq: entry.seq, message: error.message });
    }
  }
  return { state, voided, problems };
}

/** Where an accepted command came from and when the host received it. */
export interface CommandMeta {
  readonly at: string;
  readonly source: string;
}

/** The outcome of a command: the entry to journal and the state after it, or the refusal. */
export type Decision =
  | {
      readonly ok: true;
      readonly entry: JournalEntry;
      readonly state: RaceState;
      readonly voided: ReadonlySet<number>;
    }
  | { readonly ok: false; readonly error: string };

/**
 * One race's journal in memory with the state it folds to. `decide` never changes anything;
 * `commit` appends an accepted decision (after the host has made it durable).
 */
export class RaceHistory {
  private readonly log: JournalEntry[];
  private current: FoldResult;

  constructor(entries: readonly JournalEntry[] = [], folded?: FoldResult) {
    this.log = [...entries];
    this.current = folded ?? foldJournal(this.log);
  }

  /** A scratch copy to decide a batch on, without folding the journal again (states are immutable). */
  fork(): RaceHistory {
    return new RaceHistory(this.log, this.current);
  }

  /** Entries in journal order. */
  get entries(): readonly JournalEntry[] {
    return this.log;
  }

  get state(): RaceState {
    return this.current.state;
  }

  get voided(): ReadonlySet<number> {
    return this.current.voided;
  }

  /** Entries the journal holds that could not be applied (empty for a journal this code wrote). */
  get problems(): readonly FoldProblem[] {
    return this.current.problems;
  }

  /** Sequence number the next entry gets. */
  get nextSeq(): number {
    return (this.log[this.log.length - 1]?.seq ?? 0) + 1;
  }

  /** Validates a command against the rules; the journal and state stay as they are. */
  decide(command: RaceCommand, meta: CommandMeta): Decision {
    try {
      const event = this.toEvent(command);
      const entry: JournalEntry = { seq: this.nextSeq, at: meta.at, source: meta.source, event };
      if (event.type !== 'event/voided') {
        return { ok: true, entry, state: applyEvent(this.state, event), voided: this.voided };
      }
      return this.decideVoid(entry, event.target);
    } catch (error) {
      if (error instanceof RaceRuleError) return { ok: false, error: error.message };
      throw error;
    }
  }

  /** Appends an accepted decision; it must be the latest one decided on this history. */
  commit(decision: Extract<Decision, { ok: true }>): void {
    if (decision.entry.seq !== this.nextSeq) {
      throw new Error(
        `stale decision: entry ${decision.entry.seq}, journal expects ${this.nextSeq}`,
      );
    }
    this.log.push(decision.entry);
    this.current = { state: decision.state, voided: decision.voided, problems: this.problems };
  }

  /** Whether an entry is in force (not voided, and not itself a void). */
  isInForce(seq: number): boolean {
    const entry = this.find(seq);
    return entry !== undefined && entry.event.type !== 'event/voided' && !this.voided.has(seq);
  }

  /** The entry with this sequence number. */
  find(seq: number): JournalEntry | undefined {
    const guess = this.log[seq - 1];
    return guess?.seq === seq ? guess : this.log.find((entry) => entry.seq === seq);
  }

  private toEvent(command: RaceCommand): RaceEvent {
    if (command.type === 'undo') return { type: 'event/voided', target: this.undoTarget() };
    if (command.type === 'redo') return { type: 'event/voided', target: this.redoTarget() };
    return command;
  }

  /** Undo takes out the newest entry in force. */
  private undoTarget(): number {
    for (let i = this.log.length - 1; i >= 0; i--) {
      const entry = this.log[i]!;
      if (entry.event.type !== 'event/voided' && !this.voided.has(entry.seq)) return entry.seq;
    }
    throw new RaceRuleError('there is nothing to undo');
  }

  /** Redo voids the newest undo still in force, unless a new action came after it. */
  private redoTarget(): number {
    for (let i = this.log.length - 1; i >= 0; i--) {
      const entry = this.log[i]!;
      if (this.voided.has(entry.seq)) continue;
      if (entry.event.type !== 'event/voided') break;
      const target = this.find(entry.event.target);
      if (target && target.event.type !== 'event/voided') return entry.seq;
    }
    throw new RaceRuleError('there is nothing to redo');
  }

  private decideVoid(entry: JournalEntry, target: number): Decision {
    const targetEntry = this.find(target);
    if (!targetEntry) throw new RaceRuleError(`journal entry ${target} does not exist`);
    if (this.voided.has(target))
      throw new RaceRuleError(`journal entry ${target} is already voided`);
    const result = foldJournal([...this.log, entry]);
    const broken = result.problems.find(
      (problem) => !this.problems.some((p) => p.seq === problem.seq),
    );
    // Official results take no change; the one void allowed is the one that reopens them.
    if (this.state.official && (broken || result.state.official)) {
      throw new RaceRuleError('the results are official: reopen them before changing anything');
    }
    if (broken) {
      const what = describe(targetEntry.event);
      const dependent = this.find(broken.seq);
      throw new RaceRuleError(
        `cannot void #${target} (${what}): #${broken.seq} (${dependent ? describe(dependent.event) : '?'}) depends on it (${broken.message}); void that first`,
      );
    }
    return { ok: true, entry, state: result.state, voided: result.voided };
  }
}

/** A short operator-facing description of an event, for journal views and messages. */
export function describe(event: RaceEvent): string {
  switch (event.type) {
    case 'race/configured':
      return `race set up: ${event.title}`;
    case 'startList/set':
      return `start list of ${event.skaters.length}`;
    case 'skater/edited':
      return `skater ${event.bib} edited`;
    case 'race/started':
      return 'race started';
    case 'lap/completed':
      return 'lap completed';
    case 'laps/corrected':
      return `laps corrected to ${event.lapsCompleted} completed`;
    case 'sprint/placed':
      return `sprint ${event.sprint}: ${event.bibs.join(' ')}`;
    case 'finish/recorded':
      return `finish order: ${event.bibs.join(' ') || '(cleared)'}`;
    case 'finish/appended':
      return `finish order + ${event.bibs.join(' ')}`;
    case 'finish/timed':
      return `time of ${event.bib}`;
    case 'skater/statusChanged':
      return `skater ${event.bib} ${event.status}${event.laps === undefined ? '' : ` after ${event.laps} laps`}`;
    case 'qualifier/advanced':
      return `skater ${event.bib} advanced (q)`;
    case 'results/confirmed':
      return 'results official';
    case 'results/reopened':
      return 'results reopened';
    case 'event/voided':
      return `void of #${event.target}`;
  }
}
