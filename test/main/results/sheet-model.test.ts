import { describe, expect, it } from 'vitest';
import { markOf, raceTimes, resultsSheet, venueOf } from '../../../src/shared/results/sheet.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { opening } from '../../support/race.ts';
import { raceResults } from '../../../src/shared/results/rows.ts';
import { everyStatusRace, fixtureRace, stampedRace } from './sheet-race.ts';

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

  it('marks a time the loop ran from the start key, and says why (issue 17)', () => {
    const commands: RaceCommand[] = [
      ...opening({ count: 4 }),
      { type: 'laps/corrected', lapsCompleted: 16 },
      { type: 'finish/recorded', bibs: [2, 1, 3, 4] },
      { type: 'finish/timed', bib: 2, time: 480_120, timedFrom: 'startKey' },
      { type: 'finish/timed', bib: 1, time: 480_500, timedFrom: 'gun' },
      // Typed over from the photo finish: the official time, unmarked.
      { type: 'finish/timed', bib: 3, time: 481_000, timedFrom: 'startKey' },
      { type: 'finish/timed', bib: 3, time: 480_990 },
    ];
    const sheet = resultsSheet({
      meeting: 'M',
      ...stampedRace('r', commands),
      version: '1',
      timeZone: 'UTC',
    });
    const time = new Map(sheet.rows.map((row) => [row.bib, row.cells[sheet.columns.length - 2]]));
    expect([time.get(2), time.get(1), time.get(3)]).toEqual(['8:00.12*', '8:00.50', '8:00.99']);
    expect(sheet.legend.at(-1)).toMatch(
      /^\* {2}time from the timing loop, run from the start command/,
    );
    const typed = resultsSheet({
      meeting: 'M',
      ...stampedRace(
        'r',
        commands.filter((c) => !(c.type === 'finish/timed' && c.bib === 2)),
      ),
      version: '1',
    });
    expect(typed.legend.some((line) => line.startsWith('*'))).toBe(false);
  });
});
