import { describe, expect, it } from 'vitest';
import {
  confirmedAt,
  resultsDocument,
  resultsDocumentSchema,
} from '../../../src/shared/export/results-document.ts';
import {
  meetingDocument,
  meetingTextFiles,
  safeFileStem,
} from '../../../src/shared/export/meeting.ts';
import type { JournalEntry, RaceEvent } from '../../../src/shared/race/events.ts';
import { RaceHistory } from '../../../src/shared/race/history.ts';
import { parseRaceSheet, sheetState } from '../../../src/shared/sheet/sheet.ts';

const sheet = parseRaceSheet({
  format: 'isu-2018',
  round: 'semi',
  qualifiers: 1,
  title: 'Ladies Semi 2',
  skaters: [
    { bib: 1, name: 'Metoděj Jílek', nation: 'CZE' },
    { bib: 2, name: 'Sander Bøkko', nation: 'NOR' },
  ],
  finish: [2, 1],
});

const entries = (events: RaceEvent[]): JournalEntry[] =>
  events.map((event, index) => ({
    seq: index + 1,
    at: `2026-02-21T10:00:0${index}.000Z`,
    source: 'test',
    event,
  }));

describe('results document', () => {
  it('is of the published schema and names the race, its phase and its rows', () => {
    const state = sheetState(sheet);
    const document = resultsDocument('Milano Cortina 2026', {
      id: 'ladies-semi-2',
      category: 'Ladies',
      state,
      confirmedAt: null,
      journal: [],
    });
    expect(resultsDocumentSchema.parse(document)).toEqual(document);
    expect(document).toMatchObject({
      version: 1,
      meeting: 'Milano Cortina 2026',
      race: { id: 'ladies-semi-2', title: 'Ladies Semi 2', round: 'semi', qualifiers: 1 },
      phase: 'final',
      official: false,
      confirmedAt: null,
      qualificationLine: 1,
    });
    expect(document.race.format.name).toBe('isu-2018');
    expect(document.rows.map((row) => [row.rank, row.name, row.total, row.qualified])).toEqual([
      [1, 'Sander Bøkko', 60, 'Q'],
      [2, 'Metoděj Jílek', 40, null],
    ]);
  });

  it('confirmedAt is the confirmation in force: a voided one does not count', () => {
    const base: RaceEvent[] = [
      {
        type: 'race/configured',
        title: 'F',
        round: 'final',
        qualifiers: 0,
        format: sheetState(sheet).format,
      },
      { type: 'startList/set', skaters: sheet.skaters },
      { type: 'race/started' },
      { type: 'laps/corrected', lapsCompleted: 15 },
      { type: 'finish/recorded', bibs: [1, 2] },
      { type: 'results/confirmed' }, // seq 6
      { type: 'results/reopened' },
      { type: 'results/confirmed' }, // seq 8
    ];
    const official = new RaceHistory(entries(base));
    expect(confirmedAt(official.state, official.entries)).toBe('2026-02-21T10:00:07.000Z');
    const undone = new RaceHistory(entries([...base, { type: 'event/voided', target: 8 }]));
    expect(undone.state.official).toBe(false);
    expect(confirmedAt(undone.state, undone.entries)).toBeNull();
  });

  it('the meeting document lists the program and every race; files per race', () => {
    const state = sheetState(sheet);
    const record = {
      meeting: 'Worlds — Hamar',
      races: [
        { id: 'a', category: 'Men', state, confirmedAt: null, journal: [] },
        { id: 'b', category: 'Ladies', state, confirmedAt: null, journal: [] },
      ],
    };
    const document = meetingDocument(record);
    expect(document.program.map((race) => [race.id, race.files.csv, race.phase])).toEqual([
      ['a', 'a-results.csv', 'final'],
      ['b', 'b-results.csv', 'final'],
    ]);
    expect(document.races.map((race) => race.race.id)).toEqual(['a', 'b']);
    expect([...meetingTextFiles(record).keys()]).toEqual([
      'meeting.json',
      'a-results.csv',
      'a-sheet.json',
      'b-results.csv',
      'b-sheet.json',
    ]);
    expect(safeFileStem('Worlds — Hamar Bøkko Jílek')).toBe('worlds-hamar-bokko-jilek');
    expect(safeFileStem('***', 'meeting')).toBe('meeting');
  });
});
