import { describe, expect, it } from 'vitest';
import {
  meetingFactsOf,
  venueOf,
  type MeetingFields,
} from '../../../src/shared/results/meeting-facts.ts';
import { markOf, resultsSheet } from '../../../src/shared/results/sheet.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { opening, skaters } from '../../support/race.ts';
import { raceResults } from '../../../src/shared/results/rows.ts';
import { everyStatusRace, fixtureRace, stampedRace } from '../../main/results-out/sheet-race.ts';

/** A meeting's facts: name "M", no venue or day given, in UTC unless said. */
const meeting = (fields: Partial<MeetingFields> = {}) =>
  meetingFactsOf({ meeting: 'M', venue: '', meetingDate: null, timeZone: 'UTC', ...fields }, 'UTC');

describe('the results sheet model', () => {
  it('takes the venue from the meeting name when none is given', () => {
    expect(venueOf('Milano Cortina 2026 · Men’s Mass Start (demo)')).toBe('Milano Cortina');
    expect(venueOf('ISU World Cup Speed Skating, Calgary')).toBe('Calgary');
    expect(venueOf('Olympic Winter Games Milano Cortina 2026')).toBe(
      'Olympic Winter Games Milano Cortina',
    );
    expect(venueOf('Thialf 2025/26 – Dutch Championships')).toBe('Thialf');
  });

  it('takes the venue and the zone the meeting was given, else the name’s venue and the host’s zone', () => {
    const given = { meeting: 'ISU World Cup, Calgary', venue: ' Olympic Oval ', meetingDate: null };
    expect(meetingFactsOf({ ...given, timeZone: 'America/Edmonton' }, 'Europe/Rome')).toEqual({
      name: 'ISU World Cup, Calgary',
      venue: 'Olympic Oval',
      date: null,
      timeZone: 'America/Edmonton',
    });
    expect(meetingFactsOf({ ...given, venue: '', timeZone: null }, 'Europe/Rome')).toMatchObject({
      venue: 'Calgary',
      timeZone: 'Europe/Rome',
    });
  });

  it('dates the race by the meeting’s day, else by its start in the meeting’s zone; the in-force confirmation with its zone', () => {
    const race = fixtureRace('mc2026-men-final.json', { official: true });
    const { state } = race.race;
    expect(state.startedAt).toBe(
      race.journal.find((entry) => entry.event.type === 'race/started')!.at,
    );
    expect(state.confirmedAt).toBe(race.journal.at(-1)!.at);
    const sheet = (fields: Partial<MeetingFields>) =>
      resultsSheet({ meeting: meeting(fields), ...race, version: '1' });
    // Started 14:00 UTC on 21 February and confirmed a minute later.
    expect(sheet({}).date).toBe('21 February 2026');
    expect(sheet({ meetingDate: '2026-02-22' }).date).toBe('22 February 2026');
    const seconds = String(race.journal.length - 1).padStart(2, '0');
    expect(sheet({}).confirmed).toBe(`Confirmed 21 February 2026 14:00:${seconds} UTC`);
    expect(sheet({ timeZone: 'Europe/Amsterdam' }).confirmed).toBe(
      `Confirmed 21 February 2026 15:00:${seconds} CET`,
    );
  });

  it('an old journal started by a lap is dated by that lap, as the timing feed starts it (issue 19)', () => {
    const commands: RaceCommand[] = [
      { type: 'startList/set', skaters: skaters(3) },
      { type: 'lap/completed' },
      { type: 'lap/completed' },
    ];
    const race = stampedRace('old', commands, '2026-02-21T23:30:00.000Z');
    expect(race.race.state.startedAt).toBe('2026-02-21T23:30:01.000Z');
    const sheet = (timeZone: string) =>
      resultsSheet({ meeting: meeting({ timeZone }), ...race, version: '1' });
    expect(sheet('UTC')).toMatchObject({
      date: '21 February 2026',
      startedAt: race.race.state.startedAt,
    });
    // 08:30 the next morning in Tokyo: the day is the meeting zone's.
    expect(sheet('Asia/Tokyo').date).toBe('22 February 2026');
    expect(sheet('UTC').confirmed).toBe('');
  });

  it('prints one string per column, marks with laps, no points for DQ and DNS', () => {
    const race = everyStatusRace();
    const sheet = resultsSheet({ meeting: meeting(), ...race, version: '1.2.3' });
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
    const sheet = resultsSheet({ meeting: meeting(), ...stampedRace('r', commands), version: '1' });
    const time = new Map(sheet.rows.map((row) => [row.bib, row.cells[sheet.columns.length - 2]]));
    expect([time.get(2), time.get(1), time.get(3)]).toEqual(['8:00.12*', '8:00.50', '8:00.99']);
    expect(sheet.legend.at(-1)).toMatch(
      /^\* {2}time from the timing loop, run from the start command/,
    );
    const typed = resultsSheet({
      meeting: meeting(),
      ...stampedRace(
        'r',
        commands.filter((c) => !(c.type === 'finish/timed' && c.bib === 2)),
      ),
      version: '1',
    });
    expect(typed.legend.some((line) => line.startsWith('*'))).toBe(false);
  });
});
