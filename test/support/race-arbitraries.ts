/**
 * fast-check arbitraries for race engine property tests (test/shared/race/properties.test.ts).
 *
 * A race is generated as a script: a race/configured event (isu-2018, isu-2014 or a random
 * valid custom format), a start list of 2..24 skaters with unique bibs, and a list of abstract
 * steps. A step is turned into a concrete command only when it is run, against the state the
 * race is in at that moment (`commandFor`), so the random walk stays mostly valid (laps, sprint
 * placings of known bibs at the right laps to go, finish order on the last lap ...) while a
 * `junk` share of the steps deliberately asks for something the rules refuse (unknown bibs,
 * sprints that are not in the format, laps below zero, voids of entries that do not exist ...).
 */
import fc from 'fast-check';
import type {
  RaceCommand,
  RaceEventOf,
  Skater,
  SkaterStatus,
} from '../../src/shared/race/events.ts';
import {
  isu2014,
  isu2018,
  raceFormatSchema,
  sprintLapsToGo,
  type RaceFormat,
} from '../../src/shared/race/format.ts';
import type { Decision, RaceHistory } from '../../src/shared/race/history.ts';
import { lapsToGo } from '../../src/shared/race/progress.ts';
import { statusOf, type RaceState } from '../../src/shared/race/state.ts';

// ---------------------------------------------------------------------------------------------
// Formats, race set-up and start lists
// ---------------------------------------------------------------------------------------------

/** A points table, best place first (the engine does not require it to be decreasing). */
function tableArb(minLength: number, maxLength: number, max: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.integer({ min: 0, max }), { minLength, maxLength })
    .map((table) => [...table].sort((a, b) => b - a));
}

/** A random valid custom format (junior, marathon, points-race shapes), parsed by the schema. */
export const customFormatArb: fc.Arbitrary<RaceFormat> = fc
  .integer({ min: 1, max: 30 })
  .chain((laps) =>
    fc.record({
      name: fc.constantFrom('custom', 'junior', 'marathon', 'points race'),
      laps: fc.constant(laps),
      sprintLaps:
        laps > 1
          ? fc
              .uniqueArray(fc.integer({ min: 1, max: laps - 1 }), {
                maxLength: Math.min(6, laps - 1),
              })
              .map((sprintLaps) => [...sprintLaps].sort((a, b) => a - b))
          : fc.constant([]),
      intermediatePoints: tableArb(0, 6, 10),
      finalPoints: tableArb(1, 8, 100),
      podiumByFinishOrder: fc.integer({ min: 0, max: 5 }),
      nonFinishersKeepPoints: fc.boolean(),
      disqualifiedLosePoints: fc.boolean(),
      lappedSkaters: fc.constantFrom('rank' as const, 'pull' as const),
    }),
  )
  .map((input) => raceFormatSchema.parse(input));

/** Mostly the ISU presets, sometimes a custom format. */
export const formatArb: fc.Arbitrary<RaceFormat> = fc.oneof(
  { arbitrary: fc.constant(isu2018), weight: 4 },
  { arbitrary: fc.constant(isu2014), weight: 2 },
  { arbitrary: customFormatArb, weight: 3 },
);

const titles = [
  'Men · Mass Start · Final',
  'Women · Mass Start · Semi-final 1',
  'Mass Start',
  'Junior World Cup Mass Start',
];

/** The race/configured event that opens a race. */
export const configuredArb: fc.Arbitrary<RaceEventOf<'race/configured'>> = fc
  .record({
    title: fc.oneof(fc.constantFrom(...titles), fc.stringMatching(/^[A-Z][a-z0-9]{0,12}$/)),
    round: fc.constantFrom('semi' as const, 'final' as const),
    qualifiers: fc.integer({ min: 1, max: 12 }),
    format: formatArb,
  })
  .map(({ title, round, qualifiers, format }) => ({
    type: 'race/configured' as const,
    title,
    round,
    qualifiers: round === 'semi' ? qualifiers : 0,
    format,
  }));

const nations = ['NED', 'USA', 'ITA', 'KOR', 'CAN', 'BEL', 'NOR', 'DEN', 'CHN', 'JPN', 'FRA', ''];
const names = ['Bergsma', 'Thorup', 'Giovannini', 'Stolz', 'Chung', 'Gélinas-Beaulieu', 'Kim'];

/** A skater as the schema would parse it (trimmed name, upper-case nation). */
export function skaterFor(bib: number, seed: number): Skater {
  return {
    bib,
    name: `${names[seed % names.length]} ${bib}`,
    nation: nations[seed % nations.length]!,
  };
}

/** Bibs on helmets: mostly small numbers, sometimes anything in 1..999. */
export const bibArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 40 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 999 }), weight: 1 },
);

/** A start list of `min`..`max` skaters with unique bibs. */
export function startListArb(min = 2, max = 24): fc.Arbitrary<Skater[]> {
  return fc
    .uniqueArray(fc.tuple(bibArb, fc.nat(1000)), {
      minLength: min,
      maxLength: max,
      selector: ([bib]) => bib,
    })
    .map((list) => list.map(([bib, seed]) => skaterFor(bib, seed)));
}

// ---------------------------------------------------------------------------------------------
// Steps of the random walk
// ---------------------------------------------------------------------------------------------

export const stepKinds = [
  'lap',
  'bell',
  'correct',
  'sprint',
  'finish',
  'append',
  'time',
  'status',
  'advance',
  'edit',
  'confirm',
  'reopen',
  'undo',
  'redo',
  'void',
  'start',
  'configure',
  'startList',
] as const;
export type StepKind = (typeof stepKinds)[number];

/** An abstract step; `commandFor` turns it into a command for the state the race is in. */
export interface Step {
  readonly kind: StepKind;
  /** Free numbers the step draws choices from. */
  readonly n: number;
  readonly m: number;
  readonly picks: readonly number[];
  readonly flag: boolean;
  /** Ask for something the rules (most likely) refuse. */
  readonly junk: boolean;
}

/** How often each kind of step comes up, and how many of them are junk. */
export interface Profile {
  readonly weights: Readonly<Partial<Record<StepKind, number>>>;
  /** Percentage of steps that deliberately go wrong. */
  readonly junkPercent: number;
}

/** A race as an operator runs it: mostly laps, sprints, finish, statuses and the odd undo. */
export const realistic: Profile = {
  weights: {
    lap: 30,
    bell: 2,
    correct: 3,
    sprint: 12,
    finish: 6,
    append: 3,
    time: 3,
    status: 6,
    advance: 1,
    edit: 1,
    confirm: 3,
    reopen: 1,
    undo: 6,
    redo: 3,
    void: 2,
    start: 1,
    configure: 1,
    startList: 1,
  },
  junkPercent: 5,
};

/** The same race without any undo, redo or void (the events a later undo takes out). */
export const withoutVoids: Profile = {
  weights: { ...realistic.weights, undo: 0, redo: 0, void: 0 },
  junkPercent: 5,
};

/** Anything goes, a third of it wrong on purpose. */
export const chaos: Profile = {
  weights: Object.fromEntries(stepKinds.map((kind) => [kind, kind === 'lap' ? 8 : 3])),
  junkPercent: 35,
};

export function stepArb(profile: Profile): fc.Arbitrary<Step> {
  const kinds = stepKinds
    .filter((kind) => (profile.weights[kind] ?? 0) > 0)
    .map((kind) => ({ arbitrary: fc.constant(kind), weight: profile.weights[kind]! }));
  return fc.record({
    kind: fc.oneof(...kinds),
    n: fc.nat(10_000),
    m: fc.nat(10_000),
    picks: fc.array(fc.nat(10_000), { maxLength: 8 }),
    flag: fc.boolean(),
    junk: fc.integer({ min: 0, max: 99 }).map((x) => x < profile.junkPercent),
  });
}

/** A whole race: set-up and a random walk of steps. */
export interface RaceScript {
  readonly configured: RaceEventOf<'race/configured'>;
  readonly skaters: readonly Skater[];
  /** Whether to send race/configured and startList/set first (chaos races sometimes do not). */
  readonly setUp: boolean;
  readonly steps: readonly Step[];
}

export function raceScriptArb(
  profile: Profile,
  { minSteps = 0, maxSteps = 80, alwaysSetUp = true } = {},
): fc.Arbitrary<RaceScript> {
  return fc.record({
    configured: configuredArb,
    skaters: startListArb(),
    setUp: alwaysSetUp
      ? fc.constant(true)
      : fc.oneof(
          { arbitrary: fc.constant(true), weight: 9 },
          { arbitrary: fc.constant(false), weight: 1 },
        ),
    steps: fc.array(stepArb(profile), { minLength: minSteps, maxLength: maxSteps, size: 'max' }),
  });
}

/** A script for the void property: a race so far, then some more events without voids. */
export function prefixSuffixArb(): fc.Arbitrary<{ script: RaceScript; more: readonly Step[] }> {
  return fc.record({
    script: raceScriptArb(realistic, { maxSteps: 60 }),
    more: fc.array(stepArb(withoutVoids), { minLength: 1, maxLength: 12, size: 'max' }),
  });
}

// ---------------------------------------------------------------------------------------------
// Turning steps into commands
// ---------------------------------------------------------------------------------------------

const statuses: readonly SkaterStatus[] = ['DNF', 'DQ', 'LAPPED', 'OK', 'DNS'];

function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

/** Distinct bibs of `pool`, in an order and number drawn from `picks`. */
function choose(pool: readonly number[], picks: readonly number[], count: number): number[] {
  const left = [...pool];
  const out: number[] = [];
  for (let i = 0; i < count && left.length > 0; i++) {
    const index = (picks[i % Math.max(1, picks.length)] ?? i) + i;
    out.push(left.splice(index % left.length, 1)[0]!);
  }
  return out;
}

/** `pool` in an order drawn from `picks` (a permutation). */
function shuffle(pool: readonly number[], picks: readonly number[], seed: number): number[] {
  return choose(pool, picks.length > 0 ? picks : [seed], pool.length);
}

/** A bib that is not on the start list. */
function unknownBib(state: RaceState, n: number): number {
  const taken = new Set(state.skaters.map((s) => s.bib));
  let bib = 1 + (n % 999);
  while (taken.has(bib)) bib = 1 + (bib % 999);
  return bib;
}

/** Sprints whose line the race has reached (may be placed or re-placed now). */
function sprintsOpen(state: RaceState): number[] {
  const open: number[] = [];
  state.format.sprintLaps.forEach((_, index) => {
    if (lapsToGo(state) <= sprintLapsToGo(state.format, index + 1) + 1) open.push(index + 1);
  });
  return open;
}

/**
 * The command a step stands for in the race `history` is in. Valid steps are built to be
 * accepted most of the time; junk steps to be refused most of the time.
 */
export function commandFor(history: RaceHistory, step: Step): RaceCommand {
  const state = history.state;
  const { format } = state;
  const { n, m, picks, flag, junk } = step;
  const bibs = state.skaters.map((s) => s.bib);
  const started = bibs.filter((bib) => statusOf(state, bib) !== 'DNS');
  const racing = started.filter((bib) => statusOf(state, bib) !== 'DNF');
  const anyBib = (i: number): number =>
    junk || bibs.length === 0 ? unknownBib(state, i) : pick(bibs, i)!;

  // After the confirmation an operator sometimes reopens the results to correct them.
  const keeps = ['undo', 'redo', 'void', 'reopen', 'confirm'];
  if (state.official && !junk && !keeps.includes(step.kind) && n % 2 === 0) {
    return { type: 'results/reopened' };
  }

  switch (step.kind) {
    case 'lap':
      // Once the leader is in, the operator turns to the finish order and the confirmation.
      if (!junk && state.started && lapsToGo(state) === 0) {
        const left = racing.filter((bib) => !state.finishOrder.includes(bib));
        if (left.length > 0)
          return { type: 'finish/appended', bibs: choose(left, picks, 1 + (m % 4)) };
        return { type: 'results/confirmed' };
      }
      return { type: 'lap/completed' };

    case 'bell':
      return { type: 'laps/corrected', lapsCompleted: format.laps - (flag ? 1 : 2) };

    case 'correct': {
      const lapsCompleted = junk
        ? flag
          ? -1 - (n % 5)
          : format.laps + 1 + (n % 5)
        : Math.max(0, Math.min(format.laps, state.lapsCompleted + (n % 5) - 2));
      return { type: 'laps/corrected', lapsCompleted };
    }

    case 'sprint': {
      const count = format.sprintLaps.length;
      const open = sprintsOpen(state);
      const sprint = junk
        ? (n % (count + 4)) - 1
        : n % 5 === 0 && open.length > 0
          ? pick(open, m)!
          : (open[open.length - 1] ?? 1 + (n % Math.max(1, count)));
      const places = format.intermediatePoints.length;
      const size = 1 + (m % Math.max(1, places));
      const placed = choose(started, picks, size);
      if (junk) {
        if (flag && placed.length > 0) placed.push(placed[0]!);
        else placed.push(unknownBib(state, m));
      }
      return { type: 'sprint/placed', sprint, bibs: placed.length > 0 ? placed : [anyBib(n)] };
    }

    case 'finish': {
      if (!junk && lapsToGo(state) > 1 && n % 3 !== 0) return { type: 'lap/completed' };
      const order = shuffle(racing, picks, n);
      const full = flag || n % 3 !== 0;
      const bibsFinish = full ? order : order.slice(0, 1 + (m % Math.max(1, order.length)));
      if (junk) {
        return {
          type: 'finish/recorded',
          bibs: flag ? [] : [...bibsFinish, unknownBib(state, m)],
        };
      }
      return { type: 'finish/recorded', bibs: bibsFinish };
    }

    case 'append': {
      const left = racing.filter((bib) => !state.finishOrder.includes(bib));
      const more = choose(left, picks, 1 + (m % 3));
      if (junk || more.length === 0) {
        const again = pick(state.finishOrder, n) ?? anyBib(n);
        return { type: 'finish/appended', bibs: [again] };
      }
      return { type: 'finish/appended', bibs: more };
    }

    case 'time':
      return { type: 'finish/timed', bib: anyBib(n), time: 300_000 + ((m * 37) % 200_000) };

    case 'status': {
      const status = junk
        ? pick(statuses, m)!
        : (['DNF', 'DNF', 'LAPPED', 'OK', 'DQ', 'DNS'] as const)[m % 6]!;
      // Aim DNS and DNF at skaters they can apply to, most of the time.
      const pool =
        status === 'DNS'
          ? bibs.filter(
              (bib) =>
                !state.finishOrder.includes(bib) && !state.sprints.some((s) => s.includes(bib)),
            )
          : status === 'DNF'
            ? bibs.filter((bib) => !state.finishOrder.includes(bib))
            : bibs;
      const bib = junk ? anyBib(n) : (pick(pool, n) ?? anyBib(n));
      const laps = flag ? (junk ? format.laps + 1 + (n % 3) : n % (format.laps + 1)) : undefined;
      return laps === undefined
        ? { type: 'skater/statusChanged', bib, status }
        : { type: 'skater/statusChanged', bib, status, laps };
    }

    case 'advance':
      return { type: 'qualifier/advanced', bib: anyBib(n) };

    case 'edit': {
      const bib = anyBib(n);
      return flag
        ? { type: 'skater/edited', bib, name: `Renamed ${m % 100}` }
        : { type: 'skater/edited', bib, nation: nations[m % nations.length]! };
    }

    case 'confirm':
      return { type: 'results/confirmed' };

    case 'reopen':
      return { type: 'results/reopened' };

    case 'undo':
      return { type: 'undo' };

    case 'redo':
      return { type: 'redo' };

    case 'void': {
      const seqs = history.entries.map((entry) => entry.seq);
      const target = junk || seqs.length === 0 ? n % (history.nextSeq + 3) : pick(seqs, n)!;
      return { type: 'event/voided', target: Math.max(1, target) };
    }

    case 'start':
      return { type: 'race/started' };

    case 'configure': {
      // Mostly a title change (allowed at any time), sometimes another preset or round.
      const format2 = n % 4 === 0 ? (flag ? isu2014 : isu2018) : format;
      const round = n % 7 === 0 ? (state.round === 'semi' ? 'final' : 'semi') : state.round;
      return {
        type: 'race/configured',
        title: junk ? 'Renamed' : `${state.title.split(' #')[0]} #${m % 10}`,
        round,
        qualifiers: round === 'semi' ? Math.max(1, state.qualifiers || 1 + (m % 10)) : 0,
        format: format2,
      };
    }

    case 'startList': {
      const list = [...new Set([n, m, ...picks].map((p) => 1 + (p % 60)))].map((bib) =>
        skaterFor(bib, n),
      );
      if (junk && flag) return { type: 'startList/set', skaters: [] };
      if (junk && list.length > 0) list.push(list[0]!);
      return { type: 'startList/set', skaters: list };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Running a race
// ---------------------------------------------------------------------------------------------

/** One command of a walk with what the history decided. */
export interface Taken {
  readonly command: RaceCommand;
  readonly decision: Decision;
  readonly before: RaceState;
}

/** The commands that set a race up. */
export function setUpCommands(script: RaceScript): RaceCommand[] {
  if (!script.setUp) return [];
  return [script.configured, { type: 'startList/set', skaters: [...script.skaters] }];
}

let clock = Date.UTC(2026, 1, 14, 13, 0, 0);

/** A fixed, increasing time stamp (journals of a test run do not depend on the wall clock). */
export function nextMeta(source = 'property'): { at: string; source: string } {
  clock += 250;
  return { at: new Date(clock).toISOString(), source };
}

/**
 * Sends one command: decides, and commits when accepted. `onTaken` sees every command with the
 * decision (before the commit).
 */
export function send(
  history: RaceHistory,
  command: RaceCommand,
  onTaken?: (taken: Taken) => void,
): Decision {
  const before = history.state;
  const decision = history.decide(command, nextMeta());
  onTaken?.({ command, decision, before });
  if (decision.ok) history.commit(decision);
  return decision;
}

/** Runs the set-up and the steps of a script on `history`. */
export function runScript(
  history: RaceHistory,
  script: RaceScript,
  onTaken?: (taken: Taken) => void,
): RaceHistory {
  for (const command of setUpCommands(script)) send(history, command, onTaken);
  runSteps(history, script.steps, onTaken);
  return history;
}

/** Runs steps on `history`, each turned into a command for the state at that moment. */
export function runSteps(
  history: RaceHistory,
  steps: readonly Step[],
  onTaken?: (taken: Taken) => void,
): RaceHistory {
  for (const step of steps) send(history, commandFor(history, step), onTaken);
  return history;
}
