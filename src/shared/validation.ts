import type { z } from 'zod';

/**
 * The one zod-issue formatter (issue 10): one line per problem, each naming where it is, under
 * `root` when given: `skaters[2].name: name is missing`. `separator` joins the lines ('; ' for a
 * log line or a one-line answer).
 */
export function describeIssues(error: z.ZodError, root = '', separator = '\n'): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.reduce<string>(
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
  return issue.path.length > 0 ? line : `${whole}: ${line}`;
}
