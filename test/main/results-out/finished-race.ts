// A real host with a meeting of two races: a finished, official semi-final with diacritics in
// the names (a DNF, a DQ, a lapped skater, times, a referee advance) and a final not started.
import type { RaceCommand, Skater } from '../../../src/shared/race/events.ts';
import { addRace, expectAccepted, openHost, type HostFixture } from '../../support/host-fixture.ts';

export const meetingName = 'Worlds Hamar — Vikingskipet';
/** The rest of the meeting's facts, set by meeting/configured (issue 19). */
export const meetingSet = { venue: 'Vikingskipet', date: '2026-03-07', timeZone: 'Europe/Oslo' };

export const semiSkaters: Skater[] = [
  { bib: 1, name: 'Metoděj Jílek', nation: 'CZE' },
  { bib: 2, name: 'Sander Bøkko', nation: 'NOR' },
  { bib: 3, name: 'Jorrit Bergsma', nation: 'NED' },
  { bib: 4, name: 'Jordan Stolz', nation: 'USA' },
  { bib: 5, name: 'Antoine Gélinas-Beaulieu', nation: 'CAN' },
  { bib: 6, name: 'Indra Médard', nation: 'BEL' },
  { bib: 7, name: 'Chung Jae-won', firstName: 'Jae-won', lastName: 'Chung', nation: 'KOR' },
  { bib: 8, name: 'Viktor Hald Thorup', nation: 'DEN' },
  { bib: 9, name: 'Livio Wenger', nation: 'SUI' },
  { bib: 10, name: 'Bart Swings', nation: 'BEL' },
];

/** The semi from the start to official, as an operator would send it. */
export const semiCommands: RaceCommand[] = [
  { type: 'race/started' },
  ...Array.from({ length: 4 }, (): RaceCommand => ({ type: 'lap/completed' })),
  { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 2] },
  ...Array.from({ length: 4 }, (): RaceCommand => ({ type: 'lap/completed' })),
  { type: 'sprint/placed', sprint: 2, bibs: [8, 10, 1] },
  { type: 'skater/statusChanged', bib: 6, status: 'DNF', laps: 9 },
  ...Array.from({ length: 4 }, (): RaceCommand => ({ type: 'lap/completed' })),
  { type: 'sprint/placed', sprint: 3, bibs: [3, 4, 1] },
  { type: 'skater/statusChanged', bib: 7, status: 'LAPPED', laps: 14 },
  ...Array.from({ length: 3 }, (): RaceCommand => ({ type: 'lap/completed' })),
  { type: 'finish/recorded', bibs: [1, 2, 5, 4, 3] },
  { type: 'finish/appended', bibs: [9, 8, 10, 7] },
  { type: 'finish/timed', bib: 1, time: 462_490 },
  { type: 'finish/timed', bib: 2, time: 462_610 },
  { type: 'skater/statusChanged', bib: 10, status: 'DQ' },
  { type: 'qualifier/advanced', bib: 7 },
  { type: 'results/confirmed' },
];

/**
 * Opens the host: "men-semi-1" official, "men-final" with a start list only; the meeting held at
 * Vikingskipet on 7 March 2026, in Oslo's zone.
 */
export async function finishedMeeting(
  prefix = 'export',
): Promise<HostFixture & { finalId: string }> {
  const fixture = await openHost({
    prefix,
    meeting: meetingName,
    race: { qualifiers: 4 },
    skaters: semiSkaters,
  });
  try {
    expectAccepted(
      await fixture.host.programCommand({ type: 'meeting/configured', ...meetingSet }, 'test'),
    );
    for (const command of semiCommands)
      expectAccepted(
        await fixture.host.submit({ kind: 'single', command }, 'test', fixture.raceId),
      );
    const finalId = await addRace(
      fixture.host,
      { title: 'Men Final', round: 'final', qualifiers: 0 },
      semiSkaters.slice(0, 4),
    );
    return { ...fixture, finalId };
  } catch (error) {
    await fixture.close();
    throw error;
  }
}
