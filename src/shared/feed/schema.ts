import { z } from 'zod';

// The live data feed for broadcast graphics (issue 11): one flat shape for CG data sources
// (vMix, Vizrt DataHub, XPression DataLinq, H2R, Singular, CasparCG templates).
//
// PUBLISHED FIELD NAMES NEVER CHANGE. Graphics templates bind to these names by hand, often
// on machines nobody touches between events: a field may be added (at the end of its object),
// never renamed, retyped or removed. test/shared/feed/feed.test.ts pins the exact key set and
// order; resources/schemas/feed.schema.json publishes it. A breaking change needs a new
// `feedVersion` and new URLs.

/** The version of the feed's shape; new fields keep it, a breaking change would not. */
export const feedVersion = 1;

/** The intermediate sprints every feed lists (sp1..sp3), whatever the format has. */
export const feedSprints = 3;

const count = z.number().int().min(0);
const points = (what: string) => count.nullable().describe(what);
// The first three of the last sprint, one field each (CG data sources bind flat names).
const placedHelmet = (n: number) =>
  z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe(`Helmet number of place ${n} of the last sprint; null when none`);
const placedName = (n: number) =>
  z.string().describe(`Name of place ${n} of the last sprint, or ""`);
const placedNation = (n: number) =>
  z.string().describe(`Nation of place ${n} of the last sprint, or ""`);
const placedPoints = (n: number) =>
  points(`Points place ${n} holds from the last sprint; null when none`);

/** One row of the standings, in ranking order (sp1..sp3 only; see feedSkaterSchema). */
const feedSkaterFields = z.object({
  rank: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe(
      'Rank, shared on a true tie; null for DQ, DNS and (while live) skaters without points',
    ),
  rankText: z
    .string()
    .describe('The rank as printed: "1"; the status (DQ, DNS) when unranked; else ""'),
  helmet: z.number().int().min(1).describe('Helmet number'),
  name: z.string(),
  firstName: z.string().describe('From the start list, or all but the last word of the name'),
  lastName: z.string().describe('From the start list, or the last word of the name'),
  nation: z.string().describe('IOC code (NED, USA ...) or ""'),
  sp1: z
    .number()
    .int()
    .nullable()
    .describe('Points of intermediate sprint 1; null when the format has none'),
  sp2: z
    .number()
    .int()
    .nullable()
    .describe('Points of intermediate sprint 2; null when the format has none'),
  sp3: z
    .number()
    .int()
    .nullable()
    .describe('Points of intermediate sprint 3; null when the format has none'),
  final: z.number().int().describe('Points of the final sprint (the finish)'),
  total: z.number().int().describe('Total points'),
  time: z.string().nullable().describe('Finish time as printed ("7:42.49"); null without one'),
  timeMs: z.number().int().nullable().describe('Finish time in milliseconds; null without one'),
  status: z.enum(['OK', 'DNS', 'DNF', 'DQ', 'LAPPED']),
  laps: points('Laps completed by a skater who stopped or was lapped; null otherwise'),
  qualified: z
    .enum(['Q', 'q'])
    .nullable()
    .describe('In a finished semi-final: Q by ranking, q advanced by the referee; else null'),
  // Issue 18: what each skater of a semi-final still needs (src/shared/race/qualification.ts).
  qualification: z
    .enum(['Q', 'q', 'open', 'out'])
    .nullable()
    .describe(
      'In a semi-final: while it runs, Q (through whatever happens), open, or out (no way the race can end puts the skater in the first K); once finished, Q / q as qualified, else out. Null in a final, before the start and while the finish is being recorded',
    ),
  safeFinish: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe(
      'In a running semi-final: finishing this place or better qualifies whatever the others do (with no more intermediate points); null when any place is safe (Q), none is, or the race is not a running semi-final',
    ),
  // Issue 19: the name's parts as the start list gives them, never split from the name
  // (firstName and lastName keep their published fallback).
  givenName: z
    .string()
    .describe('The given name as the start list gives it; "" when it gave none (never guessed)'),
  familyName: z
    .string()
    .describe('The family name as the start list gives it; "" when it gave none (never guessed)'),
  nameOrder: z
    .enum(['given-first', 'family-first'])
    .nullable()
    .describe(
      'Which part comes first in name: given-first ("Jorrit Bergsma") or family-first ("Chung Jae-won"); null without both parts',
    ),
  printName: z
    .string()
    .describe(
      'As the results sheet prints it: family name in capitals, then the given name ("BERGSMA Jorrit", "CHUNG Jae-won"); the whole name without both parts',
    ),
  shortName: z
    .string()
    .describe(
      'As the board prints a name that does not fit: initial and family name ("J. BERGSMA", "CHUNG J."), the family name alone without a given name, the whole name without a family name',
    ),
  // Issue 21: from the finish-line loop's passings (src/shared/timing/groups.ts), never invented.
  behindLeaderSeconds: z
    .number()
    .min(0)
    .nullable()
    .describe(
      'From the finish-line loop: his crossing of his last lap less the leader’s crossing of that lap, seconds to the hundredth (0 for the leader); null without timing or before the loop timed him',
    ),
  lastLapMs: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe(
      'From the finish-line loop: his last lap read to read, ms; null without timing, before his first lap, or when the loop missed a read at either end',
    ),
});

// The fields added after the first published shape, by issue, in the order they were added.
const outlookAndNames = [
  ...['qualification', 'safeFinish'], // issue 18
  ...['givenName', 'familyName', 'nameOrder', 'printName', 'shortName'], // issue 19
] as const;
const meetingFields = [
  'meetingDate',
  'venue',
  'timeZone',
  'startedLocal',
  'confirmedLocal',
] as const; // issue 19
const gapFields = ['behindLeaderSeconds', 'lastLapMs'] as const; // issue 21

/**
 * The standings fields added after the first published shape, in the order they were added.
 * A feed row ends with them (after sp4, sp5 ... of formats with more sprints), and the CSV puts
 * them after the race-level columns (feedCsvColumnsAdded): no column a template reads by
 * position ever moves.
 */
export const feedSkaterFieldsAdded = [...outlookAndNames, ...gapFields] as const;

/**
 * A standings row: formats with more than three intermediate sprints add sp4, sp5 ... after
 * `qualified` (before the fields added since: feedSkaterFieldsAdded).
 */
export const feedSkaterSchema = feedSkaterFields
  .catchall(z.number().int().nullable())
  .describe(
    'One rank of the standings; formats with more intermediate sprints add sp4, sp5 ... after qualified',
  );

/**
 * The scalar race-level fields added after the first published shape, in the order they were
 * added: the last race-level fields before `standings` in JSON and XML.
 */
export const feedRaceFieldsAdded = meetingFields;

/**
 * The CSV's columns added after its first published shape, in the order they were added (each
 * issue's at the end): a table reader that binds a column by its position never sees it move.
 * `groups` is not a column: a list of groups is a table of its own (JSON and XML carry it).
 */
export const feedCsvColumnsAdded = [...outlookAndNames, ...meetingFields, ...gapFields] as const;

/** A group on the ice, from the front (src/shared/timing/groups.ts). */
const feedGroupSchema = z
  .object({
    helmets: z
      .array(z.number().int().min(1))
      .min(1)
      .describe('Helmet numbers of the group, in the order they crossed the line'),
    behindLeaderSeconds: z
      .number()
      .min(0)
      .describe(
        'Behind the leading group’s head, seconds to the hundredth; 0 for the leading group. Never less than the group ahead',
      ),
    behindLeaderMetres: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe(
        'The same in metres at the leader’s speed over his last lap (a 400 m lap); null before the leader has a timed lap',
      ),
  })
  .describe('One group on the ice: skaters crossing the line less than the threshold apart');

/** The feed of one race: race-level fields, then `standings`, then `groups`. */
export const feedSchema = z
  .object({
    feedVersion: z
      .literal(feedVersion)
      .describe('Version of this shape; fields are only ever added'),
    revision: count.describe(
      'Race revision: grows with every change of the race; the SSE event id',
    ),
    raceId: z.string(),
    title: z.string(),
    round: z.enum(['semi', 'final']),
    phase: z.enum(['start', 'live', 'finishing', 'final', 'official']),
    official: z.boolean().describe('The results are confirmed official'),
    started: z.boolean(),
    totalLaps: count.describe('Laps of the race (16)'),
    lapsCompleted: count.describe('Laps the leader has completed'),
    lapsToGo: count.describe(
      'The lap board: 16 at the start, 1 on the bell lap, 0 once the leader finishes',
    ),
    sprintLap: z.boolean().describe('The lap being run ends in an intermediate sprint'),
    sprintLapNumber: z
      .number()
      .int()
      .min(1)
      .nullable()
      .describe('Which intermediate sprint the lap being run ends in; else null'),
    bell: z.boolean().describe('The last lap: the final sprint'),
    qualificationLine: points(
      'A semi-final draws the qualification line under this many rows; null in a final. While the race runs, never lower than the last skater with points (0 before anyone has points)',
    ),
    lastSprint: z
      .number()
      .int()
      .min(1)
      .nullable()
      .describe(
        'The latest sprint with placings: 1..n intermediate, n+1 (4) the final sprint; null before the first',
      ),
    lastSprintFinal: z.boolean().describe('lastSprint is the final sprint (the finish)'),
    lastSprint1Helmet: placedHelmet(1),
    lastSprint1Name: placedName(1),
    lastSprint1Nation: placedNation(1),
    lastSprint1Points: placedPoints(1),
    lastSprint2Helmet: placedHelmet(2),
    lastSprint2Name: placedName(2),
    lastSprint2Nation: placedNation(2),
    lastSprint2Points: placedPoints(2),
    lastSprint3Helmet: placedHelmet(3),
    lastSprint3Name: placedName(3),
    lastSprint3Nation: placedNation(3),
    lastSprint3Points: placedPoints(3),
    // Issue 19: the meeting's facts and the race's local times, the last race-level fields.
    meetingDate: z
      .string()
      .nullable()
      .describe('The meeting’s day, YYYY-MM-DD; null when the meeting has none'),
    venue: z
      .string()
      .describe('Where the meeting is held: as given, else from the meeting name; may be ""'),
    timeZone: z
      .string()
      .describe('IANA time zone of the local times (the meeting’s, else the host’s): Europe/Rome'),
    startedLocal: z
      .string()
      .nullable()
      .describe(
        'When the race started, RFC 3339 in timeZone with its offset (2026-02-21T14:03:12+01:00); null before the start',
      ),
    confirmedLocal: z
      .string()
      .nullable()
      .describe(
        'When the results in force were confirmed, RFC 3339 in timeZone with its offset; null unless official',
      ),
    standings: z.array(feedSkaterSchema).describe('The ranks, in ranking order'),
    // Issue 21: after `standings`, the last field (fields are only added at the end).
    groups: z
      .array(feedGroupSchema)
      .describe(
        'The groups on the ice from the front, from the finish-line loop’s passings (a new group where consecutive skaters cross the line at least the timing setting groupGapSeconds apart, 1 s by default; lapped skaters left out); [] without timing for this race, never invented',
      ),
  })
  .describe('Live data feed of one race for broadcast graphics (Mass Start Scoreboard, issue 11)');

/** A scalar of the feed: what a CG data source cell holds. */
export type FeedValue = string | number | boolean | null;

/** One standings row of the feed. */
export type FeedSkater = z.output<typeof feedSkaterFields> & {
  readonly [sprint: `sp${number}`]: number | null;
};

/** The feed of one race. */
export type Feed = Omit<z.output<typeof feedSchema>, 'standings'> & {
  readonly standings: readonly FeedSkater[];
};

/** One group of the feed's `groups`. */
export type FeedGroup = Feed['groups'][number];

/** The race-level scalars of the feed (everything but the standings and the groups). */
export type FeedRace = Omit<Feed, 'standings' | 'groups'>;
