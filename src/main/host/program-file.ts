import { readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import {
  boardSceneSchema,
  defaultDisplaySettings,
  displaySettingsSchema,
} from '../../shared/protocol/program.ts';
import { writeFileAtomic } from './atomic-file.ts';

const phaseKeySchema = z.object({
  raceId: z.string().nullable(),
  phase: z.enum(['none', 'start', 'live', 'finished', 'official']),
});

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
    /** Auto mode per output (issue 9); files written before it existed get it on. */
    auto: z.object({ board: z.boolean(), overlay: z.boolean() }).default({
      board: true,
      overlay: true,
    }),
    holds: z
      .object({ board: phaseKeySchema.nullable(), overlay: phaseKeySchema.nullable() })
      .default({ board: null, overlay: null }),
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
      auto: { board: true, overlay: true },
      holds: { board: null, overlay: null },
    },
    display: defaultDisplaySettings,
  };
}

/** program.json is there but not a program (not JSON, or not of the program's shape). */
export class ProgramFileDamagedError extends Error {
  override readonly name = 'ProgramFileDamagedError';
}

/** Reads program.json; null if there is none yet; ProgramFileDamagedError naming the file if it is damaged. */
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
    throw new ProgramFileDamagedError(
      `${path} is not valid JSON (${(error as Error).message}); restore it or move it aside`,
      { cause: error },
    );
  }
  const result = programFileSchema.safeParse(value);
  if (!result.success)
    throw new ProgramFileDamagedError(
      `${path} is damaged: ${result.error.issues[0]?.path.join('.') || 'program'}: ${result.error.issues[0]?.message ?? 'invalid'}`,
    );
  return result.data;
}

/** Saves program.json atomically. */
export async function writeProgramFile(path: string, program: ProgramFile): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(program, null, 2)}\n`);
}

/** Moves a damaged program.json to program.damaged-<time>.json beside it (kept for a person to look at). */
export async function setProgramFileAside(path: string, now: Date): Promise<string> {
  const target = path.replace(
    /\.json$/,
    `.damaged-${now.toISOString().replace(/[:.]/g, '-')}.json`,
  );
  await rename(path, target);
  return target;
}
