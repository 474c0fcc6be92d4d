import type { Skater } from '../race/events.ts';

/**
 * A skater's name in the forms a board may print, longest first (issue 18): the name as the
 * start list gives it, then initial + FAMILY NAME, then FAMILY NAME. A layout takes the first
 * that fits without squeezing the type below ~85 % of its width (a squeezed name is unreadable
 * from the far stand). The family name is the start list's `lastName`, else the last word.
 */
export function nameForms(skater: Pick<Skater, 'name' | 'firstName' | 'lastName'>): string[] {
  const name = skater.name.trim();
  const words = name.split(/\s+/);
  const family = skater.lastName?.trim() || (words.length > 1 ? words.at(-1)! : '');
  const given = skater.firstName?.trim() || (words.length > 1 ? words.slice(0, -1).join(' ') : '');
  if (!family || !given) return [name];
  const initial = [...given][0]!.toLocaleUpperCase();
  const familyCaps = family.toLocaleUpperCase();
  return [name, `${initial}. ${familyCaps}`, familyCaps].filter(
    (form, index, forms) => forms.indexOf(form) === index,
  );
}
