import type { Skater } from './events.ts';
import type { Standings } from './standings.ts';
import type { RaceState } from './state.ts';
import { check } from './errors.ts';

/** A finalist with the helmet number earned in the semi-final. */
export interface Finalist {
  readonly helmet: number;
  readonly skater: Skater;
  /** Which semi (1 or 2) and the rank there. */
  readonly semi: 1 | 2;
  readonly semiRank: number | null;
  readonly qualified: 'Q' | 'q';
}

/**
 * The start list of a final built from two finished semi-finals (rules, "Semi-finals"): rank k
 * of semi 1 wears 2k-1, rank k of semi 2 wears 2k. Referee-advanced skaters (q) follow, numbered
 * on from the highest helmet, better semi rank first, semi 1 before semi 2 on equal rank.
 */
export function finalistsFromSemis(
  semis: readonly [
    { state: RaceState; standings: Standings },
    { state: RaceState; standings: Standings },
  ],
): Finalist[] {
  const finalists: Finalist[] = [];
  const advanced: Omit<Finalist, 'helmet'>[] = [];
  semis.forEach(({ state, standings }, index) => {
    const semi = (index + 1) as 1 | 2;
    check(
      state.round === 'semi',
      'notSemi',
      `race ${semi} ("${state.title}") is not a semi-final`,
      { semi },
    );
    check(
      standings.phase === 'final' || standings.phase === 'official',
      'semiNotFinished',
      `semi-final ${semi} ("${state.title}") has no complete finish order yet`,
      { semi },
    );
    let place = 0;
    standings.rows.forEach((row) => {
      const skater = state.skaters.find((s) => s.bib === row.bib)!;
      if (row.qualified === 'Q') {
        place += 1;
        finalists.push({
          helmet: 2 * place - (semi === 1 ? 1 : 0),
          skater,
          semi,
          semiRank: row.rank,
          qualified: 'Q',
        });
      } else if (row.qualified === 'q') {
        advanced.push({ skater, semi, semiRank: row.rank, qualified: 'q' });
      }
    });
  });
  finalists.sort((a, b) => a.helmet - b.helmet);
  let next = (finalists[finalists.length - 1]?.helmet ?? 0) + 1;
  advanced
    .sort((a, b) => (a.semiRank ?? Infinity) - (b.semiRank ?? Infinity) || a.semi - b.semi)
    .forEach((finalist) => finalists.push({ ...finalist, helmet: next++ }));
  return finalists;
}

/** The finalists as a start list, helmet numbers as bibs. */
export function finalStartList(finalists: readonly Finalist[]): Skater[] {
  return finalists.map(({ helmet, skater }) => ({ ...skater, bib: helmet }));
}
