import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStartListJson } from '../../../src/shared/startlist/json.ts';
import { noFamily, noFamilyHint } from './name-warnings.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/startlists/${name}`, import.meta.url), 'utf8');

/** A skater whose given and family name the file gives, written given name first. */
const givenFirst = (bib: number, firstName: string, lastName: string, nation: string) => ({
  bib,
  name: `${firstName} ${lastName}`,
  firstName,
  lastName,
  nation,
  nameOrder: 'given-first',
});

describe('parseStartListJson: good files', () => {
  it('reads an ISU results-service start list (startNumber, competitor.skater)', () => {
    expect(parseStartListJson(fixture('isu-startlist.json'))).toEqual({
      ok: true,
      warnings: [],
      skaters: [
        givenFirst(7, 'Jorrit', 'Bergsma', 'NED'),
        givenFirst(12, 'Håvard', 'Bøkko', 'NOR'),
        givenFirst(3, 'Metoděj', 'Jílek', 'CZE'),
        givenFirst(25, 'Antoine', 'Gélinas-Beaulieu', 'CAN'),
      ],
    });
  });

  it('reads { "skaters": [...] } with bib or startNumber, name or first + last, nation or country', () => {
    expect(parseStartListJson(fixture('skaters-object.json'))).toEqual({
      ok: true,
      warnings: [noFamilyHint(1), noFamily(1, 1, 'Sverre Lunde Pedersen', 'entry')],
      skaters: [
        { bib: 1, name: 'Sverre Lunde Pedersen', nation: 'NOR', transponder: 'TR-01' },
        givenFirst(2, 'Bart', 'Swings', 'BEL'),
        // No nation, but the entry says the order (issue 19); its own "name" follows the parts.
        {
          bib: 3,
          name: 'Chung Jae-won',
          firstName: 'Jae-won',
          lastName: 'Chung',
          nation: '',
          nameOrder: 'family-first',
        },
        { bib: 4, name: 'Giovannini', lastName: 'Giovannini', nation: 'ITA' },
      ],
    });
  });

  it('reads a plain array behind a BOM', () => {
    const text = '\uFEFF[{ "bib": 5, "name": "Livio Wenger", "country": "sui" }]';
    expect(parseStartListJson(text)).toEqual({
      ok: true,
      warnings: [noFamilyHint(1), noFamily(1, 5, 'Livio Wenger', 'entry')],
      skaters: [{ bib: 5, name: 'Livio Wenger', nation: 'SUI' }],
    });
  });
});

describe('parseStartListJson: problems', () => {
  it('reports every problem by entry number, duplicates naming both entries', () => {
    expect(parseStartListJson(fixture('bad-entries.json'))).toEqual({
      ok: false,
      problems: [
        { line: 2, field: 'name', message: 'entry 2: name is missing' },
        { line: 3, field: 'bib', message: 'entry 3: helmet number "seven" is not a number' },
        { line: 4, field: 'bib', message: 'entry 4: helmet number 7 is already used on entry 1' },
        {
          line: 4,
          field: 'nation',
          message: 'entry 4: nation "Switzerland" is not a three-letter IOC code such as NED',
        },
        {
          line: 5,
          message: 'entry 5: not a skater (expected an object with bib and name)',
        },
        { line: 6, field: 'country', message: 'entry 6: country should be text' },
        { line: 6, field: 'bib', message: 'entry 6: helmet number 12.5 is not a whole number' },
        { line: 7, field: 'bib', message: 'entry 7: helmet number 0 is out of range (1 to 999)' },
      ],
    });
  });

  it('names line and column of a JSON syntax error', () => {
    expect(parseStartListJson(fixture('invalid.json.txt'))).toEqual({
      ok: false,
      problems: [{ line: 3, message: 'line 3, column 37: the file is not valid JSON' }],
    });
  });

  it('names line and column of a trailing comma', () => {
    expect(parseStartListJson(fixture('trailing-comma.json.txt'))).toEqual({
      ok: false,
      problems: [{ line: 4, message: 'line 4, column 1: the file is not valid JSON' }],
    });
  });

  it('places a file that stops early just after its last character', () => {
    expect(parseStartListJson('[\n  { "bib": 1, "name": "Jorrit Bergsma" },\n')).toEqual({
      ok: false,
      problems: [{ line: 2, message: 'line 2, column 42: the file is not valid JSON' }],
    });
  });

  it('says so for an empty file, a document without a list and an empty list', () => {
    expect(parseStartListJson(' \r\n')).toEqual({
      ok: false,
      problems: [{ line: null, message: 'the file is empty: expected a JSON list of skaters' }],
    });
    expect(parseStartListJson('{ "title": "Mass start" }')).toEqual({
      ok: false,
      problems: [
        {
          line: null,
          message:
            'the file holds no start list: expected a list of skaters, or an object with a "skaters" list',
        },
      ],
    });
    expect(parseStartListJson('{ "skaters": [] }')).toEqual({
      ok: false,
      problems: [{ line: null, message: 'the file lists no skaters' }],
    });
  });
});
