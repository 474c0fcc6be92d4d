import { applyEntry, type RuleOptions } from './apply.ts';
import { RaceRuleError, type RefusalCode, type RefusalParams } from './errors.ts';
import type { JournalEntry, RaceCommand, RaceEvent } from './events.ts';
import { checkIntake } from './intake.ts';
import { emptyRaceState, type RaceState } from './state.ts';
import { formatRaceTime } from '../text.ts';

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

/** One journal entry as the fold meets it (for views that show the journal entry by entry). */
export interface FoldStep {
  readonly entry: JournalEntry;
  /** Taken out by a void in force (a void itself can be: that is a redo). */
  readonly voided: boolean;
  /** An event that counts: not a void, and not voided. */
  readonly inForce: boolean;
  /** The state of the entries in force before this one. */
  readonly before: RaceState;
}

/**
 * Folds a journal into the race state: pure, so a journal replays to the same state forever.
 * `visit` sees each entry with the state before it, in journal order.
 */
export function foldJournal(
  entries: readonly JournalEntry[],
  visit?: (step: FoldStep) => void,
): FoldResult {
  const voided = voidedEntries(entries);
  const problems: FoldProblem[] = [];
  let state = emptyRaceState;
  for (const entry of entries) {
    const out = voided.has(entry.seq);
    const inForce = entry.event.type !== 'event/voided' && !out;
    visit?.({ entry, voided: out, inForce, before: state });
    if (!inForce) continue;
    try {
      state = applyEntry(state, entry);
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

/**
 * A command the rules refuse: the operator's words, and a code with what it names (`params.bib`:
 * the skater it is about), so a view can place it next to that helmet number and word it.
 */
export interface RuleRefusal {
  readonly ok: false;
  readonly error: string;
  readonly code: RefusalCode;
  readonly params: RefusalParams;
}

/** The outcome of a command: the entry to journal and the state after it, or the refusal. */
export type Decision =
  | {
      readonly ok: true;
      readonly entry: JournalEntry;
      readonly state: RaceState;
      readonly voided: ReadonlySet<number>;
    }
  | RuleRefusal;

/** What the lap key means in this state: the start before the gun, then the leader's lap. */
export function lapEvent(state: RaceState): RaceEvent {
  return state.started ? { type: 'lap/completed' } : { type: 'race/started' };
}

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

  /**
   * A history that starts at a known state, without its journal (a view's pushed race state):
   * it decides events exactly as the host does on that state, but has nothing to undo.
   */
  static at(state: RaceState): RaceHistory {
    return new RaceHistory([], { state, voided: new Set(), problems: [] });
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

  /**
   * Validates a command against the rules; the journal and state stay as they are. The host
   * checks all rules, then the rules of intake (intake.ts: never checked by the fold);
   * `{ moment: false }` leaves out those of the race's moment (started, laps to go, official),
   * for a view's pre-check of what was entered.
   */
  decide(command: RaceCommand, meta: CommandMeta, rules?: RuleOptions): Decision {
    try {
      const event = this.toEvent(command);
      const entry: JournalEntry = { seq: this.nextSeq, at: meta.at, source: meta.source, event };
      if (event.type !== 'event/voided') {
        const state = applyEntry(this.state, entry, rules);
        checkIntake(this.state, event);
        return { ok: true, entry, state, voided: this.voided };
      }
      return this.decideVoid(entry, event.target);
    } catch (error) {
      if (!(error instanceof RaceRuleError)) throw error;
      return { ok: false, error: error.message, code: error.code, params: error.params };
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

  /**
   * Entries decided elsewhere (a standby copying its primary, issue 20), folded onto this
   * history as a restart would: one by one, or the whole journal again when one is a void (it
   * can take out an earlier entry). Changes nothing: `take` appends them once they are durable.
   * Returns the first entry that cannot be applied instead.
   */
  foldOn(entries: readonly JournalEntry[]): FoldResult | FoldProblem {
    if (entries.some((entry) => entry.event.type === 'event/voided')) {
      const folded = foldJournal([...this.log, ...entries]);
      return folded.problems.length > this.problems.length ? folded.problems.at(-1)! : folded;
    }
    let state = this.state;
    for (const entry of entries) {
      try {
        state = applyEntry(state, entry);
      } catch (error) {
        if (!(error instanceof RaceRuleError)) throw error;
        return { seq: entry.seq, message: error.message };
      }
    }
    return { state, voided: this.voided, problems: this.problems };
  }

  /** Appends entries with the fold `foldOn` made of them. */
  take(entries: readonly JournalEntry[], folded: FoldResult): void {
    this.log.push(...entries);
    this.current = folded;
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

  /** The commands that are not events become the event they stand for now. */
  private toEvent(command: RaceCommand): RaceEvent {
    switch (command.type) {
      case 'undo': {
        const target = this.undoTarget();
        if (target === null) throw new RaceRuleError('nothingToUndo', 'there is nothing to undo');
        return { type: 'event/voided', target };
      }
      case 'redo': {
        const target = this.redoTarget();
        if (target === null) throw new RaceRuleError('nothingToRedo', 'there is nothing to redo');
        return { type: 'event/voided', target };
      }
      case 'lap':
        return lapEvent(this.state);
      default:
        return command;
    }
  }

  /** The entry undo would void: the newest entry in force (null: nothing to undo). */
  undoTarget(): number | null {
    for (let i = this.log.length - 1; i >= 0; i--) {
      const entry = this.log[i]!;
      if (entry.event.type !== 'event/voided' && !this.voided.has(entry.seq)) return entry.seq;
    }
    return null;
  }

  /**
   * The entry redo would void: the newest undo still in force, unless a new action came after
   * it (null: nothing to redo).
   */
  redoTarget(): number | null {
    for (let i = this.log.length - 1; i >= 0; i--) {
      const entry = this.log[i]!;
      if (this.voided.has(entry.seq)) continue;
      if (entry.event.type !== 'event/voided') break;
      const target = this.find(entry.event.target);
      if (target && target.event.type !== 'event/voided') return entry.seq;
    }
    return null;
  }

  private decideVoid(entry: JournalEntry, target: number): Decision {
    const targetEntry = this.find(target);
    const seq = { seq: target };
    if (!targetEntry)
      throw new RaceRuleError('noSuchEntry', `journal entry ${target} does not exist`, seq);
    if (this.voided.has(target))
      throw new RaceRuleError('alreadyVoided', `journal entry ${target} is already voided`, seq);
    const result = foldJournal([...this.log, entry]);
    const broken = result.problems.find(
      (problem) => !this.problems.some((p) => p.seq === problem.seq),
    );
    // Official results take no change; the one void allowed is the one that reopens them.
    if (this.state.official && (broken || result.state.official)) {
      throw new RaceRuleError(
        'official',
        'the results are official: reopen them before changing anything',
      );
    }
    if (broken) {
      const what = describe(targetEntry.event);
      const dependent = this.find(broken.seq);
      throw new RaceRuleError(
        'voidBreaks',
        `cannot void #${target} (${what}): #${broken.seq} (${dependent ? describe(dependent.event) : '?'}) depends on it (${broken.message}); void that first`,
        { seq: target, dependent: broken.seq },
      );
    }
    return { ok: true, entry, state: result.state, voided: result.voided };
  }
}

/** A command in the operator's words: "undo", "lap", "lap completed", "sprint 1: 4 9 3". */
export function describeCommand(command: RaceCommand): string {
  return command.type === 'undo' || command.type === 'redo' || command.type === 'lap'
    ? command.type
    : describe(command);
}

/**
 * An event in the journal's words where it stands: `describe`, and for a time typed again what
 * it replaced (issue 19: "time of #7: 8:04.15 (was 8:04.51)"). `before` is the state of the
 * entries in force without it.
 */
export function describeEntry(event: RaceEvent, before: RaceState): string {
  const text = describe(event);
  if (event.type !== 'finish/timed') return text;
  const was = before.times[event.bib];
  return was === undefined ? text : `${text} (was ${formatRaceTime(was)})`;
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
      return `time of #${event.bib}: ${formatRaceTime(event.time)}`;
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
