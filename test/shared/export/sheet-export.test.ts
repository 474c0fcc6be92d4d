import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateToSheet } from '../../../src/shared/export/sheet-export.ts';
import { replayCommands } from '../../../src/shared/race/replay.ts';
import { computeStandings } from '../../../src/shared/race/standings.ts';
import { formatWith } from '../../support/race.ts';
import { parseRaceSheet, sheetState } from '../../../src/shared/sheet/sheet.ts';

const dir = 'test/fixtures/sheets';
const fixtures = readdirSync(dir).filter((name) => name.endsWith('.json'));

describe('race sheet from a race state (the inverse of sheetState)', () => {
  it.each(fixtures)('%s: the exported sheet ranks the race the same', (name) => {
    const state = sheetState(parseRaceSheet(readFileSync(`${dir}/${name}`, 'utf8')));
    const sheet = parseRaceSheet(JSON.parse(JSON.stringify(stateToSheet(state))));
    expect(computeStandings(sheetState(sheet))).toEqual(computeStandings(state));
    expect(stateToSheet(sheetState(sheet))).toEqual(stateToSheet(state));
  });

  it('keeps a preset by name, a custom format as data, and every status with its laps', () => {
    const format = formatWith({ laps: 10, sprintLaps: [5], intermediatePoints: [5, 3, 1] });
    const { state } = replayCommands(
      [
        { type: 'race/configured', title: 'Points race', round: 'final', qualifiers: 0, format },
        {
          type: 'startList/set',
          skaters: [1, 2, 3, 4, 5, 6].map((bib) => ({
            bib,
            name: `Skater ${bib}`,
            nation: 'NED',
            ...(bib === 1 ? { firstName: 'Ann', lastName: 'de Vries' } : {}),
          })),
        },
        { type: 'skater/statusChanged', bib: 6, status: 'DNS' },
        { type: 'race/started' },
        { type: 'laps/corrected', lapsCompleted: 5 },
        { type: 'sprint/placed', sprint: 1, bibs: [4, 2, 5] },
        { type: 'laps/corrected', lapsCompleted: 9 },
        { type: 'finish/recorded', bibs: [1, 2] },
        { type: 'finish/timed', bib: 1, time: 400_000 },
        { type: 'skater/statusChanged', bib: 3, status: 'LAPPED', laps: 8 },
        { type: 'skater/statusChanged', bib: 4, status: 'DQ', laps: 7 },
        { type: 'skater/statusChanged', bib: 5, status: 'DNF', laps: 6 },
      ],
      'test',
    );
    const sheet = stateToSheet(state);
    expect(sheet).toMatchObject({
      format,
      round: 'final',
      title: 'Points race',
      sprints: [[4, 2, 5]],
      finish: [1, 2],
      status: { '3': 'LAPPED', '4': 'DQ', '5': 'DNF', '6': 'DNS' },
      laps: { '3': 8, '4': 7, '5': 6 },
      advanced: [],
    });
    expect(sheet).not.toHaveProperty('qualifiers');
    expect(sheet.skaters[0]).toMatchObject({ firstName: 'Ann', lastName: 'de Vries' });
    const back = sheetState(parseRaceSheet(JSON.parse(JSON.stringify(sheet))));
    // A sheet holds no finish times: the standings match but for the time.
    const untimed = (rows: ReturnType<typeof computeStandings>['rows']) =>
      rows.map((row) => ({ ...row, time: null }));
    expect(untimed(computeStandings(back).rows)).toEqual(untimed(computeStandings(state).rows));
    expect(stateToSheet(sheetState(parseRaceSheet({ ...sheet, format: 'isu-2014' }))).format).toBe(
      'isu-2014',
    );
  });
});
