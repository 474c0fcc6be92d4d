/**
 * The operator's corrections of a race (issue 21, the race report): every journal entry that
 * undid, redid or corrected another, with its time and source. Nothing is ever deleted from a
 * journal (docs/architecture.md, "Events, not setters"), so the report can list them all: undo and
 * redo (voids), a lap count corrected, a sprint or a finish order entered again, a time typed
 * again, a status changed back, a skater edited, the results reopened. What each replaced is read
 * from the engine's own fold (history.ts): the state of the entries in force before it.
 */
import type { JournalEntry, RaceEvent } from '../race/events.ts';
import { describe, describeEntry, foldJournal } from '../race/history.ts';
import type { RaceState } from '../race/state.ts';
import { localTimeText } from '../results/local-time.ts';

/** One correction. */
export interface RaceCorrection {
  readonly seq: number;
  /** The host's ISO time of the entry. */
  readonly at: string;
  /** Its clock time in the meeting's zone, "15:42:10 CET". */
  readonly time: string;
  /** Who sent it: console, http, timing, menu ... */
  readonly source: string;
  readonly kind: 'undo' | 'redo' | 'correction';
  /** What it did, in the journal's words, with what it replaced. */
  readonly text: string;
  /** The entry that undid this one since (it is not in force), or null. */
  readonly undoneBy: number | null;
}

const list = (bibs: readonly number[]) => bibs.join(' ');

/** A correction's words, or null when the event replaced nothing (a first entry of its kind). */
function correctionText(event: RaceEvent, before: RaceState): string | null {
  switch (event.type) {
    case 'laps/corrected':
      return `${describe(event)} (was ${before.lapsCompleted})`;
    case 'sprint/placed': {
      const placed = before.sprints[event.sprint - 1] ?? [];
      return placed.length > 0 ? `${describe(event)} (was ${list(placed)})` : null;
    }
    case 'finish/recorded':
      return before.finishOrder.length > 0
        ? `${describe(event)} (was ${list(before.finishOrder)})`
        : null;
    case 'finish/timed':
      return before.times[event.bib] === undefined ? null : describeEntry(event, before);
    case 'skater/statusChanged': {
      const was = before.status[event.bib];
      return was === undefined ? null : `${describe(event)} (was ${was})`;
    }
    case 'skater/edited': {
      const fields = Object.keys(event).filter((key) => key !== 'type' && key !== 'bib');
      return `${describe(event)}: ${fields.join(', ')}`;
    }
    case 'startList/set':
      return before.skaters.length > 0
        ? `start list set again: ${event.skaters.length} skaters (was ${before.skaters.length})`
        : null;
    case 'race/configured':
      return before.configured ? `race set up again: ${event.title}` : null;
    case 'results/reopened':
      return describe(event);
    default:
      return null;
  }
}

/** Every correction in journal order, its time in `timeZone`. */
export function raceCorrections(
  journal: readonly JournalEntry[],
  timeZone: string,
): RaceCorrection[] {
  const bySeq = new Map(journal.map((entry) => [entry.seq, entry]));
  // Who voided each entry (the last void of it in the journal is the one that counts).
  const voidedBy = new Map<number, number>();
  for (const entry of journal)
    if (entry.event.type === 'event/voided') voidedBy.set(entry.event.target, entry.seq);
  const said = new Map<number, string>();
  const words = (seq: number): string => {
    const entry = bySeq.get(seq);
    const text = said.get(seq) ?? (entry ? describe(entry.event) : '?');
    return entry ? `#${seq} ${text}, ${localTimeText(entry.at, timeZone)}` : `#${seq}`;
  };
  const found: RaceCorrection[] = [];
  foldJournal(journal, ({ entry, voided, before }) => {
    const { event } = entry;
    let kind: RaceCorrection['kind'] = 'correction';
    let text: string | null;
    if (event.type === 'event/voided') {
      const target = bySeq.get(event.target);
      if (target?.event.type === 'event/voided') {
        kind = 'redo';
        text = `redo: ${words(target.event.target)}`;
      } else {
        kind = 'undo';
        text = `undo: ${words(event.target)}`;
      }
    } else {
      said.set(entry.seq, describeEntry(event, before));
      text = correctionText(event, before);
    }
    if (text === null) return;
    found.push({
      seq: entry.seq,
      at: entry.at,
      time: localTimeText(entry.at, timeZone),
      source: entry.source,
      kind,
      text,
      undoneBy: voided ? (voidedBy.get(entry.seq) ?? null) : null,
    });
  });
  return found;
}
