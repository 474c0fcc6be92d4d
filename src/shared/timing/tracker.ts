/**
 * Passings in, laps out (issues 12 and 17): the domain of the timing feed, pure and
 * decoder-agnostic (P3 is src/shared/timing/p3-*.ts). One tracker follows one race from its
 * start.
 *
 * The model: the loop lies on the finish line, which is also the start line (a mass start runs
 * whole laps), so every skater crosses it once at the gun and then once per lap. Each skater's
 * laps are counted from their own crossings (src/shared/timing/skater-crossings.ts); the leader
 * of a lap is the first to complete it, and the race's lap count is the most laps anyone has.
 * A skater's crossings closer together than the minimum lap time are one crossing read twice
 * (ovals have several antennas per line). Decoder times are used only for order and lap times;
 * the host's clock stamps the journal.
 *
 * A read the loop missed shows as a gap of about two of the skater's own laps: the lap in between
 * is credited (its time estimated) and counted in `missedReads`. Credited laps may make a skater
 * the leader only when that is physically plausible: he was at the front at his last read, and
 * the race's current leader lap is not overdue (issue 17: a solo breakaway whose read was missed
 * is given back his lead at his next read; a skater who fell and lost a lap is not promoted).
 */
import { isRacing, type RaceState } from '../race/state.ts';
import { RaceClock, type StartSource } from './race-clock.ts';
import { missedReadsIn, SkaterCrossings } from './skater-crossings.ts';
import { UnknownTransponders } from './unknown-transponders.ts';
import { bibOf } from './wearers.ts';
import type { PassingNote, PassingRow, SilentSkater, UnknownTransponder } from './view.ts';

/** One passing as the adapter reads it from any decoder. */
export interface Passing {
  readonly passingNumber: number;
  readonly transponder: string;
  /** The code printed on the chip, when the decoder sends it (P3 tag 0x0A). */
  readonly transponderCode?: string;
  /** Decoder clock, ms since the Unix epoch. */
  readonly decoderMs: number;
  /** Host clock when it arrived, ms since the Unix epoch. */
  readonly receivedAt: number;
}

/** The race as the tracker needs it at the moment a passing arrives. */
export interface TrackedRace {
  readonly state: RaceState;
  /** Host clock of the race's start (its `race/started` entry), null before it. */
  readonly startedAt: number | null;
}

export interface TrackerOptions {
  readonly minLapMs: number;
  /** Passing numbers already seen; shared across trackers so a resend never counts twice. */
  readonly seen?: Set<number>;
  /** The transponder number of the decoder's start input (a gun); null: none wired. */
  readonly startSignal?: string | null;
}

/** What one passing did. */
export interface Observation {
  readonly row: PassingRow;
  /** The leader laps this passing took the race to, when it raised them; else null. */
  readonly leaderLap: number | null;
  /** The leader laps before this passing. */
  readonly previousLeaderLaps: number;
}

export interface TrackerCounters {
  passings: number;
  duplicates: number;
  doubleReads: number;
  beforeStart: number;
  afterFinish: number;
  missedReads: number;
}

/** A crossing of one lap by one skater, for the sprint and finish orders. */
export interface LapPassage {
  readonly bib: number;
  readonly decoderMs: number;
  /** The loop missed it: the time is an estimate between the skater's reads. */
  readonly inferred: boolean;
}

/** A skater's last crossing, after the leader's finish: his finish (lapped: short of the laps). */
export interface FinishPassage extends LapPassage {
  readonly laps: number;
}

/** Credited laps may lead only if the skater's last read was this close to that lap's leader ... */
const FRONT_LAPS = 0.5;
/** ... and no later than the current leader's next laps would be due, with this much slack. */
const OVERDUE = 1.15;
/** A skater not read for this many of his laps mid-race is named to the operator. */
const SILENT_LAPS = 2;
/** How many passings are kept for the console. */
const RECENT = 30;

export class LapTracker {
  readonly counters: TrackerCounters = {
    passings: 0,
    duplicates: 0,
    doubleReads: 0,
    beforeStart: 0,
    afterFinish: 0,
    missedReads: 0,
  };
  private readonly seen: Set<number>;
  private readonly skaters = new Map<number, SkaterCrossings>();
  /** The first crossing of each lap (index lap - 1): the lap's leader, kept as crossings come. */
  private readonly firsts: LapPassage[] = [];
  private readonly unknownSeen = new UnknownTransponders();
  private readonly recentRows: PassingRow[] = [];
  private readonly clock = new RaceClock();
  /** The host's start this tracker counts from: a start undone or given again starts afresh. */
  private startedAt: number | null = null;
  /** The race's laps (from its format), as last seen. */
  private laps = Infinity;

  constructor(private readonly options: TrackerOptions) {
    this.seen = options.seen ?? new Set();
  }

  /** Laps the leader has completed, by the timing's count. */
  get leaderLaps(): number {
    return this.firsts.length;
  }

  /** Decoder clock minus host clock (delivery delay included), from the fastest recent passing. */
  get clockOffsetMs(): number | null {
    return this.clock.offsetMs;
  }

  /** The start as the decoder's clock had it: from the start signal, or estimated. */
  get startDecoderMs(): number | null {
    return this.clock.startMs;
  }

  /** Where the start on the decoder's clock came from (null before the start). */
  get startSource(): StartSource | null {
    return this.clock.source;
  }

  /** The most recent unknown transponders (bounded), newest last. */
  get unknown(): readonly UnknownTransponder[] {
    return this.unknownSeen.list();
  }

  /** Unknown transponders seen (each counted once while remembered) and their passings. */
  get unknownTotals(): { readonly transponders: number; readonly passings: number } {
    return this.unknownSeen.totals();
  }

  /** The latest passings, newest first. */
  get recent(): readonly PassingRow[] {
    return this.recentRows;
  }

  /** Reads one passing against the race as it is now. */
  observe(passing: Passing, race: TrackedRace): Observation {
    const before = this.leaderLaps;
    const note = (bib: number | null, lap: number | null, what: PassingNote) =>
      this.note(passing, bib, lap, what, before);
    const { state } = race;
    this.laps = state.format.laps;
    if (this.seen.has(passing.passingNumber)) {
      this.counters.duplicates += 1;
      return note(null, null, 'duplicate');
    }
    this.seen.add(passing.passingNumber);
    this.counters.passings += 1;
    if (race.startedAt !== this.startedAt) this.restart(race.startedAt);
    this.clock.sample(passing);
    if (this.isStartSignal(passing)) {
      this.clock.signal(passing);
      return note(null, null, 'startSignal');
    }
    const bib = bibOf(state, passing.transponder) ?? bibOf(state, passing.transponderCode);
    if (bib === null) {
      this.unknownSeen.saw(passing.transponder, passing.receivedAt);
      return note(null, null, 'unknown');
    }
    const start = this.clock.startMs;
    if (!state.started || start === null || passing.decoderMs < start) {
      this.counters.beforeStart += 1;
      return note(bib, null, 'beforeStart');
    }
    const skater = this.skaterOf(bib);
    if (state.official) {
      this.counters.afterFinish += 1;
      return note(bib, null, 'afterFinish');
    }
    if (!isRacing(state, bib)) return note(bib, null, 'notRacing');
    const { minLapMs } = this.options;
    if (skater.isNear(passing.decoderMs, start, minLapMs)) {
      if (skater.count === 0) return note(bib, null, 'start');
      this.counters.doubleReads += 1;
      return note(bib, null, 'double');
    }
    if (this.finishOf(skater) !== null) {
      this.counters.afterFinish += 1;
      return note(bib, null, 'afterFinish');
    }
    if (passing.decoderMs < skater.lastMs(start)) return this.late(passing, skater, before);
    return this.count(passing, skater, before);
  }

  /** The leader's crossing of each lap: the first to complete it (lap 0: none). */
  leaderOf(lap: number): LapPassage | null {
    return lap < 1 ? null : (this.firsts[lap - 1] ?? null);
  }

  /** Every skater's lap crossings, for the groups and gaps (src/shared/timing/groups.ts). */
  crossings(): Iterable<SkaterCrossings> {
    return this.skaters.values();
  }

  /** Everyone who completed `lap`, in crossing order. */
  lapOrder(lap: number): LapPassage[] {
    const start = this.clock.startMs ?? 0;
    const order: LapPassage[] = [];
    for (const skater of this.skaters.values()) {
      if (lap < 1 || skater.count < lap) continue;
      const { inferred } = skater.laps[lap - 1]!;
      order.push({ bib: skater.bib, decoderMs: skater.timeOf(lap, start), inferred });
    }
    return order.sort((a, b) => a.decoderMs - b.decoderMs);
  }

  /** Every skater's finish crossing so far, in crossing order. */
  finishers(): FinishPassage[] {
    const found: FinishPassage[] = [];
    for (const skater of this.skaters.values()) {
      const finish = this.finishOf(skater);
      if (finish) found.push(finish);
    }
    return found.sort((a, b) => a.decoderMs - b.decoderMs);
  }

  /**
   * Skaters still racing whose reads stopped for more than two of their laps while the race
   * runs: a fall, a transponder lost, a skater who stepped off. Named, never applied.
   */
  silent(state: RaceState, hostNow: number): SilentSkater[] {
    const start = this.clock.startMs;
    const offset = this.clock.offsetMs;
    if (!state.started || state.official || start === null || offset === null) return [];
    if (this.leaderOf(state.format.laps) !== null) return [];
    const now = hostNow + offset;
    const reference = this.referenceLapMs();
    const quiet: SilentSkater[] = [];
    for (const skater of state.skaters) {
      if (!isRacing(state, skater.bib)) continue;
      const crossings = this.skaters.get(skater.bib);
      const lapMs = crossings?.ownLapMs(start) ?? reference;
      if (lapMs === null) continue;
      const last = crossings?.lastMs(start) ?? start;
      if (now - last > SILENT_LAPS * lapMs)
        quiet.push({ bib: skater.bib, sinceLap: crossings?.count ?? 0, sinceMs: now - last });
    }
    return quiet;
  }

  /** Forgets the laps counted from another start (the counters and the list stay). */
  private restart(startedAt: number | null): void {
    this.startedAt = startedAt;
    this.skaters.clear();
    this.firsts.length = 0;
    this.clock.restart(startedAt);
  }

  private isStartSignal(passing: Passing): boolean {
    const signal = this.options.startSignal?.trim();
    return (
      !!signal && (passing.transponder.trim() === signal || passing.transponderCode === signal)
    );
  }

  private skaterOf(bib: number): SkaterCrossings {
    let skater = this.skaters.get(bib);
    if (!skater) {
      skater = new SkaterCrossings(bib);
      this.skaters.set(bib, skater);
    }
    return skater;
  }

  /** Counts a crossing: one lap, or more when the loop missed the skater's crossings. */
  private count(passing: Passing, skater: SkaterCrossings, before: number): Observation {
    const start = this.clock.startMs!;
    const gap = passing.decoderMs - skater.lastMs(start);
    const own = skater.ownLapMs(start);
    const lapMs = own ?? this.referenceLapMs();
    let reads = lapMs === null ? 1 : missedReadsIn(gap / lapMs);
    reads = Math.max(1, Math.min(reads, this.laps - skater.count));
    if (reads > 1 && skater.count + reads > before && !this.mayLead(passing, skater, reads, own))
      reads = Math.max(1, before - skater.count);
    skater.add(passing.decoderMs, reads, start);
    for (let lap = skater.count - reads + 1; lap <= skater.count; lap += 1)
      this.crossed(skater, lap);
    this.counters.missedReads += reads - 1;
    const count = skater.count;
    const what: PassingNote =
      count > before ? 'leader' : count < this.leaderCountAt(passing.decoderMs) ? 'lapped' : 'lap';
    return this.note(passing, skater.bib, count, what, before);
  }

  /**
   * Whether laps credited for missed reads may make this skater the leader: he has laps of his
   * own to measure by, he was at the front at his last read, and the leader's next laps are not
   * yet overdue (had they been skated, the bunch's reads would be in).
   */
  private mayLead(
    passing: Passing,
    skater: SkaterCrossings,
    reads: number,
    own: number | null,
  ): boolean {
    if (own === null) return false;
    const start = this.clock.startMs!;
    const last = skater.count;
    const front = this.leaderOf(last)?.decoderMs ?? start;
    if (skater.lastMs(start) - front > FRONT_LAPS * own) return false;
    const before = this.leaderLaps;
    const leaderMs = this.leaderOf(before)?.decoderMs ?? start;
    const lapMs = this.referenceLapMs() ?? own;
    return passing.decoderMs <= leaderMs + (skater.count + reads - before) * lapMs * OVERDUE;
  }

  /**
   * A read older than the skater's last (a decoder resending what a dropped connection lost):
   * the real time of a lap that was inferred, or a lap that was missed between two reads.
   */
  private late(passing: Passing, skater: SkaterCrossings, before: number): Observation {
    const start = this.clock.startMs!;
    const { minLapMs } = this.options;
    const inferred = skater.inferredLapAt(passing.decoderMs, start, minLapMs);
    if (inferred !== null) {
      skater.confirm(inferred, passing.decoderMs);
      this.crossed(skater, inferred);
      this.counters.missedReads = Math.max(0, this.counters.missedReads - 1);
      return this.note(passing, skater.bib, inferred, 'late', before);
    }
    this.counters.doubleReads += 1;
    return this.note(passing, skater.bib, null, 'double', before);
  }

  /** A skater's crossing of `lap` came in or moved: is it the lap's first? */
  private crossed(skater: SkaterCrossings, lap: number): void {
    const { decoderMs, inferred } = skater.laps[lap - 1]!;
    const first = this.firsts[lap - 1];
    if (!first || decoderMs < first.decoderMs) {
      this.firsts[lap - 1] = { bib: skater.bib, decoderMs, inferred };
      return;
    }
    // The lap's first read came later than its estimate said: look at everyone again.
    if (first.bib === skater.bib) this.firsts[lap - 1] = this.lapOrder(lap)[0]!;
  }

  /** How many laps the leader had completed at this decoder time. */
  private leaderCountAt(decoderMs: number): number {
    let lap = this.firsts.length;
    while (lap > 0 && this.firsts[lap - 1]!.decoderMs > decoderMs) lap -= 1;
    return lap;
  }

  /** A skater's finish: his first crossing at or after the leader's finish. */
  private finishOf(skater: SkaterCrossings): FinishPassage | null {
    const leader = this.laps === Infinity ? null : this.leaderOf(this.laps);
    if (!leader) return null;
    const start = this.clock.startMs ?? 0;
    for (let lap = 1; lap <= skater.count; lap += 1) {
      const decoderMs = skater.timeOf(lap, start);
      if (decoderMs >= leader.decoderMs)
        return { bib: skater.bib, decoderMs, inferred: skater.laps[lap - 1]!.inferred, laps: lap };
    }
    return null;
  }

  /** The leader's typical lap: the median of its last three laps. */
  private referenceLapMs(): number | null {
    const laps: number[] = [];
    for (let lap = this.leaderLaps; lap >= 2 && laps.length < 3; lap -= 1)
      laps.push(this.leaderOf(lap)!.decoderMs - this.leaderOf(lap - 1)!.decoderMs);
    if (laps.length === 0) return null;
    laps.sort((a, b) => a - b);
    return laps[Math.floor(laps.length / 2)]!;
  }

  private note(
    passing: Passing,
    bib: number | null,
    lap: number | null,
    note: PassingNote,
    before: number,
  ): Observation {
    const row: PassingRow = {
      passingNumber: passing.passingNumber,
      transponder: passing.transponder,
      bib,
      decoderMs: passing.decoderMs,
      receivedAt: passing.receivedAt,
      lap,
      note,
    };
    this.recentRows.unshift(row);
    if (this.recentRows.length > RECENT) this.recentRows.pop();
    const after = this.leaderLaps;
    return { row, leaderLap: after > before ? after : null, previousLeaderLaps: before };
  }
}
