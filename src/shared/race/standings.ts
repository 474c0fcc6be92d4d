import type { SkaterStatus } from './events.ts';
import { pointsByBib, type SkaterPoints } from './points.ts';
import { statusOf, type RaceState } from './state.ts';

/** Where the race is, for the ranking: before the start, running, finishing, finished, official. */
export type StandingsPhase = 'start' | 'live' | 'finishing' | 'final' | 'official';

/** One row of the standings, as boards, TV and results print it. */
export interface Standing extends SkaterPoints {
  /** Rank, shared on a true tie; null for skaters not (yet) ranked: DQ, DNS, no points while live. */
  readonly rank: number | null;
  readonly bib: number;
  readonly name: string;
  readonly nation: string;
  readonly status: SkaterStatus;
  /** Place in the crossing order, 1-based, for finishers. */
  readonly crossed: number | null;
  /** Laps completed, for skaters who did not finish. */
  readonly laps: number | null;
  /** Finish time in milliseconds. */
  readonly time: number | null;
  /** Q (by ranking) or q (advanced by the referee), in a finished semi-final. */
  readonly qualified: 'Q' | 'q' | null;
}

/** Standings with the qualification line of a semi-final. */
export interface Standings {
  readonly phase: StandingsPhase;
  readonly rows: readonly Standing[];
  /** In a semi-final, the line is drawn under this many rows; null in a final. */
  readonly qualificationLine: number | null;
}

type Row = Omit<Standing, 'rank' | 'qualified'>;

/** The race phase as far as ranking is concerned. */
export function standingsPhase(state: RaceState): StandingsPhase {
  if (state.official) return 'official';
  if (!state.started) return 'start';
  if (state.finishOrder.length === 0) return 'live';
  const waiting = state.skaters.some(
    (s) => isRacing(state, s.bib) && !state.finishOrder.includes(s.bib),
  );
  return waiting ? 'finishing' : 'final';
}

/**
 * The standings (rules document, "Ranking"): live by points while the race runs; at the finish
 * the first across the line take the podium, then points with crossing order breaking ties,
 * finishers above non-finishers (points, then laps), DQ and DNS without rank.
 */
export function computeStandings(state: RaceState): Standings {
  const phase = standingsPhase(state);
  const points = pointsByBib(state);
  const rows = state.skaters.map((skater): Row => {
    const crossed = state.finishOrder.indexOf(skater.bib);
    return {
      bib: skater.bib,
      name: skater.name,
      nation: skater.nation,
      status: statusOf(state, skater.bib),
      crossed: crossed < 0 ? null : crossed + 1,
      laps: state.lapsByBib[skater.bib] ?? null,
      time: state.times[skater.bib] ?? null,
      ...points.get(skater.bib)!,
    };
  });
  const ranked =
    phase === 'start'
      ? startOrder(rows)
      : phase === 'live'
        ? liveOrder(state, rows)
        : finishRanking(state, rows);
  return qualify(state, phase, ranked);
}

/** Still in the race (not DNF, DQ, DNS, nor a lapped skater the format pulls). */
function isRacing(state: RaceState, bib: number): boolean {
  const status = statusOf(state, bib);
  return status === 'OK' || (status === 'LAPPED' && state.format.lappedSkaters === 'rank');
}

function startOrder(rows: Row[]): Standing[] {
  return rows.map((row) => ({ ...row, rank: null, qualified: null }));
}

/** While racing: by points, equal points share a rank; skaters without points below by bib. */
function liveOrder(state: RaceState, rows: Row[]): Standing[] {
  const racing = rows.filter((row) => isRacing(state, row.bib));
  const scored = racing
    .filter((row) => row.total > 0)
    .sort((a, b) => b.total - a.total || lappedLast(a, b) || a.bib - b.bib);
  const unscored = racing.filter((row) => row.total === 0).sort((a, b) => a.bib - b.bib);
  return [
    ...withRanks(scored, 1, (a, b) => a.total === b.total && a.status === b.status),
    ...unscored.map((row) => ({ ...row, rank: null, qualified: null })),
    ...outOfRace(state, rows, false),
  ];
}

/** At the finish (rules 1-4). Skaters still to cross count as crossing after those recorded. */
function finishRanking(state: RaceState, rows: Row[]): Standing[] {
  const byBib = new Map(rows.map((row) => [row.bib, row]));
  const recorded = state.finishOrder
    .map((bib) => byBib.get(bib)!)
    .filter((row) => isRacing(state, row.bib));
  const toCross = rows
    .filter((row) => isRacing(state, row.bib) && row.crossed === null)
    .sort((a, b) => b.total - a.total || a.bib - b.bib);
  const crossing = [...recorded, ...toCross];
  const podium = crossing.slice(0, state.format.podiumByFinishOrder);
  const rest = crossing
    .slice(podium.length)
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.total - a.row.total || lappedLast(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
  const finishers = [...podium, ...rest].map((row, index) => ({
    ...row,
    rank: index + 1,
    qualified: null,
  }));
  return [...finishers, ...outOfRace(state, rows, true, finishers.length + 1)];
}

/** Non-finishers (ranked at the finish: points, then laps), then DQ and DNS without rank. */
function outOfRace(state: RaceState, rows: Row[], ranked: boolean, firstRank = 1): Standing[] {
  const keepPoints = state.format.nonFinishersKeepPoints;
  const score = (row: Row): number => (keepPoints ? row.total : 0);
  const laps = (row: Row): number => row.laps ?? -1;
  const stopped = rows
    .filter((row) => !isRacing(state, row.bib) && (row.status === 'DNF' || row.status === 'LAPPED'))
    .sort((a, b) => score(b) - score(a) || laps(b) - laps(a) || a.bib - b.bib);
  const unranked = (status: SkaterStatus): Standing[] =>
    rows
      .filter((row) => row.status === status)
      .sort((a, b) => a.bib - b.bib)
      .map((row) => ({ ...row, rank: null, qualified: null }));
  const nonFinishers = ranked
    ? withRanks(stopped, firstRank, (a, b) => score(a) === score(b) && laps(a) === laps(b))
    : stopped.map((row) => ({ ...row, rank: null, qualified: null }));
  return [...nonFinishers, ...unranked('DQ'), ...unranked('DNS')];
}

function lappedLast(a: Row, b: Row): number {
  return Number(a.status === 'LAPPED') - Number(b.status === 'LAPPED');
}

/** Ranks in order, where rows that `tie` share the rank of the first of them. */
function withRanks(rows: Row[], first: number, tie: (a: Row, b: Row) => boolean): Standing[] {
  const out: Standing[] = [];
  rows.forEach((row, index) => {
    const previous = out[index - 1];
    const rank = previous && tie(rows[index - 1]!, row) ? previous.rank : first + index;
    out.push({ ...row, rank, qualified: null });
  });
  return out;
}

/** Q for the first `qualifiers` of a finished semi, q for referee advances (rules, "Semi-finals"). */
function qualify(state: RaceState, phase: StandingsPhase, rows: Standing[]): Standings {
  if (state.round !== 'semi') return { phase, rows, qualificationLine: null };
  const eligible = rows.filter((row) => row.status !== 'DQ' && row.status !== 'DNS').length;
  const line = Math.min(state.qualifiers, eligible);
  if (phase !== 'final' && phase !== 'official') {
    return { phase, rows, qualificationLine: line };
  }
  const marked = rows.map((row): Standing => {
    if (row.rank !== null && row.rank <= state.qualifiers) return { ...row, qualified: 'Q' };
    if (state.advanced.includes(row.bib)) return { ...row, qualified: 'q' };
    return row;
  });
  const qualifiedByRank = marked.filter((row) => row.qualified === 'Q').length;
  return { phase, rows: marked, qualificationLine: qualifiedByRank };
}
