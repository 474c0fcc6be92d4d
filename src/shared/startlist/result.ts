import { bibSchema, nationSchema, skaterSchema, type Skater } from '../race/events.ts';
import { defaultNameOrder } from '../race/skater-name.ts';
import { cleanName, controlCharactersIn } from '../text.ts';
import { readNameOrder, readNames } from './names.ts';

/**
 * One thing wrong with a start-list file. `line` is the 1-based line in a CSV file (header =
 * line 1), the 1-based entry in a JSON list (or the file line of a JSON syntax error), or null
 * when the problem is the file as a whole. The message already names the place.
 */
export type StartListProblem = { line: number | null; field?: string; message: string };

/**
 * Outcome of reading a start list: every skater, or every problem found. `warnings` (same shape
 * as a problem) says what the import changed or could not tell, one line per skater: control
 * characters taken out of a name (issue 17), a name without a family name (issue 19).
 */
export type StartListResult =
  | { ok: true; skaters: Skater[]; warnings: StartListProblem[] }
  | { ok: false; problems: StartListProblem[] };

/** One skater as read from a file, before validation: raw values and where they came from. */
export type SkaterRow = {
  line: number;
  bib?: string | number;
  name?: string;
  firstName?: string;
  lastName?: string;
  nation?: string;
  transponder?: string;
  /** "family-first" or "given-first" (and the ways a list may write them); blank: by nation. */
  nameOrder?: string;
};

/** How a file counts its skaters in messages: CSV by line, JSON by entry. */
export type RowUnit = 'line' | 'entry';

/** The `startList/set` event takes at most this many skaters (src/shared/race/events.ts). */
const MAX_SKATERS = 200;

/** Validates rows into skaters; reports every problem (plus `earlier` ones), ordered by line. */
export function buildStartList(
  rows: SkaterRow[],
  unit: RowUnit,
  earlier: StartListProblem[] = [],
): StartListResult {
  const problems = [...earlier];
  const warnings: StartListProblem[] = [];
  const skaters: Skater[] = [];
  const bibLines = new Map<number, number>();
  const transponderLines = new Map<string, number>();
  for (const row of rows) {
    const count = problems.length;
    const report = (field: string, message: string): void => {
      problems.push({ line: row.line, field, message: `${unit} ${row.line}: ${message}` });
    };
    const bib = readBib(row.bib);
    if (typeof bib === 'string') report('bib', bib);
    else {
      const usedOn = bibLines.get(bib);
      if (usedOn === undefined) bibLines.set(bib, row.line);
      else report('bib', `helmet number ${bib} is already used on ${unit} ${usedOn}`);
    }
    const nation = nationSchema.safeParse(row.nation ?? '');
    const order = readNameOrder(row.nameOrder);
    const names = readNames(
      {
        name: cleanText(row.name, cleanName),
        firstName: cleanText(row.firstName, cleanName),
        lastName: cleanText(row.lastName, cleanName),
      },
      order ?? defaultNameOrder(nation.data ?? ''),
    );
    if (names === undefined) report('name', 'name is missing');
    if (order === null) {
      const written = cleanText(row.nameOrder);
      report('nameOrder', `name order "${written}" is not family-first or given-first`);
    }
    if (!nation.success) {
      report(
        'nation',
        `nation "${cleanText(row.nation)}" is not a three-letter IOC code such as NED`,
      );
    }
    const transponder = cleanText(row.transponder);
    if (transponder !== undefined) {
      const usedOn = transponderLines.get(transponder);
      if (usedOn === undefined) transponderLines.set(transponder, row.line);
      else report('transponder', `transponder ${transponder} is already used on ${unit} ${usedOn}`);
    }
    if (problems.length > count || names === undefined) continue;
    const removed = removedFromNames(row);
    const warn = (message: string): void => {
      warnings.push({ line: row.line, field: 'name', message: `${unit} ${row.line}: ${message}` });
    };
    if (removed !== null) warn(`#${bib as number} ${removed}`);
    if (names.lastName === undefined) {
      warn(`#${bib as number} ${names.name}: no family name: the board shows the whole name`);
    }
    const { nameOrder, ...parts } = names;
    const skater = skaterSchema.safeParse({
      bib,
      ...parts,
      nation: nation.data,
      ...(transponder === undefined ? {} : { transponder }),
      ...(nameOrder === undefined ? {} : { nameOrder }),
    });
    if (skater.success) skaters.push(skater.data);
    else
      for (const issue of skater.error.issues) report(String(issue.path[0] ?? ''), issue.message);
  }
  if (rows.length === 0 && earlier.length === 0) {
    problems.push({ line: null, message: 'the file lists no skaters' });
  }
  if (rows.length > MAX_SKATERS) {
    const message = `the file lists ${rows.length} skaters; a race takes at most ${MAX_SKATERS}`;
    problems.push({ line: null, message });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort(byLine) };
  return { ok: true, skaters, warnings: [...familyNameHint(skaters), ...warnings] };
}

/**
 * One line for the whole file when skaters have no family name: how a start list gives one
 * (README, "Start lists").
 */
function familyNameHint(skaters: readonly Skater[]): StartListProblem[] {
  const count = skaters.filter((skater) => skater.lastName === undefined).length;
  if (count === 0) return [];
  const skatersHave = count === 1 ? '1 skater has' : `${count} skaters have`;
  const message = `${skatersHave} no family name: give first name and last name columns, or write the family name in capitals ("BERGSMA Jorrit", "CHUNG Jae-won")`;
  return [{ line: null, field: 'name', message }];
}

/** The name fields of a row, as an operator calls them. */
const nameFields = [
  ['name', 'name'],
  ['firstName', 'first name'],
  ['lastName', 'last name'],
] as const;

/**
 * What cleaning took out of a row's names, as the warning line says it ("name: removed 2
 * control characters (U+202E, U+202C)"), or null when the names were clean.
 */
function removedFromNames(row: SkaterRow): string | null {
  const found = nameFields
    .map(([field, words]) => ({ words, characters: controlCharactersIn(row[field] ?? '') }))
    .filter(({ characters }) => characters.length > 0);
  if (found.length === 0) return null;
  const characters = found.flatMap(({ characters }) => characters);
  const count = `${characters.length} control character${characters.length === 1 ? '' : 's'}`;
  const fields = found.map(({ words }) => words).join(', ');
  return `${fields}: removed ${count} (${[...new Set(characters)].join(', ')})`;
}

/** Reads a helmet number from text or a JSON number; otherwise says why it is not one. */
function readBib(value: string | number | undefined): number | string {
  const text = typeof value === 'number' ? String(value) : value?.trim();
  if (!text) return 'helmet number is missing';
  if (typeof value === 'string' && !/^\d+$/.test(text)) {
    return `helmet number "${text}" is not a number`;
  }
  const bib = Number(text);
  if (!Number.isInteger(bib)) return `helmet number ${text} is not a whole number`;
  if (!bibSchema.safeParse(bib).success) return `helmet number ${bib} is out of range (1 to 999)`;
  return bib;
}

/** Trimmed (or, for a name, cleaned) text, or undefined when there is none. */
function cleanText(
  value: string | undefined,
  clean: (text: string) => string = (text) => text.trim(),
): string | undefined {
  const text = value === undefined ? undefined : clean(value);
  return text ? text : undefined;
}

/** Whole-file problems first, then by line; stable, so a line's problems keep their order. */
function byLine(a: StartListProblem, b: StartListProblem): number {
  return (a.line ?? 0) - (b.line ?? 0);
}
