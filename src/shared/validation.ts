import type { z } from 'zod';

/**
 * The one zod-issue formatter (issue 10): one line per problem, each naming where it is, under
 * `root` when given: `skaters[2].name: name is missing`. `separator` joins the lines ('; ' for a
 * log line or a one-line answer). Unknown fields read as strict objects word them
 * (src/shared/unknown-fields.ts): `command.lap: unknown field "lap" (did you mean "laps"?)`.
 */
export function describeIssues(error: z.ZodError, root = '', separator = '\n'): string {
  return error.issues
    .map((issue) => {
      const path = placeOf(issue).reduce<string>(
        (text, key) =>
          typeof key === 'number'
            ? `${text}[${key}]`
            : text
              ? `${text}.${String(key)}`
              : String(key),
        root,
      );
      const message =
        issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
          ? `missing (expected ${issue.expected})`
          : issue.message;
      // A custom issue whose message already names its place (a nested parser's own words).
      const placed = issue.code === 'custom' && issue.params?.placed === true;
      return path && !placed ? `${path}: ${message}` : message;
    })
    .join(separator);
}

/**
 * The first problem only, as describeIssues writes it; `whole` names the value when the
 * problem has no path (`payload: expected an object`).
 */
export function describeFirstIssue(error: z.ZodError, whole: string): string {
  const issue = error.issues[0];
  if (!issue) return `${whole}: invalid`;
  const line = describeIssues({ issues: [issue] } as unknown as z.ZodError);
  return placeOf(issue).length > 0 ? line : `${whole}: ${line}`;
}

/** Where an issue is: its path, and for one unknown field the field itself (cut short if long). */
function placeOf(issue: z.core.$ZodIssue): PropertyKey[] {
  if (issue.code !== 'unrecognized_keys' || issue.keys.length !== 1) return issue.path;
  const key = issue.keys[0]!;
  return [...issue.path, key.length > 100 ? `${key.slice(0, 100)}…` : key];
}
