import type { outputsEn } from './outputs-en.ts';

/** The Outputs panel's words for the board's language, layout and own words in Dutch (issue 18), spread into labels-nl.ts. */
export const outputsNl: Record<keyof typeof outputsEn, string> = {
  'overlay.needs': 'Wat ze nodig hebben',
  'overlay.breakaway': 'Ontsnapping',
  'overlay.gap': 'Verschil',
  boardLayout: 'Indeling van het stadionbord',
  'boardLayout.far': 'Veraf: grote letters, pagina’s van 8',
  'boardLayout.dense': 'Compact: iedereen tegelijk',
  boardWords: 'Woorden op het bord',
  'boardWords.open': 'Woorden op het bord…',
  'boardWords.help':
    'Het eigen woord van de wedstrijd voor elk label van het bord en de overlay. Een leeg veld gebruikt het woord van de taal van het bord ({language}). {fields} vullen cijfers in.',
  'boardWords.count': '{count} in eigen woorden van de wedstrijd',
  'boardWords.save': 'Woorden opslaan',
  'boardWords.clear': 'Alles leegmaken',
  'boardWords.saved': 'Opgeslagen: de borden gebruiken deze woorden nu',
};
