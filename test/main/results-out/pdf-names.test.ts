import { describe, expect, it } from 'vitest';
import { renderResultsPdf } from '../../../src/main/results-out/pdf.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';
import { parseStartList } from '../../../src/shared/startlist/parse.ts';
import { finish } from '../../support/race.ts';
import { pdfText, stampedRace } from './sheet-race.ts';

// The results sheet prints every skater with given and family name in the official style,
// "FAMILY Given" (issue 19, part 2), and the whole name of one without them; read back from
// the PDF's text layer with pdftotext.

const startList = [
  'bib,name,first name,last name,nation',
  '7,CHUNG Jae-won,,,KOR',
  '8,HALD THORUP Viktor,,,DEN',
  '13,BERGSMA Jorrit,,,NED',
  '21,,Binyu,Yang,CHN',
  '4,Bart Swings,,,BEL',
].join('\n');

describe('names on the results sheet (PDF)', () => {
  it('prints FAMILY Given for skaters with both parts, the whole name otherwise', async () => {
    const result = parseStartList(startList);
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
    const commands: RaceCommand[] = [
      {
        type: 'race/configured',
        title: 'Men · Mass Start · Final',
        round: 'final',
        qualifiers: 0,
        format: isu2018,
      },
      { type: 'startList/set', skaters: result.skaters },
      { type: 'race/started' },
      ...finish([13, 7, 21, 8, 4]),
    ];
    const race = stampedRace('men-final', commands);
    const pdf = await renderResultsPdf({
      meeting: { name: 'World Cup, Heerenveen', venue: 'Heerenveen', date: null, timeZone: 'UTC' },
      ...race,
      version: '0.1.0',
    });
    const lines = pdfText(pdf)
      .split('\n')
      .map((line) => line.trim().replace(/\s+/g, ' '));
    const row = (rank: number, bib: number) =>
      lines.find((line) => line.startsWith(`${rank} ${bib} `))?.replace(/ [A-Z]{3} .*$/, '');
    expect([row(1, 13), row(2, 7), row(3, 21), row(4, 8), row(5, 4)]).toEqual([
      '1 13 BERGSMA Jorrit',
      '2 7 CHUNG Jae-won',
      '3 21 YANG Binyu',
      '4 8 HALD THORUP Viktor',
      '5 4 Bart Swings',
    ]);
  });
});
