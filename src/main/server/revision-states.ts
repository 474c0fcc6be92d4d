import { applyEntry } from '../../shared/race/apply.ts';
import { RaceRuleError } from '../../shared/race/errors.ts';
import type { JournalEntry } from '../../shared/race/events.ts';
import { foldJournal } from '../../shared/race/history.ts';
import { emptyRaceState, type RaceState } from '../../shared/race/state.ts';

/** A race's state at one revision (its journal's first `revision` entries), kept to fold on from. */
interface Checkpoint {
  readonly revision: number;
  readonly state: RaceState;
}

/** The checkpoints of one race's journal, known by its first entry (a race id used again starts over). */
interface RaceCheckpoints {
  readonly first: JournalEntry;
  /** In revision order; the first is revision 0. */
  readonly list: Checkpoint[];
}

/** A checkpoint every this many revisions: a past revision costs at most this many steps. */
const SPACING = 16;

/**
 * The states of a race's past revisions (the public revision URLs, issue 17), folded from the
 * nearest checkpoint instead of from the journal's start: a request costs at most SPACING
 * events whatever the revision (plus, the first time past a void, one fold of its prefix).
 * The state at revision r is `foldJournal` of the first r entries. Stepping on from r - 1 by
 * one event gives the same, because an entry that is not a void changes no earlier entry's
 * standing (and a rule refusal leaves the state as the fold does); a void can take out any
 * earlier entry, so at a void the prefix is folded whole, as the host did when it took the
 * undo (RaceHistory.decideVoid), and kept as a checkpoint.
 */
export class RevisionStates {
  private readonly races = new Map<string, RaceCheckpoints>();

  /** The state of race `id` at `revision` (0 to entries.length). */
  state(id: string, entries: readonly JournalEntry[], revision: number): RaceState {
    if (!Number.isInteger(revision) || revision < 0 || revision > entries.length)
      throw new RangeError(`revision ${revision} of a journal of ${entries.length} entries`);
    const race = this.checkpoints(id, entries);
    const { list } = race;
    let index = list.length - 1;
    while (list[index]!.revision > revision) index--;
    let { state } = list[index]!;
    for (let at = list[index]!.revision + 1; at <= revision; at++) {
      const entry = entries[at - 1]!;
      const { event } = entry;
      if (event.type === 'event/voided') state = foldJournal(entries.slice(0, at)).state;
      else state = stepped(state, entry);
      if (at % SPACING === 0 || event.type === 'event/voided') keep(list, { revision: at, state });
    }
    return state;
  }

  private checkpoints(id: string, entries: readonly JournalEntry[]): RaceCheckpoints {
    const known = this.races.get(id);
    if (known && known.first === entries[0]) return known;
    const fresh = { first: entries[0]!, list: [{ revision: 0, state: emptyRaceState }] };
    this.races.set(id, fresh);
    return fresh;
  }
}

/** One entry applied as foldJournal applies it: a rule refusal leaves the state as it was. */
function stepped(state: RaceState, entry: JournalEntry): RaceState {
  try {
    return applyEntry(state, entry);
  } catch (error) {
    if (!(error instanceof RaceRuleError)) throw error;
    return state;
  }
}

/** Inserts a checkpoint in revision order, once. */
function keep(list: Checkpoint[], checkpoint: Checkpoint): void {
  let index = list.length;
  while (index > 0 && list[index - 1]!.revision > checkpoint.revision) index--;
  if (list[index - 1]?.revision === checkpoint.revision) return;
  list.splice(index, 0, checkpoint);
}
