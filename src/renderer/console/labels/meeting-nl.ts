import type { meetingEn } from './meeting-en.ts';

/** The Program tab's meeting form (issue 19) in Dutch, spread into labels-nl.ts. */
export const meetingNl: Record<keyof typeof meetingEn, string> = {
  'meeting.name': 'Naam',
  'meeting.venue': 'Locatie',
  'meeting.venueFromName': 'uit de naam: {venue}',
  'meeting.date': 'Dag (JJJJ-MM-DD)',
  'meeting.timeZone': 'Tijdzone',
  'meeting.hostZone': 'die van de host',
  'meeting.help':
    'De uitslagenlijst, de exports en de feeds drukken deze dag en locatie af, en elke tijd in deze zone (een IANA-naam zoals Europe/Amsterdam).',
  'meeting.save': 'Wedstrijd opslaan',
  'meeting.saved': 'Opgeslagen: de uitslagenlijst, de exports en de feeds drukken het nu af',
  'meeting.unchanged': 'Niets op te slaan: er is geen veld gewijzigd',
};
