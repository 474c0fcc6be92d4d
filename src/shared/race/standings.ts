import type { SkaterStatus } from './events.ts';
import { pointsByBib, type SkaterPoints } from './points.ts';
import { isRacing, statusOf, type RaceState } from './state.ts';

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
  /**
   * In a semi-final (issue 18): while it runs, "Q" (clinched whatever happens), "open" or "out"
   * (no way the race can end puts the skater in the first K); once finished, "Q" / "q" as
   * `qualified`, else "out". Null in a final, before the start and while the finish is being
   * recorded. Filled in by standingsWithOutlook (src/shared/race/qualification.ts).
   */
  readonly qualification: 'Q' | 'q' | 'open' | 'out' | null;
  /** The largest finishing place that guarantees qualification (see qualificationOutlook). */
  readonly safeFinish: number | null;
}

/** Standings with the qualification line of a semi-final. */
export interface Standings {
  readonly phase: StandingsPhase;
  readonly rows: readonly Standing[];
  /**
   * In a semi-final, the line is drawn under this many rows: the qualifiers once the race is
   * finished; while it runs, no lower than the last skater with points (fewer than the places
   * while fewer are ranked; the rest are decided at the finish). Null in a final.
   */
  readonly qualificationLine: number | null;
}

/** Rows are built fresh for each computation, so ranking may fill them in place (no copies). */
type Row = { -readonly [K in keyof Standing]: Standing[K] };

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
    const scored = points.get(skater.bib)!;
    return {
      rank: null,
      bib: skater.bib,
      name: skater.name,
      nation: skater.nation,
      status: statusOf(state, skater.bib),
      crossed: crossed < 0 ? null : crossed + 1,
      laps: state.lapsByBib[skater.bib] ?? null,
      time: state.times[skater.bib] ?? null,
      sprints: scored.sprints,
      final: scored.final,
      total: scored.total,
      qualified: null,
      qualification: null,
      safeFinish: null,
    };
  });
  const ranked =
    phase === 'start'
      ? rows
      : phase === 'live'
        ? liveOrder(state, rows)
        : finishRanking(state, rows);
  return qualify(state, phase, ranked);
}

/** While racing: by points, equal points share a rank; skaters without points below by bib. */
function liveOrder(state: RaceState, rows: Row[]): Row[] {
  const racing = rows.filter((row) => isRacing(state, row.bib));
  const scored = racing
    .filter((row) => row.total > 0)
    .sort((a, b) => b.total - a.total || lappedLast(a, b) || a.bib - b.bib);
  const unscored = racing.filter((row) => row.total === 0).sort((a, b) => a.bib - b.bib);
  rankInOrder(scored, 1, (a, b) => a.total === b.total && a.status === b.status);
  return [...scored, ...unscored, ...outOfRace(state, rows, false, 1)];
}

/** At the finish (rules 1-4). Skaters still to cross count as crossing after those recorded. */
function finishRanking(state: RaceState, rows: Row[]): Row[] {
  const byBib = new Map(rows.map((row) => [row.bib, row]));
  const recorded = state.finishOrder
    .map((bib) => byBib.get(bib)!)
    .filter((row) => isRacing(state, row.bib));
  const toCross = rows
    .filter((row) => isRacing(state, row.bib) && row.crossed === null)
    .sort((a, b) => b.total - a.total || a.bib - b.bib);
  const crossing = [...recorded, ...toCross];
  const podium = crossing.slice(0, state.format.podiumByFinishOrder);
  const order = new Map(crossing.map((row, index) => [row, index]));
  const rest = crossing
    .slice(podium.length)
    .sort((a, b) => b.total - a.total || lappedLast(a, b) || order.get(a)! - order.get(b)!);
  const finishers = [...podium, ...rest];
  finishers.forEach((row, index) => (row.rank = index + 1));
  return [...finishers, ...outOfRace(state, rows, true, finishers.length + 1)];
}

/** Non-finishers (ranked at the finish: points, then laps), then DQ and DNS without rank. */
function outOfRace(state: RaceState, rows: Row[], ranked: boolean, firstRank: number): Row[] {
  const keepPoints = state.format.nonFinishersKeepPoints;
  const score = (row: Row): number => (keepPoints ? row.total : 0);
  const laps = (row: Row): number => row.laps ?? -1;
  const stopped = rows
    .filter((row) => !isRacing(state, row.bib) && (row.status === 'DNF' || row.status === 'LAPPED'))
    .sort((a, b) => score(b) - score(a) || laps(b) - laps(a) || a.bib - b.bib);
  if (ranked)
    rankInOrder(stopped, firstRank, (a, b) => score(a) === score(b) && laps(a) === laps(b));
  const unranked = (status: SkaterStatus) =>
    rows.filter((row) => row.status === status).sort((a, b) => a.bib - b.bib);
  return [...stopped, ...unranked('DQ'), ...unranked('DNS')];
}

function lappedLast(a: Row, b: Row): number {
  return Number(a.status === 'LAPPED') - Number(b.status === 'LAPPED');
}

/** Ranks rows in order, where rows that `tie` share the rank of the first of them. */
function rankInOrder(rows: Row[], first: number, tie: (a: Row, b: Row) => boolean): void {
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    row.rank = previous && tie(previous, row) ? previous.rank : first + index;
  });
}

/** Q for the first `qualifiers` of a finished semi, q for referee advances (rules, "Semi-finals"). */
function qualify(state: RaceState, phase: StandingsPhase, rows: Row[]): Standings {
  if (state.round !== 'semi') return { phase, rows, qualificationLine: null };
  const eligible = rows.filter((row) => row.status !== 'DQ' && row.status !== 'DNS').length;
  if (phase !== 'final' && phase !== 'official') {
    // Under the ranked skaters only (issue 18): never between skaters without points, whose
    // order (by helmet number) says nothing; 0 before anyone has points.
    const unranked = rows.findIndex((row) => row.rank === null);
    const ranked = unranked === -1 ? rows.length : unranked;
    return { phase, rows, qualificationLine: Math.min(state.qualifiers, eligible, ranked) };
  }
  let qualifiedByRank = 0;
  for (const row of rows) {
    if (row.rank !== null && row.rank <= state.qualifiers) {
      row.qualified = 'Q';
      qualifiedByRank += 1;
    } else if (state.advanced.includes(row.bib)) {
      row.qualified = 'q';
    }
  }
  return { phase, rows, qualificationLine: qualifiedByRank };
}
