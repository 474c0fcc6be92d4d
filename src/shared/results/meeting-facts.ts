/**
 * The meeting's facts as every results output prints them (issue 19): the results sheet, the
 * JSON documents and the feed. Resolved once, so no output decides a fallback of its own.
 */

/** The meeting as the outputs print it: nothing left open. */
export interface MeetingFacts {
  readonly name: string;
  /** The venue the meeting was given, else the one its name gives (venueOf); may be ''. */
  readonly venue: string;
  /** The meeting's day, YYYY-MM-DD; null when not given (the outputs then date by the start). */
  readonly date: string | null;
  /** The IANA zone every local time prints in: the meeting's, or the host's own. */
  readonly timeZone: string;
}

/** The program's fields the facts come from (program.json and the ProgramView both have them). */
export interface MeetingFields {
  readonly meeting: string;
  readonly venue: string;
  readonly meetingDate: string | null;
  readonly timeZone: string | null;
}

/**
 * The venue as the meeting name gives it: after the last comma ("ISU World Cup, Calgary"), or
 * the first part before " · " / " – " / " | " without a trailing year ("Milano Cortina 2026 · ...").
 */
export function venueOf(meeting: string): string {
  const text = meeting.trim();
  if (text.includes(',')) return text.slice(text.lastIndexOf(',') + 1).trim();
  const first = text.split(/\s+[·–—|]\s+/)[0] ?? '';
  return first.replace(/\s+\d{4}(\/\d{2,4})?$/, '').trim();
}

/**
 * The facts of a program: the venue given or the name's (venueOf), the zone given or `hostZone`
 * (the host passes its own: the core never asks the machine which zone it is in).
 */
export function meetingFactsOf(fields: MeetingFields, hostZone: string): MeetingFacts {
  const name = fields.meeting.trim();
  return {
    name,
    venue: fields.venue.trim() || venueOf(name),
    date: fields.meetingDate,
    timeZone: fields.timeZone ?? hostZone,
  };
}
