import { describe, expect, it } from 'vitest';
import { correctionLines } from '../../../src/renderer/commentator/model/corrections.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { voidedEntries } from '../../../src/shared/race/history.ts';
import { journalAfter, lapsRun } from './fixtures.ts';

const lap: RaceCommand = { type: 'lap/completed' };
const clock = (iso: string) => iso.slice(11, 19);

/** The journal as the host pushes it (src/renderer/shared/pushes.ts), for race `raceId`. */
function journalOf(commands: RaceCommand[], raceId = 'men-semi-1') {
  const entries = journalAfter(commands);
  return { raceId, entries, voided: [...voidedEntries(entries)] };
}

describe('correctionLines: corrections as they happen, from the journal', () => {
  // 1 configured, 2 start list, 3 started, 4-7 laps, 8 sprint 1, 9 sprint 1 again (a swap),
  // 10 a lap, 11 undo of 10, 12 redo (void of 11), 13 laps corrected, 14 a DQ.
  const journal = journalOf([
    ...lapsRun(4),
    { type: 'sprint/placed', sprint: 1, bibs: [3, 5, 12] },
    { type: 'sprint/placed', sprint: 1, bibs: [3, 12, 5] },
    lap,
    { type: 'undo' },
    { type: 'redo' },
    { type: 'laps/corrected', lapsCompleted: 6 },
    { type: 'skater/statusChanged', bib: 7, status: 'DQ' },
  ]);

  it('lists undo, redo, re-entries with what they replaced, and the referee’s decisions, newest first', () => {
    const lines = correctionLines(journal, 'men-semi-1', clock);
    expect(lines.map((line) => [line.seq, line.kind, line.text, line.voided])).toEqual([
      [14, 'decision', 'skater 7 DQ', false],
      [13, 'correction', 'laps corrected to 6 completed (was 5)', false],
      [12, 'redo', 'redo of #11: lap completed', false],
      [11, 'undo', 'undo of #10: lap completed', true],
      [9, 'correction', 'sprint 1: 3 12 5 (was 3 5 12)', false],
    ]);
    expect(lines[0]!.time).toBe('14:00:14');
  });

  it('leaves out what is no correction: laps, a first sprint placing, the start', () => {
    const plain = journalOf([
      ...lapsRun(4),
      { type: 'sprint/placed', sprint: 1, bibs: [3, 5, 12] },
    ]);
    expect(correctionLines(plain, 'men-semi-1', clock)).toEqual([]);
  });

  it('a time typed again says what it replaced', () => {
    const timed = journalOf([
      ...lapsRun(15),
      lap,
      { type: 'finish/recorded', bibs: [3] },
      { type: 'finish/timed', bib: 3, time: 484_510 },
      { type: 'finish/timed', bib: 3, time: 484_150 },
    ]);
    expect(correctionLines(timed, 'men-semi-1', clock).map((line) => line.text)).toEqual([
      'time of #3: 8:04.15 (was 8:04.51)',
    ]);
  });

  it('a journal of another race (the page follows the active one) counts as none', () => {
    expect(correctionLines(journal, 'men-semi-2', clock)).toEqual([]);
    expect(correctionLines(null, 'men-semi-1', clock)).toEqual([]);
  });
});
