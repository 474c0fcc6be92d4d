/**
 * The meeting's own facts as a program command sets them (`meeting/configured`, issue 19): its
 * name, venue, day and time zone, which the results sheet, the exports and the feed print.
 */
import { z } from 'zod';
import { titleSchema } from '../race/events.ts';
import { cleanName } from '../text.ts';
import { strictObject } from '../unknown-fields.ts';

/** Whether a text is a day of the calendar written YYYY-MM-DD (2026-02-21; not 2026-02-30). */
export function isMeetingDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const dayMessage = 'a day of the calendar as YYYY-MM-DD, e.g. 2026-02-21';

/** The meeting's day, YYYY-MM-DD (the pattern first, so the published JSON Schema has it). */
export const meetingDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: dayMessage, abort: true })
  .refine(isMeetingDay, dayMessage)
  .describe('The meeting’s day, YYYY-MM-DD (2026-02-21)');

// An IANA name (Europe/Rome, America/Argentina/Buenos_Aires, UTC, Etc/GMT-1), never an offset
// such as +01:00: newer engines take offsets as zones and older ones do not, so neither does this.
const zoneName = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** The zone as the runtime's time zone database spells it (europe/rome → Europe/Rome); null if unknown. */
export function knownTimeZone(text: string): string | null {
  if (!zoneName.test(text) || text.length > 64) return null;
  try {
    // The runtime's own IANA database decides (ECMA-402 refuses an unknown zone with RangeError).
    return new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** An IANA time zone the runtime knows, spelled as its database spells it. */
export const timeZoneSchema = z
  .string()
  .trim()
  .refine((text) => knownTimeZone(text) !== null, {
    message: 'an IANA time zone such as Europe/Rome, Europe/Amsterdam or America/Edmonton',
  })
  .overwrite((text) => knownTimeZone(text) ?? text)
  .describe('An IANA time zone (Europe/Rome); the host checks it against its own database');

/** Where the meeting is held ("Milano Cortina"): cleaned as a name; empty: none given. */
export const venueSchema = z.string().overwrite(cleanName).max(200);

/**
 * The meeting's facts as settings: each field of `meeting/configured` is one of these, optional
 * (src/shared/protocol/program.ts). A null date or zone clears it: the outputs then date by the
 * race's start and print in the host's own zone.
 */
export const meetingSettingsSchema = strictObject({
  name: titleSchema,
  venue: venueSchema.default(''),
  date: meetingDateSchema.nullable().default(null),
  timeZone: timeZoneSchema.nullable().default(null),
});
