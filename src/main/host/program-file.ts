import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  boardSceneSchema,
  defaultDisplaySettings,
  displaySettingsSchema,
} from '../../shared/protocol/program.ts';
import { writeFileAtomic } from './atomic-file.ts';

/** The program as kept on disk: the meeting's races (each with its journal), active race, scenes. */
export const programFileSchema = z.object({
  version: z.literal(1),
  meeting: z.string(),
  races: z.array(z.object({ id: z.string(), category: z.string().default('') })),
  activeRaceId: z.string().nullable(),
  scenes: z.object({
    board: boardSceneSchema,
    overlay: z.object({
      lapsToGo: z.boolean(),
      standings: z.boolean(),
      sprint: z.boolean(),
      result: z.boolean(),
    }),
  }),
  display: displaySettingsSchema.default(defaultDisplaySettings),
});
export type ProgramFile = z.output<typeof programFileSchema>;

/** A new, empty program. */
export function emptyProgram(meeting = 'Mass Start meeting'): ProgramFile {
  return {
    version: 1,
    meeting,
    races: [],
    activeRaceId: null,
    scenes: {
      board: 'live',
      overlay: { lapsToGo: true, standings: true, sprint: true, result: false },
    },
    display: defaultDisplaySettings,
  };
}

/** Reads program.json; null if there is none yet; an error naming the file if it is damaged. */
export async function readProgramFile(path: string): Promise<ProgramFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${path} is not valid JSON (${(error as Error).message}); restore it or move it aside`,
      { cause: error },
    );
  }
  const result = programFileSchema.safeParse(value);
  if (!result.success)
    throw new Error(`${path} is damaged: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

/** Saves program.json atomically. */
export async function writeProgramFile(path: string, program: ProgramFile): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(program, null, 2)}\n`);
}
