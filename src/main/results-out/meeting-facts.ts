/**
 * The meeting's facts as the results outputs print them (issue 19), from the program: where the
 * meeting sets no zone, the host's own (the one place outside the core that asks the machine).
 */
import {
  meetingFactsOf,
  type MeetingFacts,
  type MeetingFields,
} from '../../shared/results/meeting-facts.ts';

/** The IANA zone this machine runs in (TZ, or the system's). */
export function hostTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const made = new WeakMap<MeetingFields, MeetingFacts>();

/**
 * The facts of a program (program.json or the ProgramView); made once per program object, so an
 * output that keeps what it made per meeting can compare them by identity.
 */
export function meetingFacts(program: MeetingFields): MeetingFacts {
  let facts = made.get(program);
  if (!facts) made.set(program, (facts = meetingFactsOf(program, hostTimeZone())));
  return facts;
}

/** The facts of no meeting (a race sheet read alone): no name, venue or day; the host's zone. */
export function noMeeting(): MeetingFacts {
  return meetingFactsOf(
    { meeting: '', venue: '', meetingDate: null, timeZone: null },
    hostTimeZone(),
  );
}
