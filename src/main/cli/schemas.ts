import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { resultsDocumentSchema } from '../../shared/export/results-document.ts';
import { feedSchema } from '../../shared/feed/schema.ts';
import { raceSheetSchema } from '../../shared/sheet/sheet.ts';
import { commandSchemas } from '../server/api-routes.ts';

/** The JSON Schemas the project publishes, by file name (resources/schemas/). */
export function jsonSchemas(): Record<string, unknown> {
  const options = { io: 'input', unrepresentable: 'any' } as const;
  const { raceRequest, programCommand } = commandSchemas();
  return {
    'race-sheet.schema.json': z.toJSONSchema(raceSheetSchema, options),
    'race-request.schema.json': raceRequest,
    'program-command.schema.json': programCommand,
    'feed.schema.json': z.toJSONSchema(feedSchema, options),
    'results.schema.json': z.toJSONSchema(resultsDocumentSchema, {
      io: 'output',
      unrepresentable: 'any',
    }),
  };
}

/** The text of a schema file as written to disk. */
export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Writes every published schema into a folder; returns the paths written. */
export async function writeSchemas(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const path = join(dir, name);
    await writeFile(path, schemaText(schema));
    written.push(path);
  }
  return written;
}
