import type { z } from 'zod';

/** One line per problem, each naming where it is: `skaters[2].name: name is missing`. */
export function describeIssues(error: z.ZodError, root = ''): string {
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
      return path ? `${path}: ${message}` : message;
    })
    .join('\n');
}
