/** The Outputs panel's words for the board's language, layout and own words (issue 18), spread into labels-en.ts. */
export const outputsEn = {
  'overlay.needs': 'What they need',
  'overlay.breakaway': 'Breakaway',
  'overlay.gap': 'Gap',
  boardLayout: 'Venue board layout',
  'boardLayout.far': 'Far: big type, pages of 8',
  'boardLayout.dense': 'Dense: everyone at once',
  boardWords: 'Board words',
  'boardWords.open': 'Board words…',
  'boardWords.help':
    'The meeting’s own word for any label of the board and the overlay. An empty field uses the word of the board language ({language}). {fields} fill in figures.',
  'boardWords.count': '{count} in the meeting’s own words',
  'boardWords.save': 'Save words',
  'boardWords.clear': 'Empty all',
  'boardWords.saved': 'Saved: the boards use these words now',
} as const;
