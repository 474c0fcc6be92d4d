/**
 * The journal as the operator reads it: every entry with its time and source, undo and redo
 * spelled out, voided entries marked, and corrections showing what they replaced.
 */
import type { JournalEntry, RaceEvent } from '../../shared/race/events.ts';
import { describe } from '../../shared/race/history.ts';

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
  /** The entry a void targets. */
  readonly target: number | null;
  /** Taken out by a void in force: shown struck through. */
  readonly voided: boolean;
  /** For a correction: what was in force before it ("8 12 10", "laps 9"). */
  readonly replaced: string | null;
  /** An event in force, which the operator may still void. */
  readonly inForce: boolean;
}

/** Local "HH:MM:SS" of an ISO time (the operator's wall clock). */
export function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The rows of a journal in journal order (the view lists them newest first). */
export function journalRows(
  entries: readonly JournalEntry[],
  voided: readonly number[],
  formatTime: (iso: string) => string = localTime,
): JournalRow[] {
  const out = new Set(voided);
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const inForceBefore: JournalEntry[] = [];
  return entries.map((entry) => {
    const { event } = entry;
    let kind: JournalRow['kind'] = 'event';
    let text = describe(event);
    let target: number | null = null;
    if (event.type === 'event/voided') {
      target = event.target;
      const undone = bySeq.get(event.target);
      if (undone?.event.type === 'event/voided') {
        kind = 'redo';
        const redone = bySeq.get(undone.event.target);
        text = redone ? describe(redone.event) : `#${undone.event.target}`;
      } else {
        kind = 'undo';
        text = undone ? describe(undone.event) : `#${event.target}`;
      }
    }
    const replaced = kind === 'event' ? replacedBy(event, inForceBefore) : null;
    const voidedNow = out.has(entry.seq);
    if (kind === 'event' && !voidedNow) inForceBefore.push(entry);
    return {
      seq: entry.seq,
      time: formatTime(entry.at),
      source: entry.source,
      kind,
      text,
      target,
      voided: voidedNow,
      replaced,
      inForce: kind === 'event' && !voidedNow,
    };
  });
}

/** What a correction replaced, from the entries in force before it; null for other events. */
function replacedBy(event: RaceEvent, before: readonly JournalEntry[]): string | null {
  if (event.type === 'sprint/placed') {
    let placed: readonly number[] = [];
    for (const { event: e } of before)
      if (e.type === 'sprint/placed' && e.sprint === event.sprint) placed = e.bibs;
    return placed.length > 0 ? placed.join(' ') : null;
  }
  if (event.type === 'finish/recorded') {
    const order = finishOrderOf(before);
    return order.length > 0 ? order.join(' ') : null;
  }
  if (event.type === 'laps/corrected') {
    let laps = 0;
    for (const { event: e } of before) {
      if (e.type === 'lap/completed') laps += 1;
      if (e.type === 'laps/corrected') laps = e.lapsCompleted;
    }
    return `${laps}`;
  }
  return null;
}

function finishOrderOf(before: readonly JournalEntry[]): number[] {
  let order: number[] = [];
  for (const { event } of before) {
    if (event.type === 'finish/recorded') order = [...event.bibs];
    if (event.type === 'finish/appended') order = [...order, ...event.bibs];
  }
  return order;
}
