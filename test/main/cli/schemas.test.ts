import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, schemaText } from '../../../src/main/cli/schemas.ts';

describe('published JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))(
    'resources/schemas/%s is up to date (run `npx massstart schemas`)',
    (name, schema) => {
      expect(readFileSync(`resources/schemas/${name}`, 'utf8')).toBe(schemaText(schema));
    },
  );

  it('the race sheet schema documents the documented shape', () => {
    const schema = jsonSchemas()['race-sheet.schema.json'] as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties)).toEqual([
      'format',
      'round',
      'qualifiers',
      'title',
      'skaters',
      'sprints',
      'finish',
      'status',
      'laps',
      'advanced',
    ]);
    expect(schema.required).toEqual(['format', 'round', 'skaters']);
    expect(schema.additionalProperties).toBe(false);
  });
});
