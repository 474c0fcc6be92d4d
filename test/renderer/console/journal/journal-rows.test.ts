import { describe, expect, it } from 'vitest';
import { journalRows } from '../../../../src/renderer/shared/journal-rows.ts';
import type { JournalEntry, RaceEvent } from '../../../../src/shared/race/events.ts';
import { isu2018 } from '../../../../src/shared/race/format.ts';
import { semiSkaters } from '../fixtures.ts';

const entry = (seq: number, event: RaceEvent, source = 'ws'): JournalEntry => ({
  seq,
  at: `2026-02-21T14:00:${String(seq).padStart(2, '0')}.000Z`,
  source,
  event,
});
const clock = (iso: string) => iso.slice(11, 19);

describe('journalRows: the journal as the operator reads it', () => {
  // A journal as the host writes it (every entry applies): the engine's fold says what is in
  // force and what a correction replaced.
  const entries: JournalEntry[] = [
    entry(1, {
      type: 'race/configured',
      title: 'Semi',
      round: 'semi',
      qualifiers: 8,
      format: isu2018,
    }),
    entry(2, { type: 'startList/set', skaters: semiSkaters }),
    entry(3, { type: 'race/started' }),
    entry(4, { type: 'lap/completed' }, 'osc'),
    entry(5, { type: 'lap/completed' }, 'osc'),
    entry(6, { type: 'event/voided', target: 5 }),
    entry(7, { type: 'event/voided', target: 6 }),
    entry(8, { type: 'lap/completed' }, 'osc'),
    entry(9, { type: 'sprint/placed', sprint: 1, bibs: [8, 12, 10] }),
    entry(10, { type: 'sprint/placed', sprint: 1, bibs: [8, 10, 12] }),
    entry(11, { type: 'laps/corrected', lapsCompleted: 4 }),
  ];
  // 6 undid 5, 7 (redo) voided that undo: 5 is in force again, 6 is out.
  const rows = journalRows(entries, clock);

  it('gives every entry its time and source', () => {
    expect(rows.map((row) => [row.seq, row.time, row.source])).toEqual(
      entries.map((e) => [e.seq, e.at.slice(11, 19), e.source]),
    );
  });

  it('spells out undo and redo with what they undid or redid', () => {
    expect(rows[5]).toMatchObject({ kind: 'undo', target: 5, text: 'lap completed', voided: true });
    expect(rows[6]).toMatchObject({
      kind: 'redo',
      target: 6,
      text: 'lap completed',
      voided: false,
    });
  });

  it('marks voided entries, and only events in force can still be voided', () => {
    expect(rows.filter((row) => row.voided).map((row) => row.seq)).toEqual([6]);
    expect(rows.filter((row) => row.inForce).map((row) => row.seq)).toEqual([
      1, 2, 3, 4, 5, 8, 9, 10, 11,
    ]);
  });

  it('shows what a correction replaced', () => {
    expect(rows[8]!.replaced).toBeNull();
    expect(rows[9]).toMatchObject({ text: 'sprint 1: 8 10 12', replaced: '8 12 10' });
    expect(rows[10]).toMatchObject({ text: 'laps corrected to 4 completed', replaced: '3' });
  });

  it('a correction replaces only what is in force: an undone placing is not "was"', () => {
    const undone = journalRows(
      [
        ...entries.slice(0, 9),
        entry(10, { type: 'event/voided', target: 9 }),
        entry(11, { type: 'sprint/placed', sprint: 1, bibs: [8, 10, 12] }),
      ],
      clock,
    );
    expect(undone[10]).toMatchObject({ text: 'sprint 1: 8 10 12', replaced: null });
  });
});
