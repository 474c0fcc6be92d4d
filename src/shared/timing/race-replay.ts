/**
 * A race replayed from its journal and its passing log (issue 21, the race report): the lap
 * tracker (tracker.ts) fed passing by passing, as the host fed it live, each against the race as
 * the journal stood when that passing arrived (its `receivedAt`): a skater made DNF later still
 * had his laps when he skated them. Out come each lap's leader and lap time, the groups and the
 * breakaway of each lap (groups.ts), and the lap chart: every skater's place at each lap.
 *
 * A lap's groups are derived from every crossing the passings gave (a read the loop missed is
 * credited at the skater's next read, after the lap) against the race as it stood when the leader
 * completed that lap: a skater the referee took out later is in the groups of the laps he skated.
 */
import type { JournalEntry } from '../race/events.ts';
import { RaceHistory } from '../race/history.ts';
import type { RaceState } from '../race/state.ts';
import { raceGaps, type Breakaway, type GapGroup, type LapGroups } from './groups.ts';
import type { StartSource } from './race-clock.ts';
import type { TimingSettings } from './settings.ts';
import { LapTracker, type Passing, type TrackerCounters } from './tracker.ts';

/** What a replay reads. */
export interface ReplayInput {
  /** The race's whole journal (voids included: the fold weighs them at each moment). */
  readonly journal: readonly JournalEntry[];
  /** The passings in the order the host received them (the passing log's order). */
  readonly passings: readonly Passing[];
  readonly settings: Pick<TimingSettings, 'minLapSeconds' | 'startSignal' | 'groupGapSeconds'>;
}

/** One skater's place at the end of a lap (the lap chart's point). */
export interface LapPlace {
  readonly bib: number;
  /** 1 for the lap's leader; lapped skaters after everyone on the lead lap. */
  readonly position: number;
  /** He crossed this lap after the leader had crossed the next one. */
  readonly lapped: boolean;
  /** The loop missed this crossing: its time is an estimate between his reads. */
  readonly inferred: boolean;
  /** His crossing less the leader's, ms. */
  readonly behindLeaderMs: number;
}

/** One lap as the passings tell it. */
export interface ReplayedLap {
  readonly lap: number;
  /** The first across the line. */
  readonly leader: number;
  /** The leader's crossing was missed by the loop (an estimate). */
  readonly leaderInferred: boolean;
  /** The leader's crossing, ms since the start (decoder clock). */
  readonly raceMs: number;
  /** The race's lap: this lap's first crossing less the last lap's (ms). */
  readonly lapMs: number;
  /** Host clock (ms) when the race reached this lap: the passing that made it the leader's. */
  readonly reachedAt: number;
  readonly groups: readonly GapGroup[];
  readonly breakaway: Breakaway | null;
  /** Everyone who completed the lap, in race order. */
  readonly places: readonly LapPlace[];
}

/** The race as its passings tell it. */
export interface RaceReplay {
  /** Passings read from the log (duplicates included). */
  readonly passings: number;
  readonly counters: TrackerCounters;
  /** Where the start on the decoder's clock came from; null when the race never started. */
  readonly startSource: StartSource | null;
  readonly thresholdSeconds: number;
  readonly laps: readonly ReplayedLap[];
}

/** The race state of the journal's entries stamped up to a moment, moved forward in time. */
class JournalAt {
  private history = new RaceHistory();
  private next = 0;

  constructor(private readonly entries: readonly JournalEntry[]) {}

  /** The state at host time `ms` (times only move forward). */
  at(ms: number): RaceState {
    let end = this.next;
    while (end < this.entries.length && Date.parse(this.entries[end]!.at) <= ms) end += 1;
    if (end > this.next) {
      const fresh = this.entries.slice(this.next, end);
      const folded = this.history.foldOn(fresh);
      if ('state' in folded) this.history.take(fresh, folded);
      // An entry this journal cannot apply where it stands (none the host wrote): fold it whole.
      else this.history = new RaceHistory(this.entries.slice(0, end));
      this.next = end;
    }
    return this.history.state;
  }
}

/** The host time of a race's start in ms, as the timing feed reads it (RaceState.startedAt). */
function startedAtOf(state: RaceState): number | null {
  const at = state.startedAt === null ? NaN : Date.parse(state.startedAt);
  return Number.isNaN(at) ? null : at;
}

/** Replays a race from its journal and passings (see the module comment). */
export function replayRace(input: ReplayInput): RaceReplay {
  const { settings } = input;
  const thresholdMs = settings.groupGapSeconds * 1000;
  const tracker = new LapTracker({
    minLapMs: settings.minLapSeconds * 1000,
    startSignal: settings.startSignal,
  });
  const journal = new JournalAt(input.journal);
  /** Per lap (index lap - 1): when the race reached it, and the race state then. */
  const reached: { at: number; state: RaceState }[] = [];
  for (const passing of input.passings) {
    const state = journal.at(passing.receivedAt);
    tracker.observe(passing, { state, startedAt: startedAtOf(state) });
    const laps = tracker.leaderLaps;
    // A start given again (or undone) counts the laps afresh.
    if (laps < reached.length) reached.length = laps;
    while (reached.length < laps) reached.push({ at: passing.receivedAt, state });
  }
  /** The groups of `lap` against the race as it stood when the leader completed it. */
  const groupsOf = (lap: number): LapGroups | undefined =>
    raceGaps({
      state: reached[lap - 1]!.state,
      startMs: tracker.startDecoderMs,
      skaters: tracker.crossings(),
      thresholdMs,
    }).laps[lap - 1];
  const start = tracker.startDecoderMs ?? 0;
  const laps: ReplayedLap[] = [];
  for (let lap = 1; lap <= tracker.leaderLaps; lap += 1) {
    const first = tracker.leaderOf(lap)!;
    const before = tracker.leaderOf(lap - 1)?.decoderMs ?? start;
    const groups = groupsOf(lap);
    laps.push({
      lap,
      leader: first.bib,
      leaderInferred: first.inferred,
      raceMs: first.decoderMs - start,
      lapMs: first.decoderMs - before,
      reachedAt: reached[lap - 1]!.at,
      groups: groups?.groups ?? [],
      breakaway: groups?.breakaway ?? null,
      places: placesOf(tracker, lap),
    });
  }
  return {
    passings: input.passings.length,
    counters: { ...tracker.counters },
    startSource: tracker.startSource,
    thresholdSeconds: settings.groupGapSeconds,
    laps,
  };
}

/** Everyone who completed `lap`: the lead lap in crossing order, then the lapped. */
function placesOf(tracker: LapTracker, lap: number): LapPlace[] {
  const leaderMs = tracker.leaderOf(lap)!.decoderMs;
  const nextLap = tracker.leaderOf(lap + 1)?.decoderMs ?? Infinity;
  const order = tracker.lapOrder(lap).map((crossing) => ({
    ...crossing,
    lapped: crossing.decoderMs > nextLap,
  }));
  order.sort((a, b) => Number(a.lapped) - Number(b.lapped) || a.decoderMs - b.decoderMs);
  return order.map((crossing, index) => ({
    bib: crossing.bib,
    position: index + 1,
    lapped: crossing.lapped,
    inferred: crossing.inferred,
    behindLeaderMs: crossing.decoderMs - leaderMs,
  }));
}
