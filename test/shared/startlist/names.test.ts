import { describe, expect, it } from 'vitest';
import type { Skater } from '../../../src/shared/race/events.ts';
import { caseFromCapitals, officialStyleParts } from '../../../src/shared/startlist/names.ts';
import { parseStartList } from '../../../src/shared/startlist/parse.ts';
import { noFamily, noFamilyHint } from './name-warnings.ts';

// Names as federations write them (issue 19, part 2), through the real import: given and family
// name and their order are read, never split from a name at a space.

/** The skaters of a file the import accepts (the test fails on a refused one). */
function skatersOf(text: string, fileName?: string): Skater[] {
  const result = parseStartList(text, fileName);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.skaters;
}

/** The name fields of each skater, in file order. */
const names = (skaters: Skater[]) =>
  skaters.map(({ name, firstName, lastName, nameOrder }) => ({
    name,
    firstName,
    lastName,
    nameOrder,
  }));

const parts = (
  name: string,
  firstName: string,
  lastName: string,
  nameOrder: 'given-first' | 'family-first',
) => ({ name, firstName, lastName, nameOrder });

describe('the official style: family name in capitals', () => {
  it('reads the family name from the capitals, family name first or last, and cases it', () => {
    const text = [
      'bib,name,nation',
      '7,CHUNG Jae-won,KOR',
      '8,HALD THORUP Viktor,DEN',
      '13,BERGSMA Jorrit,NED',
      '21,YANG Binyu,CHN',
      '5,VAN DE BUNT Stijn,NED',
      '1,GÉLINAS-BEAULIEU Antoine,CAN',
      '2,Sverre LUNDE PEDERSEN,NOR',
      '3,O’BRIEN Ann,IRL',
    ].join('\n');
    const result = parseStartList(text);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    expect(names(skatersOf(text))).toEqual([
      parts('Chung Jae-won', 'Jae-won', 'Chung', 'family-first'),
      parts('Viktor Hald Thorup', 'Viktor', 'Hald Thorup', 'given-first'),
      parts('Jorrit Bergsma', 'Jorrit', 'Bergsma', 'given-first'),
      parts('Yang Binyu', 'Binyu', 'Yang', 'family-first'),
      parts('Stijn van de Bunt', 'Stijn', 'van de Bunt', 'given-first'),
      parts('Antoine Gélinas-Beaulieu', 'Antoine', 'Gélinas-Beaulieu', 'given-first'),
      parts('Sverre Lunde Pedersen', 'Sverre', 'Lunde Pedersen', 'given-first'),
      parts('Ann O’Brien', 'Ann', 'O’Brien', 'given-first'),
    ]);
  });

  it('reads capitals in the first and last name columns too (a Korean given name keeps "-won")', () => {
    const text = [
      'startnummer;voornaam;tussenvoegsel;achternaam;land',
      '7;JAE-WON;;CHUNG;KOR',
      '19;Gert-Jan;van der;MEER;NED',
      '20;Jan;VAN DER;POEL;NED',
      '21;Jean-Luc;;PICARD;FRA',
    ].join('\n');
    expect(names(skatersOf(text))).toEqual([
      parts('Chung Jae-won', 'Jae-won', 'Chung', 'family-first'),
      parts('Gert-Jan van der Meer', 'Gert-Jan', 'van der Meer', 'given-first'),
      parts('Jan van der Poel', 'Jan', 'van der Poel', 'given-first'),
      parts('Jean-Luc Picard', 'Jean-Luc', 'Picard', 'given-first'),
    ]);
  });

  it('cases capitals as the press writes them; text in plain case is left alone', () => {
    expect(caseFromCapitals('HALD THORUP')).toBe('Hald Thorup');
    expect(caseFromCapitals('GÉLINAS-BEAULIEU')).toBe('Gélinas-Beaulieu');
    expect(caseFromCapitals("O'BRIEN")).toBe("O'Brien");
    expect(caseFromCapitals('VAN DER POEL')).toBe('van der Poel');
    // A particle alone is the family name itself.
    expect(caseFromCapitals('DE')).toBe('De');
    expect(caseFromCapitals('JAE-WON', { hyphenated: 'lower' })).toBe('Jae-won');
    // Inner capitals cannot be told from capitals: the operator corrects it in the console.
    expect(caseFromCapitals('MCDONALD')).toBe('Mcdonald');
    expect(caseFromCapitals('McDonald')).toBe('McDonald');
    expect(caseFromCapitals('van der POEL')).toBe('van der POEL');
  });

  it('takes capitals as the family name only together at the start or the end of a name', () => {
    expect(officialStyleParts('CHUNG Jae-won')).toEqual({ family: 'CHUNG', given: 'Jae-won' });
    expect(officialStyleParts('Jorrit BERGSMA')).toEqual({ family: 'BERGSMA', given: 'Jorrit' });
    expect(officialStyleParts('BERGSMA J.')).toEqual({ family: 'BERGSMA', given: 'J.' });
    expect(officialStyleParts('JORRIT BERGSMA')).toBeUndefined();
    expect(officialStyleParts('Jorrit Bergsma')).toBeUndefined();
    expect(officialStyleParts('van de BUNT Stijn')).toBeUndefined();
    expect(officialStyleParts('CHUNG Jae WON')).toBeUndefined();
  });
});

describe('given and family name columns', () => {
  it('writes Chinese and Korean names family name first, others given name first', () => {
    const text = [
      'bib,first name,last name,nation',
      '21,Binyu,Yang,CHN',
      '7,Jae-won,Chung,KOR',
      '9,Yu-ting,Huang,TPE',
      '11,Sidney,Chu,HKG',
      '12,Miho,Takagi,JPN',
      '13,Jorrit,Bergsma,NED',
    ].join('\n');
    expect(names(skatersOf(text)).map(({ name, nameOrder }) => `${name} (${nameOrder})`)).toEqual([
      'Yang Binyu (family-first)',
      'Chung Jae-won (family-first)',
      'Huang Yu-ting (family-first)',
      'Sidney Chu (given-first)',
      'Miho Takagi (given-first)',
      'Jorrit Bergsma (given-first)',
    ]);
  });

  it('a name order column overrides the nation, in English or Dutch; blank keeps the default', () => {
    const english = [
      'bib,given name,family name,nation,name order',
      '7,Jae-won,Chung,KOR,given-first',
      '8,Ada,Lovelace,GBR,Family first',
      '9,Binyu,Yang,CHN,',
    ].join('\n');
    expect(names(skatersOf(english))).toEqual([
      parts('Jae-won Chung', 'Jae-won', 'Chung', 'given-first'),
      parts('Lovelace Ada', 'Ada', 'Lovelace', 'family-first'),
      parts('Yang Binyu', 'Binyu', 'Yang', 'family-first'),
    ]);
    const dutch = 'nr;voornaam;achternaam;land;naamvolgorde\n3;Binyu;Yang;CHN;voornaam eerst\n';
    expect(names(skatersOf(dutch))).toEqual([parts('Binyu Yang', 'Binyu', 'Yang', 'given-first')]);
  });

  it('refuses a name order it does not know, naming the line; nothing is read', () => {
    const text = 'bib,first name,last name,nation,name order\n7,Jae-won,Chung,KOR,sideways\n';
    expect(parseStartList(text)).toEqual({
      ok: false,
      problems: [
        {
          line: 2,
          field: 'nameOrder',
          message: 'line 2: name order "sideways" is not family-first or given-first',
        },
      ],
    });
  });

  it('with a name column and one part, takes the other part from the rest of the name', () => {
    const text = [
      'bib,name,last name,first name,nation',
      '8,Viktor Hald Thorup,Hald Thorup,,DEN',
      '7,Chung Jae-won,Chung,,KOR',
      '13,Jorrit Bergsma,,Jorrit,NED',
    ].join('\n');
    expect(names(skatersOf(text))).toEqual([
      parts('Viktor Hald Thorup', 'Viktor', 'Hald Thorup', 'given-first'),
      parts('Chung Jae-won', 'Jae-won', 'Chung', 'family-first'),
      parts('Jorrit Bergsma', 'Jorrit', 'Bergsma', 'given-first'),
    ]);
  });

  it('keeps the name as written when a family name column does not match it', () => {
    const text = 'bib,name,last name,nation\n8,Viktor Hald Thorup,Kramer,DEN\n';
    expect(parseStartList(text)).toEqual({
      ok: true,
      warnings: [],
      skaters: [{ bib: 8, name: 'Viktor Hald Thorup', lastName: 'Kramer', nation: 'DEN' }],
    });
  });
});

describe('a name in plain case', () => {
  it('is kept whole, with no family name guessed, and the import says so', () => {
    const text = 'bib,name,nation\n7,Chung Jae-won,KOR\n8,Viktor Hald Thorup,DEN\n';
    expect(parseStartList(text)).toEqual({
      ok: true,
      warnings: [
        noFamilyHint(2),
        noFamily(2, 7, 'Chung Jae-won'),
        noFamily(3, 8, 'Viktor Hald Thorup'),
      ],
      skaters: [
        { bib: 7, name: 'Chung Jae-won', nation: 'KOR' },
        { bib: 8, name: 'Viktor Hald Thorup', nation: 'DEN' },
      ],
    });
  });
});

describe('JSON', () => {
  it('reads the ISU results service: firstName is the given name, whatever the order', () => {
    const entry = (startNumber: number, firstName: string, lastName: string, country: string) => ({
      id: `e-${startNumber}`,
      startNumber,
      competitor: {
        id: `c-${startNumber}`,
        type: 'person',
        skater: { firstName, lastName, country },
      },
    });
    const text = JSON.stringify([
      entry(7, 'Jae-won', 'Chung', 'KOR'),
      entry(21, 'Binyu', 'Yang', 'CHN'),
      entry(8, 'Viktor', 'HALD THORUP', 'DEN'),
      entry(13, 'Jorrit', 'Bergsma', 'NED'),
    ]);
    expect(names(skatersOf(text))).toEqual([
      parts('Chung Jae-won', 'Jae-won', 'Chung', 'family-first'),
      parts('Yang Binyu', 'Binyu', 'Yang', 'family-first'),
      parts('Viktor Hald Thorup', 'Viktor', 'Hald Thorup', 'given-first'),
      parts('Jorrit Bergsma', 'Jorrit', 'Bergsma', 'given-first'),
    ]);
  });

  it('reads givenName / familyName, a name in capitals, and nameOrder; refuses an unknown order', () => {
    const text = JSON.stringify({
      skaters: [
        {
          bib: 1,
          givenName: 'Ada',
          familyName: 'Lovelace',
          nation: 'GBR',
          nameOrder: 'family-first',
        },
        { bib: 2, name: 'CHUNG Jae-won', nation: 'KOR' },
      ],
    });
    expect(names(skatersOf(text, 'list.json'))).toEqual([
      parts('Lovelace Ada', 'Ada', 'Lovelace', 'family-first'),
      parts('Chung Jae-won', 'Jae-won', 'Chung', 'family-first'),
    ]);
    const wrong = JSON.stringify([{ bib: 1, name: 'CHUNG Jae-won', nameOrder: 'up' }]);
    expect(parseStartList(wrong)).toEqual({
      ok: false,
      problems: [
        {
          line: 1,
          field: 'nameOrder',
          message: 'entry 1: name order "up" is not family-first or given-first',
        },
      ],
    });
  });
});
