import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvHeaders, parseDelimiter, resultsCsv, utf8Bom } from '../../../src/shared/export/csv.ts';
import { parseRaceSheet, sheetState } from '../../../src/shared/sheet/sheet.ts';

const state = sheetState(
  parseRaceSheet({
    format: 'isu-2018',
    round: 'semi',
    qualifiers: 2,
    title: 'Men Semi 1',
    skaters: [
      { bib: 1, name: 'Metoděj Jílek', nation: 'CZE' },
      { bib: 2, name: 'Sander Bøkko', nation: 'NOR' },
      { bib: 3, name: 'Smith, "Jr"', nation: 'USA' },
      { bib: 4, name: '=HYPERLINK("x")', firstName: 'Eve', lastName: 'Formula', nation: '' },
      { bib: 5, name: 'Tom Out', nation: 'NED' },
    ],
    sprints: [[2, 1, 3]],
    finish: [1, 2, 3],
    status: { '4': 'DNF', '5': 'DNS' },
    laps: { '4': 9 },
    advanced: [4],
  }),
);

/** Rows of a CSV text read back (without the BOM). */
const read = (text: string, delimiter = ',') =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true }).data;

describe('results CSV', () => {
  it('starts with a UTF-8 byte order mark and has the documented headers', () => {
    const text = resultsCsv(state);
    expect(text.startsWith(utf8Bom)).toBe(true);
    expect(read(text)[0]).toEqual([
      'Rank',
      'Helmet',
      'Name',
      'First name',
      'Last name',
      'Nation',
      'SP1',
      'SP2',
      'SP3',
      'Final',
      'Total',
      'Time',
      'Status',
      'Laps',
      'Q',
    ]);
    expect(csvHeaders(0)).not.toContain('SP1');
  });

  it('keeps diacritics and quotes commas and quotes; rows in ranking order', () => {
    const text = resultsCsv(state);
    expect(text).toContain('Metoděj Jílek');
    expect(text).toContain('Sander Bøkko');
    expect(text).toContain('"Smith, ""Jr"""');
    const rows = read(text);
    expect(rows.slice(1)).toEqual([
      [
        '1',
        '1',
        'Metoděj Jílek',
        'Metoděj',
        'Jílek',
        'CZE',
        '2',
        '0',
        '0',
        '60',
        '62',
        '',
        'OK',
        '',
        'Q',
      ],
      [
        '2',
        '2',
        'Sander Bøkko',
        'Sander',
        'Bøkko',
        'NOR',
        '3',
        '0',
        '0',
        '40',
        '43',
        '',
        'OK',
        '',
        'Q',
      ],
      [
        '3',
        '3',
        'Smith, "Jr"',
        'Smith,',
        '"Jr"',
        'USA',
        '1',
        '0',
        '0',
        '20',
        '21',
        '',
        'OK',
        '',
        '',
      ],
      [
        '4',
        '4',
        `'=HYPERLINK("x")`,
        'Eve',
        'Formula',
        '',
        '0',
        '0',
        '0',
        '0',
        '0',
        '',
        'DNF',
        '9',
        'q',
      ],
      ['', '5', 'Tom Out', 'Tom', 'Out', 'NED', '0', '0', '0', '0', '0', '', 'DNS', '', ''],
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('separates by semicolons for European spreadsheets', () => {
    const text = resultsCsv(state, { delimiter: ';' });
    expect(text.split('\r\n')[0]).toBe(
      `${utf8Bom}Rank;Helmet;Name;First name;Last name;Nation;SP1;SP2;SP3;Final;Total;Time;Status;Laps;Q`,
    );
    expect(text).toContain(';Smith, "Jr";'.replace('Smith, "Jr"', '"Smith, ""Jr"""'));
    expect(read(text, ';')[1]![2]).toBe('Metoděj Jílek');
  });

  it('leaves the byte order mark out on request', () => {
    expect(resultsCsv(state, { bom: false }).startsWith('Rank,')).toBe(true);
  });

  it('reads the delimiter as given on a command line or in a query', () => {
    expect([',', 'comma', ';', 'semicolon', 'SEMICOLON', 'tab'].map(parseDelimiter)).toEqual([
      ',',
      ',',
      ';',
      ';',
      ';',
      null,
    ]);
  });
});
