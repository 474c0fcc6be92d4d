/** The start-list fields a CSV header can name. */
export type StartListColumn =
  'bib' | 'name' | 'firstName' | 'infix' | 'lastName' | 'nation' | 'transponder' | 'nameOrder';

/** Header names each field accepts, in English and Dutch, as an operator would write them. */
export const columnNames: Record<StartListColumn, readonly string[]> = {
  bib: [
    'bib',
    'number',
    'no',
    'nr',
    '#',
    'helmet',
    'helmet number',
    'start number',
    'startnummer',
    'rugnummer',
    'helm',
  ],
  name: ['name', 'naam', 'full name', 'volledige naam'],
  firstName: ['first name', 'given name', 'voornaam'],
  // Dutch lists split "Van der Poel" into tussenvoegsel + achternaam.
  infix: ['tussenvoegsel', 'infix'],
  lastName: ['last name', 'surname', 'family name', 'achternaam'],
  nation: ['nation', 'nationality', 'country', 'noc', 'ioc', 'nat', 'nationaliteit', 'land'],
  transponder: ['transponder', 'transponder code', 'chip', 'chip code', 'transpondercode'],
  // family-first or given-first (issue 19); blank: by nation (src/shared/race/skater-name.ts).
  nameOrder: ['name order', 'naamvolgorde'],
};

/** A header name reduced for comparison: no case, accents, spaces or punctuation ("Nr." = "nr"). */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9#]/g, '');
}

const columnOfKey = new Map<string, StartListColumn>(
  Object.entries(columnNames).flatMap(([column, names]) =>
    names.map((name) => [headerKey(name), column as StartListColumn] as const),
  ),
);

/** Which field each header names (first match wins); unknown headers are left out. */
export function findColumns(headers: readonly string[]): Partial<Record<StartListColumn, number>> {
  const found: Partial<Record<StartListColumn, number>> = {};
  headers.forEach((header, index) => {
    const column = columnOfKey.get(headerKey(header));
    if (column !== undefined && found[column] === undefined) found[column] = index;
  });
  return found;
}
