/** The checks of helmet numbers entered as placings: sprints and the finish order (apply.ts). */
import { check, RaceRuleError, type MomentCheck } from './errors.ts';
import type { Skater } from './events.ts';
import { lapsToGo } from './progress.ts';
import { skaterByBib, statusOf, type RaceState } from './state.ts';

/** The skater with this helmet number, or a refusal naming the number. */
export function known(state: RaceState, bib: number): Skater {
  const skater = skaterByBib(state, bib);
  check(skater, 'unknownBib', `helmet number ${bib} is not on the start list`, { bib });
  return skater;
}

/**
 * Placings in order: each known, once, and started. The first `recorded` were placed before
 * (a finish order being added to): a number repeating one of them is `alreadyFinished`.
 */
export function checkPlacings(
  state: RaceState,
  bibs: readonly number[],
  what: string,
  recorded = 0,
): void {
  const seen = new Map<number, number>();
  bibs.forEach((bib, index) => {
    known(state, bib);
    const first = seen.get(bib);
    if (first !== undefined) {
      const message = `skater ${bib} appears twice in ${what}`;
      throw first < recorded
        ? new RaceRuleError('alreadyFinished', message, { bib, place: first + 1 })
        : new RaceRuleError('twice', message, { bib });
    }
    seen.set(bib, index);
    const status = statusOf(state, bib);
    check(
      status !== 'DNS',
      'dns',
      `skater ${bib} did not start (DNS) and cannot be placed in ${what}`,
      { bib },
    );
  });
}

/** A finish order (the first `recorded` of `bibs` were recorded before), on the last lap. */
export function checkFinish(
  state: RaceState,
  bibs: readonly number[],
  recorded: number,
  when: MomentCheck,
): void {
  when(state.started, 'notStarted', 'the race has not started');
  when(
    lapsToGo(state) <= 1,
    'finishNotYet',
    `the finish order comes on the last lap; the race is at ${lapsToGo(state)} laps to go`,
    { lapsToGo: lapsToGo(state) },
  );
  checkPlacings(state, bibs, 'the finish order', recorded);
  for (const bib of bibs) {
    check(
      statusOf(state, bib) !== 'DNF',
      'dnf',
      `skater ${bib} is DNF: clear the status before placing them in the finish order`,
      { bib },
    );
  }
}
