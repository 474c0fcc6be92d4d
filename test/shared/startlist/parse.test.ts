import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStartList } from '../../../src/shared/startlist/parse.ts';
import { noFamily, noFamilyHint } from './name-warnings.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/startlists/${name}`, import.meta.url), 'utf8');

describe('parseStartList', () => {
  it('reads JSON when the text starts with [ or { after a BOM and white space', () => {
    const text = '\uFEFF \r\n[{ "bib": 1, "name": "Jorrit Bergsma", "nation": "NED" }]';
    expect(parseStartList(text, 'startlist.csv')).toEqual({
      ok: true,
      warnings: [noFamilyHint(1), noFamily(1, 1, 'Jorrit Bergsma', 'entry')],
      skaters: [{ bib: 1, name: 'Jorrit Bergsma', nation: 'NED' }],
    });
    expect(parseStartList(fixture('isu-startlist.json'))).toMatchObject({ ok: true });
  });

  it('reads JSON when the file is named *.json, whatever the text starts with', () => {
    expect(parseStartList('bib,name\n1,Jorrit Bergsma\n', 'Startlijst.JSON')).toEqual({
      ok: false,
      problems: [{ line: null, message: 'the file is not valid JSON' }],
    });
  });

  it('reads CSV otherwise', () => {
    const result = parseStartList(fixture('nl-semicolon-crlf.csv'), 'startlijst.csv');
    expect(result.ok && result.skaters.map((skater) => skater.name)).toEqual([
      'Metoděj Jílek',
      'Sverre Lunde Pedersen',
      'Håvard Bøkko',
      'Crispijn Ariëns',
      'Gert-Jan van der Meer',
    ]);
    expect(parseStartList('bib,name\n1,Jorrit Bergsma\n')).toEqual({
      ok: true,
      warnings: [noFamilyHint(1), noFamily(2, 1, 'Jorrit Bergsma')],
      skaters: [{ bib: 1, name: 'Jorrit Bergsma', nation: '' }],
    });
  });
});
