/**
 * The race's timeline for the race report (issue 21): the start, each lap with its leader, lap
 * time and groups, the sprints with their placings, the breakaways (away, changed, caught), the
 * referee's decisions, the finish and the confirmation, in the order they happened on the host's
 * clock. Laps come from the passings (race-replay.ts); without passings, from the lap key's
 * entries in the journal (no leader then: only the loop knows who crossed first).
 */
import type { JournalEntry } from '../race/events.ts';
import { foldJournal } from '../race/history.ts';
import { familyCapitals } from '../race/skater-name.ts';
import type { RaceState } from '../race/state.ts';
import { localTimeText } from '../results/local-time.ts';
import { formatRaceTime } from '../text.ts';
import type { Breakaway, GapGroup } from './groups.ts';
import type { RaceReplay, ReplayedLap } from './race-replay.ts';

/** What the timeline is made of. */
export interface TimelineInput {
  /** The race as the journal ends (the placings and times in force). */
  readonly state: RaceState;
  readonly journal: readonly JournalEntry[];
  /** The race from its passings; null without any. */
  readonly replay: RaceReplay | null;
  /** The meeting's zone: every clock time prints in it. */
  readonly timeZone: string;
}

/** One line of the timeline. */
export interface TimelineRow {
  readonly kind:
    | 'start'
    | 'lap'
    | 'sprint'
    | 'breakaway'
    | 'caught'
    | 'status'
    | 'finish'
    | 'advanced'
    | 'official'
    | 'reopened';
  /** Host clock, ms since the Unix epoch (the order). */
  readonly atMs: number;
  /** Its clock time in the meeting's zone, "15:42:10 CET". */
  readonly time: string;
  /** Race time since the start, "2:05.34" ('' at the start). */
  readonly raceTime: string;
  /** "Start", "Lap 4", "Sprint 1", "Breakaway", "DNF" ... */
  readonly event: string;
  readonly detail: string;
}

/** Seconds with hundredths: "32.07 s". */
const seconds = (ms: number) => `${(Math.floor(ms / 10) / 100).toFixed(2)} s`;
/** A gap: "+2.31 s". */
const gap = (value: number) => `+${value.toFixed(2)} s`;
const helmets = (bibs: readonly number[]) => bibs.map((bib) => `#${bib}`).join(' ');

/** A group in a few words: its helmets when small, its size when a bunch. */
function groupWords(group: GapGroup): string {
  const who =
    group.helmets.length <= 4 ? helmets(group.helmets) : `${group.helmets.length} skaters`;
  return group.behindLeaderSeconds > 0 ? `${gap(group.behindLeaderSeconds)} ${who}` : who;
}

/** The breakaway in words: who, and the lead over the group behind (and its change). */
function breakawayWords(away: Breakaway): string {
  const change =
    away.changeSeconds === null || away.changeSeconds === 0
      ? ''
      : ` (${away.changeSeconds > 0 ? '+' : '−'}${Math.abs(away.changeSeconds).toFixed(2)} s)`;
  return `${helmets(away.helmets)} away, ${gap(away.leadSeconds)} on the next group${change}`;
}

/** The timeline of a race, in time order (see the module comment). */
export function raceTimeline(input: TimelineInput): TimelineRow[] {
  const { state, journal, replay, timeZone } = input;
  const startMs = state.startedAt === null ? NaN : Date.parse(state.startedAt);
  const rows: TimelineRow[] = [];
  const nameOf = (bib: number) => {
    const skater = state.skaters.find((candidate) => candidate.bib === bib);
    const name = skater ? (familyCapitals(skater) ?? skater.name) : '';
    return name ? `#${bib} ${name}` : `#${bib}`;
  };
  const add: AddRow = (kind, atMs, event, detail, raceMs = atMs - startMs) => {
    if (Number.isNaN(atMs)) return;
    rows.push({
      kind,
      atMs,
      time: localTimeText(new Date(atMs).toISOString(), timeZone),
      raceTime: Number.isNaN(raceMs) || raceMs < 0 ? '' : formatRaceTime(raceMs),
      event,
      detail,
    });
  };
  const sprintOf = (lap: number) => state.format.sprintLaps.indexOf(lap) + 1;
  const lapName = (lap: number) => {
    const sprint = sprintOf(lap);
    return `Lap ${lap}${sprint > 0 ? ` · SP${sprint}` : lap === state.format.laps ? ' · finish' : ''}`;
  };

  const timed = journalMoments(journal);
  if (state.started) {
    const source =
      replay?.startSource === 'signal'
        ? ' · on the loop from the gun (the decoder’s start input)'
        : replay?.startSource === 'command'
          ? ' · on the loop from the start command (no gun wired to the decoder)'
          : '';
    add('start', startMs, 'Start', `${state.skaters.length} skaters on the start list${source}`);
  }
  if (replay && replay.laps.length > 0) lapRows(replay.laps, add, lapName);
  else
    for (const { lap, atMs, lapMs } of timed.laps)
      add(
        'lap',
        atMs,
        lapName(lap),
        lapMs === null ? 'lap key' : `${seconds(lapMs)} by the lap key`,
      );
  state.sprints.forEach((placing, index) => {
    const points = state.format.intermediatePoints;
    const words = placing
      .map(
        (bib, place) => `${place + 1}. ${nameOf(bib)}${points[place] ? ` ${points[place]}` : ''}`,
      )
      .join(' · ');
    add(
      'sprint',
      timed.sprints.get(index + 1) ?? NaN,
      `Sprint ${index + 1}`,
      `lap ${state.format.sprintLaps[index] ?? '?'}: ${words}`,
    );
  });
  for (const { atMs, bib, status, laps } of timed.statuses)
    add(
      'status',
      atMs,
      status,
      `${nameOf(bib)}${laps === undefined ? '' : ` after ${laps} ${laps === 1 ? 'lap' : 'laps'}`}`,
    );
  if (state.finishOrder.length > 0)
    add(
      'finish',
      timed.finish,
      'Finish',
      state.finishOrder
        .map((bib, place) => {
          const time = state.times[bib];
          return `${place + 1}. ${nameOf(bib)}${time === undefined ? '' : ` ${formatRaceTime(time)}`}`;
        })
        .join(' · '),
    );
  for (const { atMs, bib } of timed.advanced)
    add('advanced', atMs, 'q', `${nameOf(bib)} advanced to the final by the referee`);
  for (const atMs of timed.reopened) add('reopened', atMs, 'Reopened', 'the results reopened');
  if (state.official && state.confirmedAt)
    add('official', Date.parse(state.confirmedAt), 'Official', 'the results confirmed');
  // Stable: a lap and the sprint placed after it keep their order when stamped the same ms.
  return rows.sort((a, b) => a.atMs - b.atMs);
}

/**
 * Adds a row at host time `atMs`; its race time is `raceMs` (a lap's: the leader's crossing on
 * the decoder's clock), else the host's time since the start.
 */
type AddRow = (
  kind: TimelineRow['kind'],
  atMs: number,
  event: string,
  detail: string,
  raceMs?: number,
) => void;

/** Each lap's row, and a row where a breakaway goes away, changes or is caught. */
function lapRows(
  laps: readonly ReplayedLap[],
  add: AddRow,
  lapName: (lap: number) => string,
): void {
  let away: Breakaway | null = null;
  for (const lap of laps) {
    const groups = lap.groups.map(groupWords).join(' | ');
    add(
      'lap',
      lap.reachedAt,
      lapName(lap.lap),
      `#${lap.leader}${lap.leaderInferred ? ' (read missed)' : ''} · ${seconds(lap.lapMs)}${groups ? ` · ${groups}` : ''}`,
      lap.raceMs,
    );
    const now = lap.breakaway;
    const same = now && away && now.helmets.join() === away.helmets.join();
    if (now && !same)
      add(
        'breakaway',
        lap.reachedAt,
        'Breakaway',
        `${breakawayWords(now)}${away ? ` (was ${helmets(away.helmets)})` : ''}`,
        lap.raceMs,
      );
    if (!now && away)
      add('caught', lap.reachedAt, 'Caught', `${helmets(away.helmets)} caught`, lap.raceMs);
    away = now;
  }
}

/** When the journal's facts in force happened: laps by the key, sprints, decisions, the finish. */
function journalMoments(journal: readonly JournalEntry[]) {
  const laps: { lap: number; atMs: number; lapMs: number | null }[] = [];
  const sprints = new Map<number, number>();
  const statuses: { atMs: number; bib: number; status: string; laps?: number }[] = [];
  const advanced: { atMs: number; bib: number }[] = [];
  const reopened: number[] = [];
  let finish = NaN;
  let lastLap = NaN;
  foldJournal(journal, ({ entry, inForce, before }) => {
    if (!inForce) return;
    const atMs = Date.parse(entry.at);
    const { event } = entry;
    switch (event.type) {
      case 'race/started':
        lastLap = atMs;
        break;
      case 'lap/completed':
        if (before.lapsCompleted + 1 <= before.format.laps)
          laps.push({
            lap: before.lapsCompleted + 1,
            atMs,
            lapMs: Number.isNaN(lastLap) ? null : atMs - lastLap,
          });
        lastLap = atMs;
        break;
      case 'laps/corrected':
        // The count starts again from the corrected lap: the laps above it did not happen.
        while (laps.length > 0 && laps.at(-1)!.lap > event.lapsCompleted) laps.pop();
        lastLap = NaN;
        break;
      case 'sprint/placed':
        sprints.set(event.sprint, atMs);
        break;
      case 'finish/recorded':
      case 'finish/appended':
        finish = atMs;
        break;
      case 'skater/statusChanged':
        statuses.push({
          atMs,
          bib: event.bib,
          status: event.status,
          ...(event.laps === undefined ? {} : { laps: event.laps }),
        });
        break;
      case 'qualifier/advanced':
        advanced.push({ atMs, bib: event.bib });
        break;
      case 'results/reopened':
        reopened.push(atMs);
        break;
      default:
        break;
    }
  });
  return { laps, sprints, statuses, advanced, reopened, finish };
}
