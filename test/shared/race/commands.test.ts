import { describe, expect, it } from 'vitest';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { raceEventSchema } from '../../../src/shared/race/events.ts';
import { describeIssues } from '../../../src/shared/validation.ts';
import { finish, lapsTo, opening, race, refusal, sprintsAt } from '../../support/race.ts';

const running = () =>
  race([...opening({ count: 12, round: 'semi' }), ...sprintsAt([[1, 2, 3]]), lapsTo(6)]);

// Each refused command with the message the operator sees; refusal() also checks the state is untouched.
const refusals: { what: string; setup?: RaceCommand[]; command: RaceCommand; message: RegExp }[] = [
  {
    what: 'unknown bib in a sprint',
    command: { type: 'sprint/placed', sprint: 1, bibs: [4, 44] },
    message: /helmet number 44 is not on the start list/,
  },
  {
    what: 'same skater twice in a sprint',
    command: { type: 'sprint/placed', sprint: 1, bibs: [4, 5, 4] },
    message: /skater 4 appears twice in sprint 1/,
  },
  {
    what: 'more placings than the table pays',
    command: { type: 'sprint/placed', sprint: 1, bibs: [4, 5, 6, 7] },
    message: /sprint 1 scores 3 places, but 4 helmet numbers were given/,
  },
  {
    what: 'a sprint number the format does not have',
    command: { type: 'sprint/placed', sprint: 4, bibs: [4] },
    message: /sprint 4 is not in this format \(intermediate sprints 1 to 3\)/,
  },
  {
    what: 'sprint 0',
    command: { type: 'sprint/placed', sprint: 0, bibs: [4] },
    message: /sprint 0 is not in this format/,
  },
  {
    what: 'a sprint placed long before it is run',
    command: { type: 'sprint/placed', sprint: 3, bibs: [4] },
    message: /sprint 3 is decided at 4 laps to go; the race is at 10/,
  },
  {
    what: 'a sprint placing for a DNS skater',
    setup: [{ type: 'skater/statusChanged', bib: 9, status: 'DNS' }],
    command: { type: 'sprint/placed', sprint: 1, bibs: [9] },
    message: /skater 9 did not start \(DNS\)/,
  },
  {
    what: 'the same skater twice in the finish order',
    setup: [lapsTo(15)],
    command: { type: 'finish/recorded', bibs: [1, 2, 1] },
    message: /skater 1 appears twice in the finish order/,
  },
  {
    what: 'appending a skater already in the finish order',
    setup: [lapsTo(15), { type: 'finish/recorded', bibs: [1, 2] }],
    command: { type: 'finish/appended', bibs: [3, 2] },
    message: /skater 2 appears twice in the finish order/,
  },
  {
    what: 'a finish order before the last lap',
    command: { type: 'finish/recorded', bibs: [1] },
    message: /the finish order comes on the last lap; the race is at 10 laps to go/,
  },
  {
    what: 'a DNF skater in the finish order',
    setup: [lapsTo(15), { type: 'skater/statusChanged', bib: 5, status: 'DNF', laps: 9 }],
    command: { type: 'finish/appended', bibs: [5] },
    message: /skater 5 is DNF/,
  },
  {
    what: 'marking a finisher DNF',
    setup: [lapsTo(15), { type: 'finish/recorded', bibs: [1, 5] }],
    command: { type: 'skater/statusChanged', bib: 5, status: 'DNF' },
    message: /skater 5 is in the finish order/,
  },
  {
    what: 'marking a sprint scorer DNS',
    command: { type: 'skater/statusChanged', bib: 2, status: 'DNS' },
    message: /skater 2 has sprint placings/,
  },
  {
    what: 'laps below zero for a DNF',
    command: { type: 'skater/statusChanged', bib: 7, status: 'DNF', laps: -1 },
    message: /laps completed cannot be below zero/,
  },
  {
    what: 'laps to go below zero (correction)',
    command: { type: 'laps/corrected', lapsCompleted: 17 },
    message: /laps to go cannot go below zero/,
  },
  {
    what: 'negative laps completed',
    command: { type: 'laps/corrected', lapsCompleted: -1 },
    message: /laps completed must be between 0 and 16/,
  },
  {
    what: 'a lap after the leader finished',
    setup: [lapsTo(16)],
    command: { type: 'lap/completed' },
    message: /laps to go cannot go below zero/,
  },
  {
    what: 'status of an unknown bib',
    command: { type: 'skater/statusChanged', bib: 99, status: 'DQ' },
    message: /helmet number 99 is not on the start list/,
  },
  {
    what: 'a new start list once the race runs',
    command: { type: 'startList/set', skaters: [] },
    message: /the race has started/,
  },
  {
    what: 'changing the format once the race runs',
    command: {
      ...(opening()[0] as RaceCommand & { type: 'race/configured' }),
      round: 'final',
      qualifiers: 0,
    },
    message: /only its title can still be changed/,
  },
  {
    what: 'confirming results with skaters still on the ice',
    setup: [lapsTo(15), { type: 'finish/recorded', bibs: [1, 2, 3] }],
    command: { type: 'results/confirmed' },
    message: /skaters 4, 5, 6, 7, 8, 9, 10, 11, 12 need a finish place or a status/,
  },
  {
    what: 'reopening results that are not official',
    command: { type: 'results/reopened' },
    message: /the results are not official/,
  },
  {
    what: 'advancing the same skater twice',
    setup: [{ type: 'qualifier/advanced', bib: 11 }],
    command: { type: 'qualifier/advanced', bib: 11 },
    message: /already been advanced/,
  },
  {
    what: 'advancing a disqualified skater',
    setup: [{ type: 'skater/statusChanged', bib: 11, status: 'DQ' }],
    command: { type: 'qualifier/advanced', bib: 11 },
    message: /skater 11 is DQ/,
  },
  {
    what: 'voiding an entry that does not exist',
    command: { type: 'event/voided', target: 999 },
    message: /journal entry 999 does not exist/,
  },
  { what: 'redo with nothing undone', command: { type: 'redo' }, message: /nothing to redo/ },
];

describe('refused commands name the problem and change nothing', () => {
  it.each(refusals)('$what', ({ setup = [], command, message }) => {
    const history = running();
    for (const extra of setup)
      history.commit(expectOk(history.decide(extra, { at: '', source: 'test' })));
    const entries = history.entries.length;
    expect(refusal(history, command)).toMatch(message);
    expect(history.entries.length).toBe(entries);
  });

  it('refuses any change to official results until they are reopened', () => {
    const history = race([
      ...opening({ count: 3 }),
      ...finish([1, 2, 3]),
      { type: 'results/confirmed' },
    ]);
    expect(refusal(history, { type: 'skater/statusChanged', bib: 2, status: 'DQ' })).toMatch(
      /official: reopen them/,
    );
    const finishSeq = history.entries.find((entry) => entry.event.type === 'finish/recorded')!.seq;
    expect(refusal(history, { type: 'event/voided', target: finishSeq })).toMatch(
      /official: reopen them/,
    );
    // Undoing the confirmation itself is allowed: it is the same as reopening.
    expect(history.decide({ type: 'undo' }, { at: '', source: 'test' })).toMatchObject({
      ok: true,
      state: { official: false },
    });
    history.commit(
      expectOk(history.decide({ type: 'results/reopened' }, { at: '', source: 'test' })),
    );
    expect(
      history.decide(
        { type: 'skater/statusChanged', bib: 2, status: 'DQ' },
        { at: '', source: 'test' },
      ).ok,
    ).toBe(true);
  });

  it('a referee advance only exists in a semi-final', () => {
    const history = race(opening({ count: 4, round: 'final' }));
    expect(refusal(history, { type: 'qualifier/advanced', bib: 2 })).toMatch(/only a semi-final/);
  });

  it('a start list with duplicate bibs names both skaters', () => {
    const history = race([opening()[0]!]);
    const skaters = [
      { bib: 7, name: 'Jorrit Bergsma', nation: 'NED' },
      { bib: 7, name: 'Bart Swings', nation: 'BEL' },
    ];
    expect(refusal(history, { type: 'startList/set', skaters })).toBe(
      'helmet number 7 appears twice on the start list (Jorrit Bergsma and Bart Swings)',
    );
  });

  it('a start list with a missing name or a bad nation fails validation with the path', () => {
    const result = raceEventSchema.safeParse({
      type: 'startList/set',
      skaters: [
        { bib: 1, name: ' ', nation: 'NED' },
        { bib: 2, name: 'X', nation: 'Netherlands' },
      ],
    });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!).split('\n')).toEqual([
      'skaters[0].name: name is missing',
      'skaters[1].nation: nation must be a three-letter IOC code such as NED',
    ]);
  });
});

function expectOk<T extends { ok: boolean }>(decision: T): Extract<T, { ok: true }> {
  if (!decision.ok) throw new Error(`refused: ${(decision as unknown as { error: string }).error}`);
  return decision as Extract<T, { ok: true }>;
}
