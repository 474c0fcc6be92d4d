// meeting/configured (issue 19): the meeting's name, venue, day and IANA zone, each sent only
// when it changes; refused with the field named; kept in program.json, read leniently.
import { describe, expect, it } from 'vitest';
import { applyProgramCommand } from '../../../src/shared/program/apply.ts';
import { emptyProgram, programFileSchema } from '../../../src/shared/program/program-file.ts';
import { parseProgramCommand } from '../../../src/shared/protocol/commands.ts';
import { isMeetingDay, knownTimeZone } from '../../../src/shared/protocol/meeting.ts';

const context = { race: () => null };
const configured = (fields: Record<string, unknown>) =>
  parseProgramCommand({ type: 'meeting/configured', ...fields });
/** The program after one command, or the refusal's words. */
const after = (program: ReturnType<typeof emptyProgram>, command: unknown) => {
  const decision = applyProgramCommand(program, parseProgramCommand(command) as never, context);
  if (!decision.ok) throw new Error(decision.error);
  return decision.program;
};

describe('meeting/configured', () => {
  it('takes the four facts, the zone spelled as the time zone database spells it', () => {
    expect(
      configured({
        name: ' Milano  Cortina 2026 ',
        venue: 'Milano Speed Skating Stadium',
        date: '2026-02-21',
        timeZone: 'europe/rome',
      }),
    ).toEqual({
      type: 'meeting/configured',
      name: 'Milano Cortina 2026',
      venue: 'Milano Speed Skating Stadium',
      date: '2026-02-21',
      timeZone: 'Europe/Rome',
    });
  });

  it('holds only what was sent (no defaults filled in), and changes only that', () => {
    expect(configured({ timeZone: 'America/Edmonton' })).toEqual({
      type: 'meeting/configured',
      timeZone: 'America/Edmonton',
    });
    const set = after(emptyProgram('World Cup Calgary'), {
      type: 'meeting/configured',
      venue: 'Olympic Oval',
      date: '2026-01-23',
      timeZone: 'America/Edmonton',
    });
    expect(set).toMatchObject({
      meeting: 'World Cup Calgary',
      venue: 'Olympic Oval',
      meetingDate: '2026-01-23',
      timeZone: 'America/Edmonton',
      revision: 1,
    });
    const moved = after(set, { type: 'meeting/configured', date: '2026-01-24' });
    expect(moved).toEqual({ ...set, meetingDate: '2026-01-24', revision: 2 });
    // null clears a day or a zone; meeting/renamed still sets the name and nothing else.
    const cleared = after(moved, { type: 'meeting/configured', date: null, timeZone: null });
    expect(cleared).toMatchObject({ meetingDate: null, timeZone: null, venue: 'Olympic Oval' });
    const renamed = after(moved, { type: 'meeting/renamed', name: 'World Cup 5, Calgary' });
    expect(renamed).toEqual({ ...moved, meeting: 'World Cup 5, Calgary', revision: 3 });
  });

  it.each([
    [{ date: '2026-02-30' }, 'date: a day of the calendar as YYYY-MM-DD, e.g. 2026-02-21'],
    [{ date: '21-02-2026' }, 'date: a day of the calendar as YYYY-MM-DD, e.g. 2026-02-21'],
    [{ date: 20260221 }, 'date: Invalid input: expected string, received number'],
    [{ timeZone: 'Europe/Milano' }, /^timeZone: an IANA time zone such as Europe\/Rome/],
    [{ timeZone: '+01:00' }, /^timeZone: an IANA time zone/],
    [{ timeZone: 'CEST' }, /^timeZone: an IANA time zone/],
    [{ name: '' }, /^name: /],
    [{ venue: 'x'.repeat(201) }, /^venue: /],
    [{ zone: 'Europe/Rome' }, /^zone: unknown field "zone"$/],
    [{ timezone: 'Europe/Rome' }, 'timezone: unknown field "timezone" (did you mean "timeZone"?)'],
  ])('refuses %j naming the field', (fields, error) => {
    expect(() => configured(fields)).toThrow(error);
  });

  it('knows a calendar day and a zone by the runtime’s own database', () => {
    expect(['2024-02-29', '2026-12-31'].every(isMeetingDay)).toBe(true);
    expect(['2025-02-29', '2026-13-01', '2026-2-21', ' 2026-02-21'].some(isMeetingDay)).toBe(false);
    expect(knownTimeZone('UTC')).toBe('UTC');
    expect(knownTimeZone('asia/seoul')).toBe('Asia/Seoul');
    expect(knownTimeZone('Mars/Olympus_Mons')).toBeNull();
  });
});

describe('the meeting in program.json', () => {
  it('an old program.json has the name alone: no venue, day or zone', () => {
    const old = JSON.parse(JSON.stringify(emptyProgram('WC Heerenveen'))) as Record<
      string,
      unknown
    >;
    delete old.venue;
    delete old.meetingDate;
    delete old.timeZone;
    expect(programFileSchema.parse(old)).toMatchObject({
      meeting: 'WC Heerenveen',
      venue: '',
      meetingDate: null,
      timeZone: null,
    });
  });

  it('a day or zone this runtime cannot read is left out, not refused (read leniently)', () => {
    const written = {
      ...JSON.parse(JSON.stringify(emptyProgram('WC'))),
      venue: 'Thialf',
      meetingDate: '2026-02-31',
      timeZone: 'Atlantis/Capital',
    } as unknown;
    expect(programFileSchema.parse(written)).toMatchObject({
      venue: 'Thialf',
      meetingDate: null,
      timeZone: null,
    });
  });
});
