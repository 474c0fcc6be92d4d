import { z } from 'zod';

/**
 * Fields a schema does not know (issue 17). What a client sends is strict: a typo such as
 * `"lap": 9` for `"laps"` is refused with the field named, never acked without it. What the
 * host wrote itself (journals, program.json) is read leniently, so a file never becomes
 * unreadable over a key another version wrote.
 */

/** Keys that would reach an object's prototype if a value were ever merged: refused anywhere. */
const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A key as an error shows it: quoted, and cut short when a client sent a very long one. */
const quoted = (key: string): string =>
  JSON.stringify(key.length > 100 ? `${key.slice(0, 100)}…` : key);

/** Edit distance (insertions, deletions, substitutions) between two short field names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The known field an unknown one was probably meant to be: the nearest within two edits
 * (ignoring case; fewer edits than the key has letters, so "x" suggests nothing), or one that
 * starts with it or that it starts with (lap → laps, transponderCode → transponder); null when
 * none is close.
 */
export function closestField(key: string, known: readonly string[]): string | null {
  const typed = key.toLowerCase();
  if (typed.length > 100) return null;
  let best: { field: string; distance: number } | null = null;
  for (const field of known) {
    const name = field.toLowerCase();
    const prefix =
      Math.min(typed.length, name.length) >= 3 &&
      (name.startsWith(typed) || typed.startsWith(name));
    const distance = editDistance(typed, name);
    const close = prefix || (distance <= 2 && distance < typed.length);
    if (close && (best === null || distance < best.distance)) best = { field, distance };
  }
  return best?.field ?? null;
}

/** `unknown field "lap" (did you mean "laps"?)`, for each key an object does not know. */
export function unknownFieldsMessage(keys: readonly string[], known: readonly string[]): string {
  const named = keys.map((key) => {
    const suggestion = closestField(key, known);
    return suggestion === null
      ? quoted(key)
      : `${quoted(key)} (did you mean ${quoted(suggestion)}?)`;
  });
  return `unknown field${keys.length === 1 ? '' : 's'} ${named.join(', ')}`;
}

/** The error of a strict object: unknown keys in the issue's words, with the object's own keys. */
const unknownFieldsError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'unrecognized_keys') return undefined;
  // The issue carries the object schema that raised it: after .extend() or .partial() too.
  const known = issue.inst instanceof z.ZodObject ? Object.keys(issue.inst.shape) : [];
  return unknownFieldsMessage(issue.keys, known);
};

/**
 * An object schema that refuses keys it does not know, naming each ("unknown field "lap"
 * (did you mean "laps"?)"). For everything a client sends; readers of the host's own files
 * wrap theirs in leavingOutUnknownFields.
 */
export function strictObject<const Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
): z.ZodObject<Shape, z.core.$strict> {
  return z.strictObject(shape, { error: unknownFieldsError });
}

/** A copy of `value` without `keys` in the object at `path` (copied along the path only). */
function withoutKeys(
  value: unknown,
  path: readonly PropertyKey[],
  keys: readonly string[],
): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...value }) as Record<
    PropertyKey,
    unknown
  >;
  const [head, ...rest] = path;
  if (head === undefined) for (const key of keys) delete copy[key];
  else copy[head] = withoutKeys(copy[head], rest, keys);
  return copy;
}

/**
 * `schema`, reading what the host wrote itself (a journal line, program.json): keys the strict
 * schema does not know are left out, as the parse of an older version did before it wrote the
 * line, instead of making the whole race unreadable. Every other problem is reported as before.
 */
export function leavingOutUnknownFields<T extends z.ZodType>(
  schema: T,
): z.ZodType<z.output<T>, z.input<T>> {
  return z.unknown().transform((value, context) => {
    let result = schema.safeParse(value);
    // One more try is enough: a parse reports the unknown keys of every object it reached.
    const unknown = result.success
      ? []
      : result.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
    if (unknown.length > 0) {
      const known = unknown.reduce(
        (copy, issue) => withoutKeys(copy, issue.path, issue.keys),
        value,
      );
      result = schema.safeParse(known);
    }
    if (result.success) return result.data;
    // The line's issues, as a parse of the strict schema words them (paths and messages kept).
    for (const issue of result.error.issues)
      context.issues.push({ ...issue, input: value } as z.core.$ZodRawIssue);
    return z.NEVER;
  }) as unknown as z.ZodType<z.output<T>, z.input<T>>;
}

/**
 * The refusal of a key named `__proto__`, `constructor` or `prototype` anywhere in a request
 * (nested too), naming its path (`command.skaters[0].__proto__: forbidden field ...`), or null.
 * JSON.parse, a WebSocket frame and Electron's structured clone all keep such a key as an own
 * field; no schema has one, and no request may carry one into the host.
 */
export function forbiddenFieldProblem(value: unknown, root = ''): string | null {
  // Iterative, so a deeply nested junk value cannot overflow the stack.
  const pending: { value: unknown; path: string }[] = [{ value, path: root }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: node, path } = next;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const [index, item] of (node as unknown[]).entries())
        pending.push({ value: item, path: `${path}[${index}]` });
      continue;
    }
    for (const [key, item] of Object.entries(node)) {
      const at = path ? `${path}.${key}` : key;
      if (forbiddenKeys.has(key))
        return `${at}: forbidden field ${quoted(key)} (__proto__, constructor and prototype are never accepted)`;
      pending.push({ value: item, path: at });
    }
  }
  return null;
}
