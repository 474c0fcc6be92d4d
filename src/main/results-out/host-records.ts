/** A running host's races and meeting as the results outputs read them. */
import type { MeetingRecord } from '../../shared/export/meeting.ts';
import type { RaceRecord } from '../../shared/export/results-document.ts';
import type { RaceHost } from '../host/host.ts';
import { meetingFacts } from './meeting-facts.ts';

/** A race of a running host as the exports read it; null when it is not in the program. */
export function hostRaceRecord(host: RaceHost, raceId: string): RaceRecord | null {
  const view = host.race(raceId);
  const journal = host.journal(raceId);
  if (!view || !journal) return null;
  const category = host.program().races.find((race) => race.id === raceId)?.category ?? '';
  return { id: raceId, category, state: view.state, journal: journal.entries };
}

/** The meeting of a running host, in program order. */
export function hostMeetingRecord(host: RaceHost): MeetingRecord {
  const program = host.program();
  return {
    meeting: meetingFacts(program),
    races: program.races.flatMap((race) => {
      const record = hostRaceRecord(host, race.id);
      return record ? [record] : [];
    }),
  };
}
