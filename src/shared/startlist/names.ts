import type { NameOrder } from '../race/events.ts';
import { composeName } from '../race/skater-name.ts';

// How the import reads a name as federations write it (issue 19, part 2; docs/mass-start-rules.md,
// "Names"). Given and family name come from their own columns (fields), or from one name in the
// official style, where the family name is in capitals ("CHUNG Jae-won", "HALD THORUP Viktor").
// A name in plain case is kept whole: which of its words is the family name cannot be told
// ("Chung Jae-won" and "Viktor Hald Thorup" both defeat a split at a space), so none is guessed.

/** A row's names once cleaned: each may be absent. */
export type RowNames = { name?: string; firstName?: string; lastName?: string };

/** A skater's name fields as the import stores them. */
export type ReadNames = {
  name: string;
  firstName?: string;
  lastName?: string;
  nameOrder?: NameOrder;
};

/** Words of a family name kept in lower case when cased from capitals: "VAN DER POEL" is "van der Poel". */
const particles: ReadonlySet<string> = new Set([
  ...['van', 'von', 'vom', 'zu', 'der', 'den', 'de', 'del', 'het', "'t", 'ter', 'ten', 'te'],
  ...['da', 'das', 'do', 'dos', 'du'],
]);

/** Whether a word is written in capitals: two letters or more, none of them lower case. */
function inCapitals(word: string): boolean {
  const letters = word.match(/\p{L}/gu) ?? [];
  return letters.length >= 2 && !/\p{Ll}/u.test(word) && /\p{Lu}/u.test(word);
}

/**
 * A name part written in capitals as the sports press writes it ("GÉLINAS-BEAULIEU" is
 * "Gélinas-Beaulieu", "O'BRIEN" "O'Brien", "HALD THORUP" "Hald Thorup"); any other text as it
 * is. The capitals of an official list mark the family name: they are not its spelling. A
 * syllable after a hyphen stays lower case in a given name written family first ("JAE-WON" is
 * "Jae-won", as Korean names are romanized). Inner capitals cannot be told ("MCDONALD" becomes
 * "Mcdonald"): the operator corrects such a name in the console.
 */
export function caseFromCapitals(
  text: string,
  { hyphenated = 'capital' }: { hyphenated?: 'capital' | 'lower' } = {},
): string {
  const words = text.split(' ');
  if (!words.every(inCapitals)) return text;
  const start = hyphenated === 'capital' ? /(^|[-'’])(\p{L})/gu : /(^|['’])(\p{L})/gu;
  return words
    .map((word) => word.toLowerCase())
    .map((word, index) =>
      index < words.length - 1 && particles.has(word)
        ? word
        : word.replace(start, (_, before: string, letter: string) => before + letter.toUpperCase()),
    )
    .join(' ');
}

/**
 * Given and family name of a name in the official style: the words in capitals, all together
 * at its start or its end, are the family name ("CHUNG Jae-won", "HALD THORUP Viktor", "Jorrit
 * BERGSMA"); undefined for a name without them, or all in capitals.
 */
export function officialStyleParts(name: string): { given: string; family: string } | undefined {
  const words = name.split(' ');
  const capitals = words.map(inCapitals);
  const first = capitals.indexOf(true);
  const last = capitals.lastIndexOf(true);
  if (first < 0 || capitals.slice(first, last + 1).includes(false)) return undefined;
  if (first > 0 && last < words.length - 1) return undefined;
  const family = words.slice(first, last + 1).join(' ');
  const given = [...words.slice(0, first), ...words.slice(last + 1)].join(' ');
  return given ? { given, family } : undefined;
}

/** What is left of `name` once `part` is taken from its start or end, or undefined. */
function rest(name: string, part: string): string | undefined {
  const [lowerName, lowerPart] = [name.toLowerCase(), part.toLowerCase()];
  if (lowerName.startsWith(`${lowerPart} `)) return name.slice(part.length + 1);
  if (lowerName.endsWith(` ${lowerPart}`)) return name.slice(0, -part.length - 1);
  return undefined;
}

/**
 * A row's name fields: given and family name from their columns, else from the name column in
 * the official style, else (one column given) from what the name column has besides it; the
 * name as shown follows from both parts and the order. Without a family name the name is kept
 * as written, with the parts that are known and no order.
 */
export function readNames(row: RowNames, order: NameOrder): ReadNames | undefined {
  const hyphenated = order === 'family-first' ? 'lower' : 'capital';
  let given =
    row.firstName === undefined ? undefined : caseFromCapitals(row.firstName, { hyphenated });
  let family = row.lastName === undefined ? undefined : caseFromCapitals(row.lastName);
  const whole = row.name;
  if (whole !== undefined && (given === undefined || family === undefined)) {
    const official = officialStyleParts(whole);
    if (official !== undefined) {
      given ??= caseFromCapitals(official.given, { hyphenated });
      family ??= caseFromCapitals(official.family);
    } else if (family !== undefined) given = rest(whole, family);
    else if (given !== undefined) family = rest(whole, given);
  }
  const parts = {
    ...(given === undefined ? {} : { firstName: given }),
    ...(family === undefined ? {} : { lastName: family }),
  };
  if (given !== undefined && family !== undefined) {
    return { name: composeName(given, family, order), ...parts, nameOrder: order };
  }
  const name = whole ?? given ?? family;
  return name === undefined ? undefined : { name, ...parts };
}

/** How a start list may say a name's order, reduced as headers are ("Family first" = familyfirst). */
const orderWords: Readonly<Record<string, NameOrder>> = {
  familyfirst: 'family-first',
  family: 'family-first',
  surnamefirst: 'family-first',
  lastnamefirst: 'family-first',
  achternaameerst: 'family-first',
  familienaameerst: 'family-first',
  givenfirst: 'given-first',
  given: 'given-first',
  firstnamefirst: 'given-first',
  voornaameerst: 'given-first',
};

/**
 * A name order as a start list writes it ("family-first", "Given first", "achternaam eerst"):
 * the order, undefined when blank, or null when it is none of them.
 */
export function readNameOrder(text: string | undefined): NameOrder | undefined | null {
  const key = (text ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return undefined;
  return orderWords[key] ?? null;
}
