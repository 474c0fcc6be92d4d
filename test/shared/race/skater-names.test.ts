import { describe, expect, it } from 'vitest';
import { nameForms } from '../../../src/shared/board/names.ts';
import { parseRaceRequest } from '../../../src/shared/protocol/commands.ts';
import { journalEntrySchema, type RaceCommand } from '../../../src/shared/race/events.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { replayCommands } from '../../../src/shared/race/replay.ts';
import { printName } from '../../../src/shared/race/skater-name.ts';
import { parseStartList } from '../../../src/shared/startlist/parse.ts';

// A skater's name parts and order as data (issue 19, part 2): journals written before keep
// their names, an edit of the parts or the order of a skater that has one renames it.

const configured: RaceCommand = {
  type: 'race/configured',
  title: 'Men · Final',
  round: 'final',
  qualifiers: 0,
  format: isu2018,
};

describe('a journal written before issue 19', () => {
  // Lines as the host wrote them then: name, firstName, lastName, and no nameOrder.
  const journal = [
    {
      seq: 1,
      at: '2026-02-21T13:00:00.000Z',
      source: 'console',
      event: {
        type: 'race/configured',
        title: 'Men · Final',
        round: 'final',
        qualifiers: 0,
        format: isu2018,
      },
    },
    {
      seq: 2,
      at: '2026-02-21T13:00:01.000Z',
      source: 'console',
      event: {
        type: 'startList/set',
        skaters: [
          { bib: 21, name: 'Binyu Yang', firstName: 'Binyu', lastName: 'Yang', nation: 'CHN' },
          { bib: 7, name: 'Chung Jae-won', nation: 'KOR' },
          { bib: 13, name: 'Jorrit Bergsma', firstName: 'Jorrit', lastName: 'Bergsma' },
        ],
      },
    },
    {
      seq: 3,
      at: '2026-02-21T13:00:02.000Z',
      source: 'http',
      event: { type: 'skater/edited', bib: 13, firstName: 'J.' },
    },
  ]
    .map((line) => JSON.stringify(line))
    .map((line) => journalEntrySchema.parse(JSON.parse(line)));

  it('replays to the same names, given name first, with no order added', () => {
    const { state, problems } = foldJournal(journal);
    expect(problems).toEqual([]);
    expect(state.skaters).toEqual([
      { bib: 21, name: 'Binyu Yang', firstName: 'Binyu', lastName: 'Yang', nation: 'CHN' },
      { bib: 7, name: 'Chung Jae-won', nation: 'KOR' },
      { bib: 13, name: 'Jorrit Bergsma', firstName: 'J.', lastName: 'Bergsma', nation: '' },
    ]);
    expect(state.skaters.map(nameForms)).toEqual([
      ['Binyu Yang', 'B. YANG', 'YANG'],
      ['Chung Jae-won'],
      ['Jorrit Bergsma', 'J. BERGSMA', 'BERGSMA'],
    ]);
    expect(state.skaters.map(printName)).toEqual(['YANG Binyu', 'Chung Jae-won', 'BERGSMA J.']);
  });
});

describe('an edit of the name parts or the order', () => {
  const imported = () => {
    const result = parseStartList('bib,first name,last name,nation\n21,Binyu,Yang,CHN\n');
    if (!result.ok) throw new Error('refused');
    return result.skaters;
  };
  const skaterAfter = (...edits: unknown[]) => {
    const commands = edits.map((edit) => {
      const request = parseRaceRequest(edit);
      if (request.kind !== 'single') throw new Error('expected one command');
      return request.command;
    });
    return replayCommands([configured, { type: 'startList/set', skaters: imported() }, ...commands])
      .state.skaters[0];
  };

  it('renames a skater whose order is known: the name follows from the parts', () => {
    expect(skaterAfter({ type: 'skater/edited', bib: 21, nameOrder: 'given-first' })).toEqual({
      bib: 21,
      name: 'Binyu Yang',
      firstName: 'Binyu',
      lastName: 'Yang',
      nation: 'CHN',
      nameOrder: 'given-first',
    });
    expect(skaterAfter({ type: 'skater/edited', bib: 21, lastName: 'Yan' })?.name).toBe(
      'Yan Binyu',
    );
  });

  it('a name given with the edit is the name shown', () => {
    const edit = { type: 'skater/edited', bib: 21, name: 'YANG Binyu', nameOrder: 'given-first' };
    expect(skaterAfter(edit)).toMatchObject({ name: 'YANG Binyu', nameOrder: 'given-first' });
  });

  it('an edit that clears a part keeps the name as it is', () => {
    expect(skaterAfter({ type: 'skater/edited', bib: 21, firstName: '' })).toMatchObject({
      name: 'Yang Binyu',
      firstName: '',
    });
  });

  it('refuses an order it does not know, naming the field', () => {
    expect(() => parseRaceRequest({ type: 'skater/edited', bib: 21, nameOrder: 'up' })).toThrow(
      /^nameOrder: /,
    );
    expect(() =>
      parseRaceRequest({
        type: 'startList/set',
        skaters: [{ bib: 1, name: 'Chung Jae-won', nameOrder: 'family' }],
      }),
    ).toThrow(/^skaters\[0\]\.nameOrder: /);
  });
});
