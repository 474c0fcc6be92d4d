/**
 * Groups and gaps from the finish-line loop (issue 21): the story of a mass start (a breakaway
 * and the chasing bunch) told from the passings, derived every time from each skater's crossings
 * and the race, never stored, like the proposals.
 *
 * The rules, as cycling timing splits a field (a new group where consecutive riders are at least
 * a threshold apart, 1 s by default, UCI's "one-second rule"):
 * - At each crossing of the line the field is put in order: more laps first, then who crossed
 *   his last lap first. Two skaters next to each other are in one group when the one behind
 *   crossed the line less than the threshold after the one ahead, at the last lap both crossed.
 * - A skater's gap is his crossing of his last lap less the leader's crossing of that lap
 *   (the first skater across it). A group's gap is its head's, and never less than the gap of
 *   the group ahead: a group that has not reached the line since the one ahead crossed it is at
 *   least that far behind (its own figure is a lap old); it gets its own at its next crossing.
 * - A lap time is a skater's own read to read; where either read was missed (its time
 *   inferred, src/shared/timing/skater-crossings.ts) it is unknown (null), never averaged.
 * - A lapped skater (the leader had crossed one lap more before he crossed his last) is flagged
 *   and left out of the groups: he is not in the group he happens to skate beside.
 * - A skater not read for 1.25 of the race's laps before the latest crossing (stepped off, or
 *   his reads missed) is in no group until he is read again: where he is is not known.
 * - A breakaway is a leading group of fewer than half the skaters in the groups (half is not
 *   away from the other half), with a group behind it.
 */
import { isRacing, type RaceState } from '../race/state.ts';
import type { LapCrossing } from './skater-crossings.ts';

/** One skater's crossings: index k - 1 holds the crossing that completed lap k. */
export interface CrossingsOf {
  readonly bib: number;
  readonly laps: readonly LapCrossing[];
}

/** What the groups are derived from. */
export interface GapsInput {
  readonly state: RaceState;
  /** The start on the decoder's clock (the tracker's); null before it. */
  readonly startMs: number | null;
  readonly skaters: Iterable<CrossingsOf>;
  /** A new group where consecutive skaters are at least this far apart (ms). */
  readonly thresholdMs: number;
  /** The lap of the oval (400 m), for gaps in metres. */
  readonly lapMetres?: number;
  /**
   * The history and the lap times hold the laps of the current block of this many laps (default:
   * every lap): a 1,000-lap format would otherwise make every passing cost the whole race. Blocks,
   * not a sliding window, so the value only grows within a block (small changes on the channel).
   */
  readonly historyLaps?: number;
}

/** A group on the ice, from the front. */
export interface GapGroup {
  readonly helmets: readonly number[];
  /** Behind the leading group's head, seconds (hundredths); 0 for the leading group. */
  readonly behindLeaderSeconds: number;
  /** The same in metres at the leader's speed over his last lap; null before he has one. */
  readonly behindLeaderMetres: number | null;
  /** The lap the gap was measured at (the head's last crossing). */
  readonly lap: number;
}

/** One skater's place in the story. */
export interface SkaterGap {
  readonly bib: number;
  /** Laps completed by the loop's count. */
  readonly laps: number;
  /** His last lap, read to read (ms); null before one or where a read was missed. */
  readonly lastLapMs: number | null;
  /** His crossing of his last lap less the leader's crossing of it, seconds (hundredths). */
  readonly behindLeaderSeconds: number | null;
  /** Laps behind the leader when he last crossed (0: on the lead lap). */
  readonly lapsBehind: number;
  /** His group (index into `groups`); null when lapped or not yet across the line. */
  readonly group: number | null;
  /** Every lap of his, read to read (index k - 1: lap k); null where a read was missed. */
  readonly lapTimesMs: readonly (number | null)[];
}

/** A leading group that is away: fewer than half the field, the threshold or more ahead. */
export interface Breakaway {
  readonly helmets: readonly number[];
  /** Its lead over the next group, seconds (hundredths). */
  readonly leadSeconds: number;
  /** The lead's change since the lap before (+: gaining), seconds; null when it was not away. */
  readonly changeSeconds: number | null;
  readonly lap: number;
}

/** The groups of one lap, once the lap's crossings are in (the report's and the history's). */
export interface LapGroups {
  readonly lap: number;
  /** The first across the line. */
  readonly leader: number;
  /** The race's lap: the first crossing of this lap less the first of the lap before (ms). */
  readonly lapMs: number;
  readonly groups: readonly GapGroup[];
  readonly breakaway: Breakaway | null;
}

/** Groups and gaps of the race now. */
export interface RaceGaps {
  readonly thresholdSeconds: number;
  /** Laps the leader completed by the loop's count. */
  readonly leaderLaps: number;
  /** The leader's own last lap (ms), the speed the metres are at. */
  readonly leaderLapMs: number | null;
  readonly groups: readonly GapGroup[];
  readonly breakaway: Breakaway | null;
  /** Every skater the loop has seen complete a lap, in race order (lapped last). */
  readonly skaters: readonly SkaterGap[];
  /** Each lap's groups, lap 1 first (the lap under way: as far as it is known). */
  readonly laps: readonly LapGroups[];
  /** The first lap `laps` and each skater's `lapTimesMs` hold (1 unless `historyLaps` cut it). */
  readonly historyFrom: number;
}

/** No timing: nothing known, nothing invented. */
export const noGaps = (thresholdSeconds: number): RaceGaps => ({
  thresholdSeconds,
  leaderLaps: 0,
  leaderLapMs: null,
  groups: [],
  breakaway: null,
  skaters: [],
  laps: [],
  historyFrom: 1,
});

const seconds = (ms: number): number => Math.round(ms / 10) / 100;

/** A skater not read for this many of the race's laps since the latest crossing is overdue. */
const OVERDUE_LAPS = 1.25;

interface Crossed {
  readonly bib: number;
  readonly laps: readonly LapCrossing[];
  /** Laps counted (at most the race's). */
  readonly count: number;
  readonly lastMs: number;
}

/** The groups and gaps of a race from its skaters' crossings. */
export function raceGaps(input: GapsInput): RaceGaps {
  const { state, startMs, thresholdMs } = input;
  const thresholdSeconds = thresholdMs / 1000;
  if (startMs === null || !state.started) return noGaps(thresholdSeconds);
  const total = state.format.laps;
  const everyone: Crossed[] = [];
  for (const { bib, laps } of input.skaters) {
    const count = Math.min(laps.length, total);
    if (count > 0) everyone.push({ bib, laps, count, lastMs: laps[count - 1]!.decoderMs });
  }
  // Who led a lap led it, even if he stepped off later; the groups are of those still racing.
  const firsts = firstCrossings(everyone, total);
  const field = everyone.filter((skater) => isRacing(state, skater.bib));
  if (firsts.length === 0) return noGaps(thresholdSeconds);
  const timeAt = (skater: Crossed, lap: number) =>
    lap === 0 ? startMs : skater.laps[lap - 1]!.decoderMs;
  // The leader had crossed one lap more before this skater crossed his last: lapped.
  const lapsBehind = (skater: Crossed): number => {
    let behind = 0;
    while ((firsts[skater.count + behind] ?? Infinity) < skater.lastMs) behind += 1;
    return behind;
  };
  const lapped = new Set(
    field.filter((s) => lapsBehind(s) > 0 || state.status[s.bib] === 'LAPPED').map((s) => s.bib),
  );
  const order = [...field].sort((a, b) => b.count - a.count || a.lastMs - b.lastMs);
  const leader = order[0];
  if (!leader) return noGaps(thresholdSeconds);
  const leaderLapMs = lapTime(leader, leader.count, startMs);
  const metresPerMs = leaderLapMs ? (input.lapMetres ?? 400) / leaderLapMs : null;
  const groups: { helmets: number[]; behindMs: number; lap: number }[] = [];
  const groupOf = new Map<number, number>();
  // The latest crossing seen: the passings' own "now". A skater who has not crossed a lap that
  // others crossed by then is at least that far behind them there.
  const latest = Math.max(...everyone.map((skater) => skater.lastMs));
  const raceLapMs = firsts.length > 1 ? firsts.at(-1)! - firsts.at(-2)! : firsts[0]! - startMs;
  let ahead: Crossed | null = null;
  for (const skater of order) {
    // Lapped, or overdue at the line (stepped off, or reads missed): in no group.
    if (lapped.has(skater.bib) || latest - skater.lastMs > OVERDUE_LAPS * raceLapMs) continue;
    const behindMs = skater.lastMs - firsts[skater.count - 1]!;
    // Not across the next lap yet: at least as far behind it as the time since it was crossed.
    const notYet = (lap: number) => (lap <= firsts.length ? latest - firsts[lap - 1]! : 0);
    const apart = ahead
      ? Math.max(
          skater.lastMs - timeAt(ahead, skater.count),
          ahead.count > skater.count ? latest - timeAt(ahead, skater.count + 1) : 0,
        )
      : 0;
    if (!ahead || apart >= thresholdMs) {
      const floor = Math.max(groups.at(-1)?.behindMs ?? 0, notYet(skater.count + 1));
      groups.push({ helmets: [], behindMs: Math.max(behindMs, floor), lap: skater.count });
    }
    groups.at(-1)!.helmets.push(skater.bib);
    groupOf.set(skater.bib, groups.length - 1);
    ahead = skater;
  }
  const gapGroups = groups.map(({ helmets, behindMs, lap }) => ({
    helmets,
    behindLeaderSeconds: seconds(behindMs),
    behindLeaderMetres: metresPerMs === null ? null : Math.round(behindMs * metresPerMs),
    lap,
  }));
  const block = input.historyLaps ?? Infinity;
  const historyFrom = block === Infinity ? 1 : 1 + Math.floor((firsts.length - 1) / block) * block;
  // From the lap before the first kept: its breakaway is what the first one's change is from.
  // Every skater who crossed a lap is in its groups (one put out later still skated it).
  const history = lapHistory(everyone, firsts, thresholdMs, startMs, input.lapMetres ?? 400, {
    from: Math.max(1, historyFrom - 1),
  }).filter((lap) => lap.lap >= historyFrom);
  const skaters: SkaterGap[] = [
    ...order.filter((s) => !lapped.has(s.bib)),
    ...order.filter((s) => lapped.has(s.bib)),
  ].map((skater) => ({
    bib: skater.bib,
    laps: skater.count,
    lastLapMs: lapTime(skater, skater.count, startMs),
    behindLeaderSeconds: seconds(skater.lastMs - firsts[skater.count - 1]!),
    lapsBehind: Math.max(lapsBehind(skater), lapped.has(skater.bib) ? 1 : 0),
    group: groupOf.get(skater.bib) ?? null,
    lapTimesMs: lapTimesOf(skater, startMs, historyFrom),
  }));
  const now = breakawayOf(gapGroups, groupOf.size);
  const before = now ? history.find((lap) => lap.lap === groups[1]!.lap - 1)?.breakaway : null;
  return {
    thresholdSeconds,
    leaderLaps: firsts.length,
    leaderLapMs,
    groups: gapGroups,
    breakaway: now && {
      ...now,
      changeSeconds: before ? seconds((now.leadSeconds - before.leadSeconds) * 1000) : null,
    },
    skaters,
    laps: history,
    historyFrom,
  };
}

/** The first crossing of each lap (index lap - 1), as far as the laps are crossed. */
function firstCrossings(field: readonly Crossed[], total: number): number[] {
  const firsts: number[] = [];
  for (let lap = 1; lap <= total; lap += 1) {
    let first = Infinity;
    for (const skater of field)
      if (skater.count >= lap) first = Math.min(first, skater.laps[lap - 1]!.decoderMs);
    if (first === Infinity) break;
    firsts.push(first);
  }
  return firsts;
}

/** A skater's lap `lap`, read to read; null where either end was inferred (or lap 0). */
function lapTime(skater: Crossed, lap: number, startMs: number): number | null {
  if (lap < 1) return null;
  const end = skater.laps[lap - 1]!;
  const begin = lap === 1 ? null : skater.laps[lap - 2]!;
  if (end.inferred || begin?.inferred) return null;
  return end.decoderMs - (begin?.decoderMs ?? startMs);
}

/** Every lap of a skater's, read to read (index k - 1: lap k). */
function lapTimesOf(skater: Crossed, startMs: number, from: number): (number | null)[] {
  const times: (number | null)[] = [];
  for (let lap = from; lap <= skater.count; lap += 1) times.push(lapTime(skater, lap, startMs));
  return times;
}

/** The leading group when it is away: two groups or more and fewer than half the field in it. */
function breakawayOf(
  groups: readonly GapGroup[],
  onLeadLap: number,
): Omit<Breakaway, 'changeSeconds'> | null {
  const [front, chase] = groups;
  // Fewer than half: a leading group of exactly half the field is not away from the rest.
  if (!front || !chase || front.helmets.length * 2 >= onLeadLap) return null;
  return {
    helmets: front.helmets,
    leadSeconds: seconds((chase.behindLeaderSeconds - front.behindLeaderSeconds) * 1000),
    lap: chase.lap,
  };
}

/** Each lap's groups from its crossings in order (skaters lapped at that crossing left out). */
function lapHistory(
  field: readonly Crossed[],
  firsts: readonly number[],
  thresholdMs: number,
  startMs: number,
  lapMetres: number,
  { from }: { readonly from: number },
): LapGroups[] {
  const history: LapGroups[] = [];
  for (let lap = from; lap <= firsts.length; lap += 1) {
    const first = firsts[lap - 1]!;
    // Lapped at this crossing: the leader had crossed the next lap before.
    const nextFirst = firsts[lap] ?? Infinity;
    const across: { bib: number; at: number }[] = [];
    for (const skater of field) {
      if (skater.count < lap) continue;
      const at = skater.laps[lap - 1]!.decoderMs;
      if (!(nextFirst < at)) across.push({ bib: skater.bib, at });
    }
    across.sort((a, b) => a.at - b.at);
    const lapMs = first - (lap === 1 ? startMs : firsts[lap - 2]!);
    const metresPerMs = lapMetres / lapMs;
    // Built in one pass (this runs for every lap at every passing: bench:timing).
    const groups: GapGroup[] = [];
    let helmets: number[] = [];
    let previous = -Infinity;
    for (const { bib, at } of across) {
      if (at - previous >= thresholdMs) {
        helmets = [];
        const behindLeaderSeconds = seconds(at - first);
        groups.push({
          helmets,
          behindLeaderSeconds,
          behindLeaderMetres: Math.round(behindLeaderSeconds * 1000 * metresPerMs),
          lap,
        });
      }
      helmets.push(bib);
      previous = at;
    }
    const away = breakawayOf(groups, across.length);
    const before = history.at(-1)?.breakaway;
    history.push({
      lap,
      leader: across[0]?.bib ?? -1,
      lapMs,
      groups,
      breakaway: away && {
        ...away,
        changeSeconds: before ? seconds((away.leadSeconds - before.leadSeconds) * 1000) : null,
      },
    });
  }
  return history;
}
