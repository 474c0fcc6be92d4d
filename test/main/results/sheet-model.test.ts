import { describe, expect, it } from 'vitest';
import { markOf, raceTimes, resultsSheet, venueOf } from '../../../src/shared/results/sheet.ts';
import { raceResults } from '../../../src/shared/results/rows.ts';
import { everyStatusRace, fixtureRace } from './sheet-race.ts';

describe('the results sheet model', () => {
  it('takes the venue from the meeting name when none is given', () => {
    expect(venueOf('Milano Cortina 2026 · Men’s Mass Start (demo)')).toBe('Milano Cortina');
    expect(venueOf('ISU World Cup Speed Skating, Calgary')).toBe('Calgary');
    expect(venueOf('Olympic Winter Games Milano Cortina 2026')).toBe(
      'Olympic Winter Games Milano Cortina',
    );
    expect(venueOf('Thialf 2025/26 – Dutch Championships')).toBe('Thialf');
  });

  it('dates the race by its start and takes the in-force confirmation from the journal', () => {
    const race = fixtureRace('mc2026-men-final.json', { official: true });
    const { startedAt, confirmedAt } = raceTimes(race.journal);
    expect(startedAt).toBe(race.journal.find((entry) => entry.event.type === 'race/started')!.at);
    expect(confirmedAt).toBe(race.journal.at(-1)!.at);
    expect(raceTimes([]).confirmedAt).toBeNull();
  });

  it('prints one string per column, marks with laps, no points for DQ and DNS', () => {
    const race = everyStatusRace();
    const sheet = resultsSheet({ meeting: 'M', ...race, version: '1.2.3', timeZone: 'UTC' });
    expect(sheet.columns.map((column) => column.label)).toEqual([
      'Rank',
      'No.',
      'Name',
      'Nation',
      'SP1',
      'SP2',
      'SP3',
      'Final',
      'Total',
      'Time',
      '',
    ]);
    for (const row of sheet.rows) expect(row.cells).toHaveLength(sheet.columns.length);
    const byBib = new Map(sheet.rows.map((row) => [row.bib, row.cells]));
    expect(byBib.get(23)).toEqual([
      '',
      '23',
      'Demo Skater Twenty-Three',
      'GBR',
      '',
      '',
      '',
      '',
      '',
      '',
      'DQ',
    ]);
    expect(byBib.get(21)!.at(-1)).toBe('DNF (9 laps)');
    expect(byBib.get(12)!.at(-1)).toBe('q');
    expect(sheet.qualificationLine).toBe(8);
    expect(sheet.software).toBe('Mass Start Scoreboard 1.2.3');
    expect(sheet.status).toBe('UNOFFICIAL');
    expect(sheet.confirmed).toBe('');
    const marks = raceResults(race.race.state).rows.map(markOf);
    expect(marks.filter((mark) => mark === 'Q')).toHaveLength(8);
    expect(marks).toContain('LAPPED (15 laps)');
    expect(marks).toContain('DNS');
  });
});
