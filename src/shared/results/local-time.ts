/**
 * Times as the results outputs print them (issue 19): in the meeting's IANA zone, with the zone.
 * People read "15:42:10 CET": the short name CLDR gives where English has one in general use
 * (CET, CEST, GMT, BST, UTC), otherwise its offset ("GMT-7" in Calgary), never an invented
 * abbreviation. Machines read RFC 3339 with the zone's offset ("2026-02-21T15:42:10+01:00").
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone and style, made once (a feed is built on every revision). */
function format(style: 'day' | 'time' | 'parts', timeZone: string): Intl.DateTimeFormat {
  const key = `${style} ${timeZone}`;
  let made = formats.get(key);
  if (!made) {
    const options: Intl.DateTimeFormatOptions =
      style === 'day'
        ? { day: 'numeric', month: 'long', year: 'numeric' }
        : style === 'time'
          ? { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }
          : {
              ...{ year: 'numeric', month: '2-digit', day: '2-digit' },
              ...{ hour: '2-digit', minute: '2-digit', second: '2-digit' },
              timeZoneName: 'longOffset',
            };
    made = new Intl.DateTimeFormat(style === 'parts' ? 'en-US' : 'en-GB', {
      ...options,
      ...(style === 'day' ? {} : { hourCycle: 'h23' }),
      timeZone,
    });
    formats.set(key, made);
  }
  return made;
}

/** An ISO time as a Date; null for none or one that does not parse. */
function instant(iso: string | null): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar day (YYYY-MM-DD) in words, "21 February 2026": no zone moves a day. */
export function dayText(day: string): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return format('day', 'UTC').format(new Date(Date.UTC(year, month - 1, date, 12)));
}

/** The day an ISO time falls on in a zone, "21 February 2026"; '' without a time. */
export function localDayText(iso: string | null, timeZone: string): string {
  const date = instant(iso);
  return date ? format('day', timeZone).format(date) : '';
}

/** The clock time of an ISO time in a zone, with the zone: "15:42:10 CET"; '' without a time. */
export function localTimeText(iso: string | null, timeZone: string): string {
  const date = instant(iso);
  return date ? format('time', timeZone).format(date) : '';
}

/** An ISO time as RFC 3339 in a zone, to the second: "2026-02-21T15:42:10+01:00"; null without one. */
export function localIso(iso: string | null, timeZone: string): string | null {
  const date = instant(iso);
  if (!date) return null;
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of format('parts', timeZone).formatToParts(date)) part[type] = value;
  // "GMT+01:00", or "GMT" at offset zero; an offset of seconds (before 1900) is cut to minutes.
  const offset = (part.timeZoneName ?? 'GMT').slice(3, 9) || '+00:00';
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}${offset}`;
}
