/**
 * Passings in, laps and proposals out (issue 12): the domain of the timing feed, pure and
 * decoder-agnostic (P3 is src/shared/timing/p3-*.ts). One tracker follows one race from its
 * start.
 *
 * The model: the loop lies on the finish line, which is also the start line (a mass start runs
 * whole laps), so every skater crosses it once at the gun and then once per lap. Each skater's
 * laps are counted from their own crossings; the leader's lap is the first crossing that takes a
 * skater past every lap count seen so far. A skater's crossings closer together than the minimum
 * lap time are one crossing read twice (ovals have several antennas per line). Decoder times are
 * used only for order and lap times; the host's clock stamps the journal.
 */
import type { RaceCommand } from '../race/events.ts';
import { lapsToGo } from '../race/progress.ts';
import { isRacing, statusOf, type RaceState } from '../race/state.ts';
import type { PassingNote, PassingRow, TimingProposal, UnknownTransponder } from './view.ts';

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
}

/** What one passing did. */
export interface Observation {
  readonly row: PassingRow;
  /** The lap the leader just completed, when this passing was the leader's crossing. */
  readonly leaderLap: number | null;
}

export interface TrackerCounters {
  passings: number;
  duplicates: number;
  doubleReads: number;
  beforeStart: number;
  afterFinish: number;
  missedReads: number;
}

interface Crossing {
  readonly bib: number;
  readonly decoderMs: number;
}

/** How many clock samples the offset estimate looks at, and how long it keeps refining the start. */
const SKEW_WINDOW = 20;
const START_SAMPLES = 10;
/** A gap this many reference laps long means the loop missed a crossing (or more). */
const MISSED_READ_GAP = 1.75;
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
  private readonly skaters = new Map<number, { count: number; lastMs: number }>();
  /** Decoder time of the leader's crossing of each lap (index 0: the start). */
  private readonly leaderTimes: number[] = [];
  private readonly leaders: number[] = [];
  /** Who completed each lap, in crossing order. */
  private readonly crossings = new Map<number, Crossing[]>();
  /**
   * Who crossed the line since the leader finished, in order: each skater's first crossing after
   * the leader's finish is their finish, a lapped skater's too (one lap short).
   */
  private readonly finishers: Crossing[] = [];
  private readonly unknownSeen = new Map<string, UnknownTransponder>();
  private readonly recentRows: PassingRow[] = [];
  private readonly skew: number[] = [];
  private startMs: number | null = null;
  private startSamples = 0;
  /** The host's start this tracker counts from: a start undone or given again starts afresh. */
  private startedAt: number | null = null;

  constructor(private readonly options: TrackerOptions) {
    this.seen = options.seen ?? new Set();
  }

  /** Laps the leader has completed, by the timing's count. */
  get leaderLaps(): number {
    return Math.max(0, this.leaderTimes.length - 1);
  }

  /** Decoder clock minus host clock (delivery delay included), from the fastest recent passing. */
  get clockOffsetMs(): number | null {
    return this.skew.length === 0 ? null : -Math.min(...this.skew);
  }

  /** The start as the decoder's clock had it (estimated from the host's start and the offset). */
  get startDecoderMs(): number | null {
    return this.startMs;
  }

  get unknown(): readonly UnknownTransponder[] {
    return [...this.unknownSeen.values()];
  }

  /** The latest passings, newest first. */
  get recent(): readonly PassingRow[] {
    return this.recentRows;
  }

  /** Reads one passing against the race as it is now. */
  observe(passing: Passing, race: TrackedRace): Observation {
    const { state } = race;
    if (this.seen.has(passing.passingNumber)) {
      this.counters.duplicates += 1;
      return this.note(passing, null, null, 'duplicate');
    }
    this.seen.add(passing.passingNumber);
    this.counters.passings += 1;
    if (race.startedAt !== this.startedAt) this.restart(race.startedAt);
    this.sampleClock(passing, race.startedAt);
    const bib = bibOf(state, passing.transponder) ?? bibOf(state, passing.transponderCode);
    if (bib === null) {
      const known = this.unknownSeen.get(passing.transponder);
      this.unknownSeen.set(passing.transponder, {
        transponder: passing.transponder,
        passings: (known?.passings ?? 0) + 1,
        lastAt: passing.receivedAt,
      });
      return this.note(passing, null, null, 'unknown');
    }
    const start = this.startMs;
    if (!state.started || start === null || passing.decoderMs < start) {
      this.counters.beforeStart += 1;
      return this.note(passing, bib, null, 'beforeStart');
    }
    const skater = this.skaters.get(bib) ?? { count: 0, lastMs: start };
    const { laps } = state.format;
    if (state.official || skater.count >= laps || this.hasFinished(bib)) {
      this.counters.afterFinish += 1;
      return this.note(passing, bib, null, 'afterFinish');
    }
    if (!isRacing(state, bib)) return this.note(passing, bib, null, 'notRacing');
    const sinceLast = passing.decoderMs - skater.lastMs;
    if (sinceLast < this.options.minLapMs) {
      if (skater.count === 0 && skater.lastMs === start)
        return this.note(passing, bib, null, 'start');
      this.counters.doubleReads += 1;
      return this.note(passing, bib, null, 'double');
    }
    return this.count(passing, bib, skater, laps);
  }

  /** Forgets the laps counted from another start (the counters and the list stay). */
  private restart(startedAt: number | null): void {
    this.startedAt = startedAt;
    this.skaters.clear();
    this.leaderTimes.length = 0;
    this.leaders.length = 0;
    this.crossings.clear();
    this.finishers.length = 0;
    this.startMs = null;
    this.startSamples = 0;
  }

  /** Counts a crossing: one lap, or more when the loop missed the skater's crossings. */
  private count(
    passing: Passing,
    bib: number,
    skater: { count: number; lastMs: number },
    laps: number,
  ): Observation {
    const reference = this.referenceLapMs();
    const gap = passing.decoderMs - skater.lastMs;
    const read =
      reference !== null && gap >= MISSED_READ_GAP * reference ? Math.round(gap / reference) : 1;
    // A new leader lap needs the minimum lap time since the last one: no count, inferred or
    // not, may make a skater lead a lap the line has not seen them lead.
    const lastLeader = this.leaderTimes[this.leaderLaps] ?? skater.lastMs;
    const cap = this.leaderLaps + (passing.decoderMs - lastLeader >= this.options.minLapMs ? 1 : 0);
    const count = Math.min(skater.count + read, cap, laps);
    if (count <= skater.count) {
      this.counters.doubleReads += 1;
      return this.note(passing, bib, null, 'double');
    }
    this.counters.missedReads += Math.max(0, count - skater.count - 1);
    this.skaters.set(bib, { count, lastMs: passing.decoderMs });
    // The leader has finished (or this is the leader finishing): this crossing is a finish.
    if (this.leaderLaps >= laps || count >= laps)
      this.finishers.push({ bib, decoderMs: passing.decoderMs });
    const crossed = this.crossings.get(count) ?? [];
    crossed.push({ bib, decoderMs: passing.decoderMs });
    this.crossings.set(count, crossed);
    if (count > this.leaderLaps) {
      this.leaderTimes[count] = passing.decoderMs;
      this.leaders[count] = bib;
      return this.note(passing, bib, count, 'leader', count);
    }
    return this.note(passing, bib, count, count === this.leaderLaps ? 'lap' : 'lapped');
  }

  private hasFinished(bib: number): boolean {
    return this.finishers.some((crossing) => crossing.bib === bib);
  }

  /** The leader's typical lap: the median of its last three laps. */
  private referenceLapMs(): number | null {
    const times = this.leaderTimes;
    const laps: number[] = [];
    for (let lap = times.length - 1; lap >= 2 && laps.length < 3; lap -= 1)
      laps.push(times[lap]! - times[lap - 1]!);
    if (laps.length === 0) return null;
    laps.sort((a, b) => a - b);
    return laps[Math.floor(laps.length / 2)]!;
  }

  /**
   * The decoder's clock against the host's: the smallest (host - decoder) of recent passings is
   * the offset plus the shortest delivery delay. The host's start, moved by it, is the start on
   * the decoder's clock; it is refined by the first passings after the start, then kept.
   */
  private sampleClock(passing: Passing, startedAt: number | null): void {
    this.skew.push(passing.receivedAt - passing.decoderMs);
    if (this.skew.length > SKEW_WINDOW) this.skew.shift();
    if (startedAt === null || this.startSamples >= START_SAMPLES) return;
    this.startMs = startedAt - Math.min(...this.skew);
    this.leaderTimes[0] = this.startMs;
    if (passing.receivedAt >= startedAt) this.startSamples += 1;
  }

  private note(
    passing: Passing,
    bib: number | null,
    lap: number | null,
    note: PassingNote,
    leaderLap: number | null = null,
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
    return { row, leaderLap };
  }

  /**
   * What the passings propose for the race as it is now. Derived every time, never stored: a lap
   * or sprint entered by hand (or undone) opens and closes proposals by itself.
   */
  proposals(state: RaceState, dismissed: ReadonlySet<string> = new Set()): TimingProposal[] {
    if (!state.started || state.official || this.startMs === null) return [];
    const found: TimingProposal[] = [];
    const { format } = state;
    const leaderLaps = Math.min(this.leaderLaps, format.laps);
    if (leaderLaps > state.lapsCompleted && lapsToGo(state) > 0) {
      found.push(
        leaderLaps === state.lapsCompleted + 1
          ? {
              id: `lap-${leaderLaps}`,
              kind: 'lap',
              lap: leaderLaps,
              leader: this.leaders[leaderLaps]!,
            }
          : { id: `laps-${leaderLaps}`, kind: 'laps', lapsCompleted: leaderLaps },
      );
    }
    const places = format.intermediatePoints.length;
    format.sprintLaps.forEach((lap, index) => {
      if ((state.sprints[index]?.length ?? 0) > 0) return;
      const bibs = this.firstAcross(lap, state).slice(0, places);
      if (bibs.length === 0) return;
      const racing = state.skaters.filter((skater) => isRacing(state, skater.bib)).length;
      const sprint = index + 1;
      found.push({
        id: `sprint-${sprint}`,
        kind: 'sprint',
        sprint,
        bibs,
        complete: bibs.length >= Math.min(places, racing),
      });
    });
    const finish = this.finishProposal(state);
    if (finish) found.push(finish);
    return found.filter((proposal) => !dismissed.has(proposal.id));
  }

  private finishProposal(state: RaceState): TimingProposal | null {
    const crossed = this.finishers.filter((crossing) => isRacing(state, crossing.bib));
    const bibs = crossed
      .map((crossing) => crossing.bib)
      .filter((bib) => !state.finishOrder.includes(bib));
    if (bibs.length === 0 || this.startMs === null) return null;
    const times: Record<number, number> = {};
    for (const crossing of crossed)
      times[crossing.bib] = Math.max(0, Math.round(crossing.decoderMs - this.startMs));
    // Still to come: skaters racing (not lapped) who are neither placed nor across the line.
    const waiting = state.skaters.filter(
      (skater) =>
        statusOf(state, skater.bib) === 'OK' &&
        !state.finishOrder.includes(skater.bib) &&
        !bibs.includes(skater.bib),
    );
    return {
      id: `finish-${crossed.length}`,
      kind: 'finish',
      bibs,
      times,
      complete: waiting.length === 0,
    };
  }

  /** Distinct skaters, still racing, who completed a lap, in crossing order. */
  private firstAcross(lap: number, state: RaceState): number[] {
    const bibs: number[] = [];
    for (const crossing of this.crossings.get(lap) ?? [])
      if (isRacing(state, crossing.bib) && !bibs.includes(crossing.bib)) bibs.push(crossing.bib);
    return bibs;
  }
}

/** The skater wearing a transponder (start-list text, compared as trimmed text). */
export function bibOf(state: RaceState, transponder: string | undefined): number | null {
  const wanted = transponder?.trim();
  if (!wanted) return null;
  return state.skaters.find((skater) => skater.transponder?.trim() === wanted)?.bib ?? null;
}

/**
 * The race commands that accept a proposal, optionally with the operator's corrected helmet
 * numbers (a sprint or finish order typed over the proposal). Finish times go with the finishers
 * that crossed the loop.
 */
export function acceptProposal(
  proposal: TimingProposal,
  state: RaceState,
  bibs?: readonly number[],
): RaceCommand[] {
  switch (proposal.kind) {
    case 'lap':
      return [{ type: 'lap/completed' }];
    case 'laps':
      return [{ type: 'laps/corrected', lapsCompleted: proposal.lapsCompleted }];
    case 'sprint':
      return [
        { type: 'sprint/placed', sprint: proposal.sprint, bibs: [...(bibs ?? proposal.bibs)] },
      ];
    case 'finish': {
      const finishers = [...(bibs ?? proposal.bibs)];
      const order: RaceCommand =
        state.finishOrder.length === 0
          ? { type: 'finish/recorded', bibs: finishers }
          : { type: 'finish/appended', bibs: finishers };
      const timed: RaceCommand[] = finishers.flatMap((bib) => {
        const time = proposal.times[bib];
        return time === undefined ? [] : [{ type: 'finish/timed', bib, time }];
      });
      return [order, ...timed];
    }
  }
}
