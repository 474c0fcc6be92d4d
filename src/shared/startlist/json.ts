import { z } from 'zod';
import { jsonErrorPlace } from './json-syntax.ts';
import {
  buildStartList,
  type SkaterRow,
  type StartListProblem,
  type StartListResult,
} from './result.ts';

const text = z.union([z.string(), z.number().transform(String)]).nullish();
const bib = z.union([z.number(), z.string()]).nullish();
const personSchema = z.object({
  name: text,
  firstName: text,
  lastName: text,
  // ODF's words for the same parts (issue 19).
  givenName: text,
  familyName: text,
  nation: text,
  country: text,
  transponder: text,
  nameOrder: text,
});

/** One entry: our own shape, or the ISU results service's { startNumber, competitor.skater }. */
const entrySchema = personSchema.extend({
  bib,
  startNumber: bib,
  skater: personSchema.nullish(),
  competitor: z.object({ skater: personSchema.nullish() }).nullish(),
});

type Entry = z.output<typeof entrySchema>;
type Tree = Record<PropertyKey, unknown>;

/** Keys under which a JSON object may hold its list of skaters. */
const listKeys = ['skaters', 'startList', 'competitors'] as const;

/**
 * Reads a JSON start list: an array of skaters or { "skaters": [...] }, each with bib (or
 * startNumber), name or firstName + lastName (or givenName + familyName), nation (or country),
 * optional nameOrder; or ISU results-service entries ({ startNumber, competitor: { skater: {
 * firstName, lastName, country } } }), whose firstName is the given name whatever the order.
 */
export function parseStartListJson(source: string): StartListResult {
  const body = source.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    return failure(null, 'the file is empty: expected a JSON list of skaters');
  }
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    const place = jsonErrorPlace(body, error instanceof Error ? error.message : '');
    if (place === null) return failure(null, 'the file is not valid JSON');
    return failure(
      place.line,
      `line ${place.line}, column ${place.column}: the file is not valid JSON`,
    );
  }
  const entries = findEntries(document);
  if (entries === undefined) {
    return failure(
      null,
      'the file holds no start list: expected a list of skaters, or an object with a "skaters" list',
    );
  }
  const problems: StartListProblem[] = [];
  const rows: SkaterRow[] = [];
  entries.forEach((raw, index) => {
    const line = index + 1;
    const data = readEntry(raw, line, problems);
    if (data === undefined) return;
    const person = data.competitor?.skater ?? data.skater ?? data;
    rows.push({
      line,
      bib: data.bib ?? data.startNumber ?? undefined,
      name: person.name ?? data.name ?? undefined,
      firstName: person.firstName ?? person.givenName ?? undefined,
      lastName: person.lastName ?? person.familyName ?? undefined,
      nation: person.nation ?? person.country ?? data.nation ?? data.country ?? undefined,
      transponder: data.transponder ?? person.transponder ?? undefined,
      nameOrder: person.nameOrder ?? data.nameOrder ?? undefined,
    });
  });
  return buildStartList(rows, 'entry', problems);
}

/** The list of entries: the document itself, or the list under a known key. */
function findEntries(document: unknown): unknown[] | undefined {
  const list = (value: unknown): unknown[] | undefined =>
    Array.isArray(value) ? (value as unknown[]) : undefined;
  if (typeof document !== 'object' || document === null) return undefined;
  const wrapper = document as Tree;
  return list(document) ?? listKeys.map((key) => list(wrapper[key])).find(Boolean);
}

/** Parses one entry; values of the wrong kind are reported and left out, so the rest is checked. */
function readEntry(raw: unknown, line: number, problems: StartListProblem[]): Entry | undefined {
  const entry = entrySchema.safeParse(raw);
  if (entry.success) return entry.data;
  problems.push(...entry.error.issues.map((issue) => entryProblem(line, issue)));
  const paths = entry.error.issues.map((issue) => issue.path);
  const fatal = (path: PropertyKey[]): boolean =>
    path.length === 0 || path.includes('bib') || path.includes('startNumber');
  if (paths.some(fatal)) return undefined;
  const rest = entrySchema.safeParse(withoutValuesAt(raw, paths));
  return rest.success ? rest.data : undefined;
}

/** A copy of a JSON value with the values at `paths` removed. */
function withoutValuesAt(raw: unknown, paths: PropertyKey[][]): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(raw));
  for (const path of paths) {
    const parent = path.slice(0, -1).reduce((node, key) => (node as Tree)[key], copy);
    const key = path.at(-1);
    if (typeof parent === 'object' && parent !== null && key !== undefined) {
      delete (parent as Tree)[key];
    }
  }
  return copy;
}

/** An operator's words for an entry that is not a skater object or holds a value of the wrong kind. */
function entryProblem(line: number, issue: z.core.$ZodIssue): StartListProblem {
  const path = issue.path.map(String).join('.');
  const field = String(issue.path.at(-1) ?? '');
  if (path === '') {
    return { line, message: `entry ${line}: not a skater (expected an object with bib and name)` };
  }
  const kind = field === 'bib' || field === 'startNumber' ? 'a number' : 'text';
  return { line, field, message: `entry ${line}: ${path} should be ${kind}` };
}

/** A result with one problem. */
function failure(line: number | null, message: string): StartListResult {
  return { ok: false, problems: [{ line, message }] };
}
