import { describe, expect, it } from 'vitest';
import {
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
import { meetingFactsOf } from '../../../src/shared/results/meeting-facts.ts';
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

/** The meeting of Milano Cortina, in Rome, on 21 February 2026. */
const milano = meetingFactsOf(
  {
    meeting: 'Milano Cortina 2026',
    venue: 'Milano Speed Skating Stadium',
    meetingDate: '2026-02-21',
    timeZone: 'Europe/Rome',
  },
  'UTC',
);

describe('results document', () => {
  it('is of the published schema and names the race, its phase and its rows', () => {
    const state = sheetState(sheet);
    const document = resultsDocument(milano, {
      id: 'ladies-semi-2',
      category: 'Ladies',
      state,
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

  it('confirmedAt is the confirmation in force (a voided one does not count), with the meeting and local times at the end', () => {
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
    const document = (history: RaceHistory) =>
      resultsDocument(milano, {
        id: 'f',
        category: '',
        state: history.state,
        journal: history.entries,
      });
    const official = document(new RaceHistory(entries(base)));
    expect(resultsDocumentSchema.parse(official)).toEqual(official);
    expect(official.confirmedAt).toBe('2026-02-21T10:00:07.000Z');
    // Appended (issue 19), in the published order: the key order is part of the contract.
    expect(Object.keys(official).slice(-7)).toEqual([
      'rows',
      'venue',
      'meetingDate',
      'timeZone',
      'startedAt',
      'startedLocal',
      'confirmedLocal',
    ]);
    expect(official).toMatchObject({
      venue: 'Milano Speed Skating Stadium',
      meetingDate: '2026-02-21',
      timeZone: 'Europe/Rome',
      startedAt: '2026-02-21T10:00:02.000Z',
      startedLocal: '2026-02-21T11:00:02+01:00',
      confirmedLocal: '2026-02-21T11:00:07+01:00',
    });
    const undone = document(
      new RaceHistory(entries([...base, { type: 'event/voided', target: 8 }])),
    );
    expect(undone).toMatchObject({ official: false, confirmedAt: null, confirmedLocal: null });
    // A race read from a sheet has no meeting and no times.
    const alone = resultsDocument(null, {
      id: 's',
      category: '',
      state: sheetState(sheet),
      journal: [],
    });
    expect(alone).toMatchObject({
      meeting: null,
      venue: '',
      meetingDate: null,
      timeZone: null,
      startedAt: null,
      startedLocal: null,
    });
  });

  it('the meeting document lists the program and every race; files per race', () => {
    const state = sheetState(sheet);
    const record = {
      meeting: meetingFactsOf(
        { meeting: 'Worlds — Hamar', venue: '', meetingDate: null, timeZone: null },
        'Europe/Oslo',
      ),
      races: [
        { id: 'a', category: 'Men', state, journal: [] },
        { id: 'b', category: 'Ladies', state, journal: [] },
      ],
    };
    const document = meetingDocument(record);
    expect(document).toMatchObject({ meeting: 'Worlds — Hamar', venue: 'Worlds' });
    expect(Object.keys(document)).toEqual([
      'version',
      'meeting',
      'program',
      'races',
      'venue',
      'meetingDate',
      'timeZone',
    ]);
    expect(document.timeZone).toBe('Europe/Oslo');
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
