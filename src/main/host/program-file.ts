import { readFile, rename } from 'node:fs/promises';
import { programFileSchema, type ProgramFile } from '../../shared/program/program-file.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { describeFirstIssue } from '../../shared/validation.ts';

// The program's shape (and its zod schema) is src/shared/program/program-file.ts; this file
// reads and writes DATA/program.json.

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
      `${path} is damaged: ${describeFirstIssue(result.error, 'program')}`,
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
