import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../src/shared/validation.ts';

const schema = z.object({
  title: z.string(),
  skaters: z.array(z.object({ bib: z.number(), name: z.string().min(1, 'name is missing') })),
});

const errorOf = (value: unknown): z.ZodError => schema.safeParse(value).error!;

describe('describeIssues', () => {
  it('names where each problem is: dotted keys, indexes in brackets, one line each', () => {
    const error = errorOf({
      title: 'Semi 1',
      skaters: [
        { bib: 1, name: 'A' },
        { bib: 2, name: '' },
      ],
    });
    expect(describeIssues(error)).toBe('skaters[1].name: name is missing');
  });

  it('says "missing" for an absent field, and puts the paths under a root when given', () => {
    const error = errorOf({ skaters: [] });
    expect(describeIssues(error)).toBe('title: missing (expected string)');
    expect(describeIssues(error, 'command')).toBe('command.title: missing (expected string)');
  });

  it('joins several problems with the separator', () => {
    const error = errorOf({ skaters: [{ bib: 'one', name: '' }] });
    const lines = describeIssues(error).split('\n');
    expect(lines).toHaveLength(3);
    expect(describeIssues(error, '', '; ')).toBe(lines.join('; '));
  });

  it('leaves a problem of the whole value without a path', () => {
    expect(describeIssues(errorOf(42))).toBe('Invalid input: expected object, received number');
  });
});
