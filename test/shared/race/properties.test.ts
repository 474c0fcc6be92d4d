/**
 * Property tests of the race engine (src/shared/race): random but realistic races, driven
 * through RaceHistory.decide/commit as the hosts drive it. Seeded, so CI runs the same races
 * every time; set FC_SEED / FC_RUNS to explore other ones (a failure prints its seed and path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalEntry, RaceCommand } from '../../../src/shared/race/events.ts';
import { journalEntrySchema } from '../../../src/shared/race/events.ts';
import { isu2018, raceFormatSchema } from '../../../src/shared/race/format.ts';
import { foldJournal, RaceHistory } from '../../../src/shared/race/history.ts';
import { pointsByBib } from '../../../src/shared/race/points.ts';
import {
  isBellLap,
  isLeaderFinished,
  lapsToGo,
  sprintLap,
  sprintsDone,
} from '../../../src/shared/race/progress.ts';
import { computeStandings, type StandingsPhase } from '../../../src/shared/race/standings.ts';
import { statusOf, type RaceState } from '../../../src/shared/race/state.ts';
import { commandFor } from '../../support/race-commands.ts';
import { runScript, runSteps, send, setUpCommands, type Taken } from '../../support/race-runner.ts';
import {
  chaos,
  prefixSuffixArb,
  raceScriptArb,
  realistic,
  type RaceScript,
} from '../../support/race-step-arbitraries.ts';

const seed = Number(process.env.FC_SEED ?? 20_260_214);
const numRuns = Number(process.env.FC_RUNS ?? 300);
fc.configureGlobal({ seed, numRuns });

const races = raceScriptArb(realistic);

/** Runs a script on a new history, calling `check` with every state an accepted command makes. */
function walk(script: RaceScript, check: (state: RaceState) => void): RaceHistory {
  const history = new RaceHistory();
  check(history.state);
  runScript(history, script, ({ decision }) => {
    if (decision.ok) check(decision.state);
  });
  return history;
}

/** Whether a skater's points are dropped (rules, "Ranking" 5: DQ loses points by default). */
function losesPoints(state: RaceState, bib: number): boolean {
  return state.format.disqualifiedLosePoints && statusOf(state, bib) === 'DQ';
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * The start and the confirmation in force read straight from a journal's entries (the reference
 * for RaceState.startedAt and confirmedAt, issue 19): the first start or lap in force (a lap before
 * the start starts the race), the last confirmation in force unless a reopening in force follows.
 */
function factsOf(
  entries: readonly JournalEntry[],
  voided: ReadonlySet<number>,
): { startedAt: string | null; confirmedAt: string | null } {
  let started = false;
  let startedAt: string | null = null;
  let confirmedAt: string | null = null;
  for (const { seq, at, event } of entries) {
    if (event.type === 'event/voided' || voided.has(seq)) continue;
    if (!started && (event.type === 'race/started' || event.type === 'lap/completed')) {
      started = true;
      startedAt = at;
    }
    if (event.type === 'results/confirmed') confirmedAt = at;
    if (event.type === 'results/reopened') confirmedAt = null;
  }
  return { startedAt, confirmedAt };
}

describe('race engine properties', () => {
  it('each intermediate sprint hands out its table once, down the placings', () => {
    fc.assert(
      fc.property(races, (script) => {
        walk(script, (state) => {
          const points = pointsByBib(state);
          const table = state.format.intermediatePoints;
          // One comparison per state (expect in the inner loops would dominate the run time).
          const actual = state.format.sprintLaps.map((_, k) => {
            const placings = state.sprints[k] ?? [];
            const placed = new Set(placings);
            const scored = (bib: number): number => points.get(bib)?.sprints[k] ?? 0;
            const keeping = placings.filter((bib) => !losesPoints(state, bib)).map(scored);
            return {
              sprint: k + 1,
              // Each place is held by one skater on the start list, no skater twice.
              distinctPlacings: placed.size,
              placedOnStartList: placings.every((bib) => points.has(bib)),
              placesWithinTable: placings.length <= table.length,
              // Only the placed score, and a skater who loses points scores nothing.
              scoredWithoutPlace: [...points.keys()].filter(
                (bib) => (!placed.has(bib) || losesPoints(state, bib)) && scored(bib) !== 0,
              ),
              // Ahead never scores less than behind (the tables are best place first).
              neverLessThanBehind: keeping.every((p, i) => i === 0 || p <= keeping[i - 1]!),
              handedOut: sum(placings.map(scored)),
            };
          });
          const expected = state.format.sprintLaps.map((_, k) => {
            const placings = state.sprints[k] ?? [];
            const lostPlaces = placings.flatMap((bib, place) =>
              losesPoints(state, bib) ? [table[place]!] : [],
            );
            return {
              sprint: k + 1,
              distinctPlacings: placings.length,
              placedOnStartList: true,
              placesWithinTable: true,
              scoredWithoutPlace: [],
              neverLessThanBehind: true,
              // The table's first placings.length entries (all of it for a full placing), less
              // the places of skaters who lose their points: those are not handed down.
              handedOut: sum(table.slice(0, placings.length)) - sum(lostPlaces),
            };
          });
          expect(actual).toEqual(expected);
          // No placings kept for sprints the format does not have.
          expect(state.sprints.length).toBeLessThanOrEqual(state.format.sprintLaps.length);
        });
      }),
    );
  });

  it("each skater's total is the sum of sprint points plus final points", () => {
    fc.assert(
      fc.property(races, (script) => {
        walk(script, (state) => {
          const points = pointsByBib(state);
          const table = state.format.finalPoints;
          const rows = computeStandings(state).rows;
          expect({
            bibs: [...points.keys()].sort((a, b) => a - b),
            sprintCounts: [...points.values()].map((p) => p.sprints.length),
            totals: [...points.values()].map((p) => p.total),
            // The final table is handed out once as well, by crossing order.
            finals: sum([...points.values()].map((p) => p.final)),
            // The standings show the same figures.
            rowTotals: rows.map((row) => [row.bib, row.total]),
          }).toEqual({
            bibs: state.skaters.map((s) => s.bib).sort((a, b) => a - b),
            sprintCounts: state.skaters.map(() => state.format.sprintLaps.length),
            totals: [...points.values()].map((p) => sum(p.sprints) + p.final),
            finals: sum(
              state.finishOrder.map((bib, place) =>
                losesPoints(state, bib) ? 0 : (table[place] ?? 0),
              ),
            ),
            rowTotals: rows.map((row) => [row.bib, points.get(row.bib)!.total]),
          });
        });
      }),
    );
  });

  it('the ranking is a permutation of the start list in every phase', () => {
    const phases = new Set<StandingsPhase>();
    fc.assert(
      fc.property(races, (script) => {
        walk(script, (state) => {
          const standings = computeStandings(state);
          phases.add(standings.phase);
          const ranked = standings.rows.map((row) => row.bib);
          expect(ranked).toHaveLength(state.skaters.length);
          expect([...ranked].sort((a, b) => a - b)).toEqual(
            state.skaters.map((s) => s.bib).sort((a, b) => a - b),
          );
          // Ranks, where given, never go down the table.
          const ranks = standings.rows.map((row) => row.rank).filter((r) => r !== null);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          // While a semi runs, the line is never between skaters without points (issue 18):
          // every row above it is ranked, and it falls under the K-th at most.
          if (
            standings.qualificationLine !== null &&
            !['final', 'official'].includes(standings.phase)
          ) {
            const above = standings.rows.slice(0, standings.qualificationLine);
            expect(above.every((row) => row.rank !== null)).toBe(true);
            expect(standings.qualificationLine).toBeLessThanOrEqual(state.qualifiers);
          }
          // In a finished semi-final the line sits right under the Q rows.
          if (
            standings.qualificationLine !== null &&
            ['final', 'official'].includes(standings.phase)
          ) {
            const marks = standings.rows.map((row) => row.qualified === 'Q');
            const line = standings.qualificationLine;
            expect(marks).toEqual(marks.map((_, index) => index < line));
          }
        });
      }),
    );
    // The generator really drives races through every phase.
    expect([...phases].sort()).toEqual(['final', 'finishing', 'live', 'official', 'start']);
  });

  it('undoing the last k events gives the state as if they were never applied (and redo brings them back)', () => {
    fc.assert(
      fc.property(prefixSuffixArb(), ({ script, more }) => {
        const history = runScript(new RaceHistory(), script);
        const before = history.state;
        const accepted: number[] = [];
        runSteps(history, more, ({ decision }) => {
          if (decision.ok) accepted.push(decision.entry.seq);
        });
        const after = history.state;
        for (let i = 0; i < accepted.length; i++) {
          const decision = send(history, { type: 'undo' });
          expect(decision).toMatchObject({ ok: true });
        }
        expect(history.state).toEqual(before);
        expect(history.decide({ type: 'undo' }, { at: '', source: 'test' }).ok).toBe(
          history.entries.some((e) => history.isInForce(e.seq)),
        );
        for (let i = 0; i < accepted.length; i++) {
          const redo = send(history, { type: 'redo' });
          expect(redo).toMatchObject({ ok: true });
        }
        expect(history.state).toEqual(after);
      }),
    );
  });

  it('voiding the k newest entries in force by event/voided gives the state as if they were never applied', () => {
    fc.assert(
      fc.property(prefixSuffixArb(), ({ script, more }) => {
        const history = runScript(new RaceHistory(), script);
        const prefix = [...history.entries];
        const accepted: number[] = [];
        runSteps(history, more, ({ decision }) => {
          if (decision.ok) accepted.push(decision.entry.seq);
        });
        // Reload the journal, as a host does after a restart, then void newest first.
        const reloaded = new RaceHistory(history.entries);
        for (const target of [...accepted].reverse()) {
          expect(reloaded.isInForce(target)).toBe(true);
          const decision = send(reloaded, { type: 'event/voided', target });
          expect(decision).toMatchObject({ ok: true });
        }
        expect(reloaded.state).toEqual(new RaceHistory(prefix).state);
        expect(reloaded.state).toEqual(foldJournal(prefix).state);
      }),
    );
  });

  it('the start and the confirmation in force are the times of their entries, however the journal got there', () => {
    fc.assert(
      fc.property(races, (script) => {
        const history = new RaceHistory();
        for (const command of setUpCommands(script)) send(history, command);
        const seen: { startedAt: string | null; confirmedAt: string | null }[] = [];
        const expected: typeof seen = [];
        for (const step of script.steps) {
          send(history, commandFor(history, step));
          const { startedAt, confirmedAt } = history.state;
          seen.push({ startedAt, confirmedAt });
          expected.push(factsOf(history.entries, history.voided));
        }
        expect(seen).toEqual(expected);
        // A fresh fold of the journal (a restart) gives the same.
        expect(foldJournal(history.entries).state).toEqual(history.state);
      }),
    );
  });

  it('replaying a journal is deterministic, also through JSON lines', () => {
    fc.assert(
      fc.property(races, (script) => {
        const history = walk(script, () => {});
        const entries = history.entries;
        const first = foldJournal(entries);
        const second = foldJournal(entries);
        expect(first.state).toEqual(history.state);
        expect(second).toEqual(first);
        expect(first.voided).toEqual(history.voided);
        // A journal this code wrote folds without problems.
        expect(first.problems).toEqual([]);

        const lines = entries.map((entry) => JSON.stringify(entry)).join('\n');
        const parsed: unknown[] =
          lines === '' ? [] : lines.split('\n').map((line): unknown => JSON.parse(line));
        expect(foldJournal(parsed as JournalEntry[]).state).toEqual(history.state);
        // And through the journal schema, as a host loads a journal file.
        const validated = parsed.map((entry) => journalEntrySchema.parse(entry));
        expect(validated).toEqual(entries);
        const reloaded = new RaceHistory(validated);
        expect(reloaded.state).toEqual(history.state);
        expect(reloaded.problems).toEqual([]);
      }),
    );
  });

  it('no sequence of commands throws, valid or not', () => {
    const chaotic = raceScriptArb(chaos, { maxSteps: 100, alwaysSetUp: false });
    fc.assert(
      fc.property(chaotic, (script) => {
        const history = new RaceHistory();
        const derive = (state: RaceState): void => {
          computeStandings(state);
          pointsByBib(state);
          lapsToGo(state);
          sprintLap(state);
          sprintsDone(state);
          isBellLap(state);
          isLeaderFinished(state);
        };
        const check = ({ decision }: Taken): void => {
          if (decision.ok) derive(decision.state);
          else expect(decision.error).toEqual(expect.any(String));
        };
        // runScript calls decide for every step: a throw fails the property.
        runScript(history, script, check);
        derive(history.state);
        expect(foldJournal(history.entries).state).toEqual(history.state);
      }),
      { numRuns: numRuns + 200 },
    );
  });

  it('refused commands leave the race untouched', () => {
    let refusals = 0;
    const chaotic = raceScriptArb(chaos, { maxSteps: 80 });
    fc.assert(
      fc.property(chaotic, (script) => {
        const history = new RaceHistory();
        const decideAndCheck = (command: RaceCommand): void => {
          const state = history.state;
          const snapshot = structuredClone(state);
          const length = history.entries.length;
          const voided = [...history.voided];
          const decision = history.decide(command, { at: '', source: 'test' });
          if (decision.ok) return;
          refusals += 1;
          expect(history.state).toBe(state);
          expect(history.state).toEqual(snapshot);
          expect(history.entries).toHaveLength(length);
          expect([...history.voided]).toEqual(voided);
          // A refused decision cannot be committed by mistake either: deciding again gives the
          // same refusal.
          expect(history.decide(command, { at: '', source: 'test' })).toEqual(decision);
        };
        runScript(history, script, ({ command, decision }) => {
          if (!decision.ok) decideAndCheck(command);
        });
        // Undo and redo are refused cleanly when there is nothing to undo or redo.
        decideAndCheck({ type: 'redo' });
        decideAndCheck({ type: 'event/voided', target: history.nextSeq + 1 });
      }),
    );
    expect(refusals).toBeGreaterThan(numRuns);
  });

  it('the results can be confirmed exactly when the standings are final', () => {
    fc.assert(
      fc.property(races, (script) => {
        const history = new RaceHistory();
        for (const command of setUpCommands(script)) send(history, command);
        for (const step of script.steps) {
          send(history, commandFor(history, step));
          const state = history.state;
          if (state.official) continue;
          const confirm = history.decide({ type: 'results/confirmed' }, { at: '', source: 'test' });
          expect(confirm.ok).toBe(computeStandings(state).phase === 'final');
        }
      }),
    );
  });

  it('the generator drives realistic races (coverage of the other properties)', () => {
    const accepted = new Map<string, number>();
    const refused = new Map<string, number>();
    let official = 0;
    for (const script of fc.sample(races, { seed, numRuns: 200 })) {
      const history = new RaceHistory();
      runScript(history, script, ({ command, decision }) => {
        const counts = decision.ok ? accepted : refused;
        counts.set(command.type, (counts.get(command.type) ?? 0) + 1);
      });
      if (history.state.official) official += 1;
    }
    for (const type of [
      'lap/completed',
      'sprint/placed',
      'finish/recorded',
      'finish/appended',
      'skater/statusChanged',
      'results/confirmed',
      'undo',
      'redo',
      'event/voided',
    ]) {
      expect(accepted.get(type) ?? 0, type).toBeGreaterThan(10);
    }
    const total = (counts: Map<string, number>): number => sum([...counts.values()]);
    // Mostly valid commands, but not only.
    expect(total(accepted)).toBeGreaterThan(2 * total(refused));
    expect(total(refused)).toBeGreaterThan(0);
    expect(official).toBeGreaterThan(5);
  });
});

/** Engine bugs the properties above found, kept as small regression examples. */
describe('regressions found by the properties', () => {
  const meta = { at: '2026-02-14T13:00:00.000Z', source: 'test' };
  const skaters = [1, 2, 3].map((bib) => ({ bib, name: `Skater ${bib}`, nation: 'NED' }));

  function raceTo(commands: RaceCommand[], format = isu2018): RaceHistory {
    const history = new RaceHistory();
    const setUp: RaceCommand[] = [
      { type: 'race/configured', title: 'Final', round: 'final', qualifiers: 0, format },
      { type: 'startList/set', skaters },
      { type: 'race/started' },
      { type: 'laps/corrected', lapsCompleted: format.laps - 1 },
    ];
    for (const command of [...setUp, ...commands]) {
      const decision = history.decide(command, meta);
      if (!decision.ok) throw new Error(`${command.type}: ${decision.error}`);
      history.commit(decision);
    }
    return history;
  }

  it('redo of an undone results/reopened reopens the official results', () => {
    const history = raceTo([
      { type: 'finish/recorded', bibs: [1, 2, 3] },
      { type: 'results/confirmed' },
      { type: 'results/reopened' },
      { type: 'undo' }, // takes the reopen out: official again
    ]);
    expect(history.state.official).toBe(true);
    const redo = history.decide({ type: 'redo' }, meta);
    expect(redo).toMatchObject({ ok: true, state: { official: false } });
  });

  it("with lappedSkaters 'pull', a lapped skater outside the finish order does not block results/confirmed", () => {
    const pull = raceFormatSchema.parse({
      ...isu2018,
      name: 'isu-2018 pull',
      lappedSkaters: 'pull',
    });
    const history = raceTo(
      [
        { type: 'skater/statusChanged', bib: 3, status: 'LAPPED', laps: 12 },
        { type: 'finish/recorded', bibs: [1, 2] },
      ],
      pull,
    );
    expect(computeStandings(history.state).phase).toBe('final');
    expect(history.decide({ type: 'results/confirmed' }, meta)).toMatchObject({ ok: true });
  });
});
