import type { Skater } from '../race/events.ts';
import { familyCapitals, initialName } from '../race/skater-name.ts';

/**
 * A skater's name in the forms a board may print, longest first (issue 18): the name as shown,
 * then initial + FAMILY NAME ("J. BERGSMA"; "CHUNG J." for a name written family first), then
 * FAMILY NAME. A layout takes the first that fits without squeezing the type below ~85 % of its
 * width (a squeezed name is unreadable from the far stand). The short forms come from the start
 * list's given and family name and the name's order (src/shared/race/skater-name.ts), never
 * from splitting the name (issue 19, part 2): without a family name the board has the whole
 * name only.
 */
export function nameForms(
  skater: Pick<Skater, 'name' | 'firstName' | 'lastName' | 'nameOrder'>,
): string[] {
  const forms = [skater.name.trim(), initialName(skater), familyCapitals(skater)];
  return forms.filter(
    (form, index): form is string => form !== null && forms.indexOf(form) === index,
  );
}
