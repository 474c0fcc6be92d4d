/**
 * A mass start with known groups (issue 21): a seeded semi-final laid out pack by pack on the
 * ice, lap by lap, with its journal, the passings of its finish-line loop for the decoder
 * simulator (a SimRace), and the truth of every lap: the packs as laid out, each one's gap
 * behind the first across the line. Pure and seeded, written from the story of a mass start
 * (not from src/shared/timing/groups.ts), so the groups derived from the passings can be held
 * against it.
 *
 * The story: the bunch rides together from the gun; a breakaway of one to four goes at lap 3-7,
 * gains on the bunch for a few laps, then loses time and is caught, or stays away to the finish;
 * maybe a chase group rides between them for a few laps; one skater drops off the back from lap
 * 3-5, loses seconds every lap, and is lapped. The layout keeps the truth unambiguous at the
 * default 1 s group gap: within a pack the skaters cross 0.15-0.6 s apart, packs cross at least
 * 1.5 s apart, and a lapped skater crosses at least 1 s from any leader's crossing.
 */
import type { JournalEntry, RaceEvent, Skater } from '../race/events.ts';
import { isu2018 } from '../race/format.ts';
import {
  dropBack,
  lapEnds,
  layOut,
  seeded,
  type Layout,
  type PackStory,
  type Random,
} from './breakaway-layout.ts';
import { defaultTransponder, type SimPassing, type SimRace } from './race-passings.ts';

/** A pack of one lap as laid out: helmets from the front, its gap behind the lap's first. */
export interface TrueGroup {
  readonly helmets: readonly number[];
  /** The pack's first crossing less the lap's first crossing, seconds (hundredths). */
  readonly behindLeaderSeconds: number;
}

/** One lap as it was skated. */
export interface TrueLap {
  readonly lap: number;
  /** The first across the line. */
  readonly leader: number;
  /** The packs from the front, lapped skaters left out. */
  readonly groups: readonly TrueGroup[];
  /** The breakaway while it is away: its helmets and its lead over the next pack (seconds). */
  readonly breakaway: { readonly helmets: readonly number[]; readonly leadSeconds: number } | null;
  /** Helmets a lap or more down at this lap (the leader crossed the next lap before them). */
  readonly lapped: readonly number[];
  /** Race time of the lap's last crossing by a skater on the lead lap: the lap is in. */
  readonly completeMs: number;
}

/** Who did what, as the generator drew it. */
export interface BreakawayStory extends PackStory {
  /** The first lap the straggler was a lap down at; null if the leader never caught him. */
  readonly lappedAtLap: number | null;
}

/** A race with known groups. */
export interface BreakawayRace {
  /** The journal (`race.entries`) and the passings for the decoder simulator. */
  readonly race: SimRace;
  readonly story: BreakawayStory;
  /** Index k - 1: lap k. */
  readonly truth: readonly TrueLap[];
}

/** The loop's noise in a race with known groups. */
export interface BreakawayNoise {
  /** Crossings read twice, 50-400 ms apart (default 3). */
  readonly doubleReads?: number;
  /** Crossings the loop missed (default 1; fewer where too few qualify: see `noiseOf`). */
  readonly missedReads?: number;
}

/** What race to generate. */
export interface BreakawayRaceOptions {
  readonly seed: number;
  /** 6 to 24, default 16. */
  readonly skaters?: number;
  /** The bunch's base lap, 28 to 40 s (default 30); the first lap runs slower, the last faster. */
  readonly lapSeconds?: number;
  /** On by default (3 double reads, 1 missed read); false: every crossing read once. */
  readonly noise?: boolean | BreakawayNoise;
  readonly title?: string;
}

/** A missed read is estimated between its neighbours; it is missed only where that is this close. */
const MISSED_ESTIMATE_MS = 100;
/** ... and where his laps around it are this steady (the longest over the shortest). */
const STEADY = 1.05;
/** A fixed gun (the core reads no clock): 21 February 2026, 14:00 UTC. */
const GUN = Date.UTC(2026, 1, 21, 14, 0, 0);
const nations = 'NED ITA USA CAN KOR JPN NOR GER BEL FRA CHN POL'.split(' ');
const seconds = (ms: number): number => Math.round(ms / 10) / 100;

/** Each lap's truth: the packs as laid out, the straggler a pack of his own while on the lead lap. */
function truthOf(layout: Layout): TrueLap[] {
  const { times, packs, away, story } = layout;
  const timeOf = (bib: number, k: number) => times.get(bib)![k - 1];
  const truth: TrueLap[] = [];
  for (let k = 1; k <= packs.length; k += 1) {
    const first = timeOf(packs[k - 1]![0]![0]!, k)!;
    const next = k < packs.length ? timeOf(packs[k]![0]![0]!, k + 1)! : Infinity;
    const lapped: number[] = [];
    const lap = packs[k - 1]!.map((pack) => [...pack]);
    if (k > story.droppedAfterLap) {
      const at = timeOf(story.straggler, k);
      if (at === undefined || at > next) lapped.push(story.straggler);
      else lap.push([story.straggler]);
    }
    const groups = lap.map((helmets) => ({
      helmets,
      behindLeaderSeconds: seconds(timeOf(helmets[0]!, k)! - first),
    }));
    truth.push({
      lap: k,
      leader: lap[0]![0]!,
      groups,
      breakaway: away[k - 1]
        ? { helmets: groups[0]!.helmets, leadSeconds: groups[1]!.behindLeaderSeconds }
        : null,
      lapped,
      completeMs: Math.max(...lap.flat().map((bib) => timeOf(bib, k)!)),
    });
  }
  return truth;
}

/** Double reads and missed reads, from a stream of their own (the clean race stays the same). */
function noiseOf(
  options: BreakawayRaceOptions,
  layout: Layout,
  crossings: readonly SimPassing[],
): { doubles: SimPassing[]; missed: SimPassing[] } {
  if (options.noise === false) return { doubles: [], missed: [] };
  const counts = {
    doubleReads: 3,
    missedReads: 1,
    ...(typeof options.noise === 'object' ? options.noise : {}),
  };
  for (const [name, value] of Object.entries(counts))
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`noise ${name} must be a whole number >= 0, not ${value}`);
  const r = seeded((options.seed ^ 0x9e3779b9) >>> 0);
  const { firsts } = lapEnds(layout.times, -1);
  const timeOf = (bib: number, k: number) => layout.times.get(bib)![k - 1];
  // Missed only where it can be told and placed: where the skater rode steadily (his laps from
  // three before to the two around it within 5% of each other, so the gap in his reads is
  // plainly two of his laps) and evenly (the estimate between his reads within 0.1 s of the
  // truth); never a lap's first or the straggler, never in the first three laps (his own lap
  // needs three laps read, the first from a standing start is slow) or the last (his finish).
  const lapOf = (bib: number, k: number) => timeOf(bib, k)! - (timeOf(bib, k - 1) ?? 0);
  const steady = (bib: number, k: number) => {
    const laps = [k - 3, k - 2, k - 1, k, k + 1].filter((j) => j >= 2).map((j) => lapOf(bib, j));
    return Math.max(...laps) <= STEADY * Math.min(...laps);
  };
  const missable = (p: SimPassing) => {
    const bib = p.bib!;
    const k = p.lap!;
    const before = timeOf(bib, k - 1);
    const after = timeOf(bib, k + 1);
    return (
      k >= 4 &&
      bib !== layout.story.straggler &&
      before !== undefined &&
      after !== undefined &&
      p.raceMs !== firsts[k - 1] &&
      after !== firsts[k] &&
      steady(bib, k) &&
      Math.abs((before + after) / 2 - p.raceMs) <= MISSED_ESTIMATE_MS
    );
  };
  const missed: SimPassing[] = [];
  for (const p of r.shuffled(crossings.filter(missable)))
    if (missed.length < counts.missedReads && !missed.some((m) => m.bib === p.bib)) missed.push(p);
  const doubles = r
    .shuffled(crossings.filter((p) => !missed.includes(p)))
    .slice(0, counts.doubleReads)
    .map((p): SimPassing => ({
      ...p,
      raceMs: p.raceMs + 50 + r.int(351),
      lap: null,
      noise: 'double',
    }));
  return { doubles, missed };
}

/** The journal the host would have kept of the race. */
function journalOf(
  r: Random,
  layout: Layout,
  truth: readonly TrueLap[],
  title: string,
): JournalEntry[] {
  const format = isu2018;
  const { times } = layout;
  const at: { ms: number; event: RaceEvent }[] = [];
  const add = (ms: number, event: RaceEvent) => at.push({ ms, event });
  const bibs = [...times.keys()].sort((a, b) => a - b);
  add(-480_000, { type: 'race/configured', title, round: 'semi', qualifiers: 8, format });
  const skaters: Skater[] = bibs.map((bib) => ({
    bib,
    name: `Sim Skater ${bib}`,
    nation: nations[r.int(nations.length)]!,
    transponder: String(defaultTransponder(bib)),
  }));
  add(-420_000, { type: 'startList/set', skaters });
  add(0, { type: 'race/started' });
  const lapOrder = (k: number) => truth[k - 1]!.groups.flatMap((group) => group.helmets);
  const firstOf = (k: number) => times.get(truth[k - 1]!.leader)![k - 1]!;
  for (let k = 1; k <= format.laps; k += 1) add(firstOf(k), { type: 'lap/completed' });
  format.sprintLaps.forEach((k, i) =>
    add(firstOf(k) + 8_000, {
      type: 'sprint/placed',
      sprint: i + 1,
      bibs: lapOrder(k).slice(0, 3),
    }),
  );
  const finishers = lapOrder(format.laps);
  const lapped = bibs.filter((bib) => !finishers.includes(bib));
  const lastCrossing = Math.max(...[...times.values()].map((own) => own.at(-1)!));
  const recordedAt = lastCrossing + 4_000;
  add(recordedAt, { type: 'finish/recorded', bibs: [...finishers, ...lapped] });
  finishers.forEach((bib, i) =>
    add(recordedAt + 400 * (i + 1), {
      type: 'finish/timed',
      bib,
      time: times.get(bib)![format.laps - 1]!,
    }),
  );
  const end = recordedAt + 400 * (bibs.length + 1);
  for (const bib of lapped)
    add(end, { type: 'skater/statusChanged', bib, status: 'LAPPED', laps: times.get(bib)!.length });
  add(end + 60_000, { type: 'results/confirmed' });
  return at
    .sort((a, b) => a.ms - b.ms)
    .map(({ ms, event }, i) => ({
      seq: i + 1,
      at: new Date(GUN + ms).toISOString(),
      source: 'simulator',
      event,
    }));
}

/** A seeded semi-final with a breakaway, its loop's passings and the truth of every lap. */
export function breakawayRace(options: BreakawayRaceOptions): BreakawayRace {
  const count = options.skaters ?? 16;
  const lapMs = (options.lapSeconds ?? 30) * 1000;
  if (!Number.isInteger(count) || count < 6 || count > 24)
    throw new RangeError(`skaters must be a whole number from 6 to 24, not ${count}`);
  if (!(lapMs >= 28_000 && lapMs <= 40_000))
    throw new RangeError(`lapSeconds must be from 28 to 40, not ${options.lapSeconds}`);
  const r = seeded(options.seed);
  const layout = layOut(r, count, lapMs);
  const lappedAtLap = dropBack(r, layout, lapMs);
  const truth = truthOf(layout);
  const title = options.title ?? `Sim Mass Start · Breakaway (seed ${options.seed})`;
  const entries = journalOf(r, layout, truth, title);
  const bibs = [...layout.times.keys()].sort((a, b) => a - b);
  const chip = (bib: number) => defaultTransponder(bib);
  // The start line is the finish line: everyone crosses the loop once just after the gun.
  const starts = r.shuffled(bibs).map((bib): SimPassing => ({
    raceMs: 100 + r.int(1300),
    transponder: chip(bib),
    bib,
    lap: null,
    noise: 'start',
  }));
  const crossings = bibs.flatMap((bib) =>
    layout.times
      .get(bib)!
      .map((raceMs, i) => ({ raceMs, transponder: chip(bib), bib, lap: i + 1 })),
  );
  const { doubles, missed } = noiseOf(options, layout, crossings);
  const passings = [...starts, ...crossings.filter((p) => !missed.includes(p)), ...doubles].sort(
    (a, b) => a.raceMs - b.raceMs,
  );
  return {
    race: {
      title,
      entries,
      skaters: bibs.map((bib) => ({ bib, transponder: chip(bib) })),
      passings,
      finishMs: layout.times.get(truth.at(-1)!.leader)!.at(-1)!,
      missed,
    },
    story: { ...layout.story, lappedAtLap },
    truth,
  };
}
