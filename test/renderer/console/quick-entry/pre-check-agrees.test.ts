// Issue 10, "rules in one place": the console's pre-check of a quick entry and the host agree on
// every refusal, because the pre-check is the engine's own decide on the pushed state. Each row
// is typed on the console (on the race state as it travels, through JSON) and sent to a host
// history built from the journal; both verdicts must be the same. What was entered wrong is
// held back and placed at the helmet number it names; a refusal of the moment only (not
// started, not the lap yet, official) is sent, and the host's answer is shown.
import { describe, expect, it } from 'vitest';
import {
  parseQuickEntry,
  type QuickEntryMode,
} from '../../../../src/renderer/console/quick-entry/parse.ts';
import { preCheckQuickEntry } from '../../../../src/renderer/console/quick-entry/pre-check.ts';
import type { RefusalCode } from '../../../../src/shared/race/errors.ts';
import type { RaceCommand } from '../../../../src/shared/race/events.ts';
import { isu2018 } from '../../../../src/shared/race/format.ts';
import type { RaceHistory } from '../../../../src/shared/race/history.ts';
import { replayCommands } from '../../../../src/shared/race/replay.ts';
import { raceView, type RaceView } from '../../../../src/shared/race/view.ts';
import { laps, semiSkaters } from '../fixtures.ts';

const sprint = (n: number): QuickEntryMode => ({ kind: 'sprint', sprint: n });
const finish: QuickEntryMode = { kind: 'finish' };
const finishReplace: QuickEntryMode = { kind: 'finishReplace' };
const status = (s: 'DNF' | 'DQ' | 'LAPPED' | 'OK'): QuickEntryMode => ({
  kind: 'status',
  status: s,
});
const advance: QuickEntryMode = { kind: 'advance' };
const time: QuickEntryMode = { kind: 'time' };

/** A race of 12 after the commands: the host's history and the view the console is pushed. */
function raceAfter(commands: RaceCommand[], round: 'semi' | 'final' = 'semi') {
  const history = replayCommands([
    {
      type: 'race/configured',
      title: 'Test race',
      round,
      qualifiers: round === 'semi' ? 8 : 0,
      format: isu2018,
    },
    { type: 'startList/set', skaters: semiSkaters },
    ...commands,
  ]);
  const view = raceView('race', history.entries.length, history.state);
  const pushed = JSON.parse(JSON.stringify(view)) as RaceView;
  return { history, pushed };
}

/** What the host answers to a request: its first refusal (a batch is all or nothing), or ok. */
function hostVerdict(history: RaceHistory, commands: readonly RaceCommand[]) {
  const scratch = history.fork();
  for (const command of commands) {
    const decision = scratch.decide(command, { at: '2026-02-21T15:00:00.000Z', source: 'ws' });
    if (!decision.ok)
      return { ok: false, code: decision.code, error: decision.error, params: decision.params };
    scratch.commit(decision);
  }
  return { ok: true };
}

const finished = [...laps(16), { type: 'finish/recorded', bibs: [1, 2, 3] } as RaceCommand];
const official: RaceCommand[] = [
  ...laps(16),
  { type: 'finish/recorded', bibs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
  { type: 'results/confirmed' },
];
const dnf11 = { type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 } as RaceCommand;
const dns6 = { type: 'skater/statusChanged', bib: 6, status: 'DNS' } as RaceCommand;
const dq5 = { type: 'skater/statusChanged', bib: 5, status: 'DQ' } as RaceCommand;

interface Row {
  readonly what: string;
  readonly race: RaceCommand[];
  readonly round?: 'semi' | 'final';
  readonly mode: QuickEntryMode;
  readonly text: string;
  /** The host's verdict: the refusal's code, or null when it accepts. */
  readonly refused: RefusalCode | null;
  /** What the console marks when the host's first refusal is of the moment (it says so first). */
  readonly marked?: RefusalCode;
}

const table: Row[] = [
  { what: 'a sprint', race: laps(4), mode: sprint(1), text: '4 9 3', refused: null },
  {
    what: 'a wrong helmet number',
    race: laps(4),
    mode: sprint(1),
    text: '4 8 77',
    refused: 'unknownBib',
  },
  {
    what: 'a number twice in a sprint',
    race: laps(4),
    mode: sprint(1),
    text: '4 8 4',
    refused: 'twice',
  },
  {
    what: 'more numbers than the sprint scores',
    race: laps(4),
    mode: sprint(1),
    text: '1 2 3 4',
    refused: 'tooMany',
  },
  {
    what: 'a sprint the format lacks',
    race: laps(4),
    mode: sprint(4),
    text: '1',
    refused: 'noSprint',
  },
  {
    what: 'a DNS skater in a sprint',
    race: [dns6, ...laps(4)],
    mode: sprint(1),
    text: '6 1',
    refused: 'dns',
  },
  {
    what: 'a sprint before the start',
    race: [],
    mode: sprint(1),
    text: '1 2 3',
    refused: 'notStarted',
  },
  {
    what: 'a sprint long before its lap',
    race: laps(2),
    mode: sprint(3),
    text: '1 2 3',
    refused: 'sprintNotYet',
  },
  {
    what: 'a wrong number in a sprint not run yet',
    race: laps(2),
    mode: sprint(3),
    text: '1 99',
    refused: 'sprintNotYet',
    marked: 'unknownBib',
  },
  {
    what: 'a sprint correction',
    race: [...laps(4), { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] }],
    mode: sprint(1),
    text: '4 3 9',
    refused: null,
  },
  { what: 'the finish order', race: laps(16), mode: finish, text: '1 2 3', refused: null },
  {
    what: 'the finish order before the last lap',
    race: laps(10),
    mode: finish,
    text: '1 2',
    refused: 'finishNotYet',
  },
  {
    what: 'the finish order before the start',
    race: [],
    mode: finish,
    text: '1 2',
    refused: 'notStarted',
  },
  {
    what: 'a finisher added again',
    race: finished,
    mode: finish,
    text: '5 2',
    refused: 'alreadyFinished',
  },
  {
    what: 'a number twice in the finish order',
    race: laps(16),
    mode: finish,
    text: '1 2 1',
    refused: 'twice',
  },
  {
    what: 'a DNF skater in the finish order',
    race: [...laps(10), dnf11, ...laps(6).slice(1)],
    mode: finish,
    text: '11',
    refused: 'dnf',
  },
  {
    what: 'a DNS skater in the finish order',
    race: [dns6, ...laps(16)],
    mode: finishReplace,
    text: '1 6',
    refused: 'dns',
  },
  {
    what: 'the finish order replaced',
    race: finished,
    mode: finishReplace,
    text: '1 3 2',
    refused: null,
  },
  { what: 'DNF with laps', race: laps(10), mode: status('DNF'), text: '11 9', refused: null },
  {
    what: 'DNF laps above the race',
    race: laps(10),
    mode: status('DNF'),
    text: '11 17',
    refused: 'lapsRange',
  },
  // Not a rule (the engine takes it, so the console does too): more laps than the leader's.
  {
    what: 'DNF laps above the leader',
    race: laps(10),
    mode: status('DNF'),
    text: '11 12',
    refused: null,
  },
  {
    what: 'DNF of a finisher',
    race: finished,
    mode: status('DNF'),
    text: '2',
    refused: 'inFinish',
  },
  {
    what: 'DNF of an unknown number',
    race: laps(10),
    mode: status('DNF'),
    text: '44',
    refused: 'unknownBib',
  },
  { what: 'DQ of two', race: laps(10), mode: status('DQ'), text: '4 5', refused: null },
  {
    what: 'DQ of one known, one not',
    race: laps(10),
    mode: status('DQ'),
    text: '4 55',
    refused: 'unknownBib',
  },
  { what: 'referee q', race: laps(16), mode: advance, text: '9', refused: null },
  {
    what: 'referee q in a final',
    race: laps(16),
    round: 'final',
    mode: advance,
    text: '9',
    refused: 'notSemi',
  },
  {
    what: 'referee q twice',
    race: [...laps(16), { type: 'qualifier/advanced', bib: 9 }],
    mode: advance,
    text: '9',
    refused: 'alreadyAdvanced',
  },
  {
    what: 'referee q for a DQ skater',
    race: [dq5, ...laps(16)],
    mode: advance,
    text: '5',
    refused: 'dq',
  },
  {
    what: 'referee q for a DNS skater',
    race: [dns6, ...laps(16)],
    mode: advance,
    text: '6',
    refused: 'dns',
  },
  { what: 'a finish time', race: finished, mode: time, text: '1 7:42.49', refused: null },
  {
    what: 'a time for a DNS skater',
    race: [dns6, ...finished],
    mode: time,
    text: '6 7:42.49',
    refused: 'dns',
  },
  {
    what: 'a time before the start',
    race: [],
    mode: time,
    text: '1 7:42.49',
    refused: 'notStarted',
    marked: 'notFinished',
  },
  {
    what: 'anything once official',
    race: official,
    mode: status('DQ'),
    text: '4',
    refused: 'official',
  },
];

/** The refusals of the race's moment (decided with the rules of the moment, history.ts). */
const moment: readonly RefusalCode[] = ['official', 'notStarted', 'sprintNotYet', 'finishNotYet'];

describe("the console's pre-check and the host agree on every refusal", () => {
  it.each(table)('$what', ({ race, round, mode, text, refused, marked }) => {
    const { history, pushed } = raceAfter(race, round);
    const check = preCheckQuickEntry(parseQuickEntry(text, mode), pushed);
    expect(check.commands.length).toBeGreaterThan(0);
    const host = hostVerdict(history, check.commands);
    // The same verdict, in the same words and with the same code and parameters.
    expect(check.refusal === null ? { ok: true } : check.refusal).toEqual(host);
    expect(host.ok ? null : host.code).toBe(refused);
    const held = marked ?? (refused === null || moment.includes(refused) ? null : refused);
    if (refused === null) {
      expect(check.problems).toEqual([]);
      expect(check.request?.commands).toEqual(check.commands);
    } else if (held === null) {
      // Refused for the moment only: the pushed state may be behind, so the console sends it and
      // the host decides (and says why next to the line).
      expect(check.problems).toEqual([]);
      expect(check.request).not.toBeNull();
    } else {
      // Held back, with the engine's code, placed at the number it names.
      expect(check.request).toBeNull();
      expect(check.problems.map((problem) => problem.code)).toContain(held);
      const named = check.problems.find((problem) => problem.code === held);
      const bib = named?.params?.bib;
      if (bib !== undefined) {
        const items = check.items.filter((item) => item.problem?.code === held);
        expect(items.map((item) => item.bib)).toContain(bib);
      }
    }
  });

  it('the table covers every refusal a quick entry can meet', () => {
    const covered = new Set(table.map((row) => row.refused));
    const reachable: RefusalCode[] = [
      'official',
      'notStarted',
      'sprintNotYet',
      'finishNotYet',
      'noSprint',
      'tooMany',
      'unknownBib',
      'twice',
      'alreadyFinished',
      'dns',
      'dnf',
      'dq',
      'inFinish',
      'lapsRange',
      'notSemi',
      'alreadyAdvanced',
    ];
    expect(reachable.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('every number the rules refuse is marked, each next to its own token', () => {
    const { pushed } = raceAfter(laps(16));
    const check = preCheckQuickEntry(parseQuickEntry('44 1 1 77 2', finish), pushed);
    expect(check.items.map((item) => item.problem?.code ?? null)).toEqual([
      'unknownBib',
      null,
      'twice',
      'unknownBib',
      null,
    ]);
    expect(check.refusal).toMatchObject({ code: 'unknownBib', params: { bib: 44 } });
  });
});
