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
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('\n');
}
