// Races with a journal and the passings of their finish-line loop, for the race report's tests
// (issue 21, part 3): the race written from the rules (test/support/truth-race.ts: a solo
// breakaway, a skater lapped, one stepping off) with an operator's journal and corrections, and
// races generated for the decoder simulator (src/shared/timing/race-passings.ts, breakaway-race.ts)
// as the host receives them. Every race's gun is 21 February 2026 14:00 UTC.
import type { JournalEntry, RaceCommand } from '../../../src/shared/race/events.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';
import { RaceHistory } from '../../../src/shared/race/history.ts';
import {
  generateRace,
  passingsFromRecording,
  type SimRace,
} from '../../../src/shared/timing/race-passings.ts';
import type { Passing } from '../../../src/shared/timing/tracker.ts';
import { TRUTH, truthCrossings, trueOrder, type TrueCrossing } from '../../support/truth-race.ts';

/** The gun, on the host's clock. */
export const GUN = Date.parse('2026-02-21T14:00:00.000Z');
/** The decoder's clock runs this far ahead of the host's; a passing arrives this late. */
const OFFSET = 2_500;
const DELAY = 15;

/** A race's journal and its passing log. */
export interface ReportRace {
  readonly journal: JournalEntry[];
  readonly passings: Passing[];
}

/** Journals commands at host times (ms); refusals throw with the command named. */
export function journalAt(commands: readonly { atMs: number; command: RaceCommand }[]) {
  const history = new RaceHistory();
  for (const { atMs, command } of [...commands].sort((a, b) => a.atMs - b.atMs)) {
    const at = new Date(atMs).toISOString();
    const decision = history.decide(command, { at, source: 'console' });
    if (!decision.ok) throw new Error(`${command.type} at ${at}: ${decision.error}`);
    history.commit(decision);
  }
  return [...history.entries];
}

/** A passing of the loop at race time `raceMs` (the gun: transponder 9992, the start input). */
function passing(passingNumber: number, transponder: string, raceMs: number): Passing {
  const decoderMs = GUN + OFFSET + raceMs;
  return { passingNumber, transponder, decoderMs, receivedAt: GUN + raceMs + DELAY };
}

/** The race from the rules, with the loop's passings (a gun on the decoder's start input). */
export const truth = {
  crossings: truthCrossings(),
  /** The leader's crossing of `lap`, race ms. */
  leaderAt(lap: number): TrueCrossing {
    return this.crossings.find((crossing) => crossing.lap === lap)!;
  },
};

/**
 * The truth race as an operator journaled it: the start, the laps, the sprints (sprint 2 first
 * entered wrong, then again), a lap keyed once too many and undone, helmet 11 DNF after lap 8,
 * the finish with times, helmet 9 lapped, the results confirmed. `dnfAfterMs`: the DNF at this
 * race time instead.
 */
export function truthRace(options: { dnfAfterMs?: number } = {}): ReportRace {
  const leader = (lap: number) => truth.leaderAt(lap).raceMs;
  const commands: { atMs: number; command: RaceCommand }[] = [
    {
      atMs: GUN - 600_000,
      command: {
        type: 'race/configured',
        title: 'Men · Mass Start · Semi-final 1',
        round: 'semi',
        qualifiers: 8,
        format: isu2018,
      },
    },
    {
      atMs: GUN - 540_000,
      command: {
        type: 'startList/set',
        skaters: Array.from({ length: TRUTH.skaters }, (_, i) => ({
          bib: i + 1,
          name: `Skater ${i + 1}`,
          firstName: 'Skater',
          lastName: `Number${i + 1}`,
          nation: 'NED',
          transponder: String(500 + i + 1),
        })),
      },
    },
    { atMs: GUN, command: { type: 'race/started' } },
  ];
  const at = (raceMs: number, command: RaceCommand) =>
    commands.push({ atMs: GUN + raceMs, command });
  for (let lap = 1; lap <= TRUTH.laps; lap += 1) at(leader(lap) + 300, { type: 'lap/completed' });
  isu2018.sprintLaps.forEach((lap, index) => {
    const placing = trueOrder(truth.crossings, lap, 3);
    if (index === 1) {
      at(leader(lap) + 8_000, { type: 'sprint/placed', sprint: 2, bibs: [...placing].reverse() });
      at(leader(lap) + 12_000, { type: 'sprint/placed', sprint: 2, bibs: placing });
    } else at(leader(lap) + 8_000, { type: 'sprint/placed', sprint: index + 1, bibs: placing });
  });
  // A lap keyed twice by mistake, undone at once.
  at(leader(3) + 1_000, { type: 'lap/completed' });
  at(leader(3) + 2_500, { type: 'undo' });
  at(options.dnfAfterMs ?? leader(TRUTH.stopsAfter + 1) + 10_000, {
    type: 'skater/statusChanged',
    bib: TRUTH.stopping,
    status: 'DNF',
    laps: TRUTH.stopsAfter,
  });
  const finish = trueOrder(truth.crossings, TRUTH.laps, TRUTH.skaters);
  const end = leader(TRUTH.laps);
  at(end + 20_000, { type: 'finish/recorded', bibs: [...finish, TRUTH.dropping] });
  finish.slice(0, 3).forEach((bib, place) => {
    const crossing = truth.crossings.find((c) => c.bib === bib && c.lap === TRUTH.laps)!;
    at(end + 25_000 + place * 1_000, { type: 'finish/timed', bib, time: crossing.raceMs });
  });
  at(end + 30_000, {
    type: 'skater/statusChanged',
    bib: TRUTH.dropping,
    status: 'LAPPED',
    laps: TRUTH.laps - 1,
  });
  at(end + 90_000, { type: 'results/confirmed' });

  let number = 5000;
  const passings: Passing[] = [passing(number++, '9992', 0)];
  for (let bib = 1; bib <= TRUTH.skaters; bib += 1)
    passings.push(passing(number++, String(500 + bib), 200 + bib * 40));
  for (const crossing of truth.crossings)
    passings.push(passing(number++, String(500 + crossing.bib), crossing.raceMs));
  passings.sort((a, b) => a.receivedAt - b.receivedAt);
  return { journal: journalAt(commands), passings };
}

/** A simulator's race as the host receives it: its journal, and its passings after a gun. */
export function simulated(sim: SimRace): ReportRace & { sim: SimRace } {
  const passings = [
    passing(900, '9992', 0),
    ...sim.passings.map((p, index) => passing(1000 + index, String(p.transponder), p.raceMs)),
  ].sort((a, b) => a.receivedAt - b.receivedAt);
  return { journal: sim.entries, passings, sim };
}

/** A generated semi-final and its loop's passings (noise on), as the simulator sends them. */
export function generatedRace(seed: number): ReportRace & { sim: SimRace } {
  return simulated(passingsFromRecording(generateRace({ skaters: 16, seed }), { seed }));
}
