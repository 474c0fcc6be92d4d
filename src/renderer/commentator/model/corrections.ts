/**
 * Corrections as they happen, from the race's journal (the host pushes it to this page: it
 * subscribes with `journal`, which a view token may read): undo and redo with what they took
 * out or brought back, a sprint or finish order entered again with what it replaced, laps
 * corrected, a time typed again, and the referee's status decisions. Worded as the console's
 * journal list words them (src/renderer/shared/journal-rows.ts, the engine's own fold), newest first.
 */
import type { RaceEvent } from '../../../shared/race/events.ts';
import { describe } from '../../../shared/race/history.ts';
import type { JournalCopy } from '../../shared/journal-feed.ts';
import { journalRows } from '../../shared/journal-rows.ts';

/** What kind of change a line is. */
export type CorrectionKind = 'undo' | 'redo' | 'correction' | 'decision';

/** One correction. */
export interface CorrectionLine {
  readonly seq: number;
  /** Local clock time, "15:07:42". */
  readonly time: string;
  readonly kind: CorrectionKind;
  /** "undo of #12: sprint 1: 5 3 6", "sprint 1: 5 6 3 (was 5 3 6)", "skater 7 DQ". */
  readonly text: string;
  /** Taken out since by an undo of its own (shown struck through). */
  readonly voided: boolean;
}

/** Events that are a referee's decision rather than a count (always worth saying on air). */
const decisions: ReadonlySet<RaceEvent['type']> = new Set([
  'skater/statusChanged',
  'qualifier/advanced',
  'results/reopened',
]);

/**
 * The corrections in the journal of the race on screen, newest first (a journal of another
 * race counts as none: the page follows the active race, and the journal may lag a switch).
 */
export function correctionLines(
  journal: JournalCopy | null,
  raceId: string | null,
  formatTime?: (iso: string) => string,
): CorrectionLine[] {
  if (!journal || raceId === null || journal.raceId !== raceId) return [];
  const events = new Map(journal.entries.map((entry) => [entry.seq, entry.event]));
  const lines: CorrectionLine[] = [];
  for (const row of journalRows(journal.entries, formatTime)) {
    const event = events.get(row.seq)!;
    // A time typed again says what it replaced in its own words ("(was 8:04.51)").
    const retimed = row.kind === 'event' && row.text !== describe(event);
    const kind: CorrectionKind | null =
      row.kind !== 'event'
        ? row.kind
        : row.replaced !== null || retimed
          ? 'correction'
          : decisions.has(event.type)
            ? 'decision'
            : null;
    if (kind === null) continue;
    const text =
      row.kind === 'undo' || row.kind === 'redo'
        ? `${row.kind} of #${row.target ?? '?'}: ${row.text}`
        : row.replaced !== null
          ? `${row.text} (was ${row.replaced})`
          : row.text;
    lines.push({ seq: row.seq, time: row.time, kind, text, voided: row.voided });
  }
  return lines.reverse();
}
