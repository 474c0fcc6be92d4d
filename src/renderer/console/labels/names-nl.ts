import type { namesEn } from './names-en.ts';

/** The words for a skater's name parts and their order in Dutch (issue 19, part 2), spread into labels-nl.ts. */
export const namesNl: Record<keyof typeof namesEn, string> = {
  'names.given': 'Voornaam',
  'names.family': 'Achternaam',
  'names.order': 'Volgorde',
  'names.order.given-first': 'Voornaam eerst',
  'names.order.family-first': 'Achternaam eerst',
  'names.noFamily': 'Geen achternaam: het bord toont de hele naam',
};
