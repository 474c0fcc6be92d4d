/**
 * The random walk of the race engine property tests: a race is generated as a script, its
 * set-up (race-setup-arbitraries.ts) and a list of abstract steps drawn with a profile's weights.
 * A step becomes a concrete command only when it is run (race-commands.ts).
 */
import fc from 'fast-check';
import type { RaceEventOf, Skater } from '../../src/shared/race/events.ts';
import { configuredArb, startListArb } from './race-setup-arbitraries.ts';

/** The kinds of step a random walk is made of. */
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
/** One kind of step. */
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

/** A step drawn with the weights and the junk share of `profile`. */
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

/** A race script: set-up, start list and `minSteps`..`maxSteps` steps of `profile`. */
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
