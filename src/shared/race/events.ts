import { z } from 'zod';
import { cleanName } from '../text.ts';
import { leavingOutUnknownFields, strictObject } from '../unknown-fields.ts';
import { raceFormatSchema } from './format.ts';

/** A helmet/bib number as worn on the ice. */
export const bibSchema = z.number().int().min(1).max(999);

/** IOC nation code: three capital letters (NED, USA, CZE ...), or empty for none. */
export const nationSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(/^([A-Z]{3})?$/, 'nation must be a three-letter IOC code such as NED'));

/**
 * A skater's name as it enters the race, over any transport: bidi overrides and other control
 * characters out, whitespace collapsed (src/shared/text.ts, issue 17); never empty.
 */
const nameSchema = z.string().overwrite(cleanName).min(1, 'name is missing');

/** A first or last name: cleaned as a name, and may be empty. */
const namePartSchema = z.string().overwrite(cleanName);

/**
 * The order a skater's name is written in (issue 19, part 2): given name first ("Jorrit
 * Bergsma") or family name first, as the sports press writes Chinese and Korean names ("Chung
 * Jae-won"). src/shared/race/skater-name.ts has the rest of the names' rules.
 */
export const nameOrderSchema = z.enum(['given-first', 'family-first']);
export type NameOrder = z.output<typeof nameOrderSchema>;

/** A race or meeting title: cleaned as a name (it is drawn on the boards too). */
export const titleSchema = z.string().overwrite(cleanName).min(1).max(200);

/**
 * One skater of a start list. `name` is the name as shown; `firstName` is the given name and
 * `lastName` the family name whatever order they are written in (as the ISU results service
 * has them: Yang Binyu is firstName "Binyu", lastName "Yang"); `nameOrder` says which comes
 * first in `name` (absent: given name first, as every journal written before issue 19 shows it).
 */
export const skaterSchema = strictObject({
  bib: bibSchema,
  name: nameSchema,
  firstName: namePartSchema.optional(),
  lastName: namePartSchema.optional(),
  nation: nationSchema.default(''),
  transponder: z.string().trim().min(1).optional(),
  nameOrder: nameOrderSchema.optional(),
});

/** A skater on a start list. */
export type Skater = z.output<typeof skaterSchema>;

/** Round of a race: a semi-final sends its first `qualifiers` to the final. */
export const roundSchema = z.enum(['semi', 'final']);
export type Round = z.output<typeof roundSchema>;

/** Status of a skater (rules document, "Ranking" 4-6). */
export const skaterStatusSchema = z.enum(['OK', 'DNS', 'DNF', 'DQ', 'LAPPED']);
export type SkaterStatus = z.output<typeof skaterStatusSchema>;

const bibList = z.array(bibSchema).min(1, 'list at least one helmet number').max(200);

/** Every past-tense event a race journal can hold; strict (issue 17): an unknown field is refused. */
export const raceEventSchema = z.discriminatedUnion('type', [
  strictObject({
    type: z.literal('race/configured'),
    title: titleSchema,
    round: roundSchema,
    qualifiers: z.number().int().min(0).max(100).default(0),
    format: raceFormatSchema,
  }),
  strictObject({ type: z.literal('startList/set'), skaters: z.array(skaterSchema).max(200) }),
  strictObject({
    type: z.literal('skater/edited'),
    bib: bibSchema,
    name: nameSchema.optional(),
    firstName: namePartSchema.optional(),
    lastName: namePartSchema.optional(),
    nation: nationSchema.optional(),
    transponder: z.string().trim().min(1).optional(),
    nameOrder: nameOrderSchema.optional(),
  }),
  strictObject({ type: z.literal('race/started') }),
  strictObject({ type: z.literal('lap/completed') }),
  strictObject({ type: z.literal('laps/corrected'), lapsCompleted: z.number().int() }),
  strictObject({ type: z.literal('sprint/placed'), sprint: z.number().int(), bibs: bibList }),
  strictObject({ type: z.literal('finish/recorded'), bibs: z.array(bibSchema).max(200) }),
  strictObject({ type: z.literal('finish/appended'), bibs: bibList }),
  strictObject({
    type: z.literal('finish/timed'),
    bib: bibSchema,
    /** Race time in milliseconds. */
    time: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600 * 1000),
    /**
     * What a time from the loop runs from (issue 17): `gun`, the decoder's start input, or
     * `startKey`, the operator's start command (short by the press delay). Absent: typed by
     * hand (the photo finish's official time).
     */
    timedFrom: z.enum(['gun', 'startKey']).optional(),
  }),
  strictObject({
    type: z.literal('skater/statusChanged'),
    bib: bibSchema,
    status: skaterStatusSchema,
    /** Laps completed, for a skater who did not finish. */
    laps: z.number().int().optional(),
  }),
  strictObject({ type: z.literal('qualifier/advanced'), bib: bibSchema }),
  strictObject({ type: z.literal('results/confirmed') }),
  strictObject({ type: z.literal('results/reopened') }),
  strictObject({ type: z.literal('event/voided'), target: z.number().int().min(1) }),
]);

/** A past-tense race event. */
export type RaceEvent = z.output<typeof raceEventSchema>;
export type RaceEventType = RaceEvent['type'];
/** The event of a given type. */
export type RaceEventOf<T extends RaceEventType> = Extract<RaceEvent, { type: T }>;

/**
 * What an operator or device asks for: any event, or a command the race history turns into an
 * event (history.ts): `undo` and `redo` become voids; `lap`, the lap key, is the start
 * (`race/started`) before the start and the leader crossing the line (`lap/completed`) after it.
 */
export const raceCommandSchema = z.discriminatedUnion('type', [
  raceEventSchema,
  strictObject({ type: z.literal('undo') }),
  strictObject({ type: z.literal('redo') }),
  strictObject({ type: z.literal('lap') }),
]);
export type RaceCommand = z.output<typeof raceCommandSchema>;

/** The commands that are not events (the journal never holds them; history.ts decides each). */
export const raceActionTypes = ['undo', 'redo', 'lap'] as const;
/** A command that is not an event. */
export type RaceAction = Extract<RaceCommand, { type: (typeof raceActionTypes)[number] }>;

/** Whether a command is one of the commands that are not events. */
export function isRaceAction(command: RaceCommand): command is RaceAction {
  return (raceActionTypes as readonly string[]).includes(command.type);
}

/**
 * One line of a race journal as a client sends it (a rehearsal's recording): an accepted event
 * with its sequence number, time and source; strict, as every request is.
 */
export const strictJournalEntrySchema = strictObject({
  seq: z.number().int().min(1),
  /** ISO time stamped by the host's clock at intake. */
  at: z.string(),
  /** Who sent it: console, http, osc, timing, cli ... */
  source: z.string(),
  event: raceEventSchema,
  /** In a batch of several entries: the seq of its last entry (a batch is all or nothing). */
  batchEnd: z.number().int().min(1).optional(),
});

/**
 * One line of a race journal as read from a file: a key the schema does not know is left out,
 * not refused (issue 17), so a strict schema never makes an old race unreadable.
 */
export const journalEntrySchema = leavingOutUnknownFields(strictJournalEntrySchema);
export type JournalEntry = z.output<typeof strictJournalEntrySchema>;
