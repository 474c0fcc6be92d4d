import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import {
  offsetText,
  openProposals,
  proposalEntryText,
  proposalText,
  raceStartedAt,
} from '../../../../src/renderer/console/timing/timing-text.ts';
import type { JournalEntry } from '../../../../src/shared/race/events.ts';
import { foldJournal } from '../../../../src/shared/race/history.ts';
import { raceView } from '../../../../src/shared/race/view.ts';
import { skaters } from '../../../support/race.ts';
import { finish, sprint, timingView } from './timing-fixtures.ts';

const entry = (seq: number, at: string, event: JournalEntry['event']): JournalEntry => ({
  seq,
  at,
  source: 'console',
  event,
});

describe('the timing feed in words', () => {
  it('offers sprints oldest first, then the finish, then laps, then a lap; only the race on screen', () => {
    const lap = { id: 'lap-9', kind: 'lap', lap: 9, leader: 4 } as const;
    const view = timingView({ proposals: [lap, finish([2]), sprint(3, [1]), sprint(2, [5])] });
    expect(openProposals(view, 'men-semi-1').map((p) => p.id)).toEqual([
      'sprint-2',
      'sprint-3',
      'finish-1',
      'lap-9',
    ]);
    expect(openProposals(view, 'other')).toEqual([]);
    expect(openProposals(null, 'men-semi-1')).toEqual([]);
  });

  it('the start of the race is the state’s: a start voided is no start, a lap before it starts the race', () => {
    const setUp = [
      entry(1, '2026-02-21T14:59:00.000Z', { type: 'startList/set', skaters: skaters(3) }),
      entry(2, '2026-02-21T15:00:00.000Z', { type: 'race/started' }),
      entry(3, '2026-02-21T15:00:05.000Z', { type: 'event/voided', target: 2 }),
    ];
    const at = (entries: JournalEntry[]) =>
      raceStartedAt(raceView('r', entries.length, foldJournal(entries).state));
    expect(at(setUp)).toBeNull();
    const lapStarted = [...setUp, entry(4, '2026-02-21T15:01:00.000Z', { type: 'lap/completed' })];
    expect(at(lapStarted)).toBe(Date.parse('2026-02-21T15:01:00.000Z'));
    expect(at(setUp.slice(0, 2))).toBe(Date.parse('2026-02-21T15:00:00.000Z'));
    expect(raceStartedAt(null)).toBeNull();
  });

  it('names lapped finishers apart, with their laps, and keeps them out of the order typed', () => {
    const proposal = {
      id: 'finish-12-0',
      kind: 'finish',
      bibs: [5, 12],
      times: { 5: 480_000, 12: 481_000 },
      complete: false,
      lapped: [{ bib: 9, laps: 15 }],
    } as const;
    expect(proposalText(translator('en'), proposal, null)).toBe('F 5 12 · #9 lapped (15 laps)');
    expect(proposalEntryText(proposal)).toBe('F 5 12');
    const onlyLapped = { ...proposal, bibs: [], lapped: [{ bib: 9, laps: 15 }] };
    expect(proposalText(translator('nl'), onlyLapped, null)).toBe('#9 op achterstand (15 ronden)');
  });

  it('the decoder clock offset', () => {
    expect(offsetText(null)).toBe('—');
    expect(offsetText(120.4)).toBe('+120 ms');
    expect(offsetText(-2500)).toBe('−2.5 s');
  });
});
