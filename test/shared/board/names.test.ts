import { describe, expect, it } from 'vitest';
import { nameForms } from '../../../src/shared/board/names.ts';
import { parseStartList } from '../../../src/shared/startlist/parse.ts';

// The board's short forms follow from the start list's given and family name and the name's
// order (issue 19, part 2), never from splitting the name at a space.

describe("the board's name forms", () => {
  it('initial + FAMILY and FAMILY; family name first stays first: CHUNG J.', () => {
    const result = parseStartList(
      'bib,name,nation\n7,CHUNG Jae-won,KOR\n8,HALD THORUP Viktor,DEN\n13,BERGSMA Jorrit,NED\n21,YANG Binyu,CHN\n',
    );
    if (!result.ok) throw new Error('refused');
    expect(result.skaters.map(nameForms)).toEqual([
      ['Chung Jae-won', 'CHUNG J.', 'CHUNG'],
      ['Viktor Hald Thorup', 'V. HALD THORUP', 'HALD THORUP'],
      ['Jorrit Bergsma', 'J. BERGSMA', 'BERGSMA'],
      ['Yang Binyu', 'YANG B.', 'YANG'],
    ]);
  });

  it('the whole name only, without a family name: none is split from the name', () => {
    expect(nameForms({ name: 'Chung Jae-won' })).toEqual(['Chung Jae-won']);
    expect(nameForms({ name: 'Viktor Hald Thorup' })).toEqual(['Viktor Hald Thorup']);
    expect(nameForms({ name: 'Bergsma', firstName: 'Jorrit' })).toEqual(['Bergsma']);
  });

  it('FAMILY alone with a family name but no given name', () => {
    expect(nameForms({ name: 'Bergsma', lastName: 'Bergsma' })).toEqual(['Bergsma', 'BERGSMA']);
  });

  it('a skater of an older journal (no order) is given name first, as it was shown', () => {
    expect(nameForms({ name: 'Binyu Yang', firstName: 'Binyu', lastName: 'Yang' })).toEqual([
      'Binyu Yang',
      'B. YANG',
      'YANG',
    ]);
  });

  it('keeps the accent of an initial, composed or not, and capitals of any script', () => {
    const forms = (firstName: string) =>
      nameForms({ name: 'x', firstName, lastName: 'Test', nameOrder: 'given-first' })[1];
    expect(forms('Ørjan')).toBe('Ø. TEST');
    expect(forms('Élise')).toBe('É. TEST');
    expect(forms('E\u0301lise')).toBe('E\u0301. TEST');
    expect(nameForms({ name: 'x', firstName: 'Ann', lastName: 'Bøkko' })[2]).toBe('BØKKO');
  });
});
