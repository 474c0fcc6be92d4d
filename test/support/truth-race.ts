// A mass start written from the rules alone, not by the decoder simulator (issue 17): when each
// skater truly crosses the line, so a test can hold what the timing feed shows against the truth.
// 12 skaters on 30 s laps (the first lap from a standing start, 34 s), the bunch 0.35 s apart in
// an order that rotates every lap; helmet 5 breaks away from lap 6 and is 13 s clear from lap 9 to
// the finish; helmet 9 drops back 2 s a lap from lap 4 (lapped by the leader before the finish);
// helmet 11 steps off after lap 7 (no read after it).

/** One true crossing: `bib` completes `lap` at `raceMs` after the gun. */
export interface TrueCrossing {
  readonly bib: number;
  readonly lap: number;
  readonly raceMs: number;
}

export const TRUTH = {
  laps: 16,
  skaters: 12,
  breakaway: 5,
  dropping: 9,
  stopping: 11,
  stopsAfter: 7,
} as const;

const lapEnd = (lap: number) => 34_000 + (lap - 1) * 30_000;

/** Helmet 5's lead over the bunch's front at the end of `lap`, ms. */
function lead(lap: number): number {
  return lap < 6 ? 0 : Math.min(13_000, (lap - 5) * 3_250);
}

/** Every true crossing of the race, in time order. */
export function truthCrossings(): TrueCrossing[] {
  const all: TrueCrossing[] = [];
  const leaderFinish = lapEnd(TRUTH.laps) - lead(TRUTH.laps);
  for (let lap = 1; lap <= TRUTH.laps; lap += 1) {
    const bunch = Array.from({ length: TRUTH.skaters }, (_, i) => i + 1).filter(
      (bib) => bib !== TRUTH.dropping && (bib !== TRUTH.breakaway || lap < 6),
    );
    // The order in the bunch turns over every lap.
    const turn = lap % bunch.length;
    const order = [...bunch.slice(turn), ...bunch.slice(0, turn)];
    order.forEach((bib, place) => {
      if (bib === TRUTH.stopping && lap > TRUTH.stopsAfter) return;
      all.push({ bib, lap, raceMs: lapEnd(lap) + place * 350 });
    });
    if (lap >= 6) all.push({ bib: TRUTH.breakaway, lap, raceMs: lapEnd(lap) - lead(lap) });
  }
  // Helmet 9: 4 s behind the bunch to lap 3, then 2 s a lap slower; he finishes at his first crossing
  // after the leader's finish, a lap short.
  for (let lap = 1; ; lap += 1) {
    const raceMs = lapEnd(lap) + 4_000 + Math.max(0, lap - 3) * 2_000;
    all.push({ bib: TRUTH.dropping, lap, raceMs });
    if (raceMs >= leaderFinish || lap === TRUTH.laps) break;
  }
  return all.sort((a, b) => a.raceMs - b.raceMs);
}

/** The most laps anyone had completed at `raceMs` (the laps the lap board counts). */
export function trueLeaderLaps(crossings: readonly TrueCrossing[], raceMs: number): number {
  let laps = 0;
  for (const crossing of crossings)
    if (crossing.raceMs <= raceMs) laps = Math.max(laps, crossing.lap);
  return laps;
}

/** The first `places` distinct skaters across the line at the end of `lap`. */
export function trueOrder(
  crossings: readonly TrueCrossing[],
  lap: number,
  places: number,
): number[] {
  return crossings
    .filter((crossing) => crossing.lap === lap)
    .map((crossing) => crossing.bib)
    .slice(0, places);
}
