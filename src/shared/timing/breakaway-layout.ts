/**
 * The packs of a race with known groups laid out on the ice (issue 21), lap by lap: the bunch,
 * the breakaway and the chase (`layOut`), then the straggler off the back (`dropBack`). Pure and
 * seeded; src/shared/timing/breakaway-race.ts tells the story and makes the race of it.
 *
 * Within a pack the skaters cross 0.15-0.6 s apart, each place keeping its spacing from lap to
 * lap with a little drift; packs cross at least 1.5 s apart; a lapped skater crosses at least 1 s
 * from any leader's crossing, so which lap he is on is plain.
 */
import { isu2018 } from '../race/format.ts';
import { mulberry32 } from '../seeded-random.ts';

/** Packs cross at least this far apart, and within a pack at most `SPACING_MAX` apart. */
const PACK_GAP_MS = 1500;
const SPACING_MIN = 150;
const SPACING_MAX = 600;
/** A lapped skater's crossing keeps this far from every leader's crossing. */
const LAPPED_CLEAR_MS = 1000;

/** A seeded source (src/shared/seeded-random.ts): no Math.random here. */
export function seeded(seed: number) {
  const next = mulberry32(seed);
  const int = (below: number) => Math.floor(next() * below);
  const shuffled = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return Object.assign(next, { int, shuffled });
}
/** The seeded source the layout and the race draw from. */
export type Random = ReturnType<typeof seeded>;

/** A pack's crossings: the first at `frontMs`, the others `spacing` behind each other. */
function lineUp(helmets: readonly number[], frontMs: number, spacing: readonly number[]) {
  let at = frontMs;
  return helmets.map((bib, place) => {
    if (place > 0) at += spacing[place]!;
    return { bib, at: Math.round(at) };
  });
}

/** Who rode where, as the layout drew it (the straggler's lapping comes after: `dropBack`). */
export interface PackStory {
  readonly away: readonly number[];
  readonly awayFromLap: number;
  /** The first lap the breakaway crossed inside the bunch again; null: away to the finish. */
  readonly caughtAtLap: number | null;
  /** The chase group (none: empty) and the laps it rode between the breakaway and the bunch. */
  readonly chase: readonly number[];
  readonly chaseLaps: { readonly from: number; readonly to: number } | null;
  readonly straggler: number;
  /** The last lap the straggler crossed in the bunch. */
  readonly droppedAfterLap: number;
}

/** Laid out lap by lap: each skater's crossings and the packs of each lap. */
export interface Layout {
  /** times.get(bib)[k - 1]: his crossing of lap k (race ms). */
  readonly times: Map<number, number[]>;
  /** packs[k - 1]: the packs of lap k from the front (the straggler's added later). */
  readonly packs: number[][][];
  readonly story: PackStory;
  /** Whether the breakaway was away at lap k (index k - 1). */
  readonly away: boolean[];
}

/** The bunch, the breakaway and the chase, lap by lap (the straggler too while in the bunch). */
export function layOut(r: Random, count: number, lapMs: number): Layout {
  const laps = isu2018.laps;
  const bibs = Array.from({ length: count }, (_, i) => i + 1);
  const [straggler, ...others] = r.shuffled(bibs) as [number, ...number[]];
  // Fewer than half the field that stays on the lead lap (everyone but the straggler).
  const awaySize = 1 + r.int(Math.min(4, Math.floor((count - 2) / 2)));
  const away = others.slice(0, awaySize);
  const chaseSize = count - 1 - awaySize >= 7 && r() < 0.6 ? 2 + r.int(2) : 0;
  const chase = others.slice(awaySize, awaySize + chaseSize);
  const awayFromLap = 3 + r.int(5);
  const peakLap = awayFromLap + 1 + r.int(4);
  const caught = r() < 0.5;
  const droppedAfterLap = 2 + r.int(3);

  // The gap from the breakaway's last to the bunch's front, lap by lap (the chase rides in it).
  const gapMax = 0.3 * lapMs;
  const gain = 800 + r.int(2200);
  let loss = 600 + r.int(1900);
  const open: number[] = [];
  let gap = PACK_GAP_MS + 200 + r.int(1500);
  for (let k = awayFromLap; k <= peakLap; k += 1) {
    open[k] = Math.min(gap, gapMax);
    gap = open[k]! + gain;
  }
  const atPeak = open[peakLap]!;
  // Caught by lap 14 at the latest, or never below the pack gap (with room to spare) to the finish.
  if (caught) loss = Math.max(loss, Math.ceil((atPeak - PACK_GAP_MS) / (14 - peakLap)) + 1);
  else loss = Math.min(loss, Math.floor((atPeak - PACK_GAP_MS - 200) / (laps - peakLap)));
  let caughtAtLap: number | null = null;
  for (let k = peakLap + 1; k <= laps && caughtAtLap === null; k += 1) {
    open[k] = atPeak - loss * (k - peakLap);
    if (open[k]! < PACK_GAP_MS) caughtAtLap = k;
  }
  const isAway = (k: number) => k >= awayFromLap && (caughtAtLap === null || k < caughtAtLap);

  // Bunch lap times: a slow standing start, a tactical middle, faster towards the bell.
  const bunchLaps: number[] = [];
  for (let k = 1; k <= laps; k += 1) {
    const pace = k === 1 ? 1.12 : 1.05 - 0.12 * ((k - 1) / (laps - 1)) ** 2;
    bunchLaps.push(Math.round(lapMs * (pace + (r() - 0.5) * 0.006)));
  }

  const chaseFrom = awayFromLap + r.int(3);
  const chaseMost = 2 + r.int(4);
  const chaseShare = 0.25 + 0.5 * r();
  let chaseOn = false;
  // The chase's first and last lap (0: it has not gone).
  let chaseFirst = 0;
  let chaseLast = 0;
  // Each place in a pack keeps its spacing from lap to lap, drifting a little.
  const spacing = bibs.map(() => SPACING_MIN + r.int(SPACING_MAX - SPACING_MIN + 1));
  // Who rides where in the bunch: those about to go (and the chase) at its front, the straggler
  // at its back; a few places change among the rest each lap.
  let free = r.shuffled(others.filter((bib) => !away.includes(bib) && !chase.includes(bib)));
  let awayFree = false;
  let chaseFree = false;
  const times = new Map<number, number[]>(bibs.map((bib) => [bib, []]));
  const packs: number[][][] = [];
  const awayLaps: boolean[] = [];
  let bunchFront = 0;
  for (let k = 1; k <= laps; k += 1) {
    bunchFront += bunchLaps[k - 1]!;
    for (let i = 1; i < spacing.length; i += 1)
      spacing[i] = Math.min(SPACING_MAX, Math.max(SPACING_MIN, spacing[i]! + r.int(81) - 40));
    for (let swaps = r.int(3); swaps > 0 && free.length > 1; swaps -= 1) {
      const i = r.int(free.length - 1);
      [free[i], free[i + 1]] = [free[i + 1]!, free[i]!];
    }
    const breakOn = isAway(k);
    // A breakaway caught goes back in the front half of the bunch; a chase that ends, at its front.
    if (k === caughtAtLap) {
      for (const bib of away) free.splice(r.int(Math.ceil(free.length / 2) + 1), 0, bib);
      awayFree = true;
    }
    const chaseLength = chase.slice(1).reduce((sum, _, i) => sum + spacing[i + 1]!, 0);
    const room = breakOn ? open[k]! - 2 * PACK_GAP_MS - chaseLength : 0;
    const chaseWas = chaseOn;
    // The chase goes once there is room for it between the packs, and rides a few laps at most.
    chaseOn =
      !chaseFree &&
      chase.length > 0 &&
      breakOn &&
      room >= 300 &&
      (chaseFirst === 0 ? k >= chaseFrom : chaseOn && k < chaseFirst + chaseMost);
    if (chaseOn) {
      chaseFirst ||= k;
      chaseLast = k;
    }
    if (!chaseFree && ((chaseWas && !chaseOn) || k === caughtAtLap)) {
      free = [...chase, ...free];
      chaseFree = true;
    }
    const order = [...(awayFree ? [] : away), ...(chaseFree ? [] : chase), ...free, straggler];
    const inBunch = order.filter(
      (bib) =>
        !(breakOn && away.includes(bib)) &&
        !(chaseOn && chase.includes(bib)) &&
        !(bib === straggler && k > droppedAfterLap),
    );
    const lap: { bib: number; at: number }[][] = [];
    const bunch = lineUp(inBunch, bunchFront, spacing);
    if (breakOn) {
      const breakaway = order.filter((bib) => away.includes(bib));
      const length = breakaway.slice(1).reduce((sum, _, i) => sum + spacing[i + 1]!, 0);
      lap.push(lineUp(breakaway, bunchFront - open[k]! - length, spacing));
    }
    if (chaseOn) {
      const riders = order.filter((bib) => chase.includes(bib));
      const behind = PACK_GAP_MS + chaseShare * room;
      lap.push(lineUp(riders, bunchFront - behind - chaseLength, spacing));
    }
    lap.push(bunch);
    for (const pack of lap) for (const { bib, at } of pack) times.get(bib)!.push(at);
    packs.push(lap.map((pack) => pack.map(({ bib }) => bib)));
    awayLaps.push(breakOn);
  }
  return {
    times,
    packs,
    away: awayLaps,
    story: {
      away,
      awayFromLap,
      caughtAtLap,
      chase: chaseFirst ? chase : [],
      chaseLaps: chaseFirst ? { from: chaseFirst, to: chaseLast } : null,
      straggler,
      droppedAfterLap,
    },
  };
}

/** The first and the last crossing of each lap (index k - 1) by everyone laid out so far. */
export function lapEnds(times: Map<number, number[]>, skip: number) {
  const firsts: number[] = [];
  const lasts: number[] = [];
  for (const [bib, crossings] of times)
    if (bib !== skip)
      crossings.forEach((at, i) => {
        firsts[i] = Math.min(firsts[i] ?? Infinity, at);
        lasts[i] = Math.max(lasts[i] ?? -Infinity, at);
      });
  return { firsts, lasts };
}

/**
 * The straggler off the back: from the lap after he dropped, clear of the field, losing the same
 * time every lap until the leader laps him (around lap 10-13), then a lap down to the finish. His
 * last crossing is his first after the leader's finish.
 */
export function dropBack(r: Random, layout: Layout, lapMs: number): number | null {
  const laps = isu2018.laps;
  const { straggler, droppedAfterLap } = layout.story;
  const own = layout.times.get(straggler)!;
  const { firsts, lasts } = lapEnds(layout.times, straggler);
  const first = (k: number) => firsts[k - 1] ?? Infinity;
  const target = 10 + r.int(4);
  let behind = lasts[droppedAfterLap]! - firsts[droppedAfterLap]! + PACK_GAP_MS + 300 + r.int(700);
  const loss = Math.max(1500, Math.ceil((lapMs + 1500 - behind) / (target - droppedAfterLap - 1)));
  let lappedAtLap: number | null = null;
  for (let k = droppedAfterLap + 1; k <= laps; k += 1) {
    if (k > droppedAfterLap + 1) behind += loss;
    let at = first(k) + behind;
    if (lappedAtLap === null) at = Math.max(at, lasts[k - 1]! + PACK_GAP_MS + 100);
    if (lappedAtLap !== null || at > first(k + 1) - LAPPED_CLEAR_MS) {
      at = Math.max(at, first(k + 1) + LAPPED_CLEAR_MS);
      lappedAtLap ??= k;
    }
    // Never close to a leader's crossing: which lap he is on must be plain.
    for (const leader of firsts)
      if (Math.abs(at - leader) < LAPPED_CLEAR_MS) at = leader + LAPPED_CLEAR_MS;
    behind = at - first(k);
    own.push(at);
    if (at >= first(laps)) break;
  }
  return lappedAtLap;
}
