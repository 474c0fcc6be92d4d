import type { NameOrder, Skater } from './events.ts';

// A skater's name as data (issue 19, part 2): the given and family name as the start list gives
// them and the order they are written in. Every form a board, a sheet or a feed prints follows
// from these; none is ever guessed by splitting the name at a space ("Chung Jae-won" is not
// given name "Chung"; "Viktor Hald Thorup" is not family name "Thorup").

/** The name fields the names' rules read. */
export type SkaterNames = Pick<Skater, 'name' | 'firstName' | 'lastName' | 'nameOrder'>;

/**
 * Nations whose skaters' names the sports press writes family name first (docs/mass-start-rules.md,
 * "Names": Chinese and Korean names): China, Chinese Taipei, Korea, DPR Korea. Hong Kong and
 * Macau are given name first: most of their people go by an English given name written first
 * ("Sidney Chu"); the operator sets family-first for one who does not.
 */
export const familyFirstNations: ReadonlySet<string> = new Set(['CHN', 'TPE', 'KOR', 'PRK']);

/** The order a start list's name takes when it does not say: by the skater's nation. */
export function defaultNameOrder(nation: string): NameOrder {
  return familyFirstNations.has(nation.trim().toUpperCase()) ? 'family-first' : 'given-first';
}

/** The order a skater's name is written in: as stored, else given name first (older journals). */
export function nameOrderOf(skater: Pick<Skater, 'nameOrder'>): NameOrder {
  return skater.nameOrder ?? 'given-first';
}

/** The name as shown, from its parts in their order: "Jorrit Bergsma", "Chung Jae-won". */
export function composeName(given: string, family: string, order: NameOrder): string {
  return order === 'family-first' ? `${family} ${given}` : `${given} ${family}`;
}

/** The given name as the start list gives it; '' when it gave none (never split from the name). */
export function givenNameOf(skater: Pick<Skater, 'firstName'>): string {
  return skater.firstName?.trim() ?? '';
}

/** The family name as the start list gives it; '' when it gave none (never split from the name). */
export function familyNameOf(skater: Pick<Skater, 'lastName'>): string {
  return skater.lastName?.trim() ?? '';
}

/** Capitals as every machine writes them (no host locale in a printed name). */
const capitals = (text: string): string => text.toUpperCase();

/** The family name in capitals ("HALD THORUP"), or null when the start list gave none. */
export function familyCapitals(skater: SkaterNames): string | null {
  const family = familyNameOf(skater);
  return family ? capitals(family) : null;
}

/**
 * Initial and family name as a board prints it when the whole name does not fit: "J. BERGSMA",
 * and for a name written family first "CHUNG J." (the family name stays first, as the official
 * print form "ROBLES D" has it); null without both parts.
 */
export function initialName(skater: SkaterNames): string | null {
  const given = givenNameOf(skater);
  const family = familyCapitals(skater);
  if (!given || family === null) return null;
  // The first letter with its accents, whether the text is composed or not ("É", "E\u0301").
  const initial = `${capitals(/^\P{M}\p{M}*/u.exec(given)![0])}.`;
  return nameOrderOf(skater) === 'family-first' ? `${family} ${initial}` : `${initial} ${family}`;
}

/**
 * The name in the official style of results sheets: family name in capitals first, then the
 * given name ("BERGSMA Jorrit", "CHUNG Jae-won", "HALD THORUP Viktor"); the whole name as
 * shown when the start list did not give both parts.
 */
export function printName(skater: SkaterNames): string {
  const given = givenNameOf(skater);
  const family = familyCapitals(skater);
  return given && family !== null ? `${family} ${given}` : skater.name.trim();
}

/** The name fields an edit may change. */
type NameEdit = Partial<Pick<Skater, 'name' | 'firstName' | 'lastName' | 'nameOrder'>>;

/**
 * A skater after an edit of its name parts or order that does not give the name itself: the
 * name follows from the parts, for a skater whose order is known (an import or the console set
 * it). A skater of an older journal has no order, so its edits replay as they always did.
 */
export function withNameFromParts<T extends SkaterNames>(skater: T, edit: NameEdit): T {
  const partsEdited =
    edit.firstName !== undefined || edit.lastName !== undefined || edit.nameOrder !== undefined;
  if (edit.name !== undefined || !partsEdited || skater.nameOrder === undefined) return skater;
  const given = givenNameOf(skater);
  const family = familyNameOf(skater);
  if (!given || !family) return skater;
  return { ...skater, name: composeName(given, family, skater.nameOrder) };
}
