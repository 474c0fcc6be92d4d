import type { SkaterNames } from '../../../shared/race/skater-name.ts';
import {
  composeName,
  familyNameOf,
  givenNameOf,
  nameOrderOf,
} from '../../../shared/race/skater-name.ts';

/**
 * A skater's name as shown, its family name in bold: the part the board's short forms and the
 * results sheet's capitals take (issue 19). A name without a family name has nothing in bold.
 */
export function SkaterName({ skater }: { skater: SkaterNames }) {
  const given = givenNameOf(skater);
  const family = familyNameOf(skater);
  const order = nameOrderOf(skater);
  if (!given || !family || skater.name.trim() !== composeName(given, family, order))
    return <>{skater.name}</>;
  const familyPart = <b className="family">{family}</b>;
  return order === 'family-first' ? (
    <>
      {familyPart} {given}
    </>
  ) : (
    <>
      {given} {familyPart}
    </>
  );
}
