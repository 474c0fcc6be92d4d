/** The words for a skater's name parts and their order (issue 19, part 2), spread into labels-en.ts. */
export const namesEn = {
  'names.given': 'Given name',
  'names.family': 'Family name',
  'names.order': 'Name order',
  'names.order.given-first': 'Given name first',
  'names.order.family-first': 'Family name first',
  'names.noFamily': 'No family name: the board shows the whole name',
} as const;
