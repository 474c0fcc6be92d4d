import type { entryEn } from './entry-en.ts';

/** Every entry read back (issue 19, part 3) in Dutch, spread into labels-nl.ts. */
export const entryNl: Record<keyof typeof entryEn, string> = {
  'entry.time': 'finishtijd',
  'problem.notFinished': '#{bib} is niet gefinisht: voer eerst de finishvolgorde in',
  'undo.lapsWould': 'het bord zou {after} ronden te gaan tonen (het toont {before})',
  'undo.lapsShown': 'het bord toont {after} ronden te gaan (het toonde {before})',
  'col.time': 'Tijd',
  'key.sprintCorrect':
    'Een eerdere sprint corrigeren, ook na de finish: S haalt de laatste sprint met zijn plaatsen in de regel, ↑ de sprint ervoor (sprint 2); overtypen en Enter',
};
