/**
 * Property tests of the race engine (src/shared/race): random but realistic races, driven
 * through RaceHistory.decide/commit as the hosts drive it. Seeded, so CI runs the same races
 * every time; set FC_SEED / FC_RUNS to explore other ones (a failure prints its seed and path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalEntry, RaceCommand } from '../../../src/shared/race/events.ts';
import { journalEntrySchema } from '../../../src/shared/race/events.ts';
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
import {
  chaos,
  prefixSuffixArb,
  raceScriptArb,
  realistic,
  runScript,
  runSteps,
  send,
  type RaceScript,
  type Taken,
} from '../../support/race-arbitraries.ts';

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

describe('race engine properties', () => {
  it('each intermediate sprint hands out its table exactly once', () => {
    fc.assert(
      fc.property(races, (script) => {
        walk(script, (state) => {
          const points = pointsByBib(state);
          const table = state.format.intermediatePoints;
          state.format.sprintLaps.forEach((_, k) => {
            const placings = state.sprints[k] ?? [];
            // Each placing is held by one skater on the start list, no skater twice.
            expect(new Set(placings).size).toBe(placings.length);
            expect(placings.length).toBeLessThanOrEqual(table.length);
            const handedOut = sum([...points.values()].map((p) => p.sprints[k]!));
            // The table for the places given, less the points a DQ loses (not handed down).
            const expected = sum(
              placings.map((bib, place) => (losesPoints(state, bib) ? 0 : table[place]!)),
            );
            expect(handedOut).toBe(expected);
            if (!placings.some((bib) => losesPoints(state, bib))) {
              expect(handedOut).toBe(sum(table.slice(0, placings.length)));
            }
            // And every skater gets the entry of their own place, nobody else anything.
            for (const [bib, p] of points) {
              const place = placings.indexOf(bib);
              const own = place < 0 || losesPoints(state, bib) ? 0 : table[place]!;
              expect(p.sprints[k]).toBe(own);
            }
          });
          // No placings for sprints the format does not have.
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
          expect([...points.keys()].sort((a, b) => a - b)).toEqual(
            state.skaters.map((s) => s.bib).sort((a, b) => a - b),
          );
          for (const p of points.values()) {
            expect(p.sprints).toHaveLength(state.format.sprintLaps.length);
            expect(p.total).toBe(sum(p.sprints) + p.final);
          }
          // The final table is handed out once as well, by crossing order.
          const table = state.format.finalPoints;
          const finals = sum([...points.values()].map((p) => p.final));
          const expected = sum(
            state.finishOrder.map((bib, place) =>
              losesPoints(state, bib) ? 0 : (table[place] ?? 0),
            ),
          );
          expect(finals).toBe(expected);
          // The standings show the same figures.
          for (const row of computeStandings(state).rows) {
            expect(row.total).toBe(points.get(row.bib)!.total);
          }
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
          expect(send(history, { type: 'redo' })).toMatchObject({ ok: true });
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
        const parsed = lines === '' ? [] : lines.split('\n').map((line) => JSON.parse(line));
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
