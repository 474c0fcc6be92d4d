import { describe, expect, it } from 'vitest';
import { emptyProgram, type ProgramFile } from '../../../src/shared/program/program-file.ts';
import { recoverProgram, type JournalFound } from '../../../src/shared/program/recover.ts';

const journal = (id: string, firstAt: string, lastAt = firstAt): JournalFound => ({
  id,
  firstAt: `2026-02-21T${firstAt}:00.000Z`,
  lastAt: `2026-02-21T${lastAt}:00.000Z`,
});
const stored = (ids: string[], activeRaceId: string | null = ids[0] ?? null): ProgramFile => ({
  ...emptyProgram('M'),
  revision: 9,
  races: ids.map((id) => ({ id, category: 'Men' })),
  activeRaceId,
});

describe('recoverProgram: the program put back together at start', () => {
  it.each<
    [
      string,
      ProgramFile | null,
      string | null,
      JournalFound[],
      { ids: string[]; active: string | null; revision: number; changed: boolean; notes: string[] },
    ]
  >([
    [
      'a program that matches its journals is taken as it is',
      stored(['semi-1', 'semi-2']),
      null,
      [journal('semi-1', '10:00'), journal('semi-2', '11:00')],
      { ids: ['semi-1', 'semi-2'], active: 'semi-1', revision: 9, changed: false, notes: [] },
    ],
    [
      'journals a crash left out of the program come back in the order they were made, one revision on',
      stored(['semi-1']),
      null,
      [journal('semi-1', '10:00'), journal('final', '12:00'), journal('semi-2', '11:00')],
      {
        ids: ['semi-1', 'semi-2', 'final'],
        active: 'semi-1',
        revision: 10,
        changed: true,
        notes: [
          'recovered race semi-2: its journal was not yet in the program',
          'recovered race final: its journal was not yet in the program',
        ],
      },
    ],
    [
      'a new data folder gets an empty program at revision 0',
      null,
      null,
      [],
      { ids: [], active: null, revision: 0, changed: true, notes: [] },
    ],
    [
      'a missing program is rebuilt from the journals, the race written last on the boards',
      null,
      null,
      [journal('semi-1', '10:00', '10:30'), journal('semi-2', '09:00', '11:45')],
      {
        ids: ['semi-2', 'semi-1'],
        active: 'semi-2',
        revision: 0,
        changed: true,
        notes: [
          'program.json was missing: rebuilt the program from 2 race journals (semi-2, semi-1), active race semi-2; nothing was deleted',
        ],
      },
    ],
    [
      'a damaged program is rebuilt from one journal, saying why',
      null,
      'program.json is not valid JSON; moved it to program.damaged-x.json',
      [journal('semi-1', '10:00')],
      {
        ids: ['semi-1'],
        active: 'semi-1',
        revision: 0,
        changed: true,
        notes: [
          'program.json could not be read (program.json is not valid JSON; moved it to program.damaged-x.json): rebuilt the program from 1 race journal (semi-1), active race semi-1; nothing was deleted',
        ],
      },
    ],
    [
      'a damaged program with no journals starts a new program',
      null,
      'program.json is damaged',
      [],
      {
        ids: [],
        active: null,
        revision: 0,
        changed: true,
        notes: ['program.json could not be read (program.json is damaged): started a new program'],
      },
    ],
    [
      'an active race that is not there is taken off the boards',
      stored(['semi-1'], 'gone'),
      null,
      [journal('semi-1', '10:00')],
      { ids: ['semi-1'], active: null, revision: 10, changed: true, notes: [] },
    ],
  ])('%s', (_, program, damaged, journals, expected) => {
    const before = structuredClone(program);
    const recovered = recoverProgram(program, damaged, journals);
    expect({
      ids: recovered.program.races.map((race) => race.id),
      active: recovered.program.activeRaceId,
      revision: recovered.program.revision,
      changed: recovered.changed,
      notes: recovered.notes,
    }).toEqual(expected);
    expect(program).toEqual(before); // pure
  });

  it('keeps the meeting, scenes and display of a stored program; recovered races get no category', () => {
    const program = { ...stored(['semi-1']), meeting: 'Milano Cortina 2026' };
    const { program: recovered } = recoverProgram(program, null, [
      journal('semi-1', '10:00'),
      journal('semi-2', '11:00'),
    ]);
    expect(recovered).toEqual({
      ...program,
      revision: 10,
      races: [...program.races, { id: 'semi-2', category: '' }],
    });
  });
});
