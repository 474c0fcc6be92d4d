// Issue 10: every refusal of the rules carries a code and what it names (`params.bib`: the
// skater), so a view places it next to that helmet number; the words stay the host's.
import { describe, expect, it } from 'vitest';
import type { RefusalCode, RefusalParams } from '../../../src/shared/race/errors.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { lapsTo, opening, race, sprintsAt } from '../../support/race.ts';

const running = () =>
  race([...opening({ count: 12, round: 'semi' }), ...sprintsAt([[1, 2, 3]]), lapsTo(6)]);

const cases: {
  what: string;
  setup?: RaceCommand[];
  command: RaceCommand;
  code: RefusalCode;
  params?: RefusalParams;
}[] = [
  {
    what: 'unknown bib',
    command: { type: 'sprint/placed', sprint: 1, bibs: [4, 44] },
    code: 'unknownBib',
    params: { bib: 44 },
  },
  {
    what: 'twice in a sprint',
    command: { type: 'sprint/placed', sprint: 1, bibs: [4, 5, 4] },
    code: 'twice',
    params: { bib: 4 },
  },
  {
    what: 'too many placings',
    command: { type: 'sprint/placed', sprint: 1, bibs: [4, 5, 6, 7] },
    code: 'tooMany',
    params: { sprint: 1, places: 3, count: 4 },
  },
  {
    what: 'no such sprint',
    command: { type: 'sprint/placed', sprint: 4, bibs: [4] },
    code: 'noSprint',
    params: { sprint: 4, count: 3 },
  },
  {
    what: 'a sprint not run yet',
    command: { type: 'sprint/placed', sprint: 3, bibs: [4] },
    code: 'sprintNotYet',
    params: { sprint: 3, decidedAt: 4, lapsToGo: 10 },
  },
  {
    what: 'a DNS skater placed',
    setup: [{ type: 'skater/statusChanged', bib: 9, status: 'DNS' }],
    command: { type: 'sprint/placed', sprint: 1, bibs: [9] },
    code: 'dns',
    params: { bib: 9 },
  },
  {
    what: 'the finish order early',
    command: { type: 'finish/recorded', bibs: [1] },
    code: 'finishNotYet',
    params: { lapsToGo: 10 },
  },
  {
    what: 'a finisher appended again',
    setup: [lapsTo(15), { type: 'finish/recorded', bibs: [1, 2] }],
    command: { type: 'finish/appended', bibs: [3, 2] },
    code: 'alreadyFinished',
    params: { bib: 2, place: 2 },
  },
  {
    what: 'twice in the appended part',
    setup: [lapsTo(15), { type: 'finish/recorded', bibs: [1, 2] }],
    command: { type: 'finish/appended', bibs: [3, 3] },
    code: 'twice',
    params: { bib: 3 },
  },
  {
    what: 'a DNF skater finishing',
    setup: [lapsTo(15), { type: 'skater/statusChanged', bib: 5, status: 'DNF', laps: 9 }],
    command: { type: 'finish/appended', bibs: [5] },
    code: 'dnf',
    params: { bib: 5 },
  },
  {
    what: 'a finisher marked DNF',
    setup: [lapsTo(15), { type: 'finish/recorded', bibs: [1, 5] }],
    command: { type: 'skater/statusChanged', bib: 5, status: 'DNF' },
    code: 'inFinish',
    params: { bib: 5 },
  },
  {
    what: 'a sprint scorer marked DNS',
    command: { type: 'skater/statusChanged', bib: 2, status: 'DNS' },
    code: 'hasSprintPlacings',
    params: { bib: 2 },
  },
  {
    what: 'DNF laps above the race',
    command: { type: 'skater/statusChanged', bib: 7, status: 'DNF', laps: 17 },
    code: 'lapsRange',
    params: { laps: 16 },
  },
  {
    what: 'laps corrected out of range',
    command: { type: 'laps/corrected', lapsCompleted: 17 },
    code: 'lapsRange',
    params: { laps: 16 },
  },
  {
    what: 'a lap after the finish',
    setup: [lapsTo(16)],
    command: { type: 'lap/completed' },
    code: 'leaderFinished',
  },
  { what: 'a second start', command: { type: 'race/started' }, code: 'alreadyStarted' },
  {
    what: 'a new start list',
    command: { type: 'startList/set', skaters: [] },
    code: 'startListLocked',
  },
  {
    what: 'q twice',
    setup: [{ type: 'qualifier/advanced', bib: 11 }],
    command: { type: 'qualifier/advanced', bib: 11 },
    code: 'alreadyAdvanced',
    params: { bib: 11 },
  },
  {
    what: 'q for a DQ skater',
    setup: [{ type: 'skater/statusChanged', bib: 11, status: 'DQ' }],
    command: { type: 'qualifier/advanced', bib: 11 },
    code: 'dq',
    params: { bib: 11 },
  },
  {
    what: 'confirming too early',
    setup: [lapsTo(15), { type: 'finish/recorded', bibs: [1, 2, 3] }],
    command: { type: 'results/confirmed' },
    code: 'needsStatus',
    params: { bibs: '4, 5, 6, 7, 8, 9, 10, 11, 12' },
  },
  { what: 'reopening open results', command: { type: 'results/reopened' }, code: 'notOfficial' },
  {
    what: 'a void of nothing',
    command: { type: 'event/voided', target: 999 },
    code: 'noSuchEntry',
    params: { seq: 999 },
  },
  { what: 'redo with nothing undone', command: { type: 'redo' }, code: 'nothingToRedo' },
];

describe('refusals carry a code and what they name', () => {
  it.each(cases)('$what', ({ setup = [], command, code, params = {} }) => {
    const history = running();
    for (const extra of setup) {
      const decision = history.decide(extra, { at: '', source: 'test' });
      if (!decision.ok) throw new Error(decision.error);
      history.commit(decision);
    }
    expect(history.decide(command, { at: '', source: 'test' })).toMatchObject({
      ok: false,
      code,
      params,
    });
  });

  it('moment: false leaves out the rules of the moment: a wrong number in a sprint not run yet', () => {
    const command: RaceCommand = { type: 'sprint/placed', sprint: 3, bibs: [4, 44] };
    const meta = { at: '', source: 'test' };
    expect(running().decide(command, meta)).toMatchObject({ ok: false, code: 'sprintNotYet' });
    expect(running().decide(command, meta, { moment: false })).toEqual({
      ok: false,
      code: 'unknownBib',
      params: { bib: 44 },
      error: 'helmet number 44 is not on the start list',
    });
    expect(
      running().decide({ type: 'sprint/placed', sprint: 3, bibs: [4] }, meta, { moment: false }),
    ).toMatchObject({ ok: true });
  });
});
