/**
 * Undo and redo that say what they do (issue 9): the preview of what Ctrl+Z / Ctrl+Shift+Z
 * would take out or bring back, and the outcome of the last one, for the race tab and the
 * lap board. An undo carries the revision its preview was read at, so the host refuses it if
 * anything came in since: it never takes out something the operator was not shown.
 */
import { useMemo, useRef, useState } from 'react';
import type { RaceView } from '../../../shared/race/view.ts';
import { affectedSeq, undoPreview, type UndoPreview, type UndoStep } from './undo-preview.ts';
import { refused, type Reply } from '../../../shared/protocol/reply.ts';
import type { HostSession } from '../host/use-host.ts';

/** The last undo or redo and how it went. */
export interface UndoResult {
  /** Counts up with every press, so the lap board's flash starts again each time. */
  readonly id: number;
  readonly kind: UndoStep['kind'];
  readonly raceId: string;
  readonly phase: 'sending' | 'done' | 'refused' | 'notSent';
  /** What it undoes or redoes, when known (from the preview, or the journal after it). */
  readonly step: UndoStep | null;
  /** The entry it affected, from the host's answer. */
  readonly seq: number | null;
  readonly error: string | null;
  readonly stale: boolean;
  /** Shown until the race moves past this revision (a newer action). */
  readonly revision: number;
}

/** Undo and redo as the console drives them. */
export interface UndoState {
  /** What the keys would do now; null while the journal on screen is behind the race. */
  readonly preview: UndoPreview | null;
  readonly last: UndoResult | null;
  readonly undo: () => Promise<Reply>;
  readonly redo: () => Promise<Reply>;
}

/** Undo, redo and their preview for the race on screen. */
export function useUndo(
  session: HostSession,
  race: RaceView | null,
  origin: {
    undo: string;
    redo: string;
  },
): UndoState {
  const { journal } = session;
  // The race revision is the number of journal entries, so the journal pushed with the state is
  // current when they match (after a gap the whole journal follows; until then: no preview).
  const current = journal !== null && race !== null && journal.entries.length === race.revision;
  const preview = useMemo(
    () => (current && journal ? undoPreview(journal.entries) : null),
    [current, journal],
  );
  const [last, setLast] = useState<UndoResult | null>(null);
  const presses = useRef(0);

  const run = async (kind: UndoStep['kind']): Promise<Reply> => {
    if (!race) return refused(404, 'no race is active');
    const id = ++presses.current;
    const expected = preview ? preview[kind] : null;
    const base = { id, kind, raceId: race.id, seq: null, error: null, stale: false };
    setLast({ ...base, phase: 'sending', step: expected, revision: race.revision + 1 });
    const reply = await session.race(
      { commands: [{ type: kind }], revision: race.revision },
      origin[kind],
    );
    const settle = (result: UndoResult) => setLast((shown) => (shown?.id === id ? result : shown));
    if (reply.ok) {
      const seq = affectedSeq(kind, reply.entries?.[0], journal?.entries ?? []);
      const step = expected && (seq === null || expected.seq === seq) ? expected : null;
      settle({
        ...base,
        phase: 'done',
        step,
        seq,
        revision: reply.raceRevision ?? race.revision + 1,
      });
    } else {
      settle({
        ...base,
        phase: reply.status === 0 ? 'notSent' : 'refused',
        step: expected,
        error: reply.error,
        stale: reply.status === 409,
        revision: race.revision,
      });
    }
    return reply;
  };

  const shown =
    last && race && last.raceId === race.id && race.revision <= last.revision ? last : null;
  return { preview, last: shown, undo: () => run('undo'), redo: () => run('redo') };
}
