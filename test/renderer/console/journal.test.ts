import { describe, expect, it } from 'vitest';
import { journalRows } from '../../../src/renderer/console/journal.ts';
import type { JournalEntry, RaceEvent } from '../../../src/shared/race/events.ts';

const entry = (seq: number, event: RaceEvent, source = 'ws'): JournalEntry => ({
  seq,
  at: `2026-02-21T14:00:${String(seq).padStart(2, '0')}.000Z`,
  source,
  event,
});
const clock = (iso: string) => iso.slice(11, 19);

describe('journalRows: the journal as the operator reads it', () => {
  const entries: JournalEntry[] = [
    entry(1, { type: 'race/started' }),
    entry(2, { type: 'lap/completed' }, 'osc'),
    entry(3, { type: 'lap/completed' }, 'osc'),
    entry(4, { type: 'event/voided', target: 3 }),
    entry(5, { type: 'event/voided', target: 4 }),
    entry(6, { type: 'lap/completed' }, 'osc'),
    entry(7, { type: 'sprint/placed', sprint: 1, bibs: [8, 12, 10] }),
    entry(8, { type: 'sprint/placed', sprint: 1, bibs: [8, 10, 12] }),
    entry(9, { type: 'laps/corrected', lapsCompleted: 4 }),
  ];
  // 4 undid 3, 5 (redo) voided that undo: 3 is in force again, 4 is out.
  const voided = [4];
  const rows = journalRows(entries, voided, clock);

  it('gives every entry its time and source', () => {
    expect(rows.map((row) => [row.seq, row.time, row.source])).toEqual(
      entries.map((e) => [e.seq, e.at.slice(11, 19), e.source]),
    );
  });

  it('spells out undo and redo with what they undid or redid', () => {
    expect(rows[3]).toMatchObject({ kind: 'undo', target: 3, text: 'lap completed', voided: true });
    expect(rows[4]).toMatchObject({
      kind: 'redo',
      target: 4,
      text: 'lap completed',
      voided: false,
    });
  });

  it('marks voided entries, and only events in force can still be voided', () => {
    expect(rows.filter((row) => row.voided).map((row) => row.seq)).toEqual([4]);
    expect(rows.filter((row) => row.inForce).map((row) => row.seq)).toEqual([1, 2, 3, 6, 7, 8, 9]);
  });

  it('shows what a correction replaced', () => {
    expect(rows[6]!.replaced).toBeNull();
    expect(rows[7]).toMatchObject({ text: 'sprint 1: 8 10 12', replaced: '8 12 10' });
    expect(rows[8]).toMatchObject({ text: 'laps corrected to 4 completed', replaced: '3' });
  });
});
