import { z } from 'zod';
import { bibSchema, roundSchema, skaterSchema, type RaceCommand } from '../race/events.ts';
import { formatRefSchema, resolveFormat } from '../race/format.ts';
import { replayCommands } from '../race/replay.ts';
import type { RaceState } from '../race/state.ts';
import { describeIssues } from '../validation.ts';

const bibKey = z.string().regex(/^[1-9][0-9]{0,2}$/, 'keys must be helmet numbers');

/**
 * A race sheet: a finished (or running) race described by its results (README, "Race sheets";
 * JSON Schema in resources/schemas/race-sheet.schema.json).
 */
export const raceSheetSchema = z
  .object({
    format: formatRefSchema.describe(
      'a preset name ("isu-2018", "isu-2014") or a custom format object',
    ),
    round: roundSchema.describe('a semi-final sends its first `qualifiers` to the final'),
    qualifiers: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe('how many go to the final (semi-finals)'),
    title: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('race title, e.g. "Men · Mass Start · Semi-final 1"'),
    skaters: z
      .array(skaterSchema)
      .min(1, 'a race sheet needs at least one skater')
      .describe('the start list'),
    sprints: z
      .array(z.array(bibSchema))
      .default([])
      .describe('intermediate sprint placings in order, first over the line first'),
    finish: z
      .array(bibSchema)
      .default([])
      .describe('finishers in crossing order; the first places earn the final sprint points'),
    status: z
      .record(bibKey, z.enum(['DNF', 'DQ', 'DNS', 'LAPPED']))
      .default({})
      .describe('status by helmet number; skaters absent here are OK'),
    laps: z
      .record(bibKey, z.number().int())
      .default({})
      .describe('laps completed by non-finishers, by helmet number'),
    advanced: z.array(bibSchema).default([]).describe('referee-advanced qualifiers (q)'),
  })
  .strict()
  .meta({
    title: 'Mass Start race sheet',
    description: 'A race described by its results (README, "Race sheets").',
  });

export type RaceSheet = z.output<typeof raceSheetSchema>;

/** A race sheet that does not describe a valid race; the message names the problem. */
export class SheetError extends Error {
  override readonly name = 'SheetError';
}

/** Parses JSON text (or a value) into a race sheet, or throws a SheetError naming the problem. */
export function parseRaceSheet(input: unknown): RaceSheet {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new SheetError(`the race sheet is not valid JSON: ${(error as Error).message}`);
    }
  }
  const result = raceSheetSchema.safeParse(value);
  if (!result.success) throw new SheetError(describeIssues(result.error));
  if (typeof result.data.format === 'string') {
    try {
      resolveFormat(result.data.format);
    } catch (error) {
      throw new SheetError(`format: ${(error as Error).message}`);
    }
  }
  if (result.data.round === 'semi' && result.data.qualifiers === undefined) {
    throw new SheetError(
      'qualifiers: a semi-final sheet needs the number of qualifiers (for example 8)',
    );
  }
  return result.data;
}

/** The commands that rebuild the race a sheet describes, in the order they happened. */
export function sheetCommands(sheet: RaceSheet): RaceCommand[] {
  const format = resolveFormat(sheet.format);
  const statusOf = (bib: number) => sheet.status[String(bib)];
  const bibs = new Set(sheet.skaters.map((s) => s.bib));
  for (const key of [...Object.keys(sheet.status), ...Object.keys(sheet.laps)]) {
    if (!bibs.has(Number(key))) {
      throw new SheetError(`helmet number ${key} in status or laps is not among the skaters`);
    }
  }
  for (const key of Object.keys(sheet.laps)) {
    const status = statusOf(Number(key));
    if (status !== 'DNF' && status !== 'LAPPED' && status !== 'DQ') {
      throw new SheetError(
        `laps.${key}: laps are for skaters who did not finish (DNF, LAPPED, DQ)`,
      );
    }
  }
  const commands: RaceCommand[] = [
    {
      type: 'race/configured',
      title: sheet.title ?? (sheet.round === 'semi' ? 'Mass Start semi-final' : 'Mass Start final'),
      round: sheet.round,
      qualifiers: sheet.round === 'semi' ? (sheet.qualifiers ?? 0) : 0,
      format,
    },
    { type: 'startList/set', skaters: sheet.skaters },
  ];
  for (const skater of sheet.skaters) {
    if (statusOf(skater.bib) === 'DNS')
      commands.push({ type: 'skater/statusChanged', bib: skater.bib, status: 'DNS' });
  }
  commands.push({ type: 'race/started' });
  sheet.sprints.forEach((bibsPlaced, index) => {
    const lap = format.sprintLaps[index] ?? format.laps - 1;
    commands.push({ type: 'laps/corrected', lapsCompleted: Math.min(lap, format.laps - 1) });
    if (bibsPlaced.length > 0)
      commands.push({ type: 'sprint/placed', sprint: index + 1, bibs: bibsPlaced });
  });
  if (sheet.finish.length > 0) {
    commands.push({ type: 'laps/corrected', lapsCompleted: format.laps - 1 });
    commands.push({ type: 'finish/recorded', bibs: sheet.finish });
  }
  for (const skater of sheet.skaters) {
    const status = statusOf(skater.bib);
    if (status === undefined || status === 'DNS') continue;
    const laps = sheet.laps[String(skater.bib)];
    commands.push({
      type: 'skater/statusChanged',
      bib: skater.bib,
      status,
      ...(laps === undefined ? {} : { laps }),
    });
  }
  for (const bib of sheet.advanced) commands.push({ type: 'qualifier/advanced', bib });
  return commands;
}

/** The race state a sheet describes, or a SheetError naming the first rule it breaks. */
export function sheetState(sheet: RaceSheet): RaceState {
  try {
    return replayCommands(sheetCommands(sheet), 'sheet').state;
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError((error as Error).message);
  }
}
