import { describe, expect, it } from 'vitest';
import {
  finalSetup,
  raceAddedSetup,
  uniqueRaceId,
} from '../../../src/shared/program/race-setup.ts';
import type { ProgramCommand } from '../../../src/shared/protocol/program.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';
import { finish, opening, race } from '../../support/race.ts';

type RaceAdded = Extract<ProgramCommand, { type: 'race/added' }>;
const added = (changes: Partial<RaceAdded> = {}): RaceAdded => ({
  type: 'race/added',
  title: 'Men Semi 1',
  category: 'Men',
  round: 'semi',
  qualifiers: 8,
  format: 'isu-2018',
  ...changes,
});
const final: Extract<ProgramCommand, { type: 'final/built' }> = {
  type: 'final/built',
  semis: ['semi-1', 'semi-2'],
  title: 'Men Final',
  category: 'Men',
};
const semi = (finishOrder: number[] | null) =>
  race([...opening({ round: 'semi', count: 12 }), ...(finishOrder ? finish(finishOrder) : [])])
    .state;

describe('raceAddedSetup', () => {
  it('configures the race in its format', () => {
    expect(raceAddedSetup(added())).toEqual({
      ok: true,
      commands: [
        {
          type: 'race/configured',
          title: 'Men Semi 1',
          round: 'semi',
          qualifiers: 8,
          format: isu2018,
        },
      ],
    });
  });

  it.each<[string, Partial<RaceAdded>, string]>([
    ['an unknown format', { format: 'nope' }, 'format: unknown race format "nope"'],
    [
      'a semi-final without qualifiers',
      { qualifiers: 0 },
      'a semi-final needs the number of qualifiers (for example 8)',
    ],
  ])('refuses %s, saying why', (_, changes, error) => {
    expect(raceAddedSetup(added(changes))).toMatchObject({
      ok: false,
      status: 400,
      error: expect.stringContaining(error),
    });
  });
});

describe('finalSetup', () => {
  it('refuses semis without a complete finish order', () => {
    expect(finalSetup(final, [semi(null), semi(null)])).toEqual({
      ok: false,
      status: 400,
      error: 'semi-final 1 ("Test race") has no complete finish order yet',
    });
  });

  it('configures the final in the semis’ format, helmets from the semi ranking', () => {
    const order = Array.from({ length: 12 }, (_, i) => i + 1);
    const setup = finalSetup(final, [semi(order), semi([...order].reverse())]);
    expect(setup.ok).toBe(true);
    if (!setup.ok) return;
    const [configured, startList] = setup.commands;
    expect(configured).toEqual({
      type: 'race/configured',
      title: 'Men Final',
      round: 'final',
      qualifiers: 0,
      format: isu2018,
    });
    expect(startList?.type === 'startList/set' && startList.skaters.slice(0, 4)).toEqual([
      { bib: 1, name: 'Skater 1', nation: 'NED' },
      { bib: 2, name: 'Skater 12', nation: 'NED' },
      { bib: 3, name: 'Skater 2', nation: 'NED' },
      { bib: 4, name: 'Skater 11', nation: 'NED' },
    ]);
  });
});

describe('uniqueRaceId', () => {
  it.each<[string, string[], string]>([
    ['Men Semi 1', [], 'men-semi-1'],
    ['Dames · Halve finale (é)', [], 'dames-halve-finale-e'],
    ['!!!', [], 'race'],
    ['Men Semi 1', ['men-semi-1'], 'men-semi-1-2'],
    ['Men Semi 1', ['men-semi-1', 'men-semi-1-2'], 'men-semi-1-3'],
    ['x'.repeat(60), [], 'x'.repeat(48)],
  ])('%s (taken: %j) -> %s', (text, taken, id) => {
    expect(uniqueRaceId(text, (candidate) => taken.includes(candidate))).toBe(id);
  });
});
