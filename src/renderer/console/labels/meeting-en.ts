/** The Program tab's meeting form (issue 19): its words, spread into labels-en.ts. */
export const meetingEn = {
  'meeting.name': 'Name',
  'meeting.venue': 'Venue',
  'meeting.venueFromName': 'from the name: {venue}',
  'meeting.date': 'Day (YYYY-MM-DD)',
  'meeting.timeZone': 'Time zone',
  'meeting.hostZone': 'the host’s own',
  'meeting.help':
    'The results sheet, the exports and the feeds print this day and venue, and every time in this zone (an IANA name such as Europe/Rome).',
  'meeting.save': 'Save the meeting',
  'meeting.saved': 'Saved: the results sheet, the exports and the feeds print it now',
  'meeting.unchanged': 'Nothing to save: no field was changed',
} as const;
