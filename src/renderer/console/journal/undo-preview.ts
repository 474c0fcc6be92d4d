/**
 * What Ctrl+Z and Ctrl+Shift+Z would do, decided by the engine itself on the race journal
 * (src/shared/race/history.ts: undo voids the newest journal entry in force, redo voids the
 * newest undo while nothing came after it), so the console can say it before the key is pressed
 * (issue 9: an undo after a refused entry took out the lap before it, unannounced).
 */
import type { JournalEntry, RaceEventType } from '../../../shared/race/events.ts';
import { describe, describeEntry, RaceHistory } from '../../../shared/race/history.ts';
import { lapsToGo } from '../../../shared/race/progress.ts';

/** One undo or redo as the operator reads it. */
export interface UndoStep {
  readonly kind: 'undo' | 'redo';
  /** The journal entry whose effect goes (undo) or comes back (redo). */
  readonly seq: number;
  readonly type: RaceEventType;
  /**
   * The journal's words for it: "lap completed", "sprint 1: 4 8 7", "time of #7: 8:04.15 (was
   * 8:04.51)".
   */
  readonly text: string;
  /** Laps to go before and after, when they change. */
  readonly lapsToGo: { readonly before: number; readonly after: number } | null;
  /** The sprint whose placings it takes out or brings back. */
  readonly sprint: number | null;
}

/** What undo and redo would do to a journal. */
export interface UndoPreview {
  readonly undo: UndoStep | null;
  readonly redo: UndoStep | null;
}

/**
 * The step of an undo or redo: the journal entry it affects, and the laps to go the engine's
 * decision leaves (unchanged when the engine would refuse it, e.g. official results).
 */
function step(history: RaceHistory, kind: UndoStep['kind']): UndoStep | null {
  const voidTarget = kind === 'undo' ? history.undoTarget() : history.redoTarget();
  const target = voidTarget === null ? undefined : history.find(voidTarget);
  if (!target) return null;
  // A redo voids an undo: what comes back is the undo's own target.
  const affected =
    kind === 'redo' && target.event.type === 'event/voided'
      ? history.find(target.event.target)
      : target;
  if (!affected) return null;
  const decision = history.decide({ type: kind }, { at: '', source: 'preview' });
  const before = lapsToGo(history.state);
  const after = decision.ok ? lapsToGo(decision.state) : before;
  const { event } = affected;
  // The race without the entry: after an undo of it, before a redo of it (a time typed again
  // says what it replaced, issue 19).
  const without = kind === 'redo' ? history.state : decision.ok ? decision.state : null;
  return {
    kind,
    seq: affected.seq,
    type: event.type,
    text: without ? describeEntry(event, without) : describe(event),
    lapsToGo: before === after ? null : { before, after },
    sprint: event.type === 'sprint/placed' ? event.sprint : null,
  };
}

/** What undo and redo would do to this journal. */
export function undoPreview(entries: readonly JournalEntry[]): UndoPreview {
  const history = new RaceHistory(entries);
  return { undo: step(history, 'undo'), redo: step(history, 'redo') };
}

/**
 * The journal entry an accepted undo or redo affected, from the void the host wrote: its
 * target (undo) or its target's target (redo).
 */
export function affectedSeq(
  kind: UndoStep['kind'],
  written: JournalEntry | undefined,
  entries: readonly JournalEntry[],
): number | null {
  const event = written?.event;
  if (event?.type !== 'event/voided') return null;
  if (kind === 'undo') return event.target;
  const undo = entries.find((entry) => entry.seq === event.target);
  return undo?.event.type === 'event/voided' ? undo.event.target : null;
}
