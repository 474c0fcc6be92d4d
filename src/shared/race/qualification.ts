/**
 * What each skater still needs in a running semi-final (issue 18, part 2; rules document,
 * ../shared/docs/mass-start-rules.md, "What is still possible (a running semi-final)").
 *
 * The definition is the engine's own ranking: complete the race (place every remaining
 * intermediate sprint, let every skater still racing cross the line in some order), run
 * computeStandings, and read the Q that qualify() gives by rank <= qualifiers. The decisions
 * this module makes, each with its rule:
 * - Ties. At the finish every finisher gets a rank of their own (index + 1 in finishRanking):
 *   equal points are broken by crossing order (rules, "Ranking" 2), lead lap first (rule 6). So a
 *   tie on points with the K-th is not a shared K-th: the skater who crossed first is above.
 *   Ranks are only shared between non-finishers with equal points and laps (rankInOrder), and
 *   qualify() gives Q to every rank <= K, so a shared K-th there is among the first K.
 * - A lapped skater the format keeps ranking (lappedSkaters 'rank') is still racing: they finish
 *   and lose every tie on points to a skater on the lead lap, whatever the crossing order.
 * - "Finishing p-th" is crossing the line p-th among the skaters who finish. With the podium
 *   rule (podiumByFinishOrder = 3 in the ISU formats) finishing p-th <= 3 is rank p, whatever
 *   the points (rule 1); below the podium it is points with crossing order breaking ties.
 * - The completions: every skater now racing finishes and statuses stay as they are, as the
 *   rules document defines it; a status that changes later makes a new state, computed afresh.
 *   Every remaining sprint (a sprint of the format with no placings yet) is placed in full: its
 *   first min(table, racing) places go to distinct racing skaters, as on the ice; when the
 *   skater under study scores no more, the others fill min(table, racing - 1).
 * - Skaters already out of the race (DNF, or LAPPED when the format pulls them) score nothing
 *   more; they rank below every finisher by points (when the format keeps them) then laps, the
 *   same in every completion. So they are Q or out, never open, and have no safeFinish.
 *   That rank is their worst: a skater now racing is above them as a finisher, and could only
 *   drop below them by stopping. DQ and DNS have no rank: out. (With nobody racing on there is
 *   no finish to rank, for the engine either: all out.)
 * - A referee's advance ("q") is a decision after the race, not a place in the ranking: the
 *   outlook leaves it out.
 */
import { pointsByBib } from './points.ts';
import {
  canKeepAllBelow,
  canPutAllAbove,
  strongestRivalFirst,
  weakestPlaceFirst,
  type Place,
  type Rival,
} from './qualification-search.ts';
import { computeStandings, standingsPhase, type Standings } from './standings.ts';
import { isRacing, type RaceState } from './state.ts';

/** Clinched ("Q"), cannot reach the first K however the race ends ("out"), or still open. */
export type Qualification = 'Q' | 'open' | 'out';

/** What a skater still needs: see qualificationOutlook. */
export interface QualificationOutlook {
  readonly qualification: Qualification;
  /**
   * The largest place p such that finishing p-th or better guarantees a place among the first
   * K whatever the others do, when the skater scores no further intermediate points and the
   * others all finish; null when every place is safe (Q) or none is.
   */
  readonly safeFinish: number | null;
}

/** A skater still racing, as the ranking sees them. */
interface Racer {
  readonly points: number;
  readonly lapped: boolean;
}

/** The parts of a running semi-final the outlook depends on. */
interface Race {
  readonly racers: readonly Racer[];
  readonly qualifiers: number;
  readonly podium: number;
  readonly finalPoints: readonly number[];
  readonly intermediatePoints: readonly number[];
  /** Intermediate sprints of the format with no placings yet. */
  readonly sprintsLeft: number;
}

/**
 * The outlook of every skater on the start list of a running semi-final, by helmet number:
 * clinched, open or out, and the finishing place that guarantees qualification. Empty for a
 * final, and once a finish order is recorded or the results are official (the standings'
 * ranking then says who is through).
 */
export function qualificationOutlook(state: RaceState): ReadonlyMap<number, QualificationOutlook> {
  const outlook = new Map<number, QualificationOutlook>();
  if (state.round !== 'semi' || state.official || state.finishOrder.length > 0) return outlook;
  const points = pointsByBib(state);
  const racing = state.skaters.filter((skater) => isRacing(state, skater.bib));
  const race: Race = {
    racers: racing.map((skater) => ({
      points: points.get(skater.bib)!.total,
      lapped: state.status[skater.bib] === 'LAPPED',
    })),
    qualifiers: state.qualifiers,
    podium: state.format.podiumByFinishOrder,
    finalPoints: state.format.finalPoints,
    intermediatePoints: state.format.intermediatePoints,
    sprintsLeft: state.format.sprintLaps.filter((_, k) => !state.sprints[k]?.length).length,
  };
  // Skaters out of the race rank the same in every completion: read them from one, ranked by
  // the engine (the racing skaters crossing in start-list order).
  const completed = computeStandings({
    ...state,
    started: true,
    finishOrder: racing.map((skater) => skater.bib),
  });
  const qualified = new Map(completed.rows.map((row) => [row.bib, row.qualified === 'Q']));
  // Skaters with equal points and lap status face the same field: computed once.
  const known = new Map<string, QualificationOutlook>();
  racing.forEach((skater, i) => {
    const self = race.racers[i]!;
    const key = `${self.points}/${self.lapped}`;
    let result = known.get(key);
    if (!result) known.set(key, (result = racerOutlook(race, i)));
    outlook.set(skater.bib, result);
  });
  for (const { bib } of state.skaters) {
    if (outlook.has(bib)) continue;
    outlook.set(bib, { qualification: qualified.get(bib) ? 'Q' : 'out', safeFinish: null });
  }
  return new Map(state.skaters.map(({ bib }) => [bib, outlook.get(bib)!]));
}

/**
 * The standings with what each skater of a semi-final still needs (issue 18): the outlook while
 * the semi runs, the Q/q of the ranking once it is finished (everyone else "out"). What the host
 * pushes, the feeds print and `massstart standings --json` gives.
 */
export function standingsWithOutlook(state: RaceState): Standings {
  const standings = computeStandings(state);
  if (state.round !== 'semi') return standings;
  const phase = standingsPhase(state);
  if (phase === 'final' || phase === 'official')
    return {
      ...standings,
      rows: standings.rows.map((row) => ({ ...row, qualification: row.qualified ?? 'out' })),
    };
  if (phase !== 'live') return standings;
  const outlook = qualificationOutlook(state);
  return {
    ...standings,
    rows: standings.rows.map((row) => {
      const seen = outlook.get(row.bib);
      return seen ? { ...row, ...seen } : row;
    }),
  };
}

/** The outlook of the racing skater at `index` of race.racers. */
function racerOutlook(race: Race, index: number): QualificationOutlook {
  const self = race.racers[index]!;
  const others = race.racers.filter((_, i) => i !== index);
  const n = race.racers.length;
  const safe = safePrefix(race, self, others);
  if (safe === n) return { qualification: 'Q', safeFinish: null };
  const reachable = safe > 0 || canQualify(race, self, others);
  return { qualification: reachable ? 'open' : 'out', safeFinish: safe > 0 ? safe : null };
}

/** Final points for crossing the line p-th (1-based). */
function finalPoints(race: Race, place: number): number {
  return race.finalPoints[place - 1] ?? 0;
}

/**
 * The largest p such that every place 1..p is safe (0: not even the win). A podium place is
 * rank p (rule 1). Below it, places with equal final points form runs in which safety only
 * gets worse: from p to p+1 in a run the skater's total and the rivals' places stay the same
 * but for one place of equal points that moves from behind the skater to ahead (where a rival
 * wins the tie). So a run is all safe iff its last place is, else safe up to a point found by
 * bisection. Most runs are one place long; the places past the table are one run.
 */
function safePrefix(race: Race, self: Racer, others: readonly Racer[]): number {
  const n = others.length + 1;
  const safeAt = (place: number): boolean =>
    place <= race.podium ? place <= race.qualifiers : !othersFillTheLine(race, self, others, place);
  let place = 1;
  while (place <= n) {
    let last = place;
    if (place > race.podium) {
      while (last < n && finalPoints(race, last + 1) === finalPoints(race, place)) last += 1;
    }
    if (safeAt(last)) {
      place = last + 1;
      continue;
    }
    let low = place - 1; // safe, or 0
    let high = last; // not safe
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (safeAt(middle)) low = middle;
      else high = middle;
    }
    return low;
  }
  return n;
}

/** The others as rivals of the skater, whose total is `total`, strongest first. */
function rivalsOf(self: Racer, others: readonly Racer[], total: number): Rival[] {
  return others
    .map((other) => ({
      short: total - other.points,
      lose: other.lapped && !self.lapped ? 1 : 0,
      bySide: other.lapped === self.lapped ? 1 : 0,
    }))
    .sort(strongestRivalFirst);
}

/** The finishing places 1..n but the skater's, with their side of it. */
function placesAround(race: Race, n: number, place: number, from = 1): Place[] {
  const places: Place[] = [];
  for (let other = from; other <= n; other++) {
    if (other !== place) {
      places.push({ points: finalPoints(race, other), after: other > place ? 1 : 0 });
    }
  }
  return places;
}

/**
 * Whether the others can put K - P of themselves above the skater when the skater crosses p-th,
 * below the podium, and scores no more intermediate points: then the skater's rank is above K,
 * with the P podium places above them too. Otherwise finishing p-th is safe.
 *
 * A rival x ends above the skater iff total(x) >= T + pen, T the skater's total, pen 1 when x
 * loses the tie (rules 2 and 6: lead lap first, then crossing order). What x can still get is a
 * finishing place among P+1..n but p (its final points and its side of the skater) and at most
 * one value from each remaining sprint.
 * 1. The rivals are totally ordered by strength (strongestRivalFirst): an earlier one is above
 *    the skater in any place and with any values that put a later one above.
 * 2. So the podium goes to the P weakest (swap a podium rival with a weaker one who ends above:
 *    the count stays), and if any K - P rivals can end above, the K - P strongest can (swap in
 *    a stronger one for a weaker one, with the weaker one's place and values).
 * 3. Sprint values: each remaining sprint hands each value of its first min(L, n - 1) places
 *    (the skater is not in them) to a different rival. With s sprints left, an allocation in
 *    which each rival gets at most s values and each place's value goes out at most s times
 *    splits into s sprints (a bipartite multigraph of degree <= s is s-edge-colourable: Kőnig),
 *    values left over going to anyone (more points never hurt the others). So only the counts
 *    matter: canPutAllAbove decides them exactly.
 * No greedy pairing of places with rivals is exact for every table: rivals A and B short of 10
 * and 5, places left worth 6 and 0, one sprint left. If it pays 10 only, A must take the 0 and
 * the 10 and B the 6 (best place to the furthest behind fails); if it pays 5-4, A must take the
 * 6 and the 4, B the 0 and the 5 (best place to the nearest fails).
 */
function othersFillTheLine(
  race: Race,
  self: Racer,
  others: readonly Racer[],
  place: number,
): boolean {
  const n = others.length + 1;
  const needed = race.qualifiers - race.podium;
  if (needed <= 0) return true;
  if (needed > n - 1 - race.podium) return false;
  const rivals = rivalsOf(self, others, self.points + finalPoints(race, place));
  const table = race.intermediatePoints.slice(0, n - 1);
  const values = Array.from({ length: race.sprintsLeft }, () => table).flat();
  const places = placesAround(race, n, place, race.podium + 1);
  return canPutAllAbove(rivals.slice(0, needed), places, values, race.sprintsLeft);
}

/**
 * Whether some completion puts the skater among the first K, the skater free to score. With a
 * podium, winning the race is rank 1. Without one (a points race) the skater's best is the best
 * value of every remaining sprint and the best finishing place, the earliest of equal ones (a
 * swap with whoever held it raises the skater's total and lowers theirs, or wins more ties).
 * Then at most K - 1 others may end above: by strength (othersFillTheLine, 1) the K - 1
 * strongest are given up, and they take the strongest places and the largest values, up to s
 * each (a swap with a rival kept below only lowers that rival). Every other rival must stay
 * below with what is left, each a place and at most s values, all handed out (Kőnig again: a
 * sprint's places all go out): canKeepAllBelow decides it exactly.
 */
function canQualify(race: Race, self: Racer, others: readonly Racer[]): boolean {
  if (race.qualifiers < 1) return false;
  if (race.podium >= 1) return true;
  const n = others.length + 1;
  const givenUp = race.qualifiers - 1;
  if (givenUp >= n - 1) return true;
  const table = race.intermediatePoints.slice(0, n);
  const best = table.length > 0 ? table.indexOf(Math.max(...table)) : -1;
  const finals = Array.from({ length: n }, (_, i) => finalPoints(race, i + 1));
  const place = finals.indexOf(Math.max(...finals)) + 1;
  const total = self.points + race.sprintsLeft * (table[best] ?? 0) + finals[place - 1]!;
  const rivals = rivalsOf(self, others, total);
  const places = placesAround(race, n, place).sort(weakestPlaceFirst);
  const values = Array.from({ length: race.sprintsLeft }, () => table.filter((_, i) => i !== best))
    .flat()
    .sort((a, b) => b - a);
  return canKeepAllBelow(
    rivals.slice(givenUp),
    places.slice(0, places.length - givenUp),
    values.slice(givenUp * race.sprintsLeft),
    race.sprintsLeft,
  );
}
