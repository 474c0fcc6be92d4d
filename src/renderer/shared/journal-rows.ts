/**
 * The journal as the operator reads it: every journal entry with its time and source, undo and
 * redo spelled out, voided entries marked, and corrections showing what they replaced. What is
 * in force and what a correction replaced come from the engine's own fold (history.ts), not a
 * fold of the console's.
 */
import type { JournalEntry, RaceEvent } from '../../shared/race/events.ts';
import { describe, describeEntry, foldJournal } from '../../shared/race/history.ts';
import type { RaceState } from '../../shared/race/state.ts';
import { localTime } from './local-time.ts';

/** One line of the journal view. */
export interface JournalRow {
  readonly seq: number;
  /** Local clock time of intake, "15:07:42". */
  readonly time: string;
  readonly source: string;
  /** An event, or a void that undoes one or redoes one (voids a void). */
  readonly kind: 'event' | 'undo' | 'redo';
  /** What happened (for a void: what it undid or redid). */
  readonly text: string;
  /** The journal entry a void targets. */
  readonly target: number | null;
  /** Taken out by a void in force: shown struck through. */
  readonly voided: boolean;
  /** For a correction: what was in force before it ("8 12 10", "laps 9"). */
  readonly replaced: string | null;
  /** An event in force, which the operator may still void. */
  readonly inForce: boolean;
}

/** The rows of a journal in journal order (the view lists them newest first). */
export function journalRows(
  entries: readonly JournalEntry[],
  formatTime: (iso: string) => string = localTime,
): JournalRow[] {
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  // Each entry's words where it stands (a time typed again says what it replaced), so an undo
  // or redo of it reads the same.
  const said = new Map<number, string>();
  const textOf = (seq: number) => {
    const entry = bySeq.get(seq);
    return said.get(seq) ?? (entry ? describe(entry.event) : `#${seq}`);
  };
  const rows: JournalRow[] = [];
  foldJournal(entries, ({ entry, voided, inForce, before }) => {
    const { event } = entry;
    let kind: JournalRow['kind'] = 'event';
    let text = describeEntry(event, before);
    let target: number | null = null;
    if (event.type === 'event/voided') {
      target = event.target;
      const undone = bySeq.get(event.target);
      if (undone?.event.type === 'event/voided') {
        kind = 'redo';
        text = textOf(undone.event.target);
      } else {
        kind = 'undo';
        text = textOf(event.target);
      }
    } else said.set(entry.seq, text);
    rows.push({
      seq: entry.seq,
      time: formatTime(entry.at),
      source: entry.source,
      kind,
      text,
      target,
      voided,
      replaced: kind === 'event' ? replacedBy(event, before) : null,
      inForce,
    });
  });
  return rows;
}

/** What a correction replaced, from the state of the entries in force before it. */
function replacedBy(event: RaceEvent, before: RaceState): string | null {
  if (event.type === 'sprint/placed') {
    const placed = before.sprints[event.sprint - 1] ?? [];
    return placed.length > 0 ? placed.join(' ') : null;
  }
  if (event.type === 'finish/recorded')
    return before.finishOrder.length > 0 ? before.finishOrder.join(' ') : null;
  if (event.type === 'laps/corrected') return `${before.lapsCompleted}`;
  return null;
}
