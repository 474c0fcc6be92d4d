import { z } from 'zod';
import { raceFormatSchema } from '../race/format.ts';
import type { JournalEntry } from '../race/events.ts';
import type { RaceState } from '../race/state.ts';
import { raceResults } from '../results/rows.ts';
import { raceTimes } from '../results/sheet.ts';

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
  readonly state: RaceState;
  /** ISO time of the confirmation in force, null when not official (see confirmedAt). */
  readonly confirmedAt: string | null;
  /** The race's journal, every entry (empty for a race read from a sheet); the PDF dates from it. */
  readonly journal: readonly JournalEntry[];
}

/** When the results in force were confirmed official (the journal's fold: voids and reopenings count). */
export function confirmedAt(state: RaceState, entries: readonly JournalEntry[]): string | null {
  return state.official ? raceTimes(entries).confirmedAt : null;
}

/** The results document of a race. */
export function resultsDocument(meeting: string | null, race: RaceRecord): ResultsDocument {
  const { state } = race;
  const results = raceResults(state);
  return {
    version: 1,
    meeting,
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
    confirmedAt: race.confirmedAt,
    qualificationLine: results.qualificationLine,
    rows: results.rows.map((row) => ({ ...row, sprints: [...row.sprints] })),
  };
}
