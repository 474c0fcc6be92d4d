import { describe, expect, it } from 'vitest';
import { parseStartListCsv } from '../../../src/shared/startlist/csv.ts';
import { parseStartListJson } from '../../../src/shared/startlist/json.ts';
import { parseStartList } from '../../../src/shared/startlist/parse.ts';
import { noFamily, noFamilyHint } from './name-warnings.ts';

// A right-to-left override makes "Bergsma" draw as "amsgreB" (and flips what follows it on the
// board): the import takes such characters out and says so, one line per skater (issue 17).
const RLO = '\u202E';
const PDF = '\u202C';

describe('the start-list import cleans names and says what it took out', () => {
  it('CSV: a line per skater changed, naming the fields and the characters', () => {
    const text = [
      'bib,first name,last name,nation',
      `7,Jorrit,${RLO}amsgreB${PDF},NED`,
      '12,Håvard,Bøkko,NOR',
      `3,Meto\u0000děj,\u2066Jílek\u2069,CZE`,
    ].join('\n');
    expect(parseStartListCsv(text)).toEqual({
      ok: true,
      skaters: [
        {
          bib: 7,
          name: 'Jorrit amsgreB',
          firstName: 'Jorrit',
          lastName: 'amsgreB',
          nation: 'NED',
          nameOrder: 'given-first',
        },
        {
          bib: 12,
          name: 'Håvard Bøkko',
          firstName: 'Håvard',
          lastName: 'Bøkko',
          nation: 'NOR',
          nameOrder: 'given-first',
        },
        {
          bib: 3,
          name: 'Metoděj Jílek',
          firstName: 'Metoděj',
          lastName: 'Jílek',
          nation: 'CZE',
          nameOrder: 'given-first',
        },
      ],
      warnings: [
        {
          line: 2,
          field: 'name',
          message: 'line 2: #7 last name: removed 2 control characters (U+202E, U+202C)',
        },
        {
          line: 4,
          field: 'name',
          message:
            'line 4: #3 first name, last name: removed 3 control characters (U+0000, U+2066, U+2069)',
        },
      ],
    });
  });

  it('JSON: the same, by entry; a tab between the names becomes a space', () => {
    const text = JSON.stringify([
      { bib: 1, name: `${RLO}${RLO}Bart\tSwings`, nation: 'BEL' },
      { bib: 2, name: 'Livio Wenger', nation: 'SUI' },
    ]);
    expect(parseStartListJson(text)).toEqual({
      ok: true,
      skaters: [
        { bib: 1, name: 'Bart Swings', nation: 'BEL' },
        { bib: 2, name: 'Livio Wenger', nation: 'SUI' },
      ],
      warnings: [
        noFamilyHint(2),
        {
          line: 1,
          field: 'name',
          message: 'entry 1: #1 name: removed 3 control characters (U+202E, U+0009)',
        },
        noFamily(1, 1, 'Bart Swings', 'entry'),
        noFamily(2, 2, 'Livio Wenger', 'entry'),
      ],
    });
  });

  it('a name of nothing but control characters is missing', () => {
    expect(parseStartList(`bib;naam\n4;${RLO}\u0007 ${PDF}\n`)).toEqual({
      ok: false,
      problems: [{ line: 2, field: 'name', message: 'line 2: name is missing' }],
    });
  });

  it('clean names give no such warning, and nothing in them is changed', () => {
    const text = 'bib,name\n1,محمد علي\n2,Gert-Jan van der Meer\n3,李文龙\n';
    const result = parseStartListCsv(text);
    // Only that none has a family name (issue 19): none is split from the name.
    expect(result).toMatchObject({
      ok: true,
      warnings: [
        noFamilyHint(3),
        noFamily(2, 1, 'محمد علي'),
        noFamily(3, 2, 'Gert-Jan van der Meer'),
        noFamily(4, 3, '李文龙'),
      ],
    });
    expect(result.ok && result.skaters.map((skater) => skater.name)).toEqual([
      'محمد علي',
      'Gert-Jan van der Meer',
      '李文龙',
    ]);
  });
});
