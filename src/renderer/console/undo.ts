/**
 * What Ctrl+Z and Ctrl+Shift+Z would do, read from the race journal the way the host decides
 * it (src/shared/race/history.ts: undo voids the newest entry in force, redo voids the newest
 * undo while nothing came after it), so the console can say it before the key is pressed
 * (issue 9: an undo after a refused entry took out the lap before it, unannounced).
 */
import type { JournalEntry, RaceEvent, RaceEventType } from '../../shared/race/events.ts';
import { describe, foldJournal, voidedEntries } from '../../shared/race/history.ts';
import { lapsToGo } from '../../shared/race/progress.ts';

/** One undo or redo as the operator reads it. */
export interface UndoStep {
  readonly kind: 'undo' | 'redo';
  /** The entry whose effect goes (undo) or comes back (redo). */
  readonly seq: number;
  readonly type: RaceEventType;
  /** The journal's words for it: "lap completed", "sprint 1: 4 8 7". */
  readonly text: string;
  /** Laps to go before and after, when they change. */
  readonly lapsToGo: { readonly before: number; readonly after: number } | null;
  /** The sprint whose placings it takes out or brings back. */
  readonly sprint: number | null;
}

/** Undo and redo of a journal, and whether the journal is the race's newest. */
export interface UndoPreview {
  readonly undo: UndoStep | null;
  readonly redo: UndoStep | null;
}

/** The entry undo would void: the newest event in force. */
function undoTarget(entries: readonly JournalEntry[], voided: ReadonlySet<number>) {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.event.type !== 'event/voided' && !voided.has(entry.seq)) return entry;
  }
  return null;
}

/** The undo entry redo would void (the newest undo in force with nothing after it but redos). */
function redoTarget(entries: readonly JournalEntry[], voided: ReadonlySet<number>) {
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (voided.has(entry.seq)) continue;
    if (entry.event.type !== 'event/voided') return null;
    const target = bySeq.get(entry.event.target);
    if (target && target.event.type !== 'event/voided') return { void: entry, restored: target };
  }
  return null;
}

function step(
  kind: UndoStep['kind'],
  entries: readonly JournalEntry[],
  voidSeq: number,
  affected: JournalEntry,
): UndoStep {
  const last = entries[entries.length - 1];
  const voidEntry: JournalEntry = {
    seq: (last?.seq ?? 0) + 1,
    at: last?.at ?? '',
    source: 'preview',
    event: { type: 'event/voided', target: voidSeq },
  };
  const before = lapsToGo(foldJournal(entries).state);
  const after = lapsToGo(foldJournal([...entries, voidEntry]).state);
  const event: RaceEvent = affected.event;
  return {
    kind,
    seq: affected.seq,
    type: event.type,
    text: describe(event),
    lapsToGo: before === after ? null : { before, after },
    sprint: event.type === 'sprint/placed' ? event.sprint : null,
  };
}

/** What undo and redo would do to this journal. */
export function undoPreview(entries: readonly JournalEntry[]): UndoPreview {
  const voided = voidedEntries(entries);
  const undone = undoTarget(entries, voided);
  const redone = redoTarget(entries, voided);
  return {
    undo: undone ? step('undo', entries, undone.seq, undone) : null,
    redo: redone ? step('redo', entries, redone.void.seq, redone.restored) : null,
  };
}

/**
 * The entry an accepted undo or redo affected, from the void the host wrote: its target (undo)
 * or its target's target (redo).
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
