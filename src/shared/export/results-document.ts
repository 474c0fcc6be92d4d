import { z } from 'zod';
import { raceFormatSchema } from '../race/format.ts';
import type { JournalEntry } from '../race/events.ts';
import type { RaceState } from '../race/state.ts';
import { localIso } from '../results/local-time.ts';
import type { MeetingFacts } from '../results/meeting-facts.ts';
import { raceResults } from '../results/rows.ts';

const rank = z.number().int().min(1);

/** One results row (src/shared/results/rows.ts ResultRow) as the JSON documents carry it. */
export const resultRowSchema = z
  .object({
    rank: rank
      .nullable()
      .describe('null for DQ and DNS, and while live for skaters without points'),
    bib: z.number().int().min(1).max(999).describe('helmet number'),
    name: z.string(),
    firstName: z.string().describe('from the start list, or all but the last word of name'),
    lastName: z.string().describe('from the start list, or the last word of name'),
    nation: z.string().describe('IOC code, or empty'),
    sprints: z.array(z.number().int()).describe('points of each intermediate sprint'),
    final: z.number().int().describe('points of the final sprint'),
    total: z.number().int(),
    timeMs: z.number().int().nullable().describe('finish time in milliseconds'),
    time: z.string().nullable().describe('finish time as printed, e.g. "7:42.49"'),
    status: z.enum(['OK', 'DNS', 'DNF', 'DQ', 'LAPPED']),
    laps: z.number().int().nullable().describe('laps completed by a skater who did not finish'),
    qualified: z
      .enum(['Q', 'q'])
      .nullable()
      .describe('Q by ranking, q by the referee, in a finished semi-final'),
  })
  .strict();

/** The results of one race as a JSON document (resources/schemas/results.schema.json). */
export const resultsDocumentSchema = z
  .object({
    version: z.literal(1),
    meeting: z.string().nullable().describe('the meeting the race belongs to (null from a sheet)'),
    race: z
      .object({
        id: z.string().describe('the race id in the program, or the sheet file name'),
        title: z.string(),
        category: z.string().describe('program category, e.g. "Men" (empty when none)'),
        round: z.enum(['semi', 'final']),
        qualifiers: z.number().int().min(0).describe('how many go to the final (0 for a final)'),
        format: raceFormatSchema,
      })
      .strict(),
    phase: z
      .enum(['start', 'live', 'finishing', 'final', 'official'])
      .describe(
        'start list, running, finish coming in, finished (unconfirmed), official (confirmed)',
      ),
    official: z.boolean().describe('the results are confirmed'),
    confirmedAt: z
      .string()
      .nullable()
      .describe('ISO time the results were (last) confirmed; null unless official'),
    qualificationLine: z
      .number()
      .int()
      .nullable()
      .describe('rows above this count qualify (semi-finals), null otherwise'),
    rows: z.array(resultRowSchema).describe('in ranking order'),
    // Issue 19: the meeting's facts and the race's times, appended (a published shape only grows).
    venue: z.string().describe('where the meeting is held (empty when neither given nor named)'),
    meetingDate: z
      .string()
      .nullable()
      .describe('the meeting’s day, YYYY-MM-DD; null when not given (or from a sheet)'),
    timeZone: z
      .string()
      .nullable()
      .describe(
        'IANA zone of startedLocal and confirmedLocal, e.g. Europe/Rome (null from a sheet)',
      ),
    startedAt: z
      .string()
      .nullable()
      .describe(
        'ISO time the race started (as confirmedAt: the host’s UTC); null before the start',
      ),
    startedLocal: z
      .string()
      .nullable()
      .describe(
        'the start in the meeting’s zone, RFC 3339 with its offset: 2026-02-21T14:03:12+01:00',
      ),
    confirmedLocal: z
      .string()
      .nullable()
      .describe(
        'confirmedAt in the meeting’s zone, RFC 3339 with its offset; null unless official',
      ),
  })
  .strict()
  .meta({
    title: 'Mass Start race results',
    description: 'The results of one race (README, "Exports").',
  });

export type ResultsDocument = z.output<typeof resultsDocumentSchema>;

/** Where a race's results come from: its state, and where it sits in the meeting. */
export interface RaceRecord {
  readonly id: string;
  readonly category: string;
  /** The race's state: its start and confirmation times too (RaceState.startedAt, confirmedAt). */
  readonly state: RaceState;
  /** The race's journal, every entry (empty for a race read from a sheet): the PDF marks times from it. */
  readonly journal: readonly JournalEntry[];
}

/** The results document of a race; `meeting` null for a race read from a sheet (no meeting). */
export function resultsDocument(meeting: MeetingFacts | null, race: RaceRecord): ResultsDocument {
  const { state } = race;
  const results = raceResults(state);
  const zone = meeting?.timeZone ?? null;
  const local = (iso: string | null) => (zone === null ? null : localIso(iso, zone));
  return {
    version: 1,
    meeting: meeting?.name ?? null,
    race: {
      id: race.id,
      title: state.title,
      category: race.category,
      round: state.round,
      qualifiers: state.round === 'semi' ? state.qualifiers : 0,
      format: state.format,
    },
    phase: results.phase,
    official: state.official,
    confirmedAt: state.confirmedAt,
    qualificationLine: results.qualificationLine,
    rows: results.rows.map((row) => ({ ...row, sprints: [...row.sprints] })),
    venue: meeting?.venue ?? '',
    meetingDate: meeting?.date ?? null,
    timeZone: zone,
    startedAt: state.startedAt,
    startedLocal: local(state.startedAt),
    confirmedLocal: local(state.confirmedAt),
  };
}
