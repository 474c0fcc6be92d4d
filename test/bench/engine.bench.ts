/**
 * Race engine benchmark: `npm run bench:engine` (tsx test/bench/engine.bench.ts).
 *
 * (a) Time for one operator command on a 24-skater ISU 2018 race: decide + commit + the
 *     standings every view recomputes after it. Measured over whole races driven by a seeded
 *     operator (laps, sprint placings and re-placings, lap corrections, statuses, finish order,
 *     times, undo/redo, confirmation), after a warm-up. Target: under 50 µs.
 * (b) Time to fold a 10,000-entry journal from scratch (what a host does on start-up, and what
 *     every undo/redo does). The journal is made of real accepted commands, voids included.
 *     Target: under 20 ms.
 *
 * (c) Time for the qualification outlook of a running semi-final (issue 18: who is through,
 *     who is out, which finishing place is safe) on 24 skaters, ISU 2018, K = 8: before sprint 1
 *     (one state: everybody level, the most sprints left) and after each sprint (seeded random
 *     placings, a new state each run). Target: under 5 ms, so the host can run it on every
 *     command. Each sample is the best of 3 runs on its state (the p99 of single runs, which
 *     carries the host's scheduling, is shown too). Also the slowest of K = 4, 12, 16, 20.
 *
 * Exits with code 1 when a median misses its target (the p95 row is shown with its verdict but
 * does not set the exit code). Deterministic apart from the timings.
 */
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import type { RaceCommand } from '../../src/shared/race/events.ts';
import {
  engineSetUp as setUp,
  meta,
  operatorCommand,
  setLastWasUndo,
  chance,
} from './engine-bench-operator.ts';
import { quantile, SKATERS, startList } from './host-bench-common.ts';
import { foldJournal, RaceHistory } from '../../src/shared/race/history.ts';
import { lapsToGo } from '../../src/shared/race/progress.ts';
import { computeStandings } from '../../src/shared/race/standings.ts';
import { qualificationOutlook } from '../../src/shared/race/qualification.ts';
import type { RaceState } from '../../src/shared/race/state.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { isu2018 } from '../../src/shared/race/format.ts';

const WARMUP_COMMANDS = 5_000;
const MEASURED_COMMANDS = 30_000;
const JOURNAL_ENTRIES = 10_000;
const FOLD_WARMUP = 5;
const FOLD_RUNS = 40;
const TARGET_COMMAND_US = 50;
const TARGET_FOLD_MS = 20;
const OUTLOOK_WARMUP = 200;
const OUTLOOK_RUNS = 2_000;
const OUTLOOK_SWEEP_RUNS = 200;
const OUTLOOK_REPEATS = 3;
const TARGET_OUTLOOK_MS = 5;

// Statistics and output

const nsToUs = (ns: number): number => ns / 1_000;
const nsToMs = (ns: number): number => ns / 1_000_000;

// ---------------------------------------------------------------------------------------------
// (a) One command + standings
// ---------------------------------------------------------------------------------------------

interface CommandSample {
  readonly type: string;
  /** decide + commit + computeStandings */
  readonly ns: number;
  /** decide + commit */
  readonly applyNs: number;
  /** computeStandings */
  readonly standingsNs: number;
}

/** Runs races one after another until `count` commands were accepted; returns their timings. */
function runCommands(
  count: number,
  measure: boolean,
): { samples: CommandSample[]; races: number; refused: number } {
  const samples: CommandSample[] = [];
  let races = 0;
  let refused = 0;
  let accepted = 0;
  let history = new RaceHistory();
  let sinceSetUp = 0;
  setLastWasUndo(false);
  for (const command of setUp) history.commit(ok(history.decide(command, meta())));
  races += 1;
  while (accepted < count) {
    const command = operatorCommand(history, sinceSetUp > 0);
    if (command === null) {
      history = new RaceHistory();
      for (const c of setUp) history.commit(ok(history.decide(c, meta())));
      races += 1;
      sinceSetUp = 0;
      continue;
    }
    const at = meta();
    const start = process.hrtime.bigint();
    const decision = history.decide(command, at);
    if (!decision.ok) {
      refused += 1;
      continue;
    }
    history.commit(decision);
    const applied = process.hrtime.bigint();
    computeStandings(history.state);
    const end = process.hrtime.bigint();
    accepted += 1;
    sinceSetUp += 1;
    setLastWasUndo(command.type === 'undo');
    if (measure) {
      samples.push({
        type: command.type,
        ns: Number(end - start),
        applyNs: Number(applied - start),
        standingsNs: Number(end - applied),
      });
    }
  }
  return { samples, races, refused };
}

function ok<T extends { ok: boolean }>(decision: T): Extract<T, { ok: true }> {
  if (!decision.ok) throw new Error(`set-up refused: ${JSON.stringify(decision)}`);
  return decision as Extract<T, { ok: true }>;
}

// ---------------------------------------------------------------------------------------------
// (b) Folding a 10,000-entry journal
// ---------------------------------------------------------------------------------------------

/**
 * One long race session of real accepted commands: the race is run to the finish, confirmed,
 * reopened, the finish cleared and the lap count corrected back, then run again; with sprint
 * re-placings, status changes and undo/redo all the way. 16 laps alone would not get far.
 */
function buildJournal(size: number): RaceHistory {
  const history = new RaceHistory();
  for (const command of setUp) history.commit(ok(history.decide(command, meta())));
  let guard = 0;
  while (history.entries.length < size) {
    if (++guard > size * 20) throw new Error('journal builder is stuck');
    const state = history.state;
    let command: RaceCommand | null;
    if (state.official) {
      command = { type: 'results/reopened' };
    } else if (
      lapsToGo(state) === 0 &&
      state.finishOrder.length > 0 &&
      state.times[state.finishOrder[0]!] !== undefined
    ) {
      // The race was run and timed: reset it for another round of the session.
      command = chance(0.5)
        ? { type: 'finish/recorded', bibs: [] }
        : operatorCommand(history, true);
    } else if (
      state.finishOrder.length === 0 &&
      lapsToGo(state) <= 1 &&
      state.lapsCompleted > 0 &&
      chance(0.5) &&
      Object.keys(state.times).length > 0
    ) {
      command = { type: 'laps/corrected', lapsCompleted: 0 };
    } else {
      command = operatorCommand(history, history.entries.length > setUp.length);
    }
    if (command === null) continue;
    const decision = history.decide(command, meta());
    if (decision.ok) {
      history.commit(decision);
      setLastWasUndo(command.type === 'undo');
    }
  }
  return history;
}

// ---------------------------------------------------------------------------------------------
// (c) The qualification outlook of a running semi-final
// ---------------------------------------------------------------------------------------------

const outlookRandom = seededRandom(20_260_218);
const semiBibs = startList().map((skater) => skater.bib);

/** A running 24-skater semi-final with `sprints` intermediate sprints placed (seeded placings). */
function semiAfter(sprints: number, qualifiers: number): RaceState {
  const history = new RaceHistory();
  const commands = setUp.map((command): RaceCommand =>
    command.type === 'race/configured' ? { ...command, round: 'semi', qualifiers } : command,
  );
  for (let sprint = 1; sprint <= sprints; sprint++) {
    commands.push(
      { type: 'laps/corrected', lapsCompleted: isu2018.sprintLaps[sprint - 1]! },
      { type: 'sprint/placed', sprint, bibs: outlookRandom.shuffled(semiBibs).slice(0, 3) },
    );
  }
  for (const command of commands) history.commit(ok(history.decide(command, meta())));
  return history.state;
}

/**
 * p50 and p99 of the outlook before sprint 1 and after sprints 1-3, for K qualifiers, over
 * `runs` states (before sprint 1 there is one state; after a sprint, a new placing each run).
 * Each sample is the best of OUTLOOK_REPEATS back-to-back runs on the same state, so a run the
 * busy host descheduled does not count as the search's time; `rawP99` is of single runs.
 */
function outlookPhases(qualifiers: number, runs: number): OutlookFigures[] {
  return [0, 1, 2, 3].map((sprints) => {
    const fixed = sprints === 0 ? semiAfter(0, qualifiers) : null;
    const states = Array.from({ length: runs }, () => fixed ?? semiAfter(sprints, qualifiers));
    const best: number[] = [];
    const raw: number[] = [];
    for (const state of states) {
      let fastest = Infinity;
      for (let repeat = 0; repeat < OUTLOOK_REPEATS; repeat++) {
        const start = process.hrtime.bigint();
        qualificationOutlook(state);
        const ms = nsToMs(Number(process.hrtime.bigint() - start));
        if (repeat === 0) raw.push(ms);
        fastest = Math.min(fastest, ms);
      }
      best.push(fastest);
    }
    return { p50: quantile(best, 0.5), p99: quantile(best, 0.99), rawP99: quantile(raw, 0.99) };
  });
}

interface OutlookFigures {
  readonly p50: number;
  readonly p99: number;
  readonly rawP99: number;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const started = performance.now();

runCommands(WARMUP_COMMANDS, false);
const { samples, races, refused } = runCommands(MEASURED_COMMANDS, true);
const all = samples.map((s) => s.ns);
const commandMedian = nsToUs(quantile(all, 0.5));
const commandP95 = nsToUs(quantile(all, 0.95));
const commandP99 = nsToUs(quantile(all, 0.99));

const byType = new Map<string, number[]>();
for (const sample of samples) {
  const list = byType.get(sample.type) ?? [];
  list.push(sample.ns);
  byType.set(sample.type, list);
}

const buildStart = performance.now();
const journal = buildJournal(JOURNAL_ENTRIES);
const buildMs = performance.now() - buildStart;
const entries = journal.entries;
const voids = entries.filter((e) => e.event.type === 'event/voided').length;
const check = foldJournal(entries);
if (check.problems.length > 0 || !isDeepStrictEqual(check.state, journal.state)) {
  throw new Error('the 10,000-entry journal does not fold to the state it was built with');
}
for (let i = 0; i < FOLD_WARMUP; i++) foldJournal(entries);
const folds: number[] = [];
for (let i = 0; i < FOLD_RUNS; i++) {
  const start = process.hrtime.bigint();
  foldJournal(entries);
  folds.push(Number(process.hrtime.bigint() - start));
}
const foldSorted = folds;
const foldMedian = nsToMs(quantile(foldSorted, 0.5));
const foldP95 = nsToMs(quantile(foldSorted, 0.95));

// Undo on the long journal (decide only: a void refolds the whole journal).
const undos: number[] = [];
for (let i = 0; i < 10; i++) {
  const start = process.hrtime.bigint();
  journal.decide({ type: 'undo' }, meta());
  undos.push(Number(process.hrtime.bigint() - start));
}
const undoLong = nsToMs(quantile(undos, 0.5));

for (let i = 0; i < OUTLOOK_WARMUP; i++) qualificationOutlook(semiAfter(i % 4, 8));
const outlook = outlookPhases(8, OUTLOOK_RUNS);
const sweep = [4, 12, 16, 20].map((qualifiers) => ({
  qualifiers,
  phases: outlookPhases(qualifiers, OUTLOOK_SWEEP_RUNS),
}));
const slowest = sweep
  .flatMap(({ qualifiers, phases }) =>
    phases.map((phase, sprints) => ({ qualifiers, sprints, ...phase })),
  )
  .reduce((worst, row) => (row.p99 > worst.p99 ? row : worst));

const verdict = (value: number, target: number): string => (value < target ? 'PASS' : 'MISS');
const fmt = (value: number, unit: string, digits = 1): string => `${value.toFixed(digits)} ${unit}`;
const rows: [string, string, string, string][] = [
  [
    'one command + standings, median',
    fmt(commandMedian, 'µs'),
    `< ${TARGET_COMMAND_US} µs`,
    verdict(commandMedian, TARGET_COMMAND_US),
  ],
  [
    'one command + standings, p95',
    fmt(commandP95, 'µs'),
    `< ${TARGET_COMMAND_US} µs`,
    verdict(commandP95, TARGET_COMMAND_US),
  ],
  [
    `fold ${entries.length.toLocaleString('en')}-entry journal, median`,
    fmt(foldMedian, 'ms', 2),
    `< ${TARGET_FOLD_MS} ms`,
    verdict(foldMedian, TARGET_FOLD_MS),
  ],
  ...outlook.map(({ p50, p99 }, sprints): [string, string, string, string] => [
    `qualification outlook, ${sprints === 0 ? 'before sprint 1' : `after sprint ${sprints}`}, p50 / p99`,
    `${fmt(p50, 'ms', 2)} / ${fmt(p99, 'ms', 2)}`,
    `< ${TARGET_OUTLOOK_MS} ms`,
    verdict(p99, TARGET_OUTLOOK_MS),
  ]),
];
const median = (values: number[]): number => quantile(values, 0.5);
const info: [string, string][] = [
  ['one command + standings, p99', fmt(commandP99, 'µs')],
  ['  of which decide + commit, median', fmt(nsToUs(median(samples.map((s) => s.applyNs))), 'µs')],
  [
    '  of which computeStandings, median',
    fmt(nsToUs(median(samples.map((s) => s.standingsNs))), 'µs'),
  ],
  [`fold ${entries.length.toLocaleString('en')}-entry journal, p95`, fmt(foldP95, 'ms', 2)],
  [
    `undo on the ${entries.length.toLocaleString('en')}-entry journal (decide, refolds)`,
    fmt(undoLong, 'ms', 2),
  ],
  ...outlook.map(({ rawP99 }, sprints): [string, string] => [
    `qualification outlook, ${sprints === 0 ? 'before sprint 1' : `after sprint ${sprints}`}, p99 of single runs`,
    fmt(rawP99, 'ms', 2),
  ]),
  [
    `qualification outlook, slowest of K = 4, 12, 16, 20 (p99): K = ${slowest.qualifiers}, ${slowest.sprints === 0 ? 'before sprint 1' : `after sprint ${slowest.sprints}`}`,
    `${fmt(slowest.p50, 'ms', 2)} / ${fmt(slowest.p99, 'ms', 2)}`,
  ],
];

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

console.log(`Race engine benchmark: ${SKATERS} skaters, isu-2018`);
console.log(
  `node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus()[0]?.model.trim() ?? 'cpu ?'} (${os.cpus().length} cores)`,
);
console.log(
  `(a) ${samples.length.toLocaleString('en')} accepted commands over ${races} races after ${WARMUP_COMMANDS.toLocaleString('en')} warm-up (${refused} refused, not timed)`,
);
console.log(
  `(b) journal of ${entries.length.toLocaleString('en')} accepted entries (${voids} voids, ${check.voided.size} entries voided), built in ${buildMs.toFixed(0)} ms; ${FOLD_RUNS} folds after ${FOLD_WARMUP} warm-up`,
);
console.log(
  `(c) qualification outlook: semi-final, K = 8, ${OUTLOOK_RUNS.toLocaleString('en')} states per row (${OUTLOOK_SWEEP_RUNS} for the other K), each the best of ${OUTLOOK_REPEATS} runs, after ${OUTLOOK_WARMUP} warm-up; value p50 / p99, result on p99`,
);
console.log('');
console.log(table(['figure', 'value', 'target', 'result'], rows));
console.log('');
console.log(table(['also measured', 'value'], info));
console.log('');
console.log(
  table(
    ['per command type', 'count', 'median', 'p95'],
    [...byType]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([type, list]) => {
        const sorted = list;
        return [
          type,
          String(list.length),
          fmt(nsToUs(quantile(sorted, 0.5)), 'µs'),
          fmt(nsToUs(quantile(sorted, 0.95)), 'µs'),
        ];
      }),
  ),
);
console.log('');
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
// The exit code follows the headline figures (the medians); the p95 row is reported against the
// same target so a tail regression shows, but GC pauses on a busy CI host make it noisy. The
// outlook rows show their p99 verdict; their medians set the exit code too.
const headline = [rows[0]!, rows[2]!];
const outlookMissed = outlook.some(({ p50 }) => p50 >= TARGET_OUTLOOK_MS);
if (headline.some((row) => row[3] === 'MISS') || outlookMissed) process.exitCode = 1;
