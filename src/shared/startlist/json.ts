import { z } from 'zod';
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
  nation: text,
  country: text,
  transponder: text,
});

/** One entry: our own shape, or the ISU results service's { startNumber, competitor.skater }. */
const entrySchema = personSchema.extend({
  bib,
  startNumber: bib,
  skater: personSchema.nullish(),
  competitor: z.object({ skater: personSchema.nullish() }).nullish(),
});

/** Keys under which a JSON object may hold its list of skaters. */
const listKeys = ['skaters', 'startList', 'competitors'] as const;

/**
 * Reads a JSON start list: an array of skaters or { "skaters": [...] }, each with bib (or
 * startNumber), name or firstName + lastName, nation (or country); or ISU results-service
 * entries ({ startNumber, competitor: { skater: { firstName, lastName, country } } }).
 */
export function parseStartListJson(source: string): StartListResult {
  const body = source.replace(/^\uFEFF/, '');
  if (body.trim() === '')
    return failure(null, 'the file is empty: expected a JSON list of skaters');
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    const { line, column } = syntaxErrorPlace(body, error instanceof Error ? error.message : '');
    const place = line === null ? '' : `line ${line}, column ${column}: `;
    return failure(line, `${place}the file is not valid JSON`);
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
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) {
      for (const issue of entry.error.issues) problems.push(entryProblem(line, issue));
      return;
    }
    const { data } = entry;
    const person = data.competitor?.skater ?? data.skater ?? data;
    rows.push({
      line,
      bib: data.bib ?? data.startNumber ?? undefined,
      name: person.name ?? data.name ?? undefined,
      firstName: person.firstName ?? undefined,
      lastName: person.lastName ?? undefined,
      nation: person.nation ?? person.country ?? data.nation ?? data.country ?? undefined,
      transponder: data.transponder ?? person.transponder ?? undefined,
    });
  });
  return buildStartList(rows, 'entry', problems);
}

/** The list of entries: the document itself, or the list under a known key. */
function findEntries(document: unknown): unknown[] | undefined {
  if (Array.isArray(document)) return document;
  if (typeof document !== 'object' || document === null) return undefined;
  for (const key of listKeys) {
    const list: unknown = (document as Record<string, unknown>)[key];
    if (Array.isArray(list)) return list;
  }
  return undefined;
}

/** An operator's words for an entry that is not a skater object or holds a value of the wrong kind. */
function entryProblem(line: number, issue: z.core.$ZodIssue): StartListProblem {
  const path = issue.path.map(String).join('.');
  const field = String(issue.path.at(-1) ?? '');
  if (path === '')
    return { line, message: `entry ${line}: not a skater (expected an object with bib and name)` };
  const kind = field === 'bib' || field === 'startNumber' ? 'a number' : 'text';
  return { line, field, message: `entry ${line}: ${path} should be ${kind}` };
}

/**
 * Line and column of a JSON.parse error, from V8's message: "(line 3 column 5)", "at position
 * 42", the end of the file, or the context it quotes ('Unexpected token ']', ..."  },\n]"').
 */
function syntaxErrorPlace(body: string, message: string): { line: number | null; column: number } {
  const given = /\(line (\d+) column (\d+)\)/.exec(message);
  if (given) return { line: Number(given[1]), column: Number(given[2]) };
  const position = /at position (\d+)/.exec(message);
  if (position) return placeOf(body, Number(position[1]));
  if (/Unexpected end of JSON input/.test(message)) return placeOf(body, body.trimEnd().length);
  // V8 quotes ten characters before the unexpected token, then the token and what follows.
  const quoted = /^Unexpected token '(.+?)', \.\.\."([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(
    message,
  );
  const at = quoted?.[2] === undefined ? -1 : body.indexOf(quoted[2]);
  if (quoted && at >= 0 && body.startsWith(quoted[1] ?? '', at + 10)) return placeOf(body, at + 10);
  return { line: null, column: 0 };
}

/** 1-based line and column of a character offset. */
function placeOf(body: string, offset: number): { line: number; column: number } {
  const before = body.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** A result with one problem. */
function failure(line: number | null, message: string): StartListResult {
  return { ok: false, problems: [{ line, message }] };
}
