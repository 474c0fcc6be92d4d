/**
 * Race passings for the P3 decoder simulator (issue 12): a seeded semi-final as a recorded
 * journal (`generateRace`), and the loop passings a decoder at the finish line would read during
 * a recorded race (`passingsFromRecording`). Pure and seeded: the same journal and seed give the
 * same passings, so a timing adapter's test fails the same way every time.
 *
 * A journal holds the leader's laps, sprint placings, the finish order and times, never the
 * gaps behind the front: those are drawn (a bunch a few seconds long), so a breakaway shows in
 * the passings only as far as the journal tells it (who leads the sprints and the finish).
 */
import type { JournalEntry, RaceEvent, Skater, SkaterStatus } from '../race/events.ts';
import { isu2018 } from '../race/format.ts';
import { foldJournal } from '../race/history.ts';
import type { RaceState } from '../race/state.ts';
import { RecordingError } from '../rehearsal/recording.ts';
import { mulberry32 } from '../seeded-random.ts';

/** One read of the finish-line loop, in race time. */
export interface SimPassing {
  /** Milliseconds since the gun (negative: warm-up). */
  readonly raceMs: number;
  readonly transponder: number;
  /** Null for a transponder that is not on the start list. */
  readonly bib: number | null;
  /** The lap this crossing completes; null for the start read and for noise. */
  readonly lap: number | null;
  readonly noise?: 'double' | 'warmup' | 'unknown' | 'start';
}

/** A recorded race made into passings, for the simulator to send. */
export interface SimRace {
  readonly title: string;
  /** The recording, every skater with a transponder on the start list. */
  readonly entries: JournalEntry[];
  readonly skaters: { bib: number; transponder: number }[];
  /** Sorted by raceMs; the gun is raceMs 0. */
  readonly passings: SimPassing[];
  /** Race time of the winner's finish (the leader's last lap). */
  readonly finishMs: number;
  /** Crossings left out as missed reads (noise), for tests of an adapter's gap handling. */
  readonly missed?: SimPassing[];
}

/** How much noise to mix in (counts; the defaults are those of `noise: true`). */
export interface PassingNoise {
  readonly doubleReads?: number;
  readonly missedReads?: number;
  readonly warmup?: number;
  readonly unknown?: number;
}

export interface PassingsOptions {
  readonly seed?: number;
  /** On by default; false leaves the start reads and the lap crossings only. */
  readonly noise?: boolean | PassingNoise;
}

export interface GenerateRaceOptions {
  /** 4 to 24, default 16. */
  readonly skaters?: number;
  readonly seed: number;
  /** The base lap time (default 32 s); the first laps run slower, the last ones faster. */
  readonly lapSeconds?: number;
  readonly title?: string;
}

/** The transponder a skater gets where the start list names none. */
export const defaultTransponder = (bib: number): number => 100000 + bib * 7;

const noiseDefaults = { doubleReads: 3, missedReads: 1, warmup: 3, unknown: 1 };
/** Lapped skaters keep this far from a sprint's or the finish's front, so they never place. */
const keepOutMs = 500;

function fail(message: string): never {
  throw new RecordingError(message);
}

/** A seeded source (src/shared/seeded-random.ts): the core may not use Math.random. */
function seeded(seed: number) {
  const next = mulberry32(seed);
  const shuffled = <T>(items: readonly T[]): T[] =>
    items
      .map((item) => ({ item, key: next() }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.item);
  return Object.assign(next, { int: (below: number) => Math.floor(next() * below), shuffled });
}

const nations = 'NED ITA USA CAN KOR JPN NOR GER BEL FRA CHN POL'.split(' ');
/** A fixed gun (the core reads no clock): 21 February 2026, 14:00 UTC. */
const generatedGun = Date.UTC(2026, 1, 21, 14, 0, 0);

/**
 * A seeded ISU 2018 semi-final as the host would have journaled it: a breakaway of one or two
 * (caught after a few laps, or away to the finish), a DNF, and a lapped skater who, staying in
 * the race (the format ranks lapped skaters), crosses the line last with 15 laps.
 */
export function generateRace(options: GenerateRaceOptions): JournalEntry[] {
  const count = options.skaters ?? 16;
  const lapMs = (options.lapSeconds ?? 32) * 1000;
  if (!Number.isInteger(count) || count < 4 || count > 24)
    throw new RangeError(`skaters must be a whole number from 4 to 24, not ${count}`);
  if (!(lapMs >= 2000 && lapMs <= 120_000))
    throw new RangeError(`lapSeconds must be from 2 to 120, not ${options.lapSeconds}`);
  const r = seeded(options.seed);
  const format = isu2018;
  const laps = format.laps;
  const bibs = Array.from({ length: count }, (_, i) => i + 1);
  const [dnf, lapped, ...others] = r.shuffled(bibs) as [number, number, ...number[]];
  const dnfLaps = 5 + r.int(7);
  const away = others.slice(0, 1 + r.int(2));
  const caught = r() < 0.6;
  const awayFrom = caught ? 5 + r.int(2) : 12 + r.int(2);
  const awayTo = caught ? awayFrom + 2 + r.int(3) : laps;
  const inBreak = (lap: number) => lap >= awayFrom && lap <= awayTo;

  const at: { ms: number; event: RaceEvent }[] = [];
  const add = (ms: number, event: RaceEvent) => at.push({ ms: generatedGun + ms, event });
  // Leader's lap times: a slow standing start, a tactical middle, faster towards the bell.
  const leader: number[] = [0];
  for (let k = 1; k <= laps; k++) {
    const pace = k === 1 ? 1.12 : 1.05 - 0.15 * ((k - 1) / (laps - 1)) ** 2;
    const push = (format.sprintLaps.includes(k) ? 0.03 : 0) + (inBreak(k) ? 0.015 : 0);
    const lap = Math.round((lapMs * (pace - push + (r() - 0.5) * 0.04)) / 10) * 10;
    leader.push(leader[k - 1]! + lap);
    add(leader[k]!, { type: 'lap/completed' });
  }
  // A placing: the breakaway where it is away, then the field still racing, in a random order.
  const racing = (lap: number, b: number) => b !== lapped && (b !== dnf || dnfLaps >= lap);
  const placed = (lap: number, front: readonly number[]) =>
    front.concat(r.shuffled(bibs.filter((b) => racing(lap, b) && !front.includes(b))));
  const finishOrder = [...placed(laps, caught ? [] : away), lapped];
  // Finish gaps (at 32 s laps; scaled with the lap time): a bunch sprint, a few seconds behind a
  // breakaway that stayed away, the lapped skater last.
  const times = [leader[laps]!];
  finishOrder.slice(1).forEach((bib, i) => {
    const behindAway = !caught && i + 1 === away.length;
    const [gap, spread] = bib === lapped ? [3000, 5000] : behindAway ? [1500, 2500] : [30, 470];
    times.push(times[i]! + Math.max(1, Math.round(((gap + r.int(spread)) * lapMs) / 32_000)));
  });

  const title = options.title ?? `Sim Mass Start · Semi-final (seed ${options.seed})`;
  add(-480_000, { type: 'race/configured', title, round: 'semi', qualifiers: 8, format });
  const skaters: Skater[] = bibs.map((bib) => ({
    bib,
    name: `Sim Skater ${bib}`,
    nation: nations[r.int(nations.length)]!,
    transponder: String(defaultTransponder(bib)),
  }));
  add(-420_000, { type: 'startList/set', skaters });
  add(0, { type: 'race/started' });
  format.sprintLaps.forEach((lap, i) => {
    const bibs = placed(lap, inBreak(lap) ? away : []).slice(0, 3);
    add(leader[lap]! + lapMs * (0.2 + 0.1 * r()), { type: 'sprint/placed', sprint: i + 1, bibs });
  });
  const dnfAt = leader[dnfLaps + 1]! + lapMs * 0.3;
  add(dnfAt, { type: 'skater/statusChanged', bib: dnf, status: 'DNF', laps: dnfLaps });
  const recordedAt = times.at(-1)! + 4000;
  add(recordedAt, { type: 'finish/recorded', bibs: finishOrder });
  // A lapped skater gets no time (issue 17).
  for (const [i, bib] of finishOrder.filter((b) => b !== lapped).entries())
    add(recordedAt + 400 * (i + 1), { type: 'finish/timed', bib, time: times[i]! });
  const end = recordedAt + 400 * (count + 1);
  add(end, { type: 'skater/statusChanged', bib: lapped, status: 'LAPPED', laps: laps - 1 });
  add(end + 60_000, { type: 'results/confirmed' });
  return at
    .sort((a, b) => a.ms - b.ms)
    .map(({ ms, event }, i) => {
      return { seq: i + 1, at: new Date(Math.round(ms)).toISOString(), source: 'simulator', event };
    });
}

/** The recording with a transponder for every skater of each start list that names none. */
function withTransponders(recording: readonly JournalEntry[]): JournalEntry[] {
  const chip = (s: Skater) => s.transponder ?? String(defaultTransponder(s.bib));
  return recording.map(({ event, ...entry }) => ({
    ...entry,
    event:
      event.type !== 'startList/set'
        ? event
        : { ...event, skaters: event.skaters.map((s) => ({ ...s, transponder: chip(s) })) },
  }));
}

/** The folded race and the leader's laps in race time (index 0: the gun). */
function readRecording(entries: readonly JournalEntry[]) {
  let gunAt = NaN;
  const laps: { seq: number; lap: number; at: string }[] = [];
  const { state, problems } = foldJournal(entries, ({ entry, inForce, before }) => {
    if (!inForce) return;
    const { event, seq, at } = entry;
    if (event.type === 'race/started' && !before.started) gunAt = Date.parse(at);
    if (event.type === 'lap/completed') laps.push({ seq, lap: before.lapsCompleted + 1, at });
  });
  const total = state.format.laps;
  if (Number.isNaN(gunAt)) fail('the recording has no race/started with a time');
  if (state.finishOrder.length === 0) fail('the recording has no finish order');
  const known: (number | undefined)[] = [0];
  for (const lap of laps)
    if (!problems.some((p) => p.seq === lap.seq) && lap.lap <= total)
      known[lap.lap] = Date.parse(lap.at) - gunAt;
  // The winner's finish time is the timing system's: more exact than the lap key.
  known[total] = state.times[state.finishOrder[0]!] ?? known[total];
  if (known[total] === undefined) fail(`the recording has no time for lap ${total}`);
  const leader: number[] = [];
  for (let k = 0; k <= total; k++) {
    // A lap the journal has no time for (corrected lap counts) is put between its neighbours.
    let next = k;
    while (known[next] === undefined) next++;
    const prev = leader[k - 1] ?? 0;
    leader.push(Math.round(prev + (known[next]! - prev) / (next - k + 1)));
    if (k > 0 && !(leader[k]! > prev)) fail(`lap ${k} is recorded before lap ${k - 1} ends`);
  }
  return { state, leader };
}

/** Every skater's transponder as a number (a P3 transponder is a u32), one each. */
function transponders(state: RaceState): Map<number, number> {
  const byBib = new Map(state.skaters.map((s) => [s.bib, Number(s.transponder)]));
  for (const { bib, transponder = '' } of state.skaters)
    if (!/^\d{1,10}$/.test(transponder) || byBib.get(bib)! > 0xffffffff)
      fail(`skater ${bib}'s transponder "${transponder}" is not a P3 transponder number`);
  const shared = [...byBib.values()].find((value, i, all) => all.indexOf(value) !== i);
  if (shared !== undefined) fail(`two skaters share transponder ${shared}`);
  return byBib;
}

/** Converts a recorded race into the passings of its finish-line loop (rules in the tests). */
export function passingsFromRecording(
  recording: readonly JournalEntry[],
  options: PassingsOptions = {},
): SimRace {
  const entries = withTransponders(recording);
  const { state, leader } = readRecording(entries);
  const chips = transponders(state);
  const { format, finishOrder, sprints } = state;
  const total = format.laps;
  const r = seeded(options.seed ?? 1);
  const statusOf = (bib: number): SkaterStatus => state.status[bib] ?? 'OK';
  // Laps a skater crosses: all of them, or those the journal gives a DNF (none if it gives none)
  // or a lapped skater.
  const lastLap = (bib: number): number => {
    const status = statusOf(bib);
    if (status === 'DNS') return 0;
    if (status === 'LAPPED') return Math.min(state.lapsByBib[bib] ?? total, total - 1);
    if (status === 'DNF') return state.lapsByBib[bib] ?? 0;
    return finishOrder.includes(bib) ? total : (state.lapsByBib[bib] ?? total);
  };
  const placingOf = (lap: number): readonly number[] =>
    lap === total ? finishOrder : (sprints[format.sprintLaps.indexOf(lap)] ?? []);
  for (const [i, placing] of sprints.entries())
    for (const bib of placing)
      if (statusOf(bib) === 'LAPPED' || lastLap(bib) < format.sprintLaps[i]!)
        fail(`sprint ${i + 1} places skater ${bib}, ${statusOf(bib)} after ${lastLap(bib)} laps`);
  if (statusOf(finishOrder[0]!) === 'LAPPED') fail('the winner cannot be a lapped skater');

  const passings: SimPassing[] = [];
  const cross = (raceMs: number, bib: number, lap: number | null, noise?: SimPassing['noise']) =>
    passings.push({ raceMs, transponder: chips.get(bib)!, bib, lap, ...(noise ? { noise } : {}) });
  const starters = state.skaters.map((s) => s.bib).filter((bib) => statusOf(bib) !== 'DNS');
  // The start line is the finish line: everyone crosses the loop once just after the gun.
  for (const bib of r.shuffled(starters))
    cross(100 + r.int(Math.min(1300, leader[1]! / 2)), bib, null, 'start');

  const spread = Math.min(1, ...leader.slice(1).map((t, k) => (t - leader[k]!) / 25_000));
  const gap = (place: number) =>
    Math.max(1, Math.round(spread * (place === 1 ? 80 + r() * 420 : 30 + r() * 200)));
  const finishTimes = finishSequence(
    finishOrder.map((b) => state.times[b]),
    leader[total]!,
    gap,
  );
  const bunch = starters.filter((bib) => statusOf(bib) !== 'LAPPED');
  const form = new Map(bunch.map((bib) => [bib, r()]));
  const windows: [number, number][] = [];
  for (let k = 1; k <= total; k++) {
    for (const bib of bunch) form.set(bib, form.get(bib)! + r() - 0.5);
    const front = placingOf(k).filter((bib) => statusOf(bib) !== 'LAPPED');
    const rest = bunch.filter((bib) => lastLap(bib) >= k && !front.includes(bib));
    const order = [...front, ...rest.sort((a, b) => form.get(b)! - form.get(a)!)];
    let t = leader[k]!;
    order.forEach((bib, place) => {
      const finished = k === total ? finishOrder.indexOf(bib) : -1;
      if (finished >= 0) t = finishTimes[finished]!;
      else if (k === total) t = Math.max(t, ...finishTimes) + gap(place);
      else if (place > 0) t += gap(place);
      cross(t, bib, k);
      if (place === front.length - 1) windows.push([leader[k]! - keepOutMs, t + keepOutMs]);
    });
  }

  // A lapped skater drifts back lap by lap, crossing each lap after the leader, and keeps out of
  // the sprints' and the finish's front; one in the finish order crosses at its place there.
  for (const bib of starters.filter((b) => statusOf(b) === 'LAPPED')) {
    const laps = lastLap(bib);
    const place = finishOrder.indexOf(bib);
    const last =
      place >= 0 ? finishTimes[place]! : leader[laps]! + 0.85 * (leader[laps + 1]! - leader[laps]!);
    const behind = last - leader[laps]!;
    let t = 0;
    for (let k = 1; k <= laps; k++) {
      t = Math.max(t + 1, Math.round(leader[k]! + Math.max(50, behind * (k / laps) ** 2)));
      if (k < laps || place < 0) for (const [a, b] of windows) if (t >= a && t <= b) t = b + 1;
      cross(t, bib, k);
    }
  }
  // What an adapter cannot do without is never missed: a lap's leader, a sprint's first three,
  // a finisher's last crossing.
  const needed = (p: SimPassing) =>
    p.raceMs === leader[p.lap!] ||
    (p.lap! < total && placingOf(p.lap!).slice(0, 3).includes(p.bib!)) ||
    (finishOrder.includes(p.bib!) && p.lap === lastLap(p.bib!));
  const missed = addNoise(passings, options, leader, needed, chips.values());
  passings.sort((a, b) => a.raceMs - b.raceMs);
  const skaters = state.skaters.map((s) => ({ bib: s.bib, transponder: chips.get(s.bib)! }));
  return { title: state.title, entries, skaters, passings, finishMs: leader[total]!, missed };
}

type Gap = (place: number) => number;

/** Finish times in crossing order: recorded ones where present (never before the one ahead). */
function finishSequence(recorded: (number | undefined)[], winner: number, gap: Gap): number[] {
  const out = [winner];
  for (let i = 1; i < recorded.length; i++) {
    const prev = out[i - 1]!;
    const time = recorded[i];
    // An untimed finisher goes between the ones around it that have times.
    const j = recorded.findIndex((t, k) => k > i && t !== undefined);
    const room = j < 0 ? Infinity : Math.floor((recorded[j]! - prev) / (j - i + 1));
    const between = prev + Math.max(1, Math.min(gap(i), room));
    out.push(time === undefined ? between : Math.max(time, prev + 1));
  }
  return out;
}

/**
 * Mixes in what a real loop reads besides clean crossings: double reads, a missed read (never
 * a lap's leader, a sprint's first three or a finisher's last crossing: what an adapter cannot
 * do without), warm-up laps before the gun and a transponder not on the start list. Drawn from
 * its own seeded stream, so the clean crossings are the same with noise on or off.
 */
function addNoise(
  passings: SimPassing[],
  options: PassingsOptions,
  leader: readonly number[],
  /** Crossings that must not be missed. */
  needed: (p: SimPassing) => boolean,
  chips: Iterable<number>,
) {
  if (options.noise === false) return [];
  const counts = { ...noiseDefaults, ...(options.noise === true ? {} : options.noise) };
  if (Object.values(counts).some((n) => !Number.isInteger(n) || n < 0))
    throw new RangeError('noise counts must be whole numbers >= 0');
  const r = seeded(((options.seed ?? 1) ^ 0x9e3779b9) >>> 0);
  const total = leader.length - 1;
  const crossings = passings.filter((p) => p.lap !== null);
  const missed = r.shuffled(crossings.filter((p) => !needed(p))).slice(0, counts.missedReads);
  for (const p of missed) passings.splice(passings.indexOf(p), 1);
  const doubled = r.shuffled(crossings.filter((c) => !missed.includes(c)));
  for (const p of doubled.slice(0, counts.doubleReads))
    passings.push({ ...p, raceMs: p.raceMs + 50 + r.int(351), lap: null, noise: 'double' });
  const starters = passings.filter((p) => p.noise === 'start');
  for (let i = 0; i < counts.warmup && starters.length > 0; i++) {
    const { bib, transponder } = starters[r.int(starters.length)]!;
    passings.push({ raceMs: -(300 + r.int(2500)), transponder, bib, lap: null, noise: 'warmup' });
  }
  const known = new Set(chips);
  for (let i = 0; i < counts.unknown; i++) {
    let transponder = 9_000_000 + r.int(1_000_000);
    while (known.has(transponder)) transponder++;
    known.add(transponder);
    // Mid-lap, far from any crossing of the bunch (a marshal's chip, a reserve on the ice).
    const k = Math.floor(total / 4) + r.int(Math.max(1, Math.floor(total / 2)));
    const raceMs = Math.round(leader[k]! + (0.4 + 0.2 * r()) * (leader[k + 1]! - leader[k]!));
    passings.push({ raceMs, transponder, bib: null, lap: null, noise: 'unknown' });
  }
  return missed;
}
