import type { Skater } from '../race/events.ts';
import {
  familyCapitals,
  familyNameOf,
  givenNameOf,
  initialName,
  nameOrderOf,
  printName,
  type SkaterNames,
} from '../race/skater-name.ts';
import type { Standing } from '../race/standings.ts';
import type { RaceView } from '../race/view.ts';
import { localIso } from '../results/local-time.ts';
import type { MeetingFacts } from '../results/meeting-facts.ts';
import { raceResults, type ResultRow } from '../results/rows.ts';
import { gapsOf, type GapsView } from '../timing/gaps-view.ts';
import type { SkaterGap } from '../timing/groups.ts';
import { feedSprints, feedVersion, type Feed, type FeedGroup, type FeedSkater } from './schema.ts';

/** Points of sprint k (1-based) as sp1, sp2 ...: sp1-sp3 always, more when the format has them. */
function sprintFields(row: ResultRow, sprints: number): Record<`sp${number}`, number | null> {
  const fields: Record<`sp${number}`, number | null> = {};
  for (let k = 1; k <= Math.max(feedSprints, sprints); k++)
    fields[`sp${k}`] = k <= sprints ? (row.sprints[k - 1] ?? 0) : null;
  return fields;
}

/** What a skater of a semi-final still needs, from the view's standings (issue 18). */
type Outlook = Pick<Standing, 'qualification' | 'safeFinish'>;

/** The name fields added by issue 19, from the start list's skater (the row's name without one). */
function nameFields(row: ResultRow, skater: Skater | undefined) {
  const names: SkaterNames = skater ?? { name: row.name };
  const givenName = givenNameOf(names);
  const familyName = familyNameOf(names);
  return {
    givenName,
    familyName,
    nameOrder: givenName && familyName ? nameOrderOf(names) : null,
    printName: printName(names),
    // The board's first short form (src/shared/board/names.ts builds its forms from the same).
    shortName: initialName(names) ?? familyCapitals(names) ?? names.name,
  };
}

/** The loop's figures of a skater (issue 21): null where it has not timed him, never guessed. */
function gapFields(gap: SkaterGap | undefined) {
  const lapMs = gap?.lastLapMs ?? null;
  return {
    behindLeaderSeconds: gap?.behindLeaderSeconds ?? null,
    // Whole ms, as published: P3 reads are whole ms already; a fraction would be rounded.
    lastLapMs: lapMs === null ? null : Math.round(lapMs),
  };
}

/** A results row as a feed row (the key order is the published one: see schema.ts). */
function feedSkater(
  row: ResultRow,
  sprints: number,
  outlook: Outlook | undefined,
  skater: Skater | undefined,
  gap: SkaterGap | undefined,
): FeedSkater {
  const { sp1, sp2, sp3, ...more } = sprintFields(row, sprints);
  return {
    rank: row.rank,
    rankText: row.rank !== null ? String(row.rank) : row.status === 'OK' ? '' : row.status,
    helmet: row.bib,
    name: row.name,
    firstName: row.firstName,
    lastName: row.lastName,
    nation: row.nation,
    sp1: sp1 ?? null,
    sp2: sp2 ?? null,
    sp3: sp3 ?? null,
    final: row.final,
    total: row.total,
    time: row.time,
    timeMs: row.timeMs,
    status: row.status,
    laps: row.laps,
    qualified: row.qualified,
    ...more,
    // Added after sp4 ...: appended fields never move a published one (schema.ts).
    qualification: outlook?.qualification ?? null,
    safeFinish: outlook?.safeFinish ?? null,
    ...nameFields(row, skater),
    ...gapFields(gap),
  };
}

/** The groups on the ice as the feed lists them (the published three fields of each). */
const feedGroups = (gaps: GapsView | null): FeedGroup[] =>
  (gaps?.groups ?? []).map((group) => ({
    helmets: [...group.helmets],
    behindLeaderSeconds: group.behindLeaderSeconds,
    behindLeaderMetres: group.behindLeaderMetres,
  }));

/** The last sprint's fields of the feed. */
type LastSprintFields = Pick<Feed, Extract<keyof Feed, `lastSprint${string}`>>;

/** One of the first three of the last sprint, or blanks. */
function placing(n: 1 | 2 | 3, row: ResultRow | undefined, points: number | null) {
  return {
    [`lastSprint${n}Helmet`]: row?.bib ?? null,
    [`lastSprint${n}Name`]: row?.name ?? '',
    [`lastSprint${n}Nation`]: row?.nation ?? '',
    [`lastSprint${n}Points`]: row ? points : null,
  };
}

/**
 * The latest sprint with placings and its first three (the finish counts as sprint n+1, the
 * final sprint). Points are those the skater holds from it: a disqualified skater's are 0.
 */
function lastSprint(view: RaceView, rows: readonly ResultRow[]): LastSprintFields {
  const { state } = view;
  const byBib = new Map(rows.map((row) => [row.bib, row]));
  const intermediate = state.sprints.findLastIndex((bibs) => bibs.length > 0);
  const final = state.finishOrder.length > 0;
  const number = final ? state.format.sprintLaps.length + 1 : intermediate + 1;
  const bibs = final ? state.finishOrder : (state.sprints[intermediate] ?? []);
  const points = (row: ResultRow | undefined) =>
    row ? (final ? row.final : (row.sprints[intermediate] ?? 0)) : null;
  const top = [1, 2, 3].map((n) => byBib.get(bibs[n - 1] ?? -1));
  return {
    lastSprint: number > 0 ? number : null,
    lastSprintFinal: final,
    ...placing(1, top[0], points(top[0])),
    ...placing(2, top[1], points(top[1])),
    ...placing(3, top[2], points(top[2])),
  } as LastSprintFields;
}

/**
 * The groups and gaps the feed of a race shows (issue 21): the active race's, from the timing
 * feed, once the loop has timed someone in it; else null. Gaps with nothing timed make the same
 * feed as none, so a host with a timing feed but no decoder serves the bytes (and ETags) of one
 * without.
 */
export function feedGapsOf(gaps: GapsView | null, raceId: string): GapsView | null {
  const mine = gapsOf(gaps, raceId);
  return mine && (mine.groups.length > 0 || mine.skaters.length > 0) ? mine : null;
}

/**
 * The feed of a race, from the view the host derives once per revision (issue 11), with the
 * meeting's facts (issue 19) and the groups and gaps from the loop (issue 21: the active race's,
 * while a timing feed tracks it; gaps of another race, or none, leave the fields null and []).
 */
export function raceFeed(
  view: RaceView,
  meeting: MeetingFacts,
  gaps: GapsView | null = null,
): Feed {
  const { state } = view;
  const timed = feedGapsOf(gaps, view.id);
  const gapOf = new Map(timed?.skaters.map((gap) => [gap.bib, gap]));
  const results = raceResults(state);
  const sprints = state.format.sprintLaps.length;
  // The view's standings carry the qualification outlook; the results rows rank the same race.
  const outlook = new Map(view.standings.rows.map((row) => [row.bib, row]));
  const skaters = new Map(state.skaters.map((skater) => [skater.bib, skater]));
  return {
    feedVersion,
    revision: view.revision,
    raceId: view.id,
    title: state.title,
    round: state.round,
    phase: results.phase,
    official: state.official,
    started: state.started,
    totalLaps: state.format.laps,
    lapsCompleted: Math.min(state.lapsCompleted, state.format.laps),
    lapsToGo: view.lapsToGo,
    sprintLap: typeof view.sprintLap === 'number',
    sprintLapNumber: typeof view.sprintLap === 'number' ? view.sprintLap : null,
    bell: view.bell,
    qualificationLine: results.qualificationLine,
    ...lastSprint(view, results.rows),
    meetingDate: meeting.date,
    venue: meeting.venue,
    timeZone: meeting.timeZone,
    startedLocal: localIso(state.startedAt, meeting.timeZone),
    confirmedLocal: localIso(state.confirmedAt, meeting.timeZone),
    standings: results.rows.map((row) =>
      feedSkater(row, sprints, outlook.get(row.bib), skaters.get(row.bib), gapOf.get(row.bib)),
    ),
    groups: feedGroups(timed),
  };
}
