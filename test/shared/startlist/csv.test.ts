import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStartListCsv } from '../../../src/shared/startlist/csv.ts';
import { noFamily, noFamilyHint } from './name-warnings.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/startlists/${name}`, import.meta.url), 'utf8');

describe('parseStartListCsv: good files', () => {
  it('reads an English comma file with a BOM, unknown and quoted columns and blank lines', () => {
    const text = fixture('en-comma-bom.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(parseStartListCsv(text)).toEqual({
      ok: true,
      warnings: [],
      skaters: [
        {
          bib: 1,
          name: 'Jorrit Bergsma',
          firstName: 'Jorrit',
          lastName: 'Bergsma',
          nation: 'NED',
          transponder: 'AB-1234',
          nameOrder: 'given-first',
        },
        {
          bib: 7,
          name: 'Bart Swings',
          firstName: 'Bart',
          lastName: 'Swings',
          nation: 'BEL',
          transponder: 'AB-1207',
          nameOrder: 'given-first',
        },
        // Korean: family name first, as the sports press writes it (issue 19).
        {
          bib: 21,
          name: 'Chung Jae-won',
          firstName: 'Jae-won',
          lastName: 'Chung',
          nation: 'KOR',
          nameOrder: 'family-first',
        },
        {
          bib: 34,
          name: 'Charles Gélinas-Beaulieu',
          firstName: 'Charles',
          lastName: 'Gélinas-Beaulieu',
          nation: 'CAN',
          nameOrder: 'given-first',
        },
        {
          bib: 8,
          name: 'Viktor Hald Thorup',
          firstName: 'Viktor',
          lastName: 'Hald Thorup',
          nation: 'DEN',
          transponder: 'AB-1208',
          nameOrder: 'given-first',
        },
      ],
    });
  });

  it('reads a Dutch semicolon file with CRLF, a tussenvoegsel and diacritics kept exactly', () => {
    const text = fixture('nl-semicolon-crlf.csv');
    expect(text).toContain(';Jílek;cze;\r\n');
    expect(parseStartListCsv(text)).toEqual({
      ok: true,
      warnings: [],
      skaters: [
        {
          bib: 3,
          name: 'Metoděj Jílek',
          firstName: 'Metoděj',
          lastName: 'Jílek',
          nation: 'CZE',
          nameOrder: 'given-first',
        },
        {
          bib: 5,
          name: 'Sverre Lunde Pedersen',
          firstName: 'Sverre',
          lastName: 'Lunde Pedersen',
          nation: 'NOR',
          transponder: 'TR-55',
          nameOrder: 'given-first',
        },
        {
          bib: 11,
          name: 'Håvard Bøkko',
          firstName: 'Håvard',
          lastName: 'Bøkko',
          nation: 'NOR',
          nameOrder: 'given-first',
        },
        {
          bib: 14,
          name: 'Crispijn Ariëns',
          firstName: 'Crispijn',
          lastName: 'Ariëns',
          nation: 'NED',
          transponder: 'TR-14',
          nameOrder: 'given-first',
        },
        {
          bib: 19,
          name: 'Gert-Jan van der Meer',
          firstName: 'Gert-Jan',
          lastName: 'van der Meer',
          nation: 'NED',
          nameOrder: 'given-first',
        },
      ],
    });
  });

  it.each([
    ['Bib,Name,Nation'],
    ['NR.;NAAM;LAND'],
    ['Startnummer;Naam;Nationaliteit'],
    ['helm,full name,noc'],
    ['Rúgnummer;Náam;Lánd'],
    ['#\tName\tCountry'],
    ['Helmet number,Full Name,IOC'],
  ])('matches header "%s" whatever its case, accents or separator', (header) => {
    const delimiter = [';', '\t', ','].find((d) => header.includes(d)) ?? ',';
    const text = `${header}\n${['9', 'BART SWINGS', 'BEL'].join(delimiter)}\n`;
    // A name in capitals throughout has no part in plain case: it is kept as written.
    expect(parseStartListCsv(text)).toEqual({
      ok: true,
      warnings: [noFamilyHint(1), noFamily(2, 9, 'BART SWINGS')],
      skaters: [{ bib: 9, name: 'BART SWINGS', nation: 'BEL' }],
    });
  });

  it('builds the name from a last name alone, and leaves nation empty without a nation column', () => {
    expect(parseStartListCsv('achternaam,rugnummer\nBøkko,11\n')).toEqual({
      ok: true,
      warnings: [],
      skaters: [{ bib: 11, name: 'Bøkko', lastName: 'Bøkko', nation: '' }],
    });
  });

  it('keeps a quoted comma and counts a quoted line break when numbering lines', () => {
    const text = 'bib,name,nation\n1,"Bergsma, Jorrit",NED\n2,"Swings\nBart",BEL\n3,,SUI\n';
    expect(parseStartListCsv(text)).toEqual({
      ok: false,
      problems: [{ line: 5, field: 'name', message: 'line 5: name is missing' }],
    });
  });
});

describe('parseStartListCsv: problems', () => {
  it('reports every problem of a bad file with its line, duplicates naming both lines', () => {
    expect(parseStartListCsv(fixture('bad-rows.csv'))).toEqual({
      ok: false,
      problems: [
        { line: 3, field: 'bib', message: 'line 3: helmet number "1x" is not a number' },
        { line: 4, field: 'name', message: 'line 4: name is missing' },
        {
          line: 5,
          field: 'nation',
          message: 'line 5: nation "Norway" is not a three-letter IOC code such as NED',
        },
        { line: 7, field: 'bib', message: 'line 7: helmet number is missing' },
        { line: 8, field: 'bib', message: 'line 8: helmet number 1000 is out of range (1 to 999)' },
        { line: 9, field: 'bib', message: 'line 9: helmet number 1 is already used on line 2' },
        {
          line: 9,
          field: 'transponder',
          message: 'line 9: transponder T1 is already used on line 2',
        },
        { line: 10, field: 'name', message: 'line 10: name is missing' },
        {
          line: 10,
          field: 'nation',
          message: 'line 10: nation "XX" is not a three-letter IOC code such as NED',
        },
      ],
    });
  });

  it('names the header line and the accepted names when there is no bib or name column', () => {
    const where = 'line 1: the header "Skater, Country, Club"';
    expect(parseStartListCsv(fixture('no-bib-column.csv'))).toEqual({
      ok: false,
      problems: [
        {
          line: 1,
          field: 'bib',
          message: `${where} has no helmet number column; accepted names: bib, number, no, nr, #, helmet, helmet number, start number, startnummer, rugnummer, helm`,
        },
        {
          line: 1,
          field: 'name',
          message: `${where} has no name column; accepted names: name, naam, full name, volledige naam, first name, given name, voornaam, last name, surname, family name, achternaam`,
        },
      ],
    });
  });

  it('says so for an empty file (a BOM and blank lines only)', () => {
    const text = fixture('empty.csv');
    expect(text).toBe('\uFEFF\r\n\r\n');
    expect(parseStartListCsv(text)).toEqual({
      ok: false,
      problems: [
        {
          line: null,
          message:
            'the file is empty: expected a header line such as "bib,first name,last name,nation" and one line per skater',
        },
      ],
    });
    expect(parseStartListCsv('')).toEqual(parseStartListCsv(text));
  });

  it('says so for a header without skaters', () => {
    expect(parseStartListCsv('\nbib;name\n\n')).toEqual({
      ok: false,
      problems: [{ line: null, message: 'no skaters below the header on line 2' }],
    });
  });

  it('reports a quote left open and a stray quote on their lines', () => {
    expect(parseStartListCsv('bib,name\n1,"Bergsma\n2,Swings\n')).toEqual({
      ok: false,
      problems: [{ line: 2, message: 'line 2: a quoted value has no closing quote (")' }],
    });
    expect(parseStartListCsv('bib;name\n1;Wenger\n2;"Swings"x\n')).toEqual({
      ok: false,
      problems: [
        {
          line: 3,
          message: 'line 3: a quote (") is out of place; put quotes around the whole value',
        },
      ],
    });
  });

  it('refuses more skaters than a race takes', () => {
    const lines = Array.from({ length: 201 }, (_, i) => `${i + 1},Skater ${i + 1}`);
    expect(parseStartListCsv(['bib,name', ...lines].join('\n'))).toEqual({
      ok: false,
      problems: [{ line: null, message: 'the file lists 201 skaters; a race takes at most 200' }],
    });
  });
});
